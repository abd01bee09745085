package resolve_test

import (
	"sync"
	"testing"

	"github.com/hirebase/hirebase/internal/catalog"
	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/resolve"
)

const (
	jr  = hirebase.Junior
	mid = hirebase.Mid
	sr  = hirebase.Senior
)

// resolvers returns a resolver on the lexicon alone and one with the
// catalog's names, because every behaviour must hold without the catalog
// files and must survive them.
func resolvers(t testing.TB) map[string]*resolve.Resolver {
	t.Helper()
	c, err := catalog.Content()
	if err != nil {
		t.Fatalf("load catalog: %v", err)
	}
	return map[string]*resolve.Resolver{"lexicon": resolve.New(nil), "catalog": resolve.New(c.Roles)}
}

// resolveCase is one made-up title, the top role expected ("" for no
// match) and the level expected ("" for none stated).
type resolveCase struct {
	title string
	role  string
	level hirebase.LevelKey
}

var resolveCases = map[string][]resolveCase{
	"noise": {
		{"Backend Developer (Remote)", "back-end-developer", ""},
		{"  BACKEND   developer!!! ", "back-end-developer", ""},
		{"100% remoto - Desarrollador Backend", "back-end-developer", ""},
		{"Java Developer (REQ-482913) relocation to Poland", "back-end-developer", ""},
		{"Frontend Engineer 🚀 for Energy domain project", "front-end-developer", ""},
		{"Senior Data Engineer - Acme Analytics", "data-engineer", sr},
		{"Data Engineer at Globex (Hybrid)", "data-engineer", ""},
		{"QA Engineer | Fintech | Remote LATAM", "qa-engineer", ""},
		{"Desarrolladora Frontend – Híbrido", "front-end-developer", ""},
	},
	"levels": {
		{"Jr Python Developer", "back-end-developer", jr},
		{"Jr. Android Developer", "android-developer", jr},
		{"Júnior Data Analyst", "data-analyst", jr},
		{"Trainee QA Engineer", "qa-engineer", jr},
		{"Intern Frontend Developer", "front-end-developer", jr},
		{"Semi Senior Backend Developer", "back-end-developer", mid},
		{"Semi-Senior Data Engineer", "data-engineer", mid},
		{"SSr Frontend Developer", "front-end-developer", mid},
		{"Ssr. DevOps Engineer", "devops-engineer", mid},
		{"Middle Java Engineer (Spring)", "back-end-developer", mid},
		{"Mid Android Engineer", "android-developer", mid},
		{"Mid-level Product Designer", "product-designer", mid},
		{"Intermediate DevOps Engineer", "devops-engineer", mid},
		{"Strong Junior React Developer", "front-end-developer", jr},
		{"Strong Middle Golang Developer", "back-end-developer", mid},
		{"Middle+ QA Engineer", "qa-engineer", mid},
		{"Sr. Data Scientist", "data-scientist", sr},
		{"Senior Security Engineer", "security-engineer", sr},
		{"Sênior iOS Developer", "ios-developer", sr},
		{"Staff Backend Engineer", "back-end-developer", sr},
		{"Principal Cloud Engineer", "cloud-engineer", sr},
		{"Software Engineer II", "full-stack-developer", mid},
		{"Site Reliability Engineer III", "site-reliability-engineer", sr},
		{"Junior/Middle QA Engineer", "qa-engineer", jr},
		{"Middle/Senior DevOps (GCP)", "devops-engineer", mid},
		{"Senior\\Regular Java Developer", "back-end-developer", mid},
		{"Data Engineer", "data-engineer", ""},
	},
	"abbreviations": {
		{"SWE", "full-stack-developer", ""},
		{"SDE II", "full-stack-developer", mid},
		{"SDET", "qa-automation-engineer", ""},
		{"Senior SRE", "site-reliability-engineer", sr},
		{"BE Developer", "back-end-developer", ""},
		{"FE Engineer", "front-end-developer", ""},
		{"FS Developer", "full-stack-developer", ""},
		{"QA Tester", "qa-engineer", ""},
		{"Middle AQA (Java)", "qa-automation-engineer", mid},
		{"Technical PM", "project-manager", ""},
		{"Senior BA", "business-analyst", sr},
		{"Oracle DBA", "database-administrator", ""},
		{"UX Designer", "ui-ux-designer", ""},
		{"UI Designer", "ui-ux-designer", ""},
		{"ML Engineer (remote)", "machine-learning-engineer", ""},
		{"AI Engineer (remote)", "ai-engineer", ""},
		{"CV Engineer", "machine-learning-engineer", ""},
		{"NLP Engineer", "machine-learning-engineer", ""},
		{"BI Developer", "data-analyst", ""},
		{"DevOps (remote)", "devops-engineer", ""},
		{"SecOps Engineer", "security-engineer", ""},
		{"DevSecOps Engineer", "security-engineer", ""},
		{"Senior DevSecOps Specialist (AWS)", "security-engineer", sr},
	},
	"technology": {
		{"Django Developer", "back-end-developer", ""},
		{"Flask / FastAPI Engineer", "back-end-developer", ""},
		{"Spring Boot Engineer", "back-end-developer", ""},
		{"Laravel Developer", "back-end-developer", ""},
		{".NET Engineer (Azure)", "back-end-developer", ""},
		{"C# Developer", "back-end-developer", ""},
		{"Golang Engineer", "back-end-developer", ""},
		{"Node.js Developer", "back-end-developer", ""},
		{"Ruby on Rails Engineer", "back-end-developer", ""},
		{"React Developer (Remote)", "front-end-developer", ""},
		{"Angular Engineer", "front-end-developer", ""},
		{"Vue.js Developer", "front-end-developer", ""},
		{"HTML/CSS Developer", "front-end-developer", ""},
		{"Swift Developer", "ios-developer", ""},
		{"SwiftUI Engineer", "ios-developer", ""},
		{"Kotlin Developer", "android-developer", ""},
		{"Jetpack Compose Engineer", "android-developer", ""},
		{"Flutter Developer", "mobile-developer", ""},
		{"React Native Engineer", "mobile-developer", ""},
		{"Unity Developer (C#)", "game-developer", ""},
		{"Unreal Engine Programmer", "game-developer", ""},
		{"Solidity Engineer", "blockchain-developer", ""},
		{"Web3 Developer", "blockchain-developer", ""},
		{"Apex Developer", "salesforce-developer", ""},
		{"Salesforce Engineer", "salesforce-developer", ""},
		{"SAP ABAP Developer", "erp-developer", ""},
		{"Odoo Developer", "erp-developer", ""},
		{"Microsoft Dynamics 365 Developer", "erp-developer", ""},
		{"1C Developer", "erp-developer", ""},
		{"WordPress Developer (Remote)", "wordpress-developer", ""},
		{"Terraform Engineer", "devops-engineer", ""},
		{"Kubernetes Engineer", "devops-engineer", ""},
		{"Selenium Engineer", "qa-automation-engineer", ""},
		{"QA Engineer (Playwright)", "qa-automation-engineer", ""},
		{"Cypress Tester", "qa-automation-engineer", ""},
		{"Airflow Engineer", "data-engineer", ""},
		{"Spark Developer", "data-engineer", ""},
		{"dbt Developer", "data-engineer", ""},
		{"Tableau Analyst", "data-analyst", ""},
		{"Power BI Report Developer", "data-analyst", ""},
		{"SQL Analyst", "data-analyst", ""},
		{"LLM Engineer", "ai-engineer", ""},
		{"RAG Engineer", "ai-engineer", ""},
		{"GenAI Developer", "ai-engineer", ""},
		{"PyTorch Engineer", "machine-learning-engineer", ""},
		{"Computer Vision Engineer", "machine-learning-engineer", ""},
		{"React + Node.js Developer", "full-stack-developer", ""},
		{"Vue / Laravel Developer", "full-stack-developer", ""},
		{"Angular + .NET Engineer", "full-stack-developer", ""},
		{"Node.js / TypeScript Developer", "back-end-developer", ""},
		{"iOS / Android Developer", "mobile-developer", ""},
	},
	"head beats parentheses": {
		{"Full Stack Developer (Django/React)", "full-stack-developer", ""},
		{"Senior Backend Engineer (with DevOps experience)", "back-end-developer", sr},
		{"DevOps Engineer (Python, Go)", "devops-engineer", ""},
		{"QA Engineer (Data Platform)", "qa-engineer", ""},
		{"Software Engineer (React)", "front-end-developer", ""},
		{"Software Engineer (Go)", "back-end-developer", ""},
		{"Engineer (Frontend)", "front-end-developer", ""},
		{"JavaScript Developer for an AI startup", "front-end-developer", ""},
		{"Manager, Software Engineering", "engineering-manager", ""},
		{"Engineer, Machine Learning", "machine-learning-engineer", ""},
	},
	// A head naming only a technology or a bare noun lets the stack named in
	// the rest of the title decide; a role word in the head, or a field
	// named after "for", does not yield.
	"whole title": {
		{"Junior JavaScript Developer (Vue.js / Express)", "full-stack-developer", jr},
		{"Node.js Engineer (Next.js, Prisma)", "full-stack-developer", ""},
		{"Python Developer (Angular)", "full-stack-developer", ""},
		{"Python Developer (Spark, Databricks)", "data-engineer", ""},
		{"Scala Engineer - Airflow", "data-engineer", ""},
		{"Java Developer (Selenium)", "qa-automation-engineer", ""},
		{"PHP Developer (WooCommerce)", "wordpress-developer", ""},
		{"C# Developer (Unity 3D)", "game-developer", ""},
		{"Backend Developer (WordPress plugins)", "wordpress-developer", ""},
		{"Frontend Developer / WordPress Developer", "wordpress-developer", ""},
		{"Fullstack PHP + WordPress + React", "full-stack-developer", ""},
		{"Backend Engineer (Airflow, Kafka)", "back-end-developer", ""},
		{"Data Engineer (React dashboards)", "data-engineer", ""},
		{"JavaScript Developer (Node.js)", "back-end-developer", ""},
		{"TypeScript Developer (Node.js)", "back-end-developer", ""},
		{"Java Developer (Docker, Kubernetes)", "back-end-developer", ""},
		{"Python Developer (AWS, PostgreSQL)", "back-end-developer", ""},
		{"Go Developer for a data platform", "back-end-developer", ""},
	},
	"ordering": {
		{"Data Scientist / ML Engineer", "data-scientist", ""},
		{"ML Engineer / Data Scientist", "machine-learning-engineer", ""},
		{"Frontend / Full Stack Engineer", "full-stack-developer", ""},
		{"Mobile QA Tester", "qa-engineer", ""},
		{"Embedded Systems QA", "qa-engineer", ""},
		{"Cloud Security Engineer (GCP)", "security-engineer", ""},
		{"Game UI Designer", "ui-ux-designer", ""},
		{"QA Game Tester", "qa-engineer", ""},
		{"Full-stack WordPress Engineer", "wordpress-developer", ""},
		{"Salesforce Business Analyst", "business-analyst", ""},
		{"Java Architect", "software-architect", ""},
		{"Salesforce Architect", "salesforce-developer", ""},
		{"Arquitecto SAP Sr", "erp-developer", sr},
		{"Security Architect", "security-engineer", ""},
		{"Product Designer (SaaS)", "product-designer", ""},
		{"Product Engineer (Django)", "back-end-developer", ""},
	},
	"leads": {
		{"Lead Data Engineer", "data-engineer", sr},
		{"Lead Frontend Developer", "front-end-developer", sr},
		{"QA Lead (Mobile)", "qa-engineer", sr},
		{"Tech Lead", "tech-lead", sr},
		{"Team Lead", "tech-lead", sr},
		{"Engineering Lead (Payments)", "tech-lead", sr},
		{"Lead Developer", "tech-lead", sr},
		{"Tech Lead (Java)", "tech-lead", sr},
		{"Python Team Lead (Django)", "tech-lead", sr},
		{"Frontend Tech Lead", "front-end-developer", sr},
		{"Team Lead Full Stack Developer", "full-stack-developer", sr},
		{"Team Lead / Web Designer", "tech-lead", sr},
		{"Head of Engineering (LATAM)", "engineering-manager", ""},
		{"VP of Engineering", "engineering-manager", ""},
		{"Head of Data Analytics", "data-analyst", ""},
		{"Head of QA", "qa-engineer", ""},
		{"Head of Data Engineering", "data-engineer", ""},
		{"Data Manager", "", ""},
		{"Engineering Manager (Remote)", "engineering-manager", ""},
	},
	"typos": {
		{"Devloper", "full-stack-developer", ""},
		{"Backend Enginer", "back-end-developer", ""},
		{"Fronted Developer", "front-end-developer", ""},
		{"Senior Pyhton Developer", "back-end-developer", sr},
		{"Andriod Developer", "android-developer", ""},
		{"Salesfroce Developer", "salesforce-developer", ""},
		{"Kuberentes Engineer", "devops-engineer", ""},
		{"Seniour Data Analyst", "data-analyst", sr},
		{"Cloud Infrastucture Engineer", "cloud-engineer", ""},
	},
	"spanish": {
		{"Desarrollador Backend Sr", "back-end-developer", sr},
		{"Desarrolladora Full Stack Semi Senior", "full-stack-developer", mid},
		{"Ingeniero de Datos", "data-engineer", ""},
		{"Ingeniera de Datos Jr", "data-engineer", jr},
		{"Científico de Datos Senior", "data-scientist", sr},
		{"Diseñador UX/UI", "ui-ux-designer", ""},
		{"Gerente de Proyectos TI", "project-manager", ""},
		{"Analista de Sistemas", "business-analyst", ""},
		{"Analista Funcional Ssr", "business-analyst", mid},
		{"Analista de Datos", "data-analyst", ""},
		{"Analista QA", "qa-engineer", ""},
		{"Programador Java Ssr", "back-end-developer", mid},
		{"Arquitecto de Software", "software-architect", ""},
		{"Líder Técnico", "tech-lead", sr},
		{"Administrador de Base de Datos", "database-administrator", ""},
		{"Técnico de Soporte", "technical-support-engineer", ""},
		{"Especialista en Ciberseguridad", "security-engineer", ""},
		{"Ingeniero de Machine Learning", "machine-learning-engineer", ""},
		{"Desarrollador de Videojuegos", "game-developer", ""},
		{"Pasante de Desarrollo Frontend", "front-end-developer", jr},
	},
	"portuguese": {
		{"Desenvolvedor Full Stack Pleno", "full-stack-developer", mid},
		{"Desenvolvedora Front-end Júnior", "front-end-developer", jr},
		{"Analista de Dados Júnior", "data-analyst", jr},
		{"Cientista de Dados", "data-scientist", ""},
		{"Engenheiro de Dados Sênior", "data-engineer", sr},
		{"Engenheiro DevOps", "devops-engineer", ""},
		{"Analista de Testes", "qa-engineer", ""},
		{"Analista de Suporte Técnico", "technical-support-engineer", ""},
		{"Gerente de Projetos", "project-manager", ""},
		{"Gerente de Produto", "product-manager", ""},
		{"Designer de Produto", "product-designer", ""},
		{"Arquiteto de Software", "software-architect", ""},
		{"Estagiário de Desenvolvimento Mobile", "mobile-developer", jr},
		{"Redator Técnico", "technical-writer", ""},
		{"Administrador de Sistemas Linux", "system-administrator", ""},
	},
	// A bare generic developer is a modest guess at full stack: with no
	// stated specialisation the work spans the stack. See TestScores for
	// the score.
	"generic": {
		{"Software Engineer - Remote", "full-stack-developer", ""},
		{"Developer", "full-stack-developer", ""},
		{"Programador", "full-stack-developer", ""},
		{"Desenvolvedor", "full-stack-developer", ""},
		{"Senior Software Developer", "full-stack-developer", sr},
		{"Junior Developer", "full-stack-developer", jr},
		{"Desarrolladora de Software Ssr", "full-stack-developer", mid},
	},
	"no match": {
		{"Registered Nurse", "", ""},
		{"Truck Driver", "", ""},
		{"Enfermera", "", ""},
		{"Enfermeira Sênior", "", sr},
		{"Motorista de caminhão", "", ""},
		{"Sales Executive", "", ""},
		{"Sales Executive (Google Cloud, AWS)", "", ""},
		{"Accountant", "", ""},
		{"Senior Accountant (SAP)", "", sr},
		{"Contador Público", "", ""},
		{"Mechanical Engineer", "", ""},
		{"Civil Engineer", "", ""},
		{"Sales Engineer", "", ""},
		{"Financial Analyst", "", ""},
		{"Office Administrator", "", ""},
		{"Marketing Manager", "", ""},
		{"Customer Service Representative", "", ""},
		{"Graphic Designer", "", ""},
		{"Recruiter (IT, Python)", "", ""},
		{"Business Development Manager", "", ""},
		{"Chef de Cuisine", "", ""},
		{"xkqzv plmw", "", ""},
		{"Lorem ipsum dolor sit amet", "", ""},
		{"", "", ""},
		{"   \t ", "", ""},
		{"!!! ??? ---", "", ""},
	},
}

func TestResolve(t *testing.T) {
	t.Parallel()
	for rname, r := range resolvers(t) {
		for group, cases := range resolveCases {
			t.Run(rname+"/"+group, func(t *testing.T) {
				t.Parallel()
				for _, c := range cases {
					res := r.Resolve(c.title, 3)
					got := ""
					if len(res.Matches) > 0 {
						got = res.Matches[0].Role
					}
					if got != c.role || res.Level != c.level {
						t.Errorf("Resolve(%q) = %q level %q, want %q level %q (matches %+v)",
							c.title, got, res.Level, c.role, c.level, res.Matches)
					}
					for _, m := range res.Matches {
						if m.Level != res.Level {
							t.Errorf("Resolve(%q): match %s has level %q, result %q", c.title, m.Role, m.Level, res.Level)
						}
					}
				}
			})
		}
	}
}

// TestCatalogNames checks that the catalog's own names win: a title equal
// to an alternative name resolves to that role with score 1, even where the
// lexicon alone would read it otherwise.
func TestCatalogNames(t *testing.T) {
	t.Parallel()
	c, err := catalog.Content()
	if err != nil {
		t.Fatal(err)
	}
	r := resolve.New(c.Roles)
	for _, role := range c.Roles {
		for _, n := range append([]string{role.Name}, altNames(role)...) {
			res := r.Resolve(n, 1)
			if len(res.Matches) == 0 || res.Matches[0].Role != role.Slug || res.Matches[0].Score != 1 {
				t.Errorf("catalog name %q of %s resolves to %+v", n, role.Slug, res.Matches)
			}
		}
	}
	// A role the lexicon does not know is reached through its names alone.
	extra := &hirebase.Role{Slug: "prompt-librarian", Name: "Prompt Librarian",
		AlternativeNames: []hirebase.AlternateName{{Name: "Bibliotecario de Prompts", Lang: "es"}}}
	r = resolve.New(append(c.Roles, extra))
	for _, title := range []string{"Senior Prompt Librarian", "Bibliotecario de Prompts (Remoto)"} {
		if res := r.Resolve(title, 1); len(res.Matches) == 0 || res.Matches[0].Role != extra.Slug {
			t.Errorf("Resolve(%q) = %+v, want %s", title, res.Matches, extra.Slug)
		}
	}
}

func altNames(r *hirebase.Role) []string {
	var out []string
	for _, a := range r.AlternativeNames {
		out = append(out, a.Name)
	}
	return out
}

// TestScores checks what a score means: 1 for a catalog name, high for a
// role word, lower for a technology, modest for a generic guess, and a
// second candidate where the title names two roles.
func TestScores(t *testing.T) {
	t.Parallel()
	for rname, r := range resolvers(t) {
		score := func(title string) float64 {
			res := r.Resolve(title, 5)
			if len(res.Matches) == 0 {
				t.Fatalf("%s: Resolve(%q) found nothing", rname, title)
			}
			return res.Matches[0].Score
		}
		if s := score("Senior Data Engineer (Remote)"); s != 1 {
			t.Errorf("%s: exact name scored %.3f, want 1", rname, s)
		}
		role, tech, generic := score("Data Engineer with Airflow"), score("Airflow Developer"), score("Software Engineer")
		if !(1 > role && role > tech && tech > generic && generic > 0) {
			t.Errorf("%s: scores role word %.3f, technology %.3f, generic %.3f are not in falling order",
				rname, role, tech, generic)
		}
		if generic >= 0.5 {
			t.Errorf("%s: a bare generic title scored %.3f, want a modest score under 0.5", rname, generic)
		}
		res := r.Resolve("Data Scientist / ML Engineer", 5)
		if len(res.Matches) < 2 || res.Matches[1].Role != "machine-learning-engineer" {
			t.Errorf("%s: Data Scientist / ML Engineer: want machine-learning-engineer second, got %+v", rname, res.Matches)
		}
		if m := r.Resolve("DevSecOps Engineer", 2).Matches; len(m) < 2 || m[1].Role != "devops-engineer" {
			t.Errorf("%s: DevSecOps Engineer: want devops-engineer second, got %+v", rname, m)
		}
		if m := res.Matches[0]; m.Matched == "" || m.Name == "" {
			t.Errorf("%s: match %+v lacks its name or what matched", rname, m)
		}
	}
}

func TestLimit(t *testing.T) {
	t.Parallel()
	r := resolve.New(nil)
	title := "Full Stack Developer (React, Node.js, AWS, Terraform)"
	if n := len(r.Resolve(title, 10).Matches); n < 3 {
		t.Fatalf("want several candidates for %q, got %d", title, n)
	}
	for _, limit := range []int{-1, 0, 1, 2} {
		res := r.Resolve(title, limit)
		if len(res.Matches) > max(limit, 0) {
			t.Errorf("limit %d: got %d matches", limit, len(res.Matches))
		}
		if res.Level != "" || res.Query != title {
			t.Errorf("limit %d: result %+v lost its query or level", limit, res)
		}
	}
}

// TestConcurrent resolves from many goroutines at once; run with -race.
func TestConcurrent(t *testing.T) {
	t.Parallel()
	r := resolve.New(nil)
	want := map[string]string{}
	for _, title := range benchTitles {
		res := r.Resolve(title, 1)
		if len(res.Matches) > 0 {
			want[title] = res.Matches[0].Role
		}
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				title := benchTitles[(g+i)%len(benchTitles)]
				res := r.Resolve(title, 1)
				got := ""
				if len(res.Matches) > 0 {
					got = res.Matches[0].Role
				}
				if got != want[title] {
					t.Errorf("concurrent Resolve(%q) = %q, want %q", title, got, want[title])
					return
				}
			}
		})
	}
	wg.Wait()
}
