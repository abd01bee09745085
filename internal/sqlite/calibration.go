package sqlite

import (
	"context"
	"fmt"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/sqlstore"
)

const (
	deactivateCalibrationsQuery = `UPDATE calibrations SET active = 0 WHERE active = 1`
	putCalibrationQuery         = `
INSERT INTO calibrations (id, as_of, document, active, created_at, updated_at)
VALUES (?1, ?2, ?3, 1, ?4, ?4)
ON CONFLICT (id) DO UPDATE
SET as_of = excluded.as_of, document = excluded.document, active = 1, updated_at = excluded.updated_at`
	activeCalibrationQuery = `SELECT document FROM calibrations WHERE active = 1`
)

// CalibrationStore keeps calibrations as whole JSON documents; the one put
// last is active.
type CalibrationStore struct {
	db *DB
}

var _ hirebase.CalibrationStore = (*CalibrationStore)(nil)

// calibrationQueries are the calibration queries for package sqlstore.
var calibrationQueries = sqlstore.CalibrationQueries{
	Deactivate: deactivateCalibrationsQuery,
	Put:        putCalibrationQuery,
	Active:     activeCalibrationQuery,
}

// NewCalibrationStore returns a calibration store on db.
func NewCalibrationStore(db *DB) *CalibrationStore {
	return &CalibrationStore{db: db}
}

// PutCalibration stores c and makes it the active calibration; putting an ID
// that exists replaces it. The calibration feeds the catalog's bands and the
// estimator, so it moves the catalog revision every replica polls.
func (s *CalibrationStore) PutCalibration(ctx context.Context, c *hirebase.Calibration) error {
	doc, err := sqlstore.CalibrationDocument(c)
	if err != nil {
		return fmt.Errorf("put calibration: %w", err)
	}
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("put calibration: %w", err)
	}
	defer tx.Rollback()
	now := s.db.now()

	if err := catalog.PutCalibration(ctx, tx, c, doc, now); err != nil {
		return fmt.Errorf("put calibration: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("put calibration: %w", err)
	}
	return nil
}

// ActiveCalibration returns the calibration put last, or ENOTFOUND if there
// is none.
func (s *CalibrationStore) ActiveCalibration(ctx context.Context) (*hirebase.Calibration, error) {
	c, err := catalog.ActiveCalibration(ctx, s.db.read)
	if err != nil {
		return nil, fmt.Errorf("active calibration: %w", err)
	}
	return c, nil
}
