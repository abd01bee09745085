package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/hirebase/hirebase/internal/hirebase"
)

const (
	deactivateCalibrationsQuery = `UPDATE calibrations SET active = 0 WHERE active = 1`
	putCalibrationQuery         = `
INSERT INTO calibrations (id, as_of, document, active, created_at, updated_at)
VALUES (?, ?, ?, 1, ?, ?)
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

// NewCalibrationStore returns a calibration store on db.
func NewCalibrationStore(db *DB) *CalibrationStore {
	return &CalibrationStore{db: db}
}

// PutCalibration stores c and makes it the active calibration; putting an ID
// that exists replaces it. The calibration feeds the catalog's bands and the
// estimator, so it moves the catalog revision every replica polls.
func (s *CalibrationStore) PutCalibration(ctx context.Context, c *hirebase.Calibration) error {
	if c == nil || strings.TrimSpace(c.ID) == "" {
		return fmt.Errorf("put calibration: %w", hirebase.Invalid("id", "is required"))
	}
	doc, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("put calibration: %w", hirebase.Invalid("model", "must be valid JSON"))
	}
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("put calibration: %w", err)
	}
	defer tx.Rollback()
	now := formatTime(s.db.now())

	if _, err := tx.ExecContext(ctx, deactivateCalibrationsQuery); err != nil {
		return fmt.Errorf("put calibration: %w", err)
	}
	if _, err := tx.ExecContext(ctx, putCalibrationQuery, c.ID, c.AsOf, string(doc), now, now); err != nil {
		return fmt.Errorf("put calibration: %w", err)
	}
	if err := bumpCatalogRevision(ctx, tx, now); err != nil {
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
	var doc string
	err := s.db.read.QueryRowContext(ctx, activeCalibrationQuery).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("active calibration: %w", hirebase.Errorf(hirebase.ENOTFOUND, "No calibration is active."))
	} else if err != nil {
		return nil, fmt.Errorf("active calibration: %w", err)
	}
	var c hirebase.Calibration
	if err := json.Unmarshal([]byte(doc), &c); err != nil {
		return nil, fmt.Errorf("active calibration: %w", err)
	}
	return &c, nil
}
