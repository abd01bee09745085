package estimate_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hirebase/hirebase/internal/estimate"
	"github.com/hirebase/hirebase/internal/hirebase"
)

func encode(t *testing.T, cal *hirebase.Calibration) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := estimate.Encode(&b, cal); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestCalibrateDeterministic calibrates twice on the invented fixture and
// wants the same bytes: no clock, no map order, fixed bootstrap seed.
func TestCalibrateDeterministic(t *testing.T) {
	a, b := encode(t, calibrateFixture(t)), encode(t, calibrateFixture(t))
	if !bytes.Equal(a, b) {
		t.Fatal("two calibrations of the same file differ")
	}
}

// TestCalibrateBands checks every catalog role has three bands that are
// positive, sourced and rising with the tier, and the survey source counts.
func TestCalibrateBands(t *testing.T) {
	cal := calibrateFixture(t)
	for _, role := range catalogRoles {
		var prev *hirebase.CalibratedBand
		for _, l := range hirebase.LevelKeys {
			b, ok := cal.Band(role, l)
			if !ok {
				t.Fatalf("no band for %s/%s", role, l)
			}
			s := b.Salary
			if s.Min <= 0 || s.Min >= s.Max || s.Currency != "USD" || s.Period != "month" || !strings.Contains(s.Source, "1,326/USD") || b.Method == "" {
				t.Errorf("%s/%s: band %+v", role, l, b)
			}
			if prev != nil && (s.Min <= prev.Salary.Min || s.Max <= prev.Salary.Max) {
				t.Errorf("%s/%s: %d-%d does not rise above %d-%d", role, l, s.Min, s.Max, prev.Salary.Min, prev.Salary.Max)
			}
			prev = &b
		}
	}
	if len(cal.Bands) != len(catalogRoles)*3 {
		t.Errorf("%d bands, want %d", len(cal.Bands), len(catalogRoles)*3)
	}
	src := cal.Sources[0]
	if src.Rows != 63 || src.Used != 60 || src.Filter == "" {
		t.Errorf("survey source = %+v, want 63 rows, 60 used", src)
	}
	if cal.AsOf != "2025-07-31" || !strings.HasPrefix(cal.ID, "sysarmy-2025.02+") {
		t.Errorf("id %s, as of %s", cal.ID, cal.AsOf)
	}
}

// TestCalibrateRequiresSurvey checks the one required input.
func TestCalibrateRequiresSurvey(t *testing.T) {
	if _, err := estimate.Calibrate(estimate.Inputs{}); hirebase.ErrorCode(err) != hirebase.EINVALID {
		t.Errorf("error %v, want EINVALID", err)
	}
	if _, err := estimate.Calibrate(estimate.Inputs{Survey: strings.NewReader("a,b\n1,2\n")}); err == nil {
		t.Error("a file without the survey's columns calibrated")
	}
}

// TestShippedCalibrationReproduces recalibrates from the real data, where
// HIREBASE_DATA_DIR points at it, and wants the shipped file byte for byte.
func TestShippedCalibrationReproduces(t *testing.T) {
	dir := os.Getenv("HIREBASE_DATA_DIR")
	if dir == "" {
		t.Skip("HIREBASE_DATA_DIR is unset: set it to the directory holding sysarmy-ar-2025-02-dev.csv and djinni-titles-dev.tsv to check the shipped calibration reproduces")
	}
	survey := readFile(t, filepath.Join(dir, "sysarmy-ar-2025-02-dev.csv"))
	postings := readFile(t, filepath.Join(dir, "djinni-titles-dev.tsv"))
	cal, err := estimate.Calibrate(estimate.Inputs{Survey: bytes.NewReader(survey), Postings: bytes.NewReader(postings)})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := encode(t, cal), readFile(t, shippedPath); !bytes.Equal(got, want) {
		t.Fatalf("recalibration differs from %s (%d vs %d bytes): rerun the calibration and ship its output", shippedPath, len(got), len(want))
	}
}
