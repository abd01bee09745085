package resolve

import "github.com/hirebase/hirebase/internal/hirebase"

// The lexicon below is the resolver's own knowledge, independent of the
// catalog files: every catalog slug can be reached from it alone, and the
// catalog's names and alternative names are added on top in New.
//
// A title is read as nouns ("developer", "analista", "architect") and the
// modifiers around them ("backend", "de datos", "Django"). The noun's class
// decides what a modifier means: "data" makes an engineer a data engineer
// but an analyst a data analyst, and "product" makes a designer a product
// designer but leaves an engineer alone. Phrases are written as the
// normaliser leaves them: lower-case ASCII, stop words ("de", "of", "in")
// dropped, compounds joined ("backend", "fullstack", "devops").

// The catalog slugs the lexicon resolves to.
const (
	rBackEnd    = "back-end-developer"
	rFrontEnd   = "front-end-developer"
	rFullStack  = "full-stack-developer"
	rMobile     = "mobile-developer"
	rIOS        = "ios-developer"
	rAndroid    = "android-developer"
	rDevOps     = "devops-engineer"
	rSRE        = "site-reliability-engineer"
	rCloud      = "cloud-engineer"
	rQA         = "qa-engineer"
	rQAAuto     = "qa-automation-engineer"
	rDataEng    = "data-engineer"
	rDataAn     = "data-analyst"
	rDataSci    = "data-scientist"
	rML         = "machine-learning-engineer"
	rAI         = "ai-engineer"
	rSecurity   = "security-engineer"
	rDBA        = "database-administrator"
	rSysadmin   = "system-administrator"
	rEmbedded   = "embedded-engineer"
	rGame       = "game-developer"
	rBlockchain = "blockchain-developer"
	rSalesforce = "salesforce-developer"
	rWordPress  = "wordpress-developer"
	rERP        = "erp-developer"
	rArchitect  = "software-architect"
	rTechLead   = "tech-lead"
	rEngMgr     = "engineering-manager"
	rUIUX       = "ui-ux-designer"
	rProdDesign = "product-designer"
	rProdMgr    = "product-manager"
	rProjMgr    = "project-manager"
	rScrum      = "scrum-master"
	rBA         = "business-analyst"
	rTechWriter = "technical-writer"
	rSupport    = "technical-support-engineer"
)

// nounClass groups job nouns by how modifiers combine with them.
type nounClass uint8

const (
	cDev        nounClass = iota // developer, programador: technology decides, else generic
	cEngineer                    // engineer, ingeniero: technology decides, never generic
	cAnalyst                     // analyst, analista
	cDesigner                    // designer, diseñador
	cManager                     // manager, head, director, gerente
	cLead                        // lead, tech lead, líder técnico
	cArchitect                   // architect, arquitecto
	cScientist                   // scientist, researcher
	cAdmin                       // administrator, administrador
	cSpecialist                  // specialist, consultant, expert, técnico
	cTester                      // tester
	cWriter                      // writer, redactor
	cNonTech                     // nurse, driver, accountant: never a catalog role
	cNone                        // no noun in the part: modifiers stand alone ("Sr. DevOps")
	numClasses
)

var classNames = [numClasses]string{"dev", "engineer", "analyst", "designer", "manager", "lead",
	"architect", "scientist", "admin", "specialist", "tester", "writer", "nontech", "none"}

// Strengths rank evidence. A word that names the role beats the default of
// a role noun, which beats a product ecosystem, which beats a framework, a
// broad domain, a language, an infrastructure word and, last, a bare
// generic noun. Ties go to the modifier nearest the noun.
const (
	sExact     = 6.0 // the title is a catalog name
	sFunction  = 5.2 // quality assurance: a function applied to any domain ("Mobile QA")
	sStrong    = 5.0 // names the role: backend, data, devops, security
	sNoun      = 4.5 // what a role noun is by itself: tech lead, scientist
	sPlatform  = 4.0 // an ecosystem that is the job: SAP, Salesforce, WordPress, Unity
	sArchitect = 3.5 // a bare architect: below an ecosystem, above a framework
	sFramework = 3.0 // Django, React, Flutter, Terraform, Airflow, Selenium
	sWeak      = 2.5 // a broad domain: web, mobile, cloud, platform, hardware
	sLanguage  = 2.0 // Python, Java, JavaScript: used by several roles
	sAnalyst   = 1.5 // a bare "analyst" reads as a data analyst, modestly
	sInfra     = 1.0 // AWS, PostgreSQL, Linux mentioned in passing
	sGeneric   = 0.5 // a bare "Software Engineer" or "Developer"
)

// nounDef is a job noun. Role and strength give what the noun means alone;
// post marks Spanish and Portuguese nouns, whose modifiers follow them.
type nounDef struct {
	phrases  string
	class    nounClass
	role     string
	strength float64
	post     bool
	also     string // a second role, offered at a lower score
}

var nouns = []nounDef{
	// A bare generic developer resolves to full stack with a modest score:
	// a software engineer with no stated specialisation works across the
	// stack, and the low score tells the caller it was a guess.
	{phrases: "developer|dev|programmer|coder|software engineer|software developer|software development engineer|" +
		"sde|swe|application developer|applications developer|programming",
		class: cDev, role: rFullStack, strength: sGeneric},
	{phrases: "desarrollador|desarrolladora|programador|programadora|desenvolvedor|desenvolvedora|" +
		"ingeniero software|ingeniera software|engenheiro software|engenheira software|analista programador|" +
		"analista desarrollador|analista desenvolvedor|desarrollador software|desenvolvedor software",
		class: cDev, role: rFullStack, strength: sGeneric, post: true},
	{phrases: "engineer|engineers", class: cEngineer},
	{phrases: "ingeniero|ingeniera|engenheiro|engenheira", class: cEngineer, post: true},
	{phrases: "analyst", class: cAnalyst, role: rDataAn, strength: sAnalyst},
	{phrases: "analista", class: cAnalyst, role: rDataAn, strength: sAnalyst, post: true},
	{phrases: "designer", class: cDesigner},
	{phrases: "disenador|disenadora", class: cDesigner, post: true},
	{phrases: "manager|coordinator|director|head|vp|vice president|chief|supervisor|owner", class: cManager},
	{phrases: "gerente|coordinador|coordinadora|coordenador|coordenadora|directora|diretor|diretora|jefe|jefa|" +
		"gestor|gestora|responsable", class: cManager, post: true},
	{phrases: "lead|leader|techlead|teamlead|technical lead|team leader|tech leader|technical leader|lead developer|" +
		"lead engineer|lead software engineer|lead software developer|lead programmer|dev lead|chapter lead",
		class: cLead, role: rTechLead, strength: sNoun},
	{phrases: "lider|lider tecnico|lider equipo|lider tecnica", class: cLead, role: rTechLead, strength: sNoun, post: true},
	// An architect yields to the field ("Security Architect") and to the
	// ecosystem ("Salesforce Architect") it names, never to a language.
	{phrases: "architect", class: cArchitect, role: rArchitect, strength: sArchitect},
	{phrases: "arquitecto|arquitecta|arquiteto|arquiteta", class: cArchitect, role: rArchitect, strength: sArchitect,
		post: true},
	{phrases: "scientist|statistician|mathematician", class: cScientist, role: rDataSci, strength: sNoun},
	{phrases: "cientifico|cientifica|cientista|estadistico|estatistico", class: cScientist, role: rDataSci,
		strength: sNoun, post: true},
	{phrases: "researcher", class: cScientist},
	{phrases: "investigador|investigadora|pesquisador|pesquisadora", class: cScientist, post: true},
	{phrases: "administrator|admin", class: cAdmin, role: rSysadmin, strength: 3},
	{phrases: "administrador|administradora", class: cAdmin, role: rSysadmin, strength: 3, post: true},
	{phrases: "specialist|expert|consultant|officer|technician|professional|auditor", class: cSpecialist},
	{phrases: "especialista|consultor|consultora|profissional|profesional", class: cSpecialist, post: true},
	{phrases: "tester|testers|qa tester", class: cTester, role: rQA, strength: sNoun},
	{phrases: "testador|testadora|probador", class: cTester, role: rQA, strength: sNoun, post: true},
	{phrases: "writer|author", class: cWriter},
	{phrases: "redactor|redactora|redator|redatora|escritor|escritora", class: cWriter, post: true},
	{phrases: "documentador|documentadora", class: cWriter, role: rTechWriter, strength: sNoun, post: true},

	// Nouns that carry their role whole.
	{phrases: "scrum master|agile coach|scrum coach|agilista|agile master|iteration manager|agile delivery lead",
		class: cManager, role: rScrum, strength: sStrong},
	{phrases: "product owner", class: cManager, role: rProdMgr, strength: sStrong},
	// "PM" is read as project manager, the sense agencies mostly mean; a
	// product manager is offered second.
	{phrases: "pm", class: cManager, role: rProjMgr, strength: sStrong, also: rProdMgr},
	{phrases: "ba", class: cAnalyst, role: rBA, strength: sStrong},
	{phrases: "dba", class: cAdmin, role: rDBA, strength: sStrong},
	{phrases: "sdet|developer test|engineer test|dev test|software development engineer test|" +
		"software engineer test|software developer test|qa automatizador|automatizador", class: cEngineer,
		role: rQAAuto, strength: sStrong},
	{phrases: "cto|chief technology officer|vp engineering|vice president engineering", class: cManager,
		role: rEngMgr, strength: sNoun},
	{phrases: "ciso|chief information security officer", class: cManager, role: rSecurity, strength: sNoun},
	{phrases: "pentester|penetration tester|ethical hacker|pen tester", class: cTester, role: rSecurity, strength: sStrong},
	{phrases: "game developer|game engineer|game programmer|gameplay programmer|games developer|gameplay developer|" +
		"gameplay engineer|video game developer", class: cDev, role: rGame, strength: sNoun},
	{phrases: "technical writer|tech writer|technical author|redactor tecnico|redator tecnico|escritor tecnico",
		class: cWriter, role: rTechWriter, strength: sStrong},
	{phrases: "sysadmin|sys admin|system administrator|systems administrator", class: cAdmin, role: rSysadmin,
		strength: sStrong},

	// Occupations outside the catalog. They are nouns so that a technology
	// next to them ("SAP Accountant") cannot turn them into a tech role.
	{phrases: "nurse|nurses|rn|driver|drivers|accountant|bookkeeper|cashier|recruiter|executive|representative|" +
		"assistant|receptionist|teacher|tutor|lawyer|attorney|paralegal|cook|chef|waiter|waitress|cleaner|" +
		"electrician|plumber|mechanic|physician|doctor|pharmacist|dentist|therapist|psychologist|caregiver|" +
		"salesperson|clerk|translator|interpreter|copywriter|photographer|carpenter|welder|janitor|housekeeper|" +
		"bartender|barista|courier|nanny|secretary|underwriter|broker|associate",
		class: cNonTech},
	{phrases: "enfermera|enfermero|enfermeira|enfermeiro|motorista|conductor|chofer|contador|contadora|cajero|cajera|" +
		"reclutador|reclutadora|recrutador|recrutadora|ejecutivo|ejecutiva|executivo|executiva|representante|" +
		"asistente|assistente|recepcionista|profesor|profesora|professor|professora|abogado|abogada|advogado|" +
		"advogada|cocinero|cocinera|cozinheiro|cozinheira|mesero|mesera|garcom|electricista|eletricista|mecanico|" +
		"medico|medica|farmaceutico|psicologo|psicologa|cuidador|cuidadora|vendedor|vendedora|traductor|tradutor|" +
		"secretaria|secretario|limpieza|faxineira|pedreiro|albanil", class: cNonTech, post: true},
}

// Seniority words. Strong, Upper and "+" do not move a tier: "Strong
// Junior" is junior and "Middle+" is mid.
var levelWords = map[string]hirebase.LevelKey{
	"junior": hirebase.Junior, "jr": hirebase.Junior, "jun": hirebase.Junior, "trainee": hirebase.Junior,
	"intern": hirebase.Junior, "internship": hirebase.Junior, "estagiario": hirebase.Junior,
	"estagiaria": hirebase.Junior, "estagio": hirebase.Junior, "pasante": hirebase.Junior,
	"practicante": hirebase.Junior, "becario": hirebase.Junior, "becaria": hirebase.Junior,
	"aprendiz": hirebase.Junior, "apprentice": hirebase.Junior, "graduate": hirebase.Junior,
	"entrylevel": hirebase.Junior,

	"middle": hirebase.Mid, "mid": hirebase.Mid, "midlevel": hirebase.Mid, "intermediate": hirebase.Mid,
	"medior": hirebase.Mid, "regular": hirebase.Mid, "pleno": hirebase.Mid, "plena": hirebase.Mid,
	"semisenior": hirebase.Mid, "ssr": hirebase.Mid, "ii": hirebase.Mid,

	"senior": hirebase.Senior, "sr": hirebase.Senior, "snr": hirebase.Senior, "sen": hirebase.Senior,
	"lead": hirebase.Senior, "leader": hirebase.Senior, "lider": hirebase.Senior, "principal": hirebase.Senior,
	"staff": hirebase.Senior, "teamlead": hirebase.Senior, "techlead": hirebase.Senior, "iii": hirebase.Senior, "iv": hirebase.Senior,
}

// stopWords are dropped before phrases are matched, so "Ingeniero de Datos"
// reads as "ingeniero datos" and "Ruby on Rails" as "ruby rails".
var stopWords = "and or the a an in on to y e o u la el lo los las en em no na nos nas al por und et"

// ofWords are dropped too, but mark the next word as modifying the noun
// before it: "Head of Data", "Analista de Sistemas".
var ofWords = "of de da do del das dos di du"

// connectors start a new part of the title: what follows "at", "for" or
// "with" is a company, a project or an extra skill, not the job itself.
var connectors = "at for with para con com"

// noiseWords say nothing about the role; they are left out when a title is
// compared with catalog names for an exact match.
var noiseWords = "remote remotely remoto remota hybrid hibrido hibrida onsite presencial relocation relocate " +
	"reubicacion realocacao fulltime full time part contract contractor freelance freelancer temporary temp " +
	"urgent urgente hiring vacancy vacante vaga job position role puesto opportunity wanted needed looking " +
	"strong upper plus new we are is our your you worldwide anywhere latam"

// plainWords are real words one edit away from the vocabulary; they are
// never corrected, as a spell-checker only corrects words it does not know
// ("Trainer" is not "Trainee", "Sensor" not "Senior").
var plainWords = "trainer training sensor mathematical mathematics reader export engine senor mentor " +
	"vendor center centre dealer leaders"

// names are the lexicon's own exact names per role, used when the catalog
// lacks a role file; a title equal to one scores 1, as a catalog name does.
var names = map[string][]string{
	rBackEnd:    {"Back End Developer", "Backend Engineer", "Desarrollador Backend", "Desenvolvedor Backend"},
	rFrontEnd:   {"Front End Developer", "Frontend Engineer", "Desarrollador Frontend", "Desenvolvedor Frontend"},
	rFullStack:  {"Full Stack Developer", "Full Stack Engineer", "Desarrollador Full Stack", "Desenvolvedor Full Stack"},
	rMobile:     {"Mobile Developer", "Mobile Engineer", "Desarrollador Mobile", "Desenvolvedor Mobile"},
	rIOS:        {"iOS Developer", "iOS Engineer", "Desarrollador iOS", "Desenvolvedor iOS"},
	rAndroid:    {"Android Developer", "Android Engineer", "Desarrollador Android", "Desenvolvedor Android"},
	rDevOps:     {"DevOps Engineer", "Ingeniero DevOps", "Engenheiro DevOps"},
	rSRE:        {"Site Reliability Engineer", "SRE"},
	rCloud:      {"Cloud Engineer", "Ingeniero Cloud", "Engenheiro de Cloud"},
	rQA:         {"QA Engineer", "Quality Assurance Engineer", "Analista de QA", "Analista de Testes"},
	rQAAuto:     {"QA Automation Engineer", "Test Automation Engineer", "SDET"},
	rDataEng:    {"Data Engineer", "Ingeniero de Datos", "Engenheiro de Dados"},
	rDataAn:     {"Data Analyst", "Analista de Datos", "Analista de Dados"},
	rDataSci:    {"Data Scientist", "Científico de Datos", "Cientista de Dados"},
	rML:         {"Machine Learning Engineer", "ML Engineer", "Ingeniero de Machine Learning"},
	rAI:         {"AI Engineer", "Ingeniero de IA", "Engenheiro de IA"},
	rSecurity:   {"Security Engineer", "DevSecOps Engineer", "Ingeniero de Ciberseguridad", "Engenheiro de Segurança"},
	rDBA:        {"Database Administrator", "DBA", "Administrador de Base de Datos"},
	rSysadmin:   {"System Administrator", "Sysadmin", "Administrador de Sistemas"},
	rEmbedded:   {"Embedded Engineer", "Embedded Software Engineer", "Firmware Engineer"},
	rGame:       {"Game Developer", "Desarrollador de Videojuegos", "Desenvolvedor de Jogos"},
	rBlockchain: {"Blockchain Developer", "Desarrollador Blockchain"},
	rSalesforce: {"Salesforce Developer", "Desarrollador Salesforce"},
	rWordPress:  {"WordPress Developer", "Desarrollador WordPress"},
	rERP:        {"ERP Developer", "Desarrollador ERP"},
	rArchitect:  {"Software Architect", "Arquitecto de Software", "Arquiteto de Software"},
	rTechLead:   {"Tech Lead", "Technical Lead", "Líder Técnico"},
	rEngMgr:     {"Engineering Manager", "Head of Engineering", "Gerente de Ingeniería"},
	rUIUX:       {"UI/UX Designer", "UX Designer", "Diseñador UX/UI"},
	rProdDesign: {"Product Designer", "Diseñador de Producto", "Designer de Produto"},
	rProdMgr:    {"Product Manager", "Gerente de Producto", "Gerente de Produto"},
	rProjMgr:    {"Project Manager", "Gerente de Proyectos", "Gerente de Projetos"},
	rScrum:      {"Scrum Master", "Agile Coach"},
	rBA:         {"Business Analyst", "Analista de Negocios", "Analista de Negócios"},
	rTechWriter: {"Technical Writer", "Redactor Técnico", "Redator Técnico"},
	rSupport:    {"Technical Support Engineer", "Analista de Soporte", "Analista de Suporte"},
}
