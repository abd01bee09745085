package estimate

import (
	"math"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// numFactors is len(hirebase.FactorKeys); arrays of factors follow its order.
const numFactors = 5

// modelVersion changes whenever the model's JSON shape or meaning does, so an
// estimator never reads parameters it would misunderstand.
const modelVersion = 1

// model is the estimator's fitted parameters, stored as JSON in
// Calibration.Model. Log salaries are natural logs of monthly gross USD.
type model struct {
	Version   int     `json:"version"`
	Currency  string  `json:"currency"`
	Period    string  `json:"period"`
	ARSPerUSD float64 `json:"ars_per_usd"`
	// Source is the sentence every estimate cites.
	Source string `json:"source"`
	// DataAsOf is the date of the newest survey response behind the salaries.
	DataAsOf string `json:"data_as_of"`

	// Intercept is the log salary of a software developer with no experience,
	// no factor and no modelled skill.
	Intercept  float64            `json:"intercept"`
	Experience experience         `json:"experience"`
	Groups     map[string]group   `json:"groups"`
	Roles      map[string]roleFit `json:"roles"`
	Factors    []factorFit        `json:"factors"`
	Skills     map[string]float64 `json:"skills"`
	// Spread holds, per tier, the residual quantiles added to the fitted log
	// salary to give p10..p90.
	Spread     map[hirebase.LevelKey]quantiles `json:"spread"`
	Tier       tierModel                       `json:"tier"`
	Baseline   baseline                        `json:"baseline"`
	Confidence confidenceRule                  `json:"confidence"`
	Fit        fitInfo                         `json:"fit"`
	Postings   *postingsCheck                  `json:"postings,omitempty"`
	Notes      []string                        `json:"notes"`
}

// experience is a piecewise-linear curve in years: Slopes[i] is the log
// salary gained per year between Knots[i] and Knots[i+1]. Every slope is
// constrained to be non-negative, so more experience never lowers pay.
type experience struct {
	Knots  []float64 `json:"knots"`
	Slopes []float64 `json:"slopes"`
}

// at returns the curve's value at y years, flat past the last knot.
func (e experience) at(y float64) float64 {
	v := 0.0
	for i, s := range e.Slopes {
		if i+1 >= len(e.Knots) {
			break
		}
		v += s * segment(y, e.Knots[i], e.Knots[i+1])
	}
	return v
}

// segment is the part of [0, y] that falls inside [lo, hi].
func segment(y, lo, hi float64) float64 {
	return math.Max(0, math.Min(y, hi)-lo)
}

// group is one regression group: a catalog role with survey rows of its own.
// Effect is its log pay level relative to the intercept, fitted with a ridge
// penalty toward Prior (the BLS wage ratio of its occupation, scaled by the
// fitted transfer coefficient).
//
// The regression also fits skill effects, so Effect is the pool's level net
// of its skills; SkillMean is the average skill effect of the pool's rows,
// added back when a caller states no skills.
type group struct {
	Effect    float64 `json:"effect"`
	SkillMean float64 `json:"skill_mean"`
	Prior     float64 `json:"prior"`
	N         int     `json:"n"`
	SOC       string  `json:"soc"`
}

// roleFit tells the estimator which group stands for a catalog role, whom
// that group's rows are, and how many rows sit at each tier.
type roleFit struct {
	Pool    string                    `json:"pool"`
	Who     string                    `json:"who"`
	Caveat  string                    `json:"caveat,omitempty"`
	Samples map[hirebase.LevelKey]int `json:"samples"`
}

// factorFit is one key factor's fitted effect on log salary. Percent is
// exp(Coef)-1 in percent; CILow and CIHigh are the bootstrap interval.
// Unconstrained is what an unconstrained fit gave, kept so a clamped negative
// effect is reported rather than hidden.
type factorFit struct {
	Key           string  `json:"key"`
	Measurable    bool    `json:"measurable"`
	Proxy         string  `json:"proxy"`
	Coef          float64 `json:"coef"`
	Percent       float64 `json:"percent"`
	CILow         float64 `json:"ci_low"`
	CIHigh        float64 `json:"ci_high"`
	Unconstrained float64 `json:"unconstrained_percent"`
	Note          string  `json:"note"`
}

// quantiles of log-salary residuals, in ascending order.
type quantiles struct {
	P10 float64 `json:"p10"`
	P25 float64 `json:"p25"`
	P50 float64 `json:"p50"`
	P75 float64 `json:"p75"`
	P90 float64 `json:"p90"`
}

// tierModel is a cumulative logit on completed years of experience:
// P(tier rank >= k) = logistic(Slope * (floor(years) - Cuts[k-1])). A positive
// slope and ordered cuts make the expected tier rise with years.
type tierModel struct {
	Slope float64    `json:"slope"`
	Cuts  [2]float64 `json:"cuts"`
	Note  string     `json:"note"`
}

// probabilities returns P(junior), P(mid), P(senior) for y years.
func (t tierModel) probabilities(y float64) [3]float64 {
	x := math.Floor(math.Min(math.Max(y, 0), maxYears))
	atLeastMid := logistic(t.Slope * (x - t.Cuts[0]))
	atLeastSenior := logistic(t.Slope * (x - t.Cuts[1]))
	if atLeastSenior > atLeastMid {
		atLeastSenior = atLeastMid
	}
	return [3]float64{1 - atLeastMid, atLeastMid - atLeastSenior, atLeastSenior}
}

func logistic(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// baseline holds the evaluation baseline: the median dollar salary of each
// survey role and seniority in the calibration data, with the survey role's
// median and the overall median as fallbacks for cells a new file adds.
type baseline struct {
	Cells   map[string]map[string]float64 `json:"cells"`
	Roles   map[string]float64            `json:"roles"`
	Overall float64                       `json:"overall"`
}

// predict returns the baseline salary for a survey role and seniority.
func (b baseline) predict(role, seniority string) float64 {
	if v, ok := b.Cells[role][seniority]; ok {
		return v
	}
	if v, ok := b.Roles[role]; ok {
		return v
	}
	return b.Overall
}

// confidenceRule grades an estimate by the survey rows behind its role and
// tier: High or more is "high", Medium or more "medium", fewer "low". A role
// that borrows another's rows is never graded above "medium".
type confidenceRule struct {
	High   int `json:"high"`
	Medium int `json:"medium"`
}

// fitInfo records how the model was fitted, for the README and for anyone
// re-deriving it.
type fitInfo struct {
	Rows int `json:"rows"`
	// LOOResidualSD is the standard deviation of leave-one-out log residuals.
	LOOResidualSD float64 `json:"loo_residual_sd"`
	GroupPenalty  float64 `json:"group_penalty"`
	SkillPenalty  float64 `json:"skill_penalty"`
	SkillMinRows  int     `json:"skill_min_rows"`
	BLSTransfer   float64 `json:"bls_transfer"`
	BandPenalty   float64 `json:"band_penalty"`
	Resamples     int     `json:"bootstrap_resamples"`
	Seed          uint64  `json:"bootstrap_seed"`
	IntervalLevel float64 `json:"interval_level"`
}

// postingsCheck compares job-posting salaries with the model, as a sanity
// check on a different market; postings never move a band or a coefficient.
type postingsCheck struct {
	N            int     `json:"n"`
	MedianRatio  float64 `json:"median_ratio"`
	InsideP10P90 float64 `json:"inside_p10_p90"`
	Note         string  `json:"note"`
}

// logSalary is the fitted log salary for a pool, years, factors and skills.
// Nil skills mean "none with a fitted effect stated": the pool's average
// skill mix is assumed, so a role whose rows are defined by their tools (QA
// automation, mobile) is not underestimated when the caller lists none.
func (m *model) logSalary(pool string, years float64, factors [numFactors]bool, skills []string) float64 {
	g := m.Groups[pool]
	v := m.Intercept + g.Effect + m.Experience.at(years)
	if skills == nil {
		v += g.SkillMean
	}
	for i, on := range factors {
		if on && i < len(m.Factors) {
			v += m.Factors[i].Coef
		}
	}
	for _, s := range skills {
		v += m.Skills[s]
	}
	return v
}

// tierOf returns the most probable tier for y years.
func (m *model) tierOf(y float64) (hirebase.LevelKey, [3]float64) {
	p := m.Tier.probabilities(y)
	best := 0
	for i := 1; i < 3; i++ {
		if p[i] > p[best] {
			best = i
		}
	}
	return hirebase.LevelKeys[best], p
}
