package estimate

import (
	"fmt"
	"io"
	"math"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// EvalReport measures an estimator against survey rows it may never have
// seen: how far its median is from each salary, how often salaries fall
// inside its ranges, and how often its tier matches the survey's seniority.
type EvalReport struct {
	// N is the number of rows that passed the calibration filter.
	N int `json:"n"`
	// Rows is the number of rows in the file.
	Rows int `json:"rows"`
	// MdAPE is the median of |p50 - salary| / salary.
	MdAPE float64 `json:"mdape"`
	// BaselineMdAPE is the same for the calibration data's median salary of
	// the row's survey role and seniority.
	BaselineMdAPE float64 `json:"baseline_mdape"`
	// CoverageP25P75 and CoverageP10P90 are the shares of salaries inside the
	// estimated ranges, bounds included.
	CoverageP25P75 float64 `json:"p25_p75_coverage"`
	CoverageP10P90 float64 `json:"p10_p90_coverage"`
	// TierAccuracy is the share of rows with a Junior, Semi-Senior or Senior
	// answer whose estimated tier matches it.
	TierAccuracy float64 `json:"tier_accuracy"`
}

// surveySeniority maps the survey's seniority answers to tiers.
var surveySeniority = map[string]hirebase.LevelKey{
	"Junior": hirebase.Junior, "Semi-Senior": hirebase.Mid, "Senior": hirebase.Senior,
}

// EvalSalaries predicts every row of the survey that passes the calibration
// filter from its role, years, factor proxies and skills, exactly as a caller
// of Estimate would, and scores the predictions.
func EvalSalaries(survey io.Reader, est *Estimator) (*EvalReport, error) {
	if survey == nil || est == nil {
		return nil, fmt.Errorf("eval salaries: a survey and an estimator are required")
	}
	rows, err := readSurvey(io.LimitReader(survey, maxInputSize))
	if err != nil {
		return nil, fmt.Errorf("eval salaries: %w", err)
	}
	rep := &EvalReport{Rows: len(rows)}
	var ape, baseAPE []float64
	in50, in80, tierN, tierOK := 0, 0, 0, 0
	for _, r := range rows {
		if !r.usable() {
			continue
		}
		res, err := est.Estimate(inputOf(r))
		if err != nil {
			return nil, fmt.Errorf("eval salaries: row %d: %w", r.Index+1, err)
		}
		s, y := res.Salary, r.USD
		ape = append(ape, math.Abs(float64(s.P50)-y)/y)
		base := est.m.Baseline.predict(r.SurveyRole, r.Seniority)
		baseAPE = append(baseAPE, math.Abs(base-y)/y)
		if y >= float64(s.P25) && y <= float64(s.P75) {
			in50++
		}
		if y >= float64(s.P10) && y <= float64(s.P90) {
			in80++
		}
		if want, ok := surveySeniority[r.Seniority]; ok {
			tierN++
			if res.Tier.Key == want {
				tierOK++
			}
		}
	}
	rep.N = len(ape)
	if rep.N == 0 {
		return rep, nil
	}
	rep.MdAPE = median(ape)
	rep.BaselineMdAPE = median(baseAPE)
	rep.CoverageP25P75 = float64(in50) / float64(rep.N)
	rep.CoverageP10P90 = float64(in80) / float64(rep.N)
	if tierN > 0 {
		rep.TierAccuracy = float64(tierOK) / float64(tierN)
	}
	return rep, nil
}

// inputOf turns a survey row into the estimator's input.
func inputOf(r *respondent) Input {
	in := Input{Role: r.Role, YearsExperience: r.Years, Factors: map[string]Factor{}, Skills: r.skills()}
	for i, on := range r.factors() {
		if on {
			in.Factors[hirebase.FactorKeys[i]] = Factor{Present: true}
		}
	}
	return in
}

// Summary is the one-line report the CLI prints and CI compares.
func (r *EvalReport) Summary() string {
	return fmt.Sprintf("salary-eval: n=%d mdape=%.3f baseline_mdape=%.3f p25_p75_coverage=%.3f p10_p90_coverage=%.3f tier_accuracy=%.3f",
		r.N, r.MdAPE, r.BaselineMdAPE, r.CoverageP25P75, r.CoverageP10P90, r.TierAccuracy)
}
