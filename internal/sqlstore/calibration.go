package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// CalibrationQueries keep calibrations as whole JSON documents; the one put
// last is active. A calibration feeds the catalog's bands and the estimator,
// so putting one is a catalog write and moves the catalog revision.
type CalibrationQueries struct {
	Deactivate string // clears the active flag of every calibration
	// Put takes id, as_of, the document and the time, and inserts or
	// replaces the calibration as the active one.
	Put    string
	Active string // the document of the active calibration
}

// CalibrationDocument checks cal and returns the document PutCalibration
// stores. The engines call it before they begin a transaction.
func CalibrationDocument(cal *hirebase.Calibration) (string, error) {
	if cal == nil || strings.TrimSpace(cal.ID) == "" {
		return "", hirebase.Invalid("id", "is required")
	}
	doc, err := json.Marshal(cal)
	if err != nil {
		return "", hirebase.Invalid("model", "must be valid JSON")
	}
	return string(doc), nil
}

// PutCalibration stores doc, which CalibrationDocument made of cal, as the
// active calibration, replacing one with its ID, and moves the catalog
// revision.
func (c *Catalog) PutCalibration(ctx context.Context, tx *sql.Tx, cal *hirebase.Calibration, doc string, now time.Time) error {
	if _, err := tx.ExecContext(ctx, c.Calibrations.Deactivate); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, c.Calibrations.Put, cal.ID, cal.AsOf, doc, c.Dialect.Time(now)); err != nil {
		return err
	}
	return c.bumpRevision(ctx, tx, now)
}

// ActiveCalibration returns the calibration put last, or ENOTFOUND if there
// is none.
func (c *Catalog) ActiveCalibration(ctx context.Context, q Querier) (*hirebase.Calibration, error) {
	var doc string
	err := q.QueryRowContext(ctx, c.Calibrations.Active).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, hirebase.Errorf(hirebase.ENOTFOUND, "No calibration is active.")
	} else if err != nil {
		return nil, err
	}
	var cal hirebase.Calibration
	if err := json.Unmarshal([]byte(doc), &cal); err != nil {
		return nil, err
	}
	return &cal, nil
}
