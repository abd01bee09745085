package estimate

import (
	"strings"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// roleSpec says where a catalog role's pay comes from: Pool is the regression
// group whose survey rows stand for it (the role itself, or another role when
// the survey cannot tell them apart), Who describes those rows for a client,
// Caveat says what the survey lacks for the role, and SOC is the US occupation
// whose BLS wage, relative to software developers, is the prior for a pay
// level the survey knows little about.
type roleSpec struct {
	Pool   string
	Who    string
	SOC    string
	Caveat string
}

// roleSpecs covers every catalog role. The survey has one "Developer" role;
// its rows are split by the stacks respondents name (classifyDeveloper),
// because front-end, back-end, mobile and niche-platform developers are
// different hires and the survey has enough rows to tell most of them apart.
// Where it cannot (SRE and cloud versus DevOps, product versus UI/UX design,
// product versus project management, AI versus ML engineering) the role
// shares another's rows and says so.
var roleSpecs = map[string]roleSpec{
	"back-end-developer":         {"back-end-developer", "Developer respondents with a back-end stack only or no stack named", "15-1252", ""},
	"front-end-developer":        {"front-end-developer", "Developer respondents with a front-end stack only", "15-1254", ""},
	"full-stack-developer":       {"full-stack-developer", "Developer respondents with both front-end and back-end stacks", "15-1252", ""},
	"mobile-developer":           {"mobile-developer", "Developer respondents using Flutter, React Native or Dart, or both iOS and Android stacks", "15-1252", ""},
	"ios-developer":              {"ios-developer", "Developer respondents using Swift, SwiftUI or Objective-C", "15-1252", ""},
	"android-developer":          {"android-developer", "Developer respondents using Kotlin or Jetpack Compose without Spring", "15-1252", ""},
	"embedded-engineer":          {"embedded-engineer", "Developer respondents working with microcontrollers, Arduino or assembler", "15-1252", ""},
	"game-developer":             {"game-developer", "Developer respondents using Unity or Unreal", "15-1252", ""},
	"blockchain-developer":       {"blockchain-developer", "Developer respondents using Solidity", "15-1299", ""},
	"salesforce-developer":       {"salesforce-developer", "Developer respondents on Salesforce or Apex", "15-1211", ""},
	"wordpress-developer":        {"wordpress-developer", "Developer respondents using WordPress", "15-1254", ""},
	"erp-developer":              {"erp-developer", "Developer respondents on SAP or ABAP", "15-1211", ""},
	"devops-engineer":            {"devops-engineer", "SysAdmin / DevOps / SRE respondents using containers, infrastructure as code or CI servers", "15-1252", ""},
	"site-reliability-engineer":  {"devops-engineer", "SysAdmin / DevOps / SRE respondents using containers, infrastructure as code or CI servers", "15-1252", "The survey does not separate SREs."},
	"cloud-engineer":             {"devops-engineer", "SysAdmin / DevOps / SRE respondents using containers, infrastructure as code or CI servers", "15-1252", "The survey does not separate cloud engineers."},
	"system-administrator":       {"system-administrator", "SysAdmin / DevOps / SRE respondents without container or automation tools, plus Networking and Storage / Backup respondents", "15-1244", ""},
	"qa-engineer":                {"qa-engineer", "QA / Tester respondents without test-automation tools", "15-1253", ""},
	"qa-automation-engineer":     {"qa-automation-engineer", "QA / Tester respondents using test-automation tools", "15-1253", ""},
	"data-engineer":              {"data-engineer", "Data Engineer respondents", "15-1243", ""},
	"data-analyst":               {"data-analyst", "BI Analyst / Data Analyst respondents", "15-2051", ""},
	"data-scientist":             {"data-scientist", "Data Scientist respondents not using TensorFlow or PyTorch", "15-2051", ""},
	"machine-learning-engineer":  {"machine-learning-engineer", "Data Scientist respondents using TensorFlow or PyTorch", "15-1299", ""},
	"ai-engineer":                {"machine-learning-engineer", "Data Scientist respondents using TensorFlow or PyTorch", "15-1299", "The survey has no AI engineer role."},
	"security-engineer":          {"security-engineer", "Infosec respondents", "15-1212", ""},
	"database-administrator":     {"database-administrator", "DBA respondents", "15-1242", ""},
	"software-architect":         {"software-architect", "Architect respondents", "15-1252", ""},
	"tech-lead":                  {"tech-lead", "Technical Leader respondents", "15-1252", ""},
	"engineering-manager":        {"engineering-manager", "Manager / Director respondents who manage people", "11-3021", ""},
	"project-manager":            {"project-manager", "Manager / Director respondents who manage no one", "15-1299", "The survey has no project manager role."},
	"product-manager":            {"project-manager", "Manager / Director respondents who manage no one", "15-1299", "The survey has no product manager role."},
	"scrum-master":               {"scrum-master", "Scrum Master respondents", "15-1299", ""},
	"ui-ux-designer":             {"ui-ux-designer", "UX Designer and UX Researcher respondents", "15-1255", ""},
	"product-designer":           {"ui-ux-designer", "UX Designer and UX Researcher respondents", "15-1255", "The survey has no product designer role."},
	"business-analyst":           {"business-analyst", "Business Analyst and Functional Analyst respondents", "15-2051", ""},
	"technical-writer":           {"technical-writer", "UX Writer respondents", "15-1255", "The survey has no technical writer role; BLS prior from web and digital interface designers, the nearest occupation in the file."},
	"technical-support-engineer": {"technical-support-engineer", "HelpDesk, Technical Support and NOC Analyst respondents", "15-1232", ""},
}

// referenceSOC is the occupation BLS ratios are taken against: software
// developers, the largest group in both the survey and the catalog.
const referenceSOC = "15-1252"

// surveyRoles maps the survey's trabajo_de answers, lower-cased, to a catalog
// role or to a classifier ("developer", "sysadmin", ...). Answers not listed
// fall outside the catalog and are filtered out.
var surveyRoles = map[string]string{
	"developer":                    "developer",
	"sysadmin / devops / sre":      "sysadmin",
	"networking":                   "system-administrator",
	"storage / backup":             "system-administrator",
	"technical leader":             "tech-lead",
	"manager / director":           "manager",
	"bi analyst / data analyst":    "data-analyst",
	"qa / tester":                  "qa",
	"data engineer":                "data-engineer",
	"infosec":                      "security-engineer",
	"data scientist":               "data-scientist",
	"architect":                    "software-architect",
	"ux designer":                  "ui-ux-designer",
	"ux researcher":                "ui-ux-designer",
	"business analyst":             "business-analyst",
	"functional analyst":           "business-analyst",
	"scrum master":                 "scrum-master",
	"helpdesk":                     "technical-support-engineer",
	"technical support":            "technical-support-engineer",
	"noc analyst":                  "technical-support-engineer",
	"dba (database administrator)": "database-administrator",
	"ux writer":                    "technical-writer",
}

// classify returns the catalog role a survey row stands for, or "".
func classify(r *respondent) string {
	switch c := surveyRoles[strings.ToLower(strings.TrimSpace(r.SurveyRole))]; c {
	case "developer":
		return classifyDeveloper(r)
	case "sysadmin":
		if r.hasAny(devopsTools) {
			return "devops-engineer"
		}
		return "system-administrator"
	case "manager":
		if r.Reports > 0 {
			return "engineering-manager"
		}
		return "project-manager"
	case "qa":
		if r.hasAny(automationTools) {
			return "qa-automation-engineer"
		}
		return "qa-engineer"
	case "data-scientist":
		if r.hasAny(mlLibraries) {
			return "machine-learning-engineer"
		}
		return "data-scientist"
	default:
		return c
	}
}

var (
	automationTools = []string{"selenium", "cypress", "playwright", "appium", "cucumber", "puppeteer",
		"katalon", "webdriverio", "testng", "pytest", "jest", "mocha", "junit", "karma", "jasmine",
		"nunit", "xunit", "rspec", "vitest", "lippia", "test complete", "robot framework"}
	mlLibraries   = []string{"tensorflow", "torch", "pytorch"}
	frontEnd      = []string{"react.js", "angular", "vue.js", "next.js", "svelte", "htmx", "jquery"}
	frontEndLangs = []string{"javascript", "typescript", "html", "css"}
	backEnd       = []string{"spring", ".net core", "django", "flask", "fastapi", "laravel", "symfony", "rails",
		"hibernate", "nestjs", "nest.js", "codeigniter", "akka", "java", ".net", "c#", "go", "php", "python",
		"ruby", "scala", "kotlin", "rust", "elixir", "cobol", "groovy", "perl", "c++", "c", "delphi"}
	crossPlatform = []string{"flutter", "react native", "cordova", "capacitor", "dart"}
	iosStack      = []string{"swift", "swiftui", "objective-c"}
	androidStack  = []string{"kotlin", "compose", "jetpack compose"}
)

// classifyDeveloper splits the survey's Developer rows by the stacks they
// name, niche platforms first because their respondents also list general
// web tools. Node.js counts as back-end only without a front-end framework,
// since front-end developers list it for their tooling.
func classifyDeveloper(r *respondent) string {
	has := r.hasAny
	switch {
	case has([]string{"salesforce", "apex"}):
		return "salesforce-developer"
	case has([]string{"abap", "sap", "sap hana"}):
		return "erp-developer"
	case has([]string{"solidity"}):
		return "blockchain-developer"
	case has([]string{"unity", "unreal", "unreal engine"}):
		return "game-developer"
	case has([]string{"microcontroladores", "arduino o similar", "arduino", "assembler"}):
		return "embedded-engineer"
	}
	ios, android := has(iosStack), has(androidStack) && !has([]string{"spring"})
	switch {
	case has(crossPlatform) || (ios && android):
		return "mobile-developer"
	case ios:
		return "ios-developer"
	case android:
		return "android-developer"
	case has([]string{"wordpress"}):
		return "wordpress-developer"
	}
	front, back := has(frontEnd), has(backEnd)
	switch {
	case front && back:
		return "full-stack-developer"
	case front:
		return "front-end-developer"
	case back || has([]string{"node.js"}):
		return "back-end-developer"
	case has(frontEndLangs):
		return "front-end-developer"
	}
	return "back-end-developer"
}

// surveySkills maps survey technology answers to catalog skill slugs. Cloud,
// container and automation answers are left out on purpose: they stand for
// the large_scale_cloud and devops_automation factors, and counting them
// twice would split one effect between a factor and a skill.
var surveySkills = map[string]string{
	"sql": "sql", "javascript": "javascript", "python": "python", "html": "html", "typescript": "typescript",
	"bash/shell": "bash", "css": "css", "java": "java", "php": "php", ".net": "dotnet", "c#": "csharp",
	"go": "go", "kotlin": "kotlin", "vba": "excel", "c++": "cpp", "c": "c", "r": "r", "swift": "swift",
	"ruby": "ruby", "abap": "abap", "dart": "dart", "rust": "rust", "scala": "scala", "solidity": "solidity",
	"objective-c": "objective-c", "powershell": "powershell", "apex": "apex",
	"node.js": "nodejs", "react.js": "react", "angular": "angular", ".net core": "dotnet", "spring": "spring",
	"next.js": "nextjs", "vue.js": "vuejs", "flask": "flask", "laravel": "laravel", "django": "django",
	"wordpress": "wordpress", "sap": "sap", "sap hana": "sap", "spark": "spark", "tensorflow": "tensorflow",
	"flutter": "flutter", "symfony": "symfony", "torch": "pytorch", "fastapi": "fastapi", "rails": "rails",
	"swiftui": "swiftui", "react native": "react-native", "nestjs": "nestjs", "nest.js": "nestjs",
	"unity": "unity", "compose": "jetpack-compose",
	"mysql": "mysql", "postgresql": "postgresql", "microsoft sql server": "sql-server", "mongodb": "mongodb",
	"oracle": "oracle-database", "mariadb": "mariadb", "redis": "redis", "amazon dynamodb": "dynamodb",
	"elasticsearch": "elasticsearch", "amazon redshift": "redshift", "cassandra": "cassandra",
	"snowflake": "snowflake", "bigquery": "bigquery",
	"postman": "postman", "junit": "junit", "jest": "jest", "cypress": "cypress", "selenium": "selenium",
	"playwright": "playwright", "appium": "appium", "cucumber": "bdd",
	"linux": "linux", "windows server": "windows-server", "vmware": "vmware", "firebase": "firebase",
	"salesforce": "salesforce", "microcontroladores": "microcontrollers", "arduino o similar": "microcontrollers",
	"databricks": "databricks",
}

// factorSkills are skill names that stand for a factor rather than a skill;
// the estimator tells the caller to set the factor instead.
var factorSkills = map[string]string{
	"aws": hirebase.FactorLargeScaleCloud, "amazon web services": hirebase.FactorLargeScaleCloud, "azure": hirebase.FactorLargeScaleCloud,
	"gcp": hirebase.FactorLargeScaleCloud, "google cloud": hirebase.FactorLargeScaleCloud, "google cloud platform": hirebase.FactorLargeScaleCloud,
	"kubernetes": hirebase.FactorLargeScaleCloud, "k8s": hirebase.FactorLargeScaleCloud, "openshift": hirebase.FactorLargeScaleCloud,
	"serverless": hirebase.FactorLargeScaleCloud,
	"docker":     hirebase.FactorDevOpsAutomation, "terraform": hirebase.FactorDevOpsAutomation, "ansible": hirebase.FactorDevOpsAutomation,
	"jenkins": hirebase.FactorDevOpsAutomation, "gitlab": hirebase.FactorDevOpsAutomation, "github-actions": hirebase.FactorDevOpsAutomation,
	"github actions": hirebase.FactorDevOpsAutomation, "argocd": hirebase.FactorDevOpsAutomation, "helm": hirebase.FactorDevOpsAutomation,
	"ci-cd": hirebase.FactorDevOpsAutomation, "infrastructure-as-code": hirebase.FactorDevOpsAutomation,
}

// skillAliases adds common spellings of the modelled skills to the survey's
// own; a catalog slug always matches itself.
var skillAliases = map[string]string{
	"golang": "go", "react": "react", "reactjs": "react", "node": "nodejs", "nodejs": "nodejs",
	"csharp": "csharp", "cpp": "cpp", "dotnet": "dotnet", "asp.net": "dotnet", "asp.net core": "dotnet",
	"vue": "vuejs", "vuejs": "vuejs", "nextjs": "nextjs", "postgres": "postgresql", "mssql": "sql-server",
	"sql server": "sql-server", "sql-server": "sql-server", "oracle database": "oracle-database",
	"pytorch": "pytorch", "spring boot": "spring", "ruby on rails": "rails", "bash": "bash", "shell": "bash",
	"excel": "excel", "jetpack compose": "jetpack-compose", "react-native": "react-native",
	"apache spark": "spark", "pyspark": "spark", "windows-server": "windows-server", "ms sql server": "sql-server",
	"dynamodb": "dynamodb", "redshift": "redshift", "microcontrollers": "microcontrollers", "arduino": "microcontrollers",
}
