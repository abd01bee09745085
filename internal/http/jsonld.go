package http

import "github.com/hirebase/hirebase/internal/hirebase"

// occupationLD builds the schema.org Occupation for a role page, one
// MonetaryAmountDistribution per tier. Bands are stored as a range; they are
// published as the distribution's 25th and 75th percentiles, which is how the
// calibration derives them.
func occupationLD(r *hirebase.Role, url string) map[string]any {
	alt := make([]string, 0, len(r.AlternativeNames))
	for _, a := range r.AlternativeNames {
		alt = append(alt, a.Name)
	}
	var cats []map[string]any
	for _, o := range r.Occupations {
		cats = append(cats, map[string]any{
			"@type":     "CategoryCode",
			"codeValue": o.Code,
			"name":      o.Title,
			"inCodeSet": map[string]any{"@type": "CategoryCodeSet", "name": "O*NET-SOC"},
		})
	}
	var skills, resp []string
	var salaries []map[string]any
	for _, l := range r.Levels {
		skills = append(skills, l.Skills...)
		resp = append(resp, l.Responsibilities...)
		salaries = append(salaries, map[string]any{
			"@type":        "MonetaryAmountDistribution",
			"name":         levelName(l.Key),
			"currency":     l.Salary.Currency,
			"duration":     "P1M",
			"percentile25": l.Salary.Min,
			"percentile75": l.Salary.Max,
			"description":  l.Experience + " Source: " + l.Salary.Source,
		})
	}
	ld := map[string]any{
		"@context":         "https://schema.org",
		"@type":            "Occupation",
		"name":             r.Name,
		"description":      r.Summary,
		"alternateName":    alt,
		"skills":           skills,
		"responsibilities": resp,
		"estimatedSalary":  salaries,
	}
	if len(cats) > 0 {
		ld["occupationalCategory"] = cats
	}
	if url != "" {
		ld["url"] = url
	}
	return ld
}
