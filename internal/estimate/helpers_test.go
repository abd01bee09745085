package estimate_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/hirebase/hirebase/internal/estimate"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// catalogRoles are the 36 catalog role slugs every calibration must cover.
var catalogRoles = []string{
	"back-end-developer", "front-end-developer", "full-stack-developer", "mobile-developer", "ios-developer",
	"android-developer", "devops-engineer", "site-reliability-engineer", "cloud-engineer", "qa-engineer",
	"qa-automation-engineer", "data-engineer", "data-analyst", "data-scientist", "machine-learning-engineer",
	"ai-engineer", "security-engineer", "database-administrator", "system-administrator", "embedded-engineer",
	"game-developer", "blockchain-developer", "salesforce-developer", "wordpress-developer", "erp-developer",
	"software-architect", "tech-lead", "engineering-manager", "ui-ux-designer", "product-designer",
	"product-manager", "project-manager", "scrum-master", "business-analyst", "technical-writer",
	"technical-support-engineer",
}

// shippedPath is the calibration the repository ships.
var shippedPath = filepath.Join("..", "catalog", "data", "calibration.json")

// readFile reads a file or fails the test.
func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return b
}

// calibrateFixture calibrates on the invented survey in testdata.
func calibrateFixture(t testing.TB) *hirebase.Calibration {
	t.Helper()
	cal, err := estimate.Calibrate(estimate.Inputs{Survey: bytes.NewReader(readFile(t, "testdata/survey-fixture.csv"))})
	if err != nil {
		t.Fatalf("calibrate fixture: %v", err)
	}
	return cal
}

var (
	fixtureOnce sync.Once
	fixtureCal  *hirebase.Calibration
)

// fixtureEstimator is an estimator on the fixture calibration, built once.
func fixtureEstimator(t testing.TB) *estimate.Estimator {
	t.Helper()
	fixtureOnce.Do(func() { fixtureCal = calibrateFixture(t) })
	e, err := estimate.New(fixtureCal)
	if err != nil {
		t.Fatalf("new estimator: %v", err)
	}
	return e
}

// shippedEstimator is an estimator on the shipped calibration.
func shippedEstimator(t testing.TB) *estimate.Estimator {
	t.Helper()
	var cal hirebase.Calibration
	if err := json.Unmarshal(readFile(t, shippedPath), &cal); err != nil {
		t.Fatalf("decode %s: %v", shippedPath, err)
	}
	e, err := estimate.New(&cal)
	if err != nil {
		t.Fatalf("new estimator: %v", err)
	}
	return e
}

// estimators returns the fixture's and the shipped calibration's estimators,
// so properties hold for any calibration, not just the one shipped.
func estimators(t *testing.T) map[string]*estimate.Estimator {
	t.Helper()
	return map[string]*estimate.Estimator{"fixture": fixtureEstimator(t), "shipped": shippedEstimator(t)}
}
