package estimate

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
)

// postingRoles maps a Djinni category to the catalog role a posting under it
// most likely hires for: the first role the project's own category table
// accepts. Language categories count as back-end work, front-end frameworks
// as front-end.
var postingRoles = map[string]string{
	"Fullstack": "full-stack-developer", "Data Analyst": "data-analyst", "Data Analytics": "data-analyst",
	"QA": "qa-engineer", "QA Automation": "qa-automation-engineer", "Quality Assurance": "qa-engineer",
	"DevOps": "devops-engineer", "Business Analyst": "business-analyst", "ML AI": "machine-learning-engineer",
	"Data Engineer": "data-engineer", "Data Science": "data-scientist", "Embedded": "embedded-engineer",
	"Sysadmin": "system-administrator", "UI UX": "ui-ux-designer", "Product Design": "product-designer",
	"UX Research": "ui-ux-designer", "Security": "security-engineer", "Information Security": "security-engineer",
	"Security Analyst": "security-engineer", "Penetration Tester": "security-engineer", "iOS": "ios-developer",
	"Android": "android-developer", "Flutter": "mobile-developer", "React Native": "mobile-developer",
	"WordPress": "wordpress-developer", "Architect": "software-architect", "Engineering Manager": "engineering-manager",
	"Lead": "tech-lead", "Technical Writing": "technical-writer", "Scrum Master": "scrum-master",
	"Salesforce": "salesforce-developer", "Game Developer": "game-developer", "Unity": "game-developer",
	"Unity Developer": "game-developer", "Unreal Developer": "game-developer", "ERP": "erp-developer",
	"SAP": "erp-developer", "Odoo": "erp-developer", "MS Dynamics": "erp-developer",
	"Markup": "front-end-developer", "JavaScript": "front-end-developer", "React.js": "front-end-developer",
	"Angular": "front-end-developer", "Vue.js": "front-end-developer",
	"Python": "back-end-developer", "Node.js": "back-end-developer", ".NET": "back-end-developer",
	"Java": "back-end-developer", "PHP": "back-end-developer", "Golang": "back-end-developer",
	"Ruby": "back-end-developer", "Rust": "back-end-developer", "Scala": "back-end-developer",
	"Elixir": "back-end-developer", "Laravel": "back-end-developer", "Symfony": "back-end-developer",
	"ASP.NET": "back-end-developer", "Dotnet Web": "back-end-developer", "Dotnet Cloud": "back-end-developer",
}

// checkPostings compares each usable posting's salary midpoint with the
// model's estimate for its role and required years, as if the employer paid
// in dollars (these are remote, mostly foreign-paid jobs) and with no other
// factor. It reports the median ratio and the share inside p10-p90; a
// different market is expected to differ, which is why postings are never
// fitted.
func checkPostings(r io.Reader, m *model) (check *postingsCheck, total, used int, err error) {
	cr := csv.NewReader(r)
	cr.Comma = '\t'
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, 0, 0, fmt.Errorf("read postings header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")] = i
	}
	for _, c := range []string{"category", "experience_months", "salary_min", "salary_max", "salary_currency"} {
		if _, ok := col[c]; !ok {
			return nil, 0, 0, fmt.Errorf("postings have no column %q", c)
		}
	}
	var ratios []float64
	inside := 0
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, 0, 0, fmt.Errorf("read postings: %w", err)
		}
		total++
		get := func(c string) string {
			if i := col[c]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		role, ok := postingRoles[get("category")]
		months := parseNumber(get("experience_months"))
		lo, hi := parseNumber(get("salary_min")), parseNumber(get("salary_max"))
		if math.IsNaN(lo) {
			lo = hi
		}
		if math.IsNaN(hi) {
			hi = lo
		}
		if !ok || get("salary_currency") != "USD" || math.IsNaN(months) || months < 0 || !(lo > 0 && hi >= lo) {
			continue
		}
		spec := roleSpecs[role]
		years := months / 12
		mu := m.logSalary(spec.Pool, years, [numFactors]bool{true}, nil)
		s := m.Spread[tierOfYears(years)]
		mid := (lo + hi) / 2
		ratios = append(ratios, mid/math.Exp(mu+s.P50))
		if mid >= math.Exp(mu+s.P10) && mid <= math.Exp(mu+s.P90) {
			inside++
		}
		used++
	}
	if used == 0 {
		return &postingsCheck{Note: "No posting had a USD salary, an experience requirement and a mapped category; nothing to compare."}, total, 0, nil
	}
	sort.Float64s(ratios)
	c := &postingsCheck{N: used, MedianRatio: round(quantile(ratios, 0.5), 3), InsideP10P90: round(float64(inside)/float64(used), 3)}
	c.Note = fmt.Sprintf("Cross-check on %d Djinni postings with a USD salary: their midpoints are a median %.2f times the model's p50 for the same role and required years "+
		"(paid in dollars, no other factor), and %.0f%% fall inside its p10-p90. Postings are a different market and never move the fit.",
		used, c.MedianRatio, 100*c.InsideP10P90)
	return c, total, used, nil
}
