// Package estimate fits salary bands and a salary and seniority model to
// public survey data, and estimates a candidate's tier and monthly pay from
// their role, years of experience, the five key factors and their skills.
// It is pure logic: it depends on the domain package and the standard library
// only, never on storage or HTTP, so the same calibration serves the API, the
// CLI and the tests.
package estimate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// Input limits, so one request can never be unbounded.
const (
	MaxYears       = 60
	MaxEvidenceLen = 500
	MaxSkills      = 50
	MaxSkillLen    = 100
)

// Factor is one key factor as the caller states it, with optional evidence
// (a CV line, a link) kept for the reviewer, never interpreted.
type Factor struct {
	Present  bool   `json:"present"`
	Evidence string `json:"evidence,omitempty"`
}

// Input is what an estimate needs. Role is a catalog slug: resolving a job
// title to a role happens before estimation.
type Input struct {
	Role            string            `json:"role"`
	YearsExperience float64           `json:"years_experience"`
	Factors         map[string]Factor `json:"factors"`
	Skills          []string          `json:"skills"`
	// Country is an ISO 3166-1 alpha-2 code; optional.
	Country string `json:"country"`
}

// Result is an estimate as the API serves it.
type Result struct {
	Role          string         `json:"role"`
	Tier          TierEstimate   `json:"tier"`
	Salary        Salary         `json:"salary"`
	Contributions []Contribution `json:"contributions"`
	SampleSize    int            `json:"sample_size"`
	AsOf          string         `json:"as_of"`
	Source        string         `json:"source"`
	Confidence    string         `json:"confidence"`
	Notes         []string       `json:"notes"`
}

// TierEstimate is the most probable tier and the probability of each.
type TierEstimate struct {
	Key           hirebase.LevelKey             `json:"key"`
	Probabilities map[hirebase.LevelKey]float64 `json:"probabilities"`
}

// Salary is the estimated distribution of monthly gross pay.
type Salary struct {
	P10      int    `json:"p10"`
	P25      int    `json:"p25"`
	P50      int    `json:"p50"`
	P75      int    `json:"p75"`
	P90      int    `json:"p90"`
	Currency string `json:"currency"`
	Period   string `json:"period"`
}

// Contribution is what one key factor adds to the estimate, in percent of
// pay; 0 when the factor is off or cannot be measured.
type Contribution struct {
	Factor     string  `json:"factor"`
	Percent    float64 `json:"percent"`
	Measurable bool    `json:"measurable"`
	Note       string  `json:"note"`
}

// Estimator estimates from one calibration. It is immutable and safe for
// concurrent use.
type Estimator struct {
	m *model
}

// New reads the model of cal and checks it is one this package can use.
func New(cal *hirebase.Calibration) (*Estimator, error) {
	if cal == nil {
		return nil, fmt.Errorf("new estimator: no calibration")
	}
	var m model
	dec := json.NewDecoder(bytes.NewReader(cal.Model))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("new estimator: calibration %s: model: %w", cal.ID, err)
	}
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("new estimator: calibration %s: %w", cal.ID, err)
	}
	return &Estimator{m: &m}, nil
}

// check verifies the invariants the estimator relies on, so a hand-edited or
// stale calibration fails at start-up rather than on a request.
func (m *model) check() error {
	switch {
	case m.Version != modelVersion:
		return fmt.Errorf("model version %d, want %d", m.Version, modelVersion)
	case len(m.Factors) != numFactors:
		return fmt.Errorf("model has %d factors, want %d", len(m.Factors), numFactors)
	case len(m.Experience.Slopes)+1 != len(m.Experience.Knots):
		return fmt.Errorf("experience curve has %d slopes for %d knots", len(m.Experience.Slopes), len(m.Experience.Knots))
	case !(m.Tier.Slope > 0) || !(m.Tier.Cuts[0] <= m.Tier.Cuts[1]):
		return fmt.Errorf("tier model must have a positive slope and ordered cuts")
	}
	for i, f := range m.Factors {
		if f.Key != hirebase.FactorKeys[i] {
			return fmt.Errorf("factor %d is %q, want %q", i, f.Key, hirebase.FactorKeys[i])
		}
		if f.Coef < 0 || (!f.Measurable && f.Coef != 0) {
			return fmt.Errorf("factor %s must have a non-negative effect, zero when not measurable", f.Key)
		}
	}
	for _, s := range m.Experience.Slopes {
		if s < 0 {
			return fmt.Errorf("experience slopes must be non-negative")
		}
	}
	for _, t := range hirebase.LevelKeys {
		q, ok := m.Spread[t]
		if !ok || !(q.P10 <= q.P25 && q.P25 <= q.P50 && q.P50 <= q.P75 && q.P75 <= q.P90) {
			return fmt.Errorf("spread for %s is missing or out of order", t)
		}
	}
	for slug, r := range m.Roles {
		if _, ok := m.Groups[r.Pool]; !ok {
			return fmt.Errorf("role %s uses unknown pool %q", slug, r.Pool)
		}
	}
	return nil
}

// Estimate returns the tier and pay distribution for in, with each factor's
// contribution and the evidence behind the figures. Invalid input gives an
// EINVALID error naming every field at fault.
func (e *Estimator) Estimate(in Input) (*Result, error) {
	if err := e.validate(in); err != nil {
		return nil, err
	}
	m := e.m
	role := m.Roles[in.Role]
	g := m.Groups[role.Pool]
	var on [numFactors]bool
	for i, k := range hirebase.FactorKeys {
		on[i] = in.Factors[k].Present
	}
	skills, unknown, asFactor := m.matchSkills(in.Skills)
	if len(skills) == 0 {
		skills = nil // none with a measured effect: the role's average skill mix
	}

	tier, probs := m.tierOf(in.YearsExperience)
	mu := m.logSalary(role.Pool, in.YearsExperience, on, skills)
	q := m.Spread[tier]
	usd := func(r float64) int { return max(1, int(math.Round(math.Exp(mu+r)))) }
	res := &Result{
		Role: in.Role,
		Tier: TierEstimate{Key: tier, Probabilities: roundProbabilities(probs)},
		Salary: Salary{P10: usd(q.P10), P25: usd(q.P25), P50: usd(q.P50), P75: usd(q.P75), P90: usd(q.P90),
			Currency: m.Currency, Period: m.Period},
		SampleSize: role.Samples[tier],
		AsOf:       m.DataAsOf,
		Source:     fmt.Sprintf("%s; role pay level from %s (n=%d at this tier).", m.Source, role.Who, role.Samples[tier]),
		Confidence: m.confidence(in.Role, role.Samples[tier]),
		Notes:      []string{},
	}
	for i, f := range m.Factors {
		c := Contribution{Factor: f.Key, Measurable: f.Measurable, Note: f.Note}
		switch {
		case on[i] && f.Measurable:
			c.Percent = f.Percent
		case f.Measurable:
			c.Note = "Not stated, so it adds nothing here. " + f.Note
		}
		res.Contributions = append(res.Contributions, c)
	}

	if in.Country != "" && !strings.EqualFold(in.Country, "AR") {
		res.Notes = append(res.Notes, fmt.Sprintf("Calibrated on Argentina data; no adjustment is made for %s.", strings.ToUpper(in.Country)))
	}
	if role.Caveat != "" {
		res.Notes = append(res.Notes, fmt.Sprintf("%s Its pay level comes from %s.", role.Caveat, role.Who))
	}
	if on[2] {
		res.Notes = append(res.Notes, "Security and performance work cannot be measured in the survey, so it does not move this estimate.")
	}
	if in.YearsExperience > maxYears {
		res.Notes = append(res.Notes, fmt.Sprintf("The survey stops at %d years of experience; more is treated as %d.", int(maxYears), int(maxYears)))
	}
	if skills == nil && g.SkillMean != 0 {
		res.Notes = append(res.Notes, "No skill with a measured effect given: the role's average skill mix in the survey is assumed.")
	}
	if len(skills) > 0 {
		lift := 0.0
		for _, s := range skills {
			lift += m.Skills[s]
		}
		res.Notes = append(res.Notes, fmt.Sprintf("Skills with a measured effect (%s) move the estimate by %+.1f%% together.", strings.Join(skills, ", "), round(pct(lift), 1)))
	}
	if len(asFactor) > 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("Counted through the large_scale_cloud and devops_automation factors rather than as skills: %s.", strings.Join(asFactor, ", ")))
	}
	if len(unknown) > 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("%d skill(s) have no measured effect in the survey and do not move the estimate.", len(unknown)))
	}
	return res, nil
}

// confidence grades an estimate by the survey rows behind its role and tier.
func (m *model) confidence(slug string, n int) string {
	level := "low"
	switch {
	case n >= m.Confidence.High:
		level = "high"
	case n >= m.Confidence.Medium:
		level = "medium"
	}
	if level == "high" && m.Roles[slug].Pool != slug {
		level = "medium"
	}
	return level
}

// matchSkills maps the caller's skills to modelled skill slugs, sorted and
// without duplicates, and returns the ones it could not use.
func (m *model) matchSkills(in []string) (matched, unknown, asFactor []string) {
	seen := map[string]bool{}
	for _, raw := range in {
		s := strings.ToLower(strings.Join(strings.Fields(raw), " "))
		slug := s
		if v, ok := surveySkills[s]; ok {
			slug = v
		} else if v, ok := skillAliases[s]; ok {
			slug = v
		}
		switch _, ok := m.Skills[slug]; {
		case ok:
			seen[slug] = true
		case factorSkills[s] != "":
			asFactor = append(asFactor, raw)
		default:
			unknown = append(unknown, raw)
		}
	}
	return sortedKeys(seen), unknown, asFactor
}

// roundProbabilities rounds to three decimals and gives the rounding
// remainder to the largest, so the three always sum to 1.
func roundProbabilities(p [3]float64) map[hirebase.LevelKey]float64 {
	best := 0
	for i := range p {
		if p[i] > p[best] {
			best = i
		}
	}
	out := map[hirebase.LevelKey]float64{}
	rest := 1.0
	for i, k := range hirebase.LevelKeys {
		if i != best {
			out[k] = round(p[i], 3)
			rest -= out[k]
		}
	}
	out[hirebase.LevelKeys[best]] = round(rest, 3)
	return out
}

// validate checks every field and reports all faults at once.
func (e *Estimator) validate(in Input) error {
	var fs []hirebase.FieldError
	add := func(field, reason string) { fs = append(fs, hirebase.FieldError{Field: field, Reason: reason}) }
	if strings.TrimSpace(in.Role) == "" {
		add("role", "is required")
	} else if _, ok := e.m.Roles[in.Role]; !ok {
		add("role", "must be a catalog role slug")
	}
	if y := in.YearsExperience; math.IsNaN(y) || y < 0 || y > MaxYears {
		add("years_experience", fmt.Sprintf("must be between 0 and %d", MaxYears))
	}
	keys := make([]string, 0, len(in.Factors))
	for k := range in.Factors {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		field := "factors"
		if hirebase.ValidSlug(strings.ReplaceAll(k, "_", "-")) {
			field = "factors." + k
		}
		if !hirebase.ValidFactor(k) {
			add(field, "must be one of "+strings.Join(hirebase.FactorKeys, ", "))
			continue
		}
		if ev := in.Factors[k].Evidence; !utf8.ValidString(ev) || utf8.RuneCountInString(ev) > MaxEvidenceLen {
			add(field, fmt.Sprintf("evidence must be valid UTF-8 of at most %d characters", MaxEvidenceLen))
		}
	}
	if len(in.Skills) > MaxSkills {
		add("skills", fmt.Sprintf("must have at most %d items", MaxSkills))
	} else {
		for i, s := range in.Skills {
			switch {
			case !utf8.ValidString(s):
				add("skills", fmt.Sprintf("item %d must be valid UTF-8", i))
			case strings.TrimSpace(s) == "":
				add("skills", fmt.Sprintf("item %d is empty", i))
			case utf8.RuneCountInString(s) > MaxSkillLen:
				add("skills", fmt.Sprintf("item %d must be at most %d characters", i, MaxSkillLen))
			}
		}
	}
	if in.Country != "" && !validCountry(in.Country) {
		add("country", "must be an ISO 3166-1 alpha-2 code")
	}
	switch len(fs) {
	case 0:
		return nil
	case 1:
		return hirebase.Invalid(fs[0].Field, fs[0].Reason)
	}
	return &hirebase.Error{Code: hirebase.EINVALID, Message: "The estimate input is invalid.", Fields: fs}
}
