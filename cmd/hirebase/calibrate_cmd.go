package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/hirebase/hirebase/internal/catalog"
	"github.com/hirebase/hirebase/internal/estimate"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// runCalibrate fits bands and estimator parameters to survey (and postings)
// files. With --out it writes the calibration document, which is how the
// shipped one is reproduced; without it, it stores the calibration in the
// database, makes it active and re-bands the stored catalog in one import.
func runCalibrate(ctx context.Context, cfg Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("calibrate", flag.ContinueOnError)
	cfg.bindDB(fs)
	survey := fs.String("survey", "", "salary survey CSV (required)")
	postings := fs.String("postings", "", "job postings TSV with USD ranges (optional)")
	bls := fs.String("bls", "", "BLS OEWS wage CSV (optional; default the embedded May 2024 table)")
	out := fs.String("out", "", "write the calibration JSON to FILE (- for standard output) instead of the database")
	if _, err := parse(fs, &cfg, args, stderr); err != nil {
		return err
	}
	if *survey == "" {
		return fmt.Errorf("calibrate: --survey is required")
	}
	var in estimate.Inputs
	closeAll := []io.Closer{}
	defer func() {
		for _, c := range closeAll {
			c.Close()
		}
	}()
	open := func(path string) (io.Reader, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		closeAll = append(closeAll, f)
		return f, nil
	}
	var err error
	if in.Survey, err = open(*survey); err != nil {
		return err
	}
	if *postings != "" {
		if in.Postings, err = open(*postings); err != nil {
			return err
		}
	}
	if *bls != "" {
		if in.BLS, err = open(*bls); err != nil {
			return err
		}
	}
	cal, err := estimate.Calibrate(in)
	if err != nil {
		return describe(err)
	}

	if *out != "" {
		var buf bytes.Buffer
		if err := estimate.Encode(&buf, cal); err != nil {
			return err
		}
		if *out == "-" {
			_, err = stdout.Write(buf.Bytes())
			return err
		}
		if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "calibration %s written to %s\n", cal.ID, *out)
		return nil
	}

	store, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	logger := newLogger(cfg, stderr)
	if err := seedIfEmpty(ctx, store, logger); err != nil {
		return err
	}
	c := &hirebase.Catalog{Version: hirebase.CatalogVersion}
	if c.Roles, err = store.ListRoles(ctx); err != nil {
		return err
	}
	if err := catalog.ApplyCalibration(c, cal); err != nil {
		return err
	}
	if err := store.PutCalibration(ctx, cal); err != nil {
		return err
	}
	res, err := store.ImportCatalog(ctx, c)
	if err != nil {
		return describe(err)
	}
	logger.Info("calibration active", slog.String("id", cal.ID), slog.Int("roles_updated", res.RolesUpdated))
	fmt.Fprintf(stdout, "calibration %s active; %d roles re-banded, %d unchanged\n", cal.ID, res.RolesUpdated, res.RolesUnchanged)
	return nil
}

func readCalibration(path string) (*hirebase.Calibration, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cal hirebase.Calibration
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cal); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &cal, nil
}
