package estimate_test

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/hirebase/hirebase/internal/estimate"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// randomInput draws a valid input: any role, years in [0, 60], any factor set.
func randomInput(r *rand.Rand) estimate.Input {
	in := estimate.Input{
		Role:            catalogRoles[r.IntN(len(catalogRoles))],
		YearsExperience: r.Float64() * estimate.MaxYears,
		Factors:         map[string]estimate.Factor{},
	}
	for _, k := range hirebase.FactorKeys {
		if r.IntN(2) == 1 {
			in.Factors[k] = estimate.Factor{Present: true}
		}
	}
	skills := []string{"go", "React", "python", "AWS", "cobol-ish", "Node.js", "java", "redis"}
	for _, s := range skills {
		if r.IntN(3) == 0 {
			in.Skills = append(in.Skills, s)
		}
	}
	return in
}

func estimateOK(t *testing.T, e *estimate.Estimator, in estimate.Input) *estimate.Result {
	t.Helper()
	res, err := e.Estimate(in)
	if err != nil {
		t.Fatalf("estimate %+v: %v", in, err)
	}
	return res
}

func percentiles(s estimate.Salary) []int { return []int{s.P10, s.P25, s.P50, s.P75, s.P90} }

func expectedRank(res *estimate.Result) float64 {
	v := 0.0
	for _, k := range hirebase.LevelKeys {
		v += float64(k.Rank()) * res.Tier.Probabilities[k]
	}
	return v
}

// TestEstimateProperties checks, over seeded random inputs, that turning a
// factor on never lowers any percentile, that more years never lower the
// expected tier, that probabilities sum to 1 and that percentiles are
// positive and ordered.
func TestEstimateProperties(t *testing.T) {
	for name, e := range estimators(t) {
		t.Run(name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, 2))
			for i := 0; i < 2000; i++ {
				in := randomInput(r)
				res := estimateOK(t, e, in)
				p := percentiles(res.Salary)
				if p[0] <= 0 {
					t.Fatalf("%+v: non-positive p10 %d", in, p[0])
				}
				for j := 1; j < len(p); j++ {
					if p[j] < p[j-1] {
						t.Fatalf("%+v: percentiles out of order %v", in, p)
					}
				}
				sum := 0.0
				for _, v := range res.Tier.Probabilities {
					if v < 0 || v > 1 {
						t.Fatalf("%+v: probability %v", in, v)
					}
					sum += v
				}
				if math.Abs(sum-1) > 1e-9 {
					t.Fatalf("%+v: probabilities sum to %v", in, sum)
				}
				if len(res.Contributions) != len(hirebase.FactorKeys) {
					t.Fatalf("%d contributions", len(res.Contributions))
				}
				for j, c := range res.Contributions {
					if c.Factor != hirebase.FactorKeys[j] || c.Percent < 0 || (!in.Factors[c.Factor].Present && c.Percent != 0) {
						t.Fatalf("%+v: contribution %+v", in, c)
					}
				}

				// Turning a factor on never lowers any percentile.
				k := hirebase.FactorKeys[r.IntN(len(hirebase.FactorKeys))]
				off, on := cloneInput(in), cloneInput(in)
				delete(off.Factors, k)
				on.Factors[k] = estimate.Factor{Present: true}
				lo, hi := estimateOK(t, e, off), estimateOK(t, e, on)
				for j, v := range percentiles(lo.Salary) {
					if percentiles(hi.Salary)[j] < v {
						t.Fatalf("%+v: turning %s on lowered percentile %d: %v -> %v", in, k, j, lo.Salary, hi.Salary)
					}
				}

				// More years never lower the expected tier.
				more := cloneInput(in)
				more.YearsExperience = math.Min(estimate.MaxYears, in.YearsExperience+r.Float64()*10)
				if a, b := expectedRank(res), expectedRank(estimateOK(t, e, more)); b < a-1e-12 {
					t.Fatalf("%+v: %v -> %v years lowered expected tier %v -> %v", in, in.YearsExperience, more.YearsExperience, a, b)
				}
			}
		})
	}
}

func cloneInput(in estimate.Input) estimate.Input {
	out := in
	out.Factors = map[string]estimate.Factor{}
	for k, v := range in.Factors {
		out.Factors[k] = v
	}
	return out
}

// TestEstimateTiers checks the tier follows the catalog's year ranges.
func TestEstimateTiers(t *testing.T) {
	e := shippedEstimator(t)
	for _, c := range []struct {
		years float64
		want  hirebase.LevelKey
	}{{0, hirebase.Junior}, {2.9, hirebase.Junior}, {3, hirebase.Mid}, {5.5, hirebase.Mid}, {6, hirebase.Senior}, {40, hirebase.Senior}} {
		res := estimateOK(t, e, estimate.Input{Role: "back-end-developer", YearsExperience: c.years})
		if res.Tier.Key != c.want {
			t.Errorf("%v years: tier %s, want %s (%v)", c.years, res.Tier.Key, c.want, res.Tier.Probabilities)
		}
	}
}

// TestEstimateResult checks what a caller reads besides the numbers: the
// unmeasurable factor, the country note, the sources.
func TestEstimateResult(t *testing.T) {
	e := shippedEstimator(t)
	all := map[string]estimate.Factor{}
	for _, k := range hirebase.FactorKeys {
		all[k] = estimate.Factor{Present: true, Evidence: "stated in the CV"}
	}
	res := estimateOK(t, e, estimate.Input{Role: "cloud-engineer", YearsExperience: 7, Factors: all, Country: "br", Skills: []string{"Go", "AWS", "Fortran 77"}})
	sp := res.Contributions[2]
	if sp.Factor != hirebase.FactorSecurityPerformance || sp.Measurable || sp.Percent != 0 || sp.Note == "" {
		t.Errorf("security_performance contribution = %+v, want not measurable, 0%%, with a note", sp)
	}
	for _, c := range res.Contributions {
		if c.Measurable && c.Factor == hirebase.FactorUSCompanies && c.Percent <= 0 {
			t.Errorf("us_companies contribution = %+v, want positive", c)
		}
	}
	notes := strings.Join(res.Notes, "\n")
	for _, want := range []string{"Argentina", "BR", "does not separate", "cannot be measured", "AWS", "1 skill(s)"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	if res.Salary.Currency != "USD" || res.Salary.Period != "month" || res.AsOf == "" || res.Source == "" || res.SampleSize <= 0 {
		t.Errorf("result = %+v", res)
	}
	if res.Confidence == "high" {
		t.Errorf("a role that borrows another's rows must not be high confidence")
	}
	ar := estimateOK(t, e, estimate.Input{Role: "back-end-developer", YearsExperience: 7, Country: "AR"})
	if strings.Contains(strings.Join(ar.Notes, "\n"), "Argentina") {
		t.Errorf("AR estimate should carry no country note: %v", ar.Notes)
	}
}

// TestEstimateInvalid checks each invalid input names its JSON field.
func TestEstimateInvalid(t *testing.T) {
	e := fixtureEstimator(t)
	ok := estimate.Input{Role: "back-end-developer", YearsExperience: 4}
	long := strings.Repeat("x", 501)
	many := make([]string, 51)
	for i := range many {
		many[i] = "go"
	}
	for _, c := range []struct {
		name  string
		edit  func(*estimate.Input)
		field string
	}{
		{"no role", func(in *estimate.Input) { in.Role = "" }, "role"},
		{"unknown role", func(in *estimate.Input) { in.Role = "astronaut" }, "role"},
		{"negative years", func(in *estimate.Input) { in.YearsExperience = -1 }, "years_experience"},
		{"too many years", func(in *estimate.Input) { in.YearsExperience = 61 }, "years_experience"},
		{"NaN years", func(in *estimate.Input) { in.YearsExperience = math.NaN() }, "years_experience"},
		{"infinite years", func(in *estimate.Input) { in.YearsExperience = math.Inf(1) }, "years_experience"},
		{"unknown factor", func(in *estimate.Input) { in.Factors = map[string]estimate.Factor{"charisma": {Present: true}} }, "factors.charisma"},
		{"long evidence", func(in *estimate.Input) {
			in.Factors = map[string]estimate.Factor{"leadership": {Present: true, Evidence: long}}
		}, "factors.leadership"},
		{"too many skills", func(in *estimate.Input) { in.Skills = many }, "skills"},
		{"long skill", func(in *estimate.Input) { in.Skills = []string{strings.Repeat("y", 101)} }, "skills"},
		{"empty skill", func(in *estimate.Input) { in.Skills = []string{" "} }, "skills"},
		{"bad country", func(in *estimate.Input) { in.Country = "XX" }, "country"},
		{"alpha-3 country", func(in *estimate.Input) { in.Country = "ARG" }, "country"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := cloneInput(ok)
			c.edit(&in)
			_, err := e.Estimate(in)
			if hirebase.ErrorCode(err) != hirebase.EINVALID {
				t.Fatalf("error %v, want EINVALID", err)
			}
			fs := hirebase.ErrorFields(err)
			if len(fs) != 1 || fs[0].Field != c.field {
				t.Fatalf("fields %+v, want %s", fs, c.field)
			}
		})
	}
	_, err := e.Estimate(estimate.Input{Role: "nope", YearsExperience: -3, Country: "??"})
	if fs := hirebase.ErrorFields(err); len(fs) != 3 {
		t.Errorf("fields %+v, want role, years_experience and country together", fs)
	}
}

// FuzzEstimate feeds arbitrary input: it must never panic, an error must be
// EINVALID, and a result must be well-formed.
func FuzzEstimate(f *testing.F) {
	f.Add("back-end-developer", 4.5, "leadership", "led 3 people", "Go", "AR")
	f.Add("", -1.0, "charisma", strings.Repeat("é", 600), "", "arg")
	f.Add("tech-lead", math.NaN(), "", "", "\xff", "br")
	f.Add("data-engineer", 60.0, "us_companies", "", "k8s", "US")
	e := fixtureEstimator(f)
	f.Fuzz(func(t *testing.T, role string, years float64, factor, evidence, skill, country string) {
		in := estimate.Input{Role: role, YearsExperience: years, Country: country,
			Factors: map[string]estimate.Factor{factor: {Present: len(evidence)%2 == 0, Evidence: evidence}},
			Skills:  []string{skill}}
		res, err := e.Estimate(in)
		if err != nil {
			if hirebase.ErrorCode(err) != hirebase.EINVALID || len(hirebase.ErrorFields(err)) == 0 {
				t.Fatalf("error %v (%s), want EINVALID with fields", err, hirebase.ErrorCode(err))
			}
			return
		}
		s := res.Salary
		if !(0 < s.P10 && s.P10 <= s.P25 && s.P25 <= s.P50 && s.P50 <= s.P75 && s.P75 <= s.P90) {
			t.Fatalf("salary %+v", s)
		}
		if !res.Tier.Key.Valid() {
			t.Fatalf("tier %q", res.Tier.Key)
		}
	})
}

func BenchmarkEstimate(b *testing.B) {
	e := shippedEstimator(b)
	in := estimate.Input{
		Role: "back-end-developer", YearsExperience: 7, Country: "CO",
		Factors: map[string]estimate.Factor{"us_companies": {Present: true}, "devops_automation": {Present: true}},
		Skills:  []string{"Go", "PostgreSQL", "React", "Kubernetes"},
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Estimate(in); err != nil {
			b.Fatal(err)
		}
	}
}
