package resolve

// modKind says which noun classes a modifier applies to by default.
type modKind uint8

const (
	// mDomain names a field of work and applies to every noun: "data
	// analyst", "data engineer", "head of data".
	mDomain modKind = iota
	// mTech is a technology. It only says what a developer, engineer,
	// specialist, administrator or lead works on: a "Java architect" is an
	// architect and a "Salesforce business analyst" a business analyst. An
	// ecosystem also speaks for an architect ("SAP Architect").
	mTech
	// mBlock names work outside the catalog ("sales", "HR", "accounting"):
	// it stops an engineer, analyst or manager from resolving, but not a
	// developer ("Finance Software Engineer" is still a developer).
	mBlock
	// mMark carries a flag and no role ("manual").
	mMark
)

// modFlag carries what the combination rules need to know.
type modFlag uint16

const (
	fFront  modFlag = 1 << iota // front-end evidence that can pair with back end into full stack
	fBack                       // back-end evidence that can pair with front end
	fJSLang                     // JavaScript or TypeScript: front end, but Node.js with TypeScript is back end
	fNode                       // the Node.js family
	fAuto                       // test automation evidence: turns QA into QA automation
	fManual                     // "manual": keeps QA manual
	fIOS                        // iOS and Android together make a mobile developer
	fAndroid
	fLayer // front end, back end, full stack: yields to an ecosystem such as WordPress
)

// modDef is a modifier. Role applies to every class of its kind; except
// overrides single classes, "class=slug" or "class=-" for none.
type modDef struct {
	phrases  string
	kind     modKind
	strength float64
	role     string
	except   string
	flags    modFlag
	also     string // a second role, offered at a lower score
}

// techClasses are the noun classes a technology speaks for.
var techClasses = []nounClass{cDev, cEngineer, cSpecialist, cAdmin, cLead, cNone}

var modifiers = []modDef{
	// Software roles by layer.
	{phrases: "backend|back|server side|serverside|be|backend side", strength: sStrong, role: rBackEnd, flags: fBack | fLayer},
	{phrases: "frontend|front|fe|client side|markup|html markup|front end web", strength: sStrong, role: rFrontEnd,
		flags: fFront | fLayer},
	{phrases: "fullstack|fs|full cycle|mern|mern stack|mean stack|lamp stack", strength: sStrong, role: rFullStack, flags: fLayer},
	{phrases: "web|website|websites|webdev", strength: sWeak, role: "-",
		except: "dev=full-stack-developer engineer=full-stack-developer designer=ui-ux-designer none=full-stack-developer " +
			"analyst=data-analyst"},
	{phrases: "ios|iphone|ipad", strength: sStrong, role: rIOS, except: "designer=-", flags: fIOS},
	{phrases: "android", strength: sStrong, role: rAndroid, except: "designer=-", flags: fAndroid},
	{phrases: "mobile|mobile app|mobile apps|movil|moviles|movel|aplicativos|aplicativo|apps moviles|" +
		"aplicaciones moviles|cross platform|multiplatform", strength: sWeak, role: rMobile,
		except: "designer=ui-ux-designer analyst=-"},
	{phrases: "api|apis|rest api|microservices|distributed systems|server|servers|middleware", strength: sWeak, role: rBackEnd,
		except: "analyst=- designer=- manager=- writer=technical-writer admin=system-administrator"},

	// Infrastructure and operations.
	{phrases: "devops|dev ops|ci cd|cicd|build release|release engineering", strength: sStrong, role: rDevOps},
	{phrases: "devsecops", strength: sStrong, role: rSecurity, also: rDevOps},
	{phrases: "sre|site reliability|systems reliability|infrastructure reliability|production engineering",
		strength: sStrong, role: rSRE},
	{phrases: "reliability|confiabilidad|confiabilidade", strength: sWeak, role: rSRE},
	{phrases: "cloud|nube|nuvem|cloud infrastructure|cloud operations|finops", strength: sWeak, role: rCloud},
	{phrases: "platform|plataforma|platforms", strength: sWeak, role: rDevOps,
		except: "designer=- analyst=- manager=- writer=- admin=-"},
	{phrases: "infrastructure|infra|infraestructura|infraestrutura|it infrastructure", strength: sWeak, role: rDevOps,
		except: "admin=system-administrator analyst=system-administrator specialist=system-administrator " +
			"designer=- writer=- manager=-"},
	{phrases: "sysops|systems administration|system administration|servidores|servidor", strength: sStrong,
		role: rSysadmin},
	{phrases: "system|systems|sistemas|sistema", strength: sWeak, role: "-",
		except: "analyst=business-analyst admin=system-administrator engineer=system-administrator " +
			"architect=software-architect specialist=system-administrator"},
	{phrases: "network|networks|networking|redes|rede|telecom|voip|telephony|asterisk|pbx|active directory|vmware|" +
		"windows server", strength: sFramework, role: rSysadmin, except: "designer=- writer=-"},
	{phrases: "it|ti|information technology", strength: sWeak, role: "-",
		except: "admin=system-administrator specialist=system-administrator engineer=system-administrator " +
			"none=technical-support-engineer"},
	{phrases: "support|soporte|suporte|helpdesk|service desk|desktop support|technical support|it support|" +
		"soporte tecnico|suporte tecnico|application support|production support|customer support|product support|" +
		"l1 support|l2 support", strength: sStrong, role: rSupport, except: "designer=- manager=-"},

	// Quality.
	{phrases: "qa|sqa|quality assurance|qa qc|testing|test|tests|teste|testes|pruebas|prueba|calidad|qualidade|" +
		"quality|software quality|quality engineering", strength: sFunction, role: rQA, except: "designer=- writer=-"},
	{phrases: "qc|quality control", strength: sWeak, role: rQA},
	{phrases: "aqa|qa automation|automation qa|test automation|automation test|automated testing|automated test|" +
		"autotest|autotests|automation testing|testes automatizados|automatizacion pruebas|automacao testes|" +
		"automatizacao testes", strength: sFunction, role: rQAAuto, flags: fAuto},
	{phrases: "automation|automatizacion|automacao|automated", strength: sStrong, role: rQAAuto,
		except: "manager=- analyst=- designer=- writer=- specialist=- lead=- architect=-", flags: fAuto},
	{phrases: "manual", kind: mMark, flags: fManual},
	{phrases: "selenium|playwright|cypress|appium|webdriver|webdriverio|cucumber|testng|pytest|jmeter|gatling|k6|" +
		"load testing|performance testing|robot framework|rest assured|serenity", kind: mTech, strength: sFramework,
		role: rQAAuto, flags: fAuto},

	// Data.
	// A bare "Data Manager" manages data, not data engineers; "Head of Data
	// Engineering" leads data engineering.
	{phrases: "data|datos|dados", strength: sStrong, role: rDataEng,
		except: "analyst=data-analyst scientist=data-scientist designer=- writer=- manager=- tester=- " +
			"specialist=data-analyst"},
	{phrases: "data engineering|big data|etl|elt|dwh|data warehouse|data warehousing|data pipeline|data pipelines|" +
		"data lake|lakehouse|data platform|data integration|data infrastructure|ingenieria datos|engenharia dados",
		strength: sStrong, role: rDataEng,
		except: "analyst=data-analyst scientist=data-scientist designer=- writer=- tester=- specialist=data-analyst"},
	{phrases: "analytics|analitica|analise|analisis|data analysis|data analytics|product analytics|" +
		"marketing analytics|web analytics|business intelligence|inteligencia negocios|bi|reporting|insights",
		strength: sStrong, role: rDataAn, except: "engineer=data-engineer designer=- writer=-"},
	{phrases: "analytics engineering|analytics engineer", strength: sStrong, role: rDataEng, also: rDataAn},
	{phrases: "powerbi|tableau|looker|qlik|metabase|superset|excel|google analytics|sql analyst", kind: mTech,
		strength: sFramework, role: rDataAn, except: "analyst=data-analyst"},
	{phrases: "data science|ciencia datos|ciencia dados|decision science|applied science", strength: sStrong,
		role: rDataSci},
	{phrases: "quantitative|quant|statistics|estadistica|estatistica|statistical", strength: sWeak, role: rDataSci,
		except: "designer=- writer=-"},
	{phrases: "airflow|spark|pyspark|dbt|hadoop|databricks|snowflake|redshift|bigquery|flink|apache beam|" +
		"azure data factory|data factory|informatica|talend|ssis|nifi|hive|presto|trino|nextflow|fivetran|dagster",
		kind: mTech, strength: sFramework, role: rDataEng},
	{phrases: "kafka|rabbitmq", kind: mTech, strength: sLanguage, role: rBackEnd, also: rDataEng},

	// Machine learning and AI.
	{phrases: "ml|machine learning|deep learning|computer vision|cv|nlp|mlops|natural language processing|" +
		"aprendizaje automatico|aprendizado maquina|reinforcement learning|recommender systems|" +
		"recommendation systems|speech recognition|applied ml|rl|inference|model training", strength: sStrong, role: rML,
		except: "designer=- writer=- analyst=data-scientist"},
	{phrases: "ai|ia|artificial intelligence|inteligencia artificial|genai|generative ai|llm|llms|rag|agentic|" +
		"ai agent|ai agents|ai automation|prompt|prompt engineering|conversational ai|chatbot|chatbots|applied ai|" +
		"gen ai|ai ml|multi agent|multiagent|ai agent systems", strength: sStrong, role: rAI, except: "designer=- writer=- analyst=data-analyst"},
	{phrases: "pytorch|tensorflow|keras|scikit learn|sklearn|opencv|xgboost|hugging face|huggingface|yolo",
		kind: mTech, strength: sFramework, role: rML},
	{phrases: "langchain|langgraph|llamaindex|openai|gpt|chatgpt|claude code|vector database|vertex ai|bedrock",
		kind: mTech, strength: sFramework, role: rAI},

	// Security.
	{phrases: "security|seguridad|seguranca|cybersecurity|cyber security|ciberseguridad|ciberseguranca|infosec|" +
		"information security|seguridad informatica|seguranca informacao|appsec|application security|soc|siem|" +
		"pentest|pentesting|penetration|penetration testing|red team|blue team|offensive security|offensive|iam|" +
		"identity access management|access management|identity management|vulnerability|threat|incident response|" +
		"malware|forensics|cyber|secops|cloud security|security testing|grc|it audit|it auditor|security audit|" +
		"iso 27001|soc2|soc 2", strength: sStrong, role: rSecurity,
		except: "designer=- writer=-"},

	// Databases.
	{phrases: "database|databases|base datos|bases datos|banco dados|db|database reliability", strength: sStrong,
		role: rDBA, except: "analyst=database-administrator designer=- writer=-"},
	{phrases: "sql|plsql|pl sql|tsql|t sql|oracle|oracle apex", kind: mTech, strength: sLanguage, role: rDBA},
	{phrases: "postgresql|postgres|mysql|mariadb|mongodb|mongo|sql server|mssql|cassandra|redis|elasticsearch",
		kind: mTech, strength: sInfra, role: rDBA},

	// Embedded, hardware, games, blockchain.
	{phrases: "embedded|embebido|embebidos|embarcado|embarcados|firmware|bare metal|baremetal|rtos|freertos|zephyr|" +
		"microcontroller|microcontrollers|mcu|fpga|asic|verilog|vhdl|device driver|device drivers|linux driver|" +
		"kernel driver|bsp|yocto|sistemas embebidos|sistemas embarcados|vlsi", strength: sStrong, role: rEmbedded,
		except: "designer=- writer=-"},
	{phrases: "hardware|hw|electronics|electronic|electronica|eletronica|pcb|iot|internet things|rf|radio frequency|" +
		"robotics|robotica|sdr|signal processing|dsp|mechatronics", strength: sWeak, role: rEmbedded,
		except: "designer=- writer=- analyst=-"},
	{phrases: "stm32|esp32|arduino|raspberry pi|plc|can bus|uav|drone|drones|kernel|linux kernel", kind: mTech,
		strength: sLanguage, role: rEmbedded},
	{phrases: "c", kind: mTech, strength: sLanguage, role: rEmbedded},
	{phrases: "game|games|gamedev|game development|videojuegos|videojuego|juegos|jogos|jogo|video games|videogames|" +
		"gameplay|video game", strength: sWeak, role: rGame, except: "analyst=data-analyst designer=- tester=qa-engineer"},
	{phrases: "unity|unity3d|unreal|unreal engine|ue4|ue5|godot|cocos|cocos2d|cocos creator|phaser|defold",
		kind: mTech, strength: sPlatform, role: rGame},
	{phrases: "blockchain|web3|defi|dapp|dapps|nft|smart contract|smart contracts|contratos inteligentes|solidity|" +
		"solana|ethereum|evm|hardhat", strength: sStrong, role: rBlockchain,
		except: "designer=- writer=- analyst=data-analyst"},
	{phrases: "crypto|cryptocurrency", strength: sWeak, role: rBlockchain,
		except: "analyst=data-analyst designer=- manager=- writer=-"},

	// Ecosystems that are the job.
	{phrases: "salesforce|sfdc|apex|lwc|lightning web components|visualforce|marketing cloud|sales cloud|" +
		"service cloud|commerce cloud|vlocity|pardot|salesforce lightning", kind: mTech, strength: sPlatform,
		role: rSalesforce},
	{phrases: "sap|abap|sap hana|s4hana|hana|odoo|openerp|dynamics|dynamics 365|d365|microsoft dynamics|ms dynamics|" +
		"dynamics crm|dynamics ax|dynamics nav|navision|business central|1c|netsuite|oracle ebs|oracle erp|" +
		"power platform|power apps|powerapps|creatio|acumatica|sage|erpnext|sap pm|sap mm|sap sd|sap fi|sap co|" +
		"sap fico|sap hr|sap bw|sap basis|sap ewm|sap tm|sap ps|sap ui5|sapui5|fiori", kind: mTech, strength: sPlatform, role: rERP},
	{phrases: "erp", strength: sStrong, role: rERP, except: "analyst=business-analyst designer=- writer=-"},
	{phrases: "crm", strength: sWeak, role: rERP, except: "analyst=business-analyst designer=- manager=- writer=-"},
	{phrases: "wordpress|woocommerce|elementor|wp|gutenberg", kind: mTech, strength: sPlatform, role: rWordPress},
	{phrases: "drupal|joomla|magento|shopware|bitrix|prestashop|opencart", kind: mTech, strength: sFramework,
		role: rBackEnd},
	// A Shopify developer builds themes and the apps behind them.
	{phrases: "shopify", kind: mTech, strength: sFramework, role: rFullStack, also: rFrontEnd},
	{phrases: "webflow|wix|squarespace|tilda", kind: mTech, strength: sFramework, role: rFrontEnd},

	// Front-end technology.
	{phrases: "react|reactjs|angular|angularjs|angular js|vue|vuejs|nuxt|nuxtjs|nextjs|svelte|sveltekit|ember|" +
		"emberjs|jquery|redux|html|html5|css|css3|sass|scss|tailwind|webgl|threejs|three js|pixijs|pixi|d3|d3js|" +
		"gatsby|storybook|figma to code", kind: mTech, strength: sFramework, role: rFrontEnd, flags: fFront},
	{phrases: "javascript|js|typescript|ts|ecmascript", kind: mTech, strength: sLanguage, role: rFrontEnd,
		flags: fFront | fJSLang},

	// Back-end technology.
	{phrases: "django|flask|fastapi|spring|spring boot|springboot|laravel|symfony|symphony|codeigniter|yii|zend|" +
		"ruby rails|rails|ror|asp dotnet|aspnet|dotnet|dotnet core|net|net core|blazor|entity framework|hibernate|" +
		"phoenix|gin|grpc|graphql|serverless", kind: mTech, strength: sFramework, role: rBackEnd, flags: fBack},
	{phrases: "nodejs|node|nestjs|nest|express|expressjs|koa|deno|bun", kind: mTech, strength: sFramework,
		role: rBackEnd, flags: fBack | fNode},
	{phrases: "python|java|php|ruby|golang|go|csharp|scala|elixir|erlang|clojure|haskell|rust|perl|fsharp|groovy|" +
		"vbnet|ocaml", kind: mTech, strength: sLanguage, role: rBackEnd, flags: fBack},
	{phrases: "cpp|delphi|cobol|pascal|fortran", kind: mTech, strength: sLanguage, role: rBackEnd},
	{phrases: "r", kind: mTech, strength: sLanguage, role: rDataSci},

	// Mobile technology.
	{phrases: "flutter|react native|reactnative|xamarin|ionic|kotlin multiplatform|kmp|capacitor|cordova|expo|maui",
		kind: mTech, strength: sFramework, role: rMobile},
	{phrases: "dart", kind: mTech, strength: sLanguage, role: rMobile},
	{phrases: "swift|swiftui|objective c|objc|uikit|xcode|macos|mac os|osx|appkit|core ml|coreml", kind: mTech, strength: sFramework, role: rIOS},
	{phrases: "kotlin", kind: mTech, strength: sLanguage, role: rAndroid},
	{phrases: "jetpack|jetpack compose|android sdk", kind: mTech, strength: sFramework, role: rAndroid},

	// Infrastructure technology.
	{phrases: "terraform|ansible|helm|jenkins|gitops|openstack|argocd|argo cd|pulumi|" +
		"cloudformation|puppet|prometheus|grafana|gitlab ci|github actions|istio|openshift", kind: mTech,
		strength: sFramework, role: rDevOps},
	// Containers are where most server-side code runs: they name a DevOps
	// job alone ("Kubernetes Engineer") but not beside a developer's
	// language ("Java Developer (Docker, Kubernetes)").
	{phrases: "kubernetes|k8s|docker", kind: mTech, strength: sLanguage, role: rDevOps},
	// Linux makes an engineer or an administrator a system administrator,
	// but a "Linux Software Engineer" is still a developer.
	{phrases: "linux|unix|windows|bash|powershell|jira|confluence|atlassian", kind: mTech, strength: sLanguage,
		role: rSysadmin, except: "dev=-"},
	{phrases: "aws|azure|gcp|google cloud|amazon web services|ec2|lambda", kind: mTech, strength: sInfra, role: rCloud},

	// Management, product and design fields.
	{phrases: "product|producto|produto|digital product", strength: sStrong, role: "-",
		except: "designer=product-designer manager=product-manager lead=product-manager analyst=data-analyst"},
	{phrases: "project|projects|proyecto|proyectos|projeto|projetos|program|programme|delivery|portfolio",
		strength: sStrong, role: "-", except: "manager=project-manager lead=project-manager"},
	{phrases: "engineering|ingenieria|engenharia|development|desarrollo|desenvolvimento|r d|rnd|technology|" +
		"tecnologia|software engineering|software development", strength: sWeak, role: "-",
		except: "manager=engineering-manager lead=tech-lead"},
	{phrases: "design|diseno", strength: sWeak, role: "-", except: "manager=ui-ux-designer lead=ui-ux-designer"},
	{phrases: "ui|ux|ui ux|ux ui|user experience|experiencia usuario|experiencia usuario|user interface|" +
		"interfaces|interface|ux research|ux writing|usability", strength: sStrong, role: rUIUX,
		except: "dev=front-end-developer engineer=front-end-developer"},
	{phrases: "interaction|visual|figma", strength: sWeak, role: "-", except: "designer=ui-ux-designer"},
	{phrases: "business|negocios|negocio|business systems|business process|processos|procesos|functional|funcional|" +
		"requirements|requisitos|business analysis", strength: sStrong, role: "-",
		except: "analyst=business-analyst"},
	{phrases: "scrum|agile|agil", strength: sStrong, role: rScrum, except: "designer=- analyst=business-analyst"},
	{phrases: "technical|tecnico|tecnica", strength: sWeak, role: "-",
		except: "writer=technical-writer architect=software-architect"},
	{phrases: "documentation|documentacion|documentacao|docs|api documentation", strength: sStrong, role: rTechWriter},
	{phrases: "solution|solutions|enterprise|soluciones|solucoes|application|applications|aplicaciones", strength: sWeak,
		role: "-", except: "architect=software-architect"},

	// Work outside the catalog.
	{phrases: "sales|ventas|vendas|comercial|business development|business developer|account|accounts|hr|" +
		"human resources|recursos humanos|rrhh|recruiting|recruitment|talent acquisition|accounting|contabilidad|" +
		"contabil|financial|finance|finanzas|financas|legal|juridico|customer service|call center|truck|caminhao|" +
		"camion|warehouse|office|mechanical|civil|chemical|structural|petroleum|construction|nursing|data entry|smm|" +
		"seo|social media|community|retail|restaurant|hospitality|real estate|insurance", kind: mBlock},
}
