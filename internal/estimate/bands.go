package estimate

import (
	"fmt"
	"math"
	"sort"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// tierYears words each tier's span of experience for band sources.
var tierYears = map[hirebase.LevelKey]string{hirebase.Junior: "0-2", hirebase.Mid: "3-5", hirebase.Senior: "6+"}

// fitBands derives every catalog role's band for every tier: the p25-p75 of
// the role's own survey rows at that tier, on a log scale, blended with the
// all-roles p25-p75 of the tier shifted by the role's fitted pay level. The
// blend weight is n/(n+20), so a well-sampled role keeps its own range and a
// thin one leans on the survey as a whole and on the model. Bands are rounded
// to 10 USD and forced to rise with the tier.
func fitBands(rows []*respondent, m *model, edition string) []hirebase.CalibratedBand {
	pooled := map[hirebase.LevelKey][]float64{}
	meanEffect := map[hirebase.LevelKey]float64{}
	byPool := map[string]map[hirebase.LevelKey][]float64{}
	for _, r := range rows {
		t := tierOfYears(r.Years)
		pooled[t] = append(pooled[t], math.Log(r.USD))
		meanEffect[t] += m.Groups[r.Role].Effect
		if byPool[r.Role] == nil {
			byPool[r.Role] = map[hirebase.LevelKey][]float64{}
		}
		byPool[r.Role][t] = append(byPool[r.Role][t], math.Log(r.USD))
	}
	for t, v := range pooled {
		sort.Float64s(v)
		meanEffect[t] /= float64(len(v))
	}

	slugs := make([]string, 0, len(roleSpecs))
	for s := range roleSpecs {
		slugs = append(slugs, s)
	}
	sort.Strings(slugs)
	var out []hirebase.CalibratedBand
	for _, slug := range slugs {
		spec := roleSpecs[slug]
		g := m.Groups[spec.Pool]
		var prev *hirebase.CalibratedBand
		for _, t := range hirebase.LevelKeys {
			own := append([]float64(nil), byPool[spec.Pool][t]...)
			sort.Float64s(own)
			n := len(own)
			w := float64(n) / (float64(n) + bandPenalty)
			shift := g.Effect - meanEffect[t]
			blend := func(q float64) float64 {
				prior := quantile(pooled[t], q) + shift
				if n == 0 {
					return prior
				}
				return w*quantile(own, q) + (1-w)*prior
			}
			lo, hi := roundTo10(math.Exp(blend(0.25))), roundTo10(math.Exp(blend(0.75)))
			method := fmt.Sprintf("p25-p75 of the pool's log salaries at this tier, weighted %.2f against the all-roles tier p25-p75 "+
				"shifted by the pool's fitted pay level (%+.1f%% against the all-roles average, ridge prior from BLS %s/%s x %.2f); rounded to 10 USD",
				w, pct(shift), spec.SOC, referenceSOC, m.Fit.BLSTransfer)
			if spec.Pool != slug {
				method = "shares the " + spec.Pool + " pool: " + method
			}
			if hi <= lo {
				hi = lo + 10
			}
			if prev != nil && (lo <= prev.Salary.Min || hi <= prev.Salary.Max) {
				lo = max(lo, roundUpTo10(float64(prev.Salary.Min)*1.05))
				hi = max(hi, roundUpTo10(float64(prev.Salary.Max)*1.05), lo+10)
				method += "; raised to 5% above the tier below, which a small sample had inverted"
			}
			b := hirebase.CalibratedBand{
				Role:       slug,
				Level:      t,
				SampleSize: n,
				Method:     method,
				Salary: hirebase.SalaryBand{
					Min: lo, Max: hi, Currency: "USD", Period: "month",
					Source: bandSource(edition, spec, t, n, len(pooled[t])),
				},
			}
			out = append(out, b)
			prev = &out[len(out)-1]
		}
	}
	return out
}

// bandSource says in a sentence a client can read where a band comes from.
func bandSource(edition string, spec roleSpec, t hirebase.LevelKey, n, pooled int) string {
	var s string
	if n == 0 {
		s = fmt.Sprintf("sysarmy/openqube Argentina salary survey %s: no %s with %s years of experience, so the p25-p75 of all %s respondents at that level, "+
			"adjusted by the role's fitted pay level; monthly gross, ARS at 1,326/USD.", edition, spec.Who, tierYears[t], thousands(pooled))
	} else {
		s = fmt.Sprintf("sysarmy/openqube Argentina salary survey %s: p25-p75 of the monthly gross pay of n=%d %s with %s years of experience, "+
			"blended with the all-roles range for that level in proportion to sample size; ARS at 1,326/USD.", edition, n, spec.Who, tierYears[t])
	}
	if spec.Caveat != "" {
		s += " " + spec.Caveat
	}
	return s
}

func roundTo10(v float64) int   { return int(math.Round(v/10)) * 10 }
func roundUpTo10(v float64) int { return int(math.Ceil(v/10)) * 10 }
