package hirebase

import (
	"context"
	"encoding/json"
)

// Calibration is a versioned fit of salary bands and estimator parameters to
// published data. The catalog's bands and the estimator both read the active
// calibration, so one command refreshes both.
type Calibration struct {
	// ID names the calibration and the data behind it; the same files always
	// give the same ID and the same content.
	ID string `json:"id"`
	// AsOf is the date of the newest data used (YYYY-MM or YYYY-MM-DD).
	AsOf    string              `json:"as_of"`
	Sources []CalibrationSource `json:"sources"`
	Bands   []CalibratedBand    `json:"bands"`
	// Model holds the estimator's fitted parameters; only package estimate
	// reads it.
	Model json.RawMessage `json:"model"`
}

// CalibrationSource describes one data file a calibration was fitted on.
type CalibrationSource struct {
	Name     string `json:"name"`
	Citation string `json:"citation"`
	AsOf     string `json:"as_of"`
	// Rows is how many rows the file had, Used how many survived the filter.
	Rows   int    `json:"rows"`
	Used   int    `json:"used"`
	Filter string `json:"filter"`
}

// CalibratedBand is the fitted pay band of one role and tier.
type CalibratedBand struct {
	Role       string     `json:"role"`
	Level      LevelKey   `json:"level"`
	Salary     SalaryBand `json:"salary"`
	SampleSize int        `json:"sample_size"`
	// Method says how the band was derived ("survey role x tier p25-p75",
	// "scaled from ... by BLS wage ratio", ...).
	Method string `json:"method"`
}

// Band returns the calibrated band for a role and tier, if any.
func (c *Calibration) Band(role string, level LevelKey) (CalibratedBand, bool) {
	for _, b := range c.Bands {
		if b.Role == role && b.Level == level {
			return b, true
		}
	}
	return CalibratedBand{}, false
}

// CalibrationStore keeps calibrations; the newest put is the active one.
type CalibrationStore interface {
	// PutCalibration stores c and makes it active; putting an ID that
	// exists replaces it.
	PutCalibration(ctx context.Context, c *Calibration) error
	// ActiveCalibration returns the active calibration or ENOTFOUND.
	ActiveCalibration(ctx context.Context) (*Calibration, error)
}
