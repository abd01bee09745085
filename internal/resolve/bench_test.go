package resolve_test

import (
	"testing"

	"github.com/hirebase/hirebase/internal/catalog"
	"github.com/hirebase/hirebase/internal/resolve"
)

// benchTitles are made-up titles in the shapes real postings take: clean
// and messy, three languages, abbreviations, typos, noise and non-tech jobs.
var benchTitles = []string{
	"Senior Backend Engineer (Go, Kafka) - Remote LATAM",
	"Desarrollador Full Stack Semi Senior (React + Node.js) 100% remoto",
	"Desenvolvedor Front-end Pleno - Vue.js",
	"Jr. Data Analyst (Power BI / SQL)",
	"Lead ML Engineer, Computer Vision @ Acme Robotics",
	"Strong Middle QA Automation Engineer (Playwright, TypeScript) (REQ-40213)",
	"Ingeniero de Datos Sr - Airflow / Spark",
	"Sr. iOS Developer (Swift, SwiftUI) — relocation to Lisbon",
	"Head of Engineering at a Series B fintech",
	"Registered Nurse - Night Shift",
	"Analista de Sistemas Júnior",
	"Cientista de Dados Sênior",
	"Gerente de Proyectos TI",
	"DevOps/SRE Engineer (AWS, Terraform, Kubernetes) 🚀",
	"Software Engineer II",
	"Salesforce Developer (Apex, LWC) - contract",
	"Pyhton Devloper",
	"UI/UX Designer - Mobile Apps (Figma)",
	"Technical Writer for API documentation",
	"Motorista de caminhão",
	"SAP ABAP Consultant (S/4HANA)",
	"Unity Game Developer (C#) – hybrid",
	"Team Lead / Senior Web Developer",
	"Security Analyst (SOC, SIEM) - Tier 2",
}

// BenchmarkResolve measures single-title resolution over a varied list, in
// titles per second.
func BenchmarkResolve(b *testing.B) {
	c, err := catalog.Content()
	if err != nil {
		b.Fatal(err)
	}
	r := resolve.New(c.Roles)
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		r.Resolve(benchTitles[n%len(benchTitles)], 5)
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "queries/s")
}
