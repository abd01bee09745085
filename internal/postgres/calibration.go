package postgres

import (
	"context"
	"fmt"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/sqlstore"
)

const (
	// lockCalibrationsQuery lets one writer at a time move the active flag,
	// while reads go on.
	lockCalibrationsQuery       = `LOCK TABLE calibrations IN EXCLUSIVE MODE`
	deactivateCalibrationsQuery = `UPDATE calibrations SET active = false WHERE active`
	putCalibrationQuery         = `
INSERT INTO calibrations (id, as_of, document, active, created_at, updated_at)
VALUES ($1, $2, $3, true, $4, $4)
ON CONFLICT (id) DO UPDATE
SET as_of = EXCLUDED.as_of, document = EXCLUDED.document, active = true, updated_at = EXCLUDED.updated_at`
	activeCalibrationQuery = `SELECT document FROM calibrations WHERE active`
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
// that exists replaces it.
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

	// The calibration feeds the catalog's bands and the estimator, so it
	// is a catalog write: it queues behind other catalog writers and moves
	// the revision every replica polls.
	if err := lockCatalog(ctx, tx); err != nil {
		return fmt.Errorf("put calibration: %w", err)
	}
	if _, err := tx.ExecContext(ctx, lockCalibrationsQuery); err != nil {
		return fmt.Errorf("put calibration: %w", err)
	}
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
	c, err := catalog.ActiveCalibration(ctx, s.db.db)
	if err != nil {
		return nil, fmt.Errorf("active calibration: %w", err)
	}
	return c, nil
}
