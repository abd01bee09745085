package estimate_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/hirebase/hirebase/internal/estimate"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// TestEvalSalaries runs the eval on four hand-checkable rows with a
// hand-made model (2,000 USD for back-end, 1,500 for QA, +50% when paid in
// dollars, p25/p75 at x0.8/x1.25, p10/p90 at x0.5/x2). Three more rows must
// be filtered out: part-time, outside the catalog, 100 USD.
//
//	row  salary  p50   APE   in p25-p75  in p10-p90  baseline  base APE  tier
//	1    2000    2000  0     yes         yes         2400      0.2       senior ok
//	2    2000    3000  0.5   no          yes         1800      0.1       junior ok
//	3    1200    1500  0.25  yes (edge)  yes         1500      0.25      mid ok
//	4     600    1500  1.5   no          no          1500*     1.5       mid, says Senior
//
// (*) no QA / Tester x Senior cell, so the role's median. Medians of four:
// (0.25+0.5)/2 = 0.375 and (0.2+0.25)/2 = 0.225.
func TestEvalSalaries(t *testing.T) {
	cal := &hirebase.Calibration{ID: "hand-made", Model: json.RawMessage(readFile(t, "testdata/eval-model.json"))}
	e, err := estimate.New(cal)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := estimate.EvalSalaries(bytes.NewReader(readFile(t, "testdata/eval-survey.csv")), e)
	if err != nil {
		t.Fatal(err)
	}
	want := "salary-eval: n=4 mdape=0.375 baseline_mdape=0.225 p25_p75_coverage=0.500 p10_p90_coverage=0.750 tier_accuracy=0.750"
	if got := rep.Summary(); got != want {
		t.Errorf("summary\n got %s\nwant %s", got, want)
	}
	if rep.Rows != 7 {
		t.Errorf("rows = %d, want 7", rep.Rows)
	}
}

// TestEvalFixture checks the eval runs end to end on a calibration of the
// same fixture and beats nothing it should not: every row is usable and
// every tier matches, since the fixture's seniority follows its years.
func TestEvalFixture(t *testing.T) {
	rep, err := estimate.EvalSalaries(bytes.NewReader(readFile(t, "testdata/survey-fixture.csv")), fixtureEstimator(t))
	if err != nil {
		t.Fatal(err)
	}
	if rep.N != 60 || rep.TierAccuracy != 1 {
		t.Errorf("report = %s", rep.Summary())
	}
	if rep.CoverageP10P90 < rep.CoverageP25P75 {
		t.Errorf("p10-p90 covers less than p25-p75: %s", rep.Summary())
	}
}
