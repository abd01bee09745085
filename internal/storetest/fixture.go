package storetest

import (
	"encoding/json"
	"fmt"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// Catalog returns a small made-up catalog, built afresh on every call so a
// test may change it: five skills and three roles that point to each other,
// the first to one listed after it. Related-role and skill names are filled
// in, as a store returns them.
func Catalog() *hirebase.Catalog {
	skills := []*hirebase.Skill{
		{Slug: "go", Name: "Go", Aliases: []string{"Golang"}, Category: "language"},
		{Slug: "kubernetes", Name: "Kubernetes", Aliases: []string{"k8s", "kube"}, Category: "platform"},
		{Slug: "postgresql", Name: "PostgreSQL", Aliases: []string{"Postgres", "psql"}, Category: "database"},
		{Slug: "python", Name: "Python", Aliases: []string{"py"}, Category: "language"},
		{Slug: "sqlite", Name: "SQLite", Aliases: []string{}, Category: "database"},
	}

	backend := Role("backend-developer", "Back-End Developer", 2000)
	backend.Summary = "Builds the server side of web products: APIs, databases and queues."
	backend.AlternativeNames = []hirebase.AlternateName{
		{Name: "Backend Engineer", Lang: "en"},
		{Name: "Desarrollador Back-End", Lang: "es"},
		{Name: "Desenvolvedor Back-end", Lang: "pt"},
	}
	backend.Related = []hirebase.RelatedRole{
		{Slug: "platform-engineer", Name: "Platform Engineer", Reason: "When the work is mostly deployment."},
		{Slug: "data-engineer", Name: "Data Engineer", Reason: "When the work is mostly pipelines."},
	}
	backend.Occupations = []hirebase.OccupationCode{{Code: "15-1252.00", Title: "Software Developers"}}
	backend.SkillTags = []hirebase.SkillRef{
		{Slug: "go", Name: "Go"}, {Slug: "postgresql", Name: "PostgreSQL"}, {Slug: "sqlite", Name: "SQLite"},
	}

	data := Role("data-engineer", "Data Engineer", 2500)
	data.Summary = "Moves and shapes data into warehouses through batch and streaming pipelines."
	data.AlternativeNames = []hirebase.AlternateName{{Name: "Ingeniero de Datos", Lang: "es"}}
	data.Related = []hirebase.RelatedRole{
		{Slug: "backend-developer", Name: "Back-End Developer", Reason: "When the data lives behind an API."},
	}
	data.Occupations = []hirebase.OccupationCode{
		{Code: "15-1243.00", Title: "Database Architects"},
		{Code: "15-1252.00", Title: "Software Developers"},
	}
	data.SkillTags = []hirebase.SkillRef{{Slug: "python", Name: "Python"}, {Slug: "postgresql", Name: "PostgreSQL"}}

	platform := Role("platform-engineer", "Platform Engineer", 3000)
	platform.Summary = "Runs the clusters and delivery pipelines other teams deploy on."
	platform.Related = []hirebase.RelatedRole{
		{Slug: "backend-developer", Name: "Back-End Developer", Reason: "When the service needs writing too."},
	}
	platform.SkillTags = []hirebase.SkillRef{{Slug: "kubernetes", Name: "Kubernetes"}, {Slug: "go", Name: "Go"}}

	return &hirebase.Catalog{
		Version: hirebase.CatalogVersion,
		Skills:  skills,
		Roles:   []*hirebase.Role{backend, data, platform},
	}
}

// Role returns a valid made-up role with three tiers whose monthly USD bands
// start at base and rise with seniority, and no alternative names, related
// roles, occupations or skill tags (empty lists, not nil).
func Role(slug, name string, base int) *hirebase.Role {
	level := func(key hirebase.LevelKey, minYears int, maxYears *int, lo, hi int) hirebase.Level {
		return hirebase.Level{
			Key:        key,
			Experience: fmt.Sprintf("%s %s with %d+ years.", key, name, minYears),
			Years:      hirebase.YearsRange{Min: minYears, Max: maxYears},
			Salary: hirebase.SalaryBand{
				Min: lo, Max: hi, Currency: "USD", Period: "month", Source: "storetest fixture",
			},
			Responsibilities: []string{"Ship " + string(key) + " work", "Review " + string(key) + " work"},
			Autonomy:         "Works with " + string(key) + " guidance.",
			Skills:           []string{"Testing", "Code review", string(key) + " tooling"},
			IdealFor:         "Teams that need a " + string(key) + " " + name + ".",
		}
	}
	return &hirebase.Role{
		Slug:    slug,
		Name:    name,
		Summary: name + " summary.",
		Levels: []hirebase.Level{
			level(hirebase.Junior, 0, intPtr(2), base, base+1000),
			level(hirebase.Mid, 3, intPtr(5), base+1000, base+2500),
			level(hirebase.Senior, 6, nil, base+2500, base+5000),
		},
		KeyFactors: []hirebase.KeyFactor{
			{Key: hirebase.FactorUSCompanies, Name: "Worked with US companies"},
			{Key: hirebase.FactorLeadership, Name: "Led a team"},
		},
		AlternativeNames: []hirebase.AlternateName{},
		Related:          []hirebase.RelatedRole{},
		Occupations:      []hirebase.OccupationCode{},
		SkillTags:        []hirebase.SkillRef{},
	}
}

// Calibration returns a made-up calibration with the given ID.
func Calibration(id, asOf string) *hirebase.Calibration {
	return &hirebase.Calibration{
		ID:   id,
		AsOf: asOf,
		Sources: []hirebase.CalibrationSource{
			{Name: "survey.csv", Citation: "Made-up survey", AsOf: asOf, Rows: 120, Used: 100, Filter: "remote only"},
		},
		Bands: []hirebase.CalibratedBand{
			{
				Role: "backend-developer", Level: hirebase.Mid,
				Salary:     hirebase.SalaryBand{Min: 3000, Max: 4500, Currency: "USD", Period: "month", Source: "survey"},
				SampleSize: 40, Method: "survey role x tier p25-p75",
			},
		},
		Model: json.RawMessage(`{"alpha":0.5,"factors":{"leadership":1.1}}`),
	}
}

func intPtr(v int) *int { return &v }
