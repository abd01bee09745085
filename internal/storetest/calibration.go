package storetest

import (
	"context"
	"testing"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// CalibrationStore tests the calibration half of a store: the newest put is
// active, and putting an ID again replaces it.
func CalibrationStore(t *testing.T, open Open) {
	run(t, open, map[string]func(*testing.T, Store){
		"PutActive": testPutActiveCalibration,
	})
}

func testPutActiveCalibration(t *testing.T, s Store) {
	ctx := context.Background()
	_, err := s.ActiveCalibration(ctx)
	wantCode(t, err, hirebase.ENOTFOUND)

	active := func() *hirebase.Calibration {
		t.Helper()
		c, err := s.ActiveCalibration(ctx)
		check(t, err)
		return c
	}
	rev0, err := s.CatalogRevision(ctx)
	check(t, err)
	a := Calibration("cal-a", "2025-01")
	check(t, s.PutCalibration(ctx, a))
	wantEqual(t, "active after a", active(), a)
	// Bands and the estimator read the active calibration, so caches must
	// see a new one as a catalog change.
	if rev, err := s.CatalogRevision(ctx); err != nil || rev <= rev0 {
		t.Errorf("revision %d after putting a calibration, want above %d (%v)", rev, rev0, err)
	}

	b := Calibration("cal-b", "2025-06")
	b.Model = nil
	check(t, s.PutCalibration(ctx, b))
	got := active()
	if got.ID != "cal-b" || string(got.Model) != "null" {
		t.Errorf("active after b: %s, model %s", got.ID, got.Model)
	}

	a2 := Calibration("cal-a", "2025-09")
	a2.Bands = nil
	check(t, s.PutCalibration(ctx, a2))
	wantEqual(t, "active after a again", active(), a2)

	wantField(t, s.PutCalibration(ctx, &hirebase.Calibration{}), "id")
	wantEqual(t, "active after a bad put", active(), a2)
}
