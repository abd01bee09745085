package estimate

import (
	"fmt"
	"math"
	"sort"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// layout numbers the model's columns: intercept, experience segments,
// measurable factors, role groups, skills.
type layout struct {
	groups   []string
	skills   []string
	groupCol map[string]int
	skillCol map[string]int
	p        int
}

const (
	colIntercept = 0
	colExp       = 1
)

func colFactor(i int) int { return colExp + len(expKnots) - 1 + i }

func newLayout(rows []*respondent) layout {
	pools := map[string]bool{}
	for _, s := range roleSpecs {
		pools[s.Pool] = true
	}
	counts := map[string]int{}
	for _, r := range rows {
		for _, s := range r.skills() {
			counts[s]++
		}
	}
	skills := map[string]bool{}
	for s, n := range counts {
		if n >= skillMinRows {
			skills[s] = true
		}
	}
	l := layout{groups: sortedKeys(pools), skills: sortedKeys(skills), groupCol: map[string]int{}, skillCol: map[string]int{}}
	next := colFactor(len(measurable))
	for _, g := range l.groups {
		l.groupCol[g] = next
		next++
	}
	for _, s := range l.skills {
		l.skillCol[s] = next
		next++
	}
	l.p = next
	return l
}

// row builds one design row.
func (l layout) row(r *respondent) sparseRow {
	var x sparseRow
	add := func(j int, v float64) {
		if v != 0 {
			x.Idx, x.Val = append(x.Idx, j), append(x.Val, v)
		}
	}
	add(colIntercept, 1)
	for i := 0; i+1 < len(expKnots); i++ {
		add(colExp+i, segment(r.Years, expKnots[i], expKnots[i+1]))
	}
	f := r.factors()
	for i, k := range measurable {
		if f[k] {
			add(colFactor(i), 1)
		}
	}
	add(l.groupCol[r.Role], 1)
	for _, s := range r.skills() {
		if j, ok := l.skillCol[s]; ok {
			add(j, 1)
		}
	}
	return x
}

// tierOfYears is the catalog's and the survey's tier for y years.
func tierOfYears(y float64) hirebase.LevelKey {
	switch x := math.Floor(y); {
	case x < 3:
		return hirebase.Junior
	case x < 6:
		return hirebase.Mid
	}
	return hirebase.Senior
}

// fitModel fits the log-salary model, its residual spread, the tier model,
// the bootstrap intervals and the evaluation baseline.
func fitModel(rows []*respondent, bls *blsTable) (*model, error) {
	l := newLayout(rows)
	pr := ridgeProblem{P: l.p, Penalty: make([]float64, l.p), Prior: make([]float64, l.p), NonNeg: make([]bool, l.p)}
	for _, r := range rows {
		pr.X = append(pr.X, l.row(r))
		pr.Y = append(pr.Y, math.Log(r.USD))
	}
	for i := 0; i+1 < len(expKnots); i++ {
		pr.NonNeg[colExp+i] = true
	}
	for i := range measurable {
		pr.NonNeg[colFactor(i)] = true
	}
	for _, j := range l.groupCol {
		pr.Penalty[j] = groupPenalty
	}
	for _, j := range l.skillCol {
		pr.Penalty[j] = skillPenalty
	}

	groupN := map[string]int{}
	for _, r := range rows {
		groupN[r.Role]++
	}
	ell := map[string]float64{}
	for _, g := range l.groups {
		if v, ok := bls.Median[roleSpecs[g].SOC]; ok {
			ell[g] = math.Log(v / bls.Median[referenceSOC])
		}
	}

	// First pass without a prior, to learn how much of the US pay gap
	// between occupations carries over to the survey.
	b0, err := pr.solve(nil)
	if err != nil {
		return nil, err
	}
	transfer, offset := blsTransfer(l, b0, groupN, ell)
	for _, g := range l.groups {
		pr.Prior[l.groupCol[g]] = offset + transfer*ell[g]
	}
	beta, err := pr.solve(nil)
	if err != nil {
		return nil, err
	}
	free := pr
	free.NonNeg = append([]bool(nil), pr.NonNeg...)
	for i := range measurable {
		free.NonNeg[colFactor(i)] = false
	}
	betaFree, err := free.solve(nil)
	if err != nil {
		return nil, err
	}

	m := &model{
		Version:    modelVersion,
		Currency:   "USD",
		Period:     "month",
		ARSPerUSD:  ARSPerUSD,
		Intercept:  round(beta[colIntercept], 6),
		Experience: experience{Knots: expKnots},
		Groups:     map[string]group{},
		Roles:      map[string]roleFit{},
		Skills:     map[string]float64{},
		Spread:     map[hirebase.LevelKey]quantiles{},
		Confidence: confidenceRule{High: confidenceHigh, Medium: confidenceMedium},
		Fit: fitInfo{
			Rows: len(rows), GroupPenalty: groupPenalty, SkillPenalty: skillPenalty, SkillMinRows: skillMinRows,
			BLSTransfer: round(transfer, 4), BandPenalty: bandPenalty,
			Resamples: bootstrapResamples, Seed: bootstrapSeed, IntervalLevel: intervalLevel,
		},
	}
	for i := 0; i+1 < len(expKnots); i++ {
		m.Experience.Slopes = append(m.Experience.Slopes, round(beta[colExp+i], 6))
	}
	for _, g := range l.groups {
		m.Groups[g] = group{Effect: round(beta[l.groupCol[g]], 6), Prior: round(pr.Prior[l.groupCol[g]], 6), N: groupN[g], SOC: roleSpecs[g].SOC}
	}
	for _, s := range l.skills {
		m.Skills[s] = round(beta[l.skillCol[s]], 6)
	}
	skillSum := map[string]float64{}
	for _, r := range rows {
		for _, s := range r.skills() {
			skillSum[r.Role] += m.Skills[s]
		}
	}
	for g, v := range m.Groups {
		if v.N > 0 {
			v.SkillMean = round(skillSum[g]/float64(v.N), 6)
			m.Groups[g] = v
		}
	}
	intervals, err := bootstrap(&pr, len(rows))
	if err != nil {
		return nil, err
	}
	m.Factors = factorFits(beta, betaFree, intervals)

	// Residuals are taken against the rounded parameters the estimator uses,
	// and made leave-one-out so the ranges are as wide for a new respondent
	// as they were for the fitted ones.
	lev, err := pr.leverages(beta)
	if err != nil {
		return nil, err
	}
	byTier := map[hirebase.LevelKey][]float64{}
	var all []float64
	for i, r := range rows {
		e := math.Log(r.USD) - m.logSalary(r.Role, r.Years, r.factors(), statedSkills(r, m))
		e /= 1 - math.Min(lev[i], 0.99)
		t := tierOfYears(r.Years)
		byTier[t] = append(byTier[t], e)
		all = append(all, e)
	}
	m.Fit.LOOResidualSD = round(stddev(all), 4)
	for _, t := range hirebase.LevelKeys {
		m.Spread[t] = spreadOf(byTier[t], all)
	}

	years := make([]float64, len(rows))
	ranks := make([]int, len(rows))
	for i, r := range rows {
		years[i], ranks[i] = r.Years, tierOfYears(r.Years).Rank()
	}
	m.Tier = fitTier(years, ranks)
	m.Tier.Note = "Cumulative logit on completed years; the survey assigns seniority from years (Junior under 3, Semi-Senior 3-5, Senior 6+), so the fit recovers those thresholds and cannot learn more."

	for slug, spec := range roleSpecs {
		rf := roleFit{Pool: spec.Pool, Who: spec.Who, Caveat: spec.Caveat, Samples: map[hirebase.LevelKey]int{}}
		for _, t := range hirebase.LevelKeys {
			rf.Samples[t] = 0
		}
		for _, r := range rows {
			if r.Role == spec.Pool {
				rf.Samples[tierOfYears(r.Years)]++
			}
		}
		m.Roles[slug] = rf
	}
	m.Baseline = fitBaseline(rows)
	return m, nil
}

// statedSkills mirrors Estimate: the row's skills, or nil (the pool's
// average mix) when none of them has a fitted effect.
func statedSkills(r *respondent, m *model) []string {
	s := r.skills()
	for _, k := range s {
		if _, ok := m.Skills[k]; ok {
			return s
		}
	}
	return nil
}

// minSpreadRows is the fewest residuals a tier needs for its own quantiles;
// with fewer the tier uses the pooled residuals.
const minSpreadRows = 30

// spreadOf returns the residual quantiles of a tier, pooled when the tier is
// thin.
func spreadOf(tier, all []float64) quantiles {
	e := tier
	if len(e) < minSpreadRows {
		e = all
	}
	s := append([]float64(nil), e...)
	sort.Float64s(s)
	q := func(p float64) float64 { return round(quantile(s, p), 6) }
	return quantiles{P10: q(0.10), P25: q(0.25), P50: q(0.50), P75: q(0.75), P90: q(0.90)}
}

// blsTransfer regresses the first-pass group levels on their occupations' BLS
// log wage ratios, weighting by rows, over groups with enough rows. The slope
// is how much of the US gap between occupations shows in the survey, kept
// within [0, 1]; the offset places the prior at the survey's own level.
func blsTransfer(l layout, b []float64, n map[string]int, ell map[string]float64) (slope, offset float64) {
	var sw, sx, sy float64
	for _, g := range l.groups {
		if w := float64(n[g]); n[g] >= transferMinRows {
			sw += w
			sx += w * ell[g]
			sy += w * b[l.groupCol[g]]
		}
	}
	if sw == 0 {
		return 0, 0
	}
	mx, my := sx/sw, sy/sw
	var sxx, sxy float64
	for _, g := range l.groups {
		if w := float64(n[g]); n[g] >= transferMinRows {
			dx := ell[g] - mx
			sxx += w * dx * dx
			sxy += w * dx * (b[l.groupCol[g]] - my)
		}
	}
	if sxx > 1e-12 {
		slope = math.Min(1, math.Max(0, sxy/sxx))
	}
	return slope, my - slope*mx
}

// factorProxies describes each factor's survey proxy, in FactorKeys order.
var factorProxies = [numFactors]string{
	"paid wholly or partly in US dollars, or dollarized (pagos_en_dolares / sueldo_dolarizado)",
	"uses AWS, Azure, GCP, Kubernetes, OpenShift, IBM Cloud or serverless (platforms)",
	"none: the survey asks nothing that stands for security or performance work",
	"manages at least one person (cuantas_personas_tenes_a_cargo > 0)",
	"uses Docker, Kubernetes, OpenShift, Terraform, Ansible, Jenkins, GitLab, GitHub Actions, Argo CD or Helm",
}

// factorFits assembles the factor effects in FactorKeys order.
func factorFits(beta, betaFree []float64, intervals [][2]float64) []factorFit {
	out := make([]factorFit, numFactors)
	for k, key := range hirebase.FactorKeys {
		out[k] = factorFit{Key: key, Proxy: factorProxies[k],
			Note: "Not measurable: the survey has no proxy for it, so it is reported as 0% and never moves an estimate."}
	}
	for i, k := range measurable {
		c := beta[colFactor(i)]
		f := &out[k]
		f.Measurable = true
		f.Coef = round(c, 6)
		f.Percent = round(pct(c), 1)
		f.CILow, f.CIHigh = round(intervals[i][0], 1), round(intervals[i][1], 1)
		f.Unconstrained = round(pct(betaFree[colFactor(i)]), 1)
		f.Note = fmt.Sprintf("Survey proxy: %s. Holding role, experience, skills and the other factors fixed, it goes with %+.1f%% pay (%.0f%% bootstrap interval %+.1f%% to %+.1f%%).",
			f.Proxy, f.Percent, intervalLevel*100, f.CILow, f.CIHigh)
		if f.Unconstrained < 0 {
			f.Note += fmt.Sprintf(" An unconstrained fit gave %.1f%%; it is held at 0 so the factor never lowers pay.", f.Unconstrained)
		}
	}
	return out
}

// pct turns a log effect into a percent change.
func pct(c float64) float64 { return 100 * (math.Exp(c) - 1) }

// bootstrap refits the constrained model on resamples of the rows and
// returns, per measurable factor, the percentile interval of its effect in
// percent. Resamples are weights, drawn with a fixed-seed generator.
func bootstrap(pr *ridgeProblem, n int) ([][2]float64, error) {
	g := &rng{state: bootstrapSeed}
	draws := make([][]float64, len(measurable))
	w := make([]float64, n)
	for s := 0; s < bootstrapResamples; s++ {
		for i := range w {
			w[i] = 0
		}
		for i := 0; i < n; i++ {
			w[g.intn(n)]++
		}
		b, err := pr.solve(w)
		if err != nil {
			return nil, fmt.Errorf("bootstrap resample %d: %w", s, err)
		}
		for i := range measurable {
			draws[i] = append(draws[i], pct(b[colFactor(i)]))
		}
	}
	out := make([][2]float64, len(measurable))
	tail := (1 - intervalLevel) / 2
	for i, d := range draws {
		sort.Float64s(d)
		out[i] = [2]float64{quantile(d, tail), quantile(d, 1-tail)}
	}
	return out, nil
}

// fitBaseline stores the median salary of each survey role and seniority, the
// naive estimate the model must beat.
func fitBaseline(rows []*respondent) baseline {
	cells := map[string]map[string][]float64{}
	roles := map[string][]float64{}
	var all []float64
	for _, r := range rows {
		if cells[r.SurveyRole] == nil {
			cells[r.SurveyRole] = map[string][]float64{}
		}
		cells[r.SurveyRole][r.Seniority] = append(cells[r.SurveyRole][r.Seniority], r.USD)
		roles[r.SurveyRole] = append(roles[r.SurveyRole], r.USD)
		all = append(all, r.USD)
	}
	b := baseline{Cells: map[string]map[string]float64{}, Roles: map[string]float64{}, Overall: round(median(all), 2)}
	for role, bySen := range cells {
		b.Cells[role] = map[string]float64{}
		for sen, v := range bySen {
			b.Cells[role][sen] = round(median(v), 2)
		}
		b.Roles[role] = round(median(roles[role]), 2)
	}
	return b
}

func stddev(v []float64) float64 {
	if len(v) < 2 {
		return 0
	}
	mean := 0.0
	for _, x := range v {
		mean += x
	}
	mean /= float64(len(v))
	ss := 0.0
	for _, x := range v {
		ss += (x - mean) * (x - mean)
	}
	return math.Sqrt(ss / float64(len(v)-1))
}
