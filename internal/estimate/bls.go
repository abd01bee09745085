package estimate

import (
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// blsCSV is the US Bureau of Labor Statistics OEWS May 2024 national wage
// table for computer occupations: a US government work in the public domain,
// shipped so calibration needs no network and no extra file.
//
//go:embed refdata/bls-oews-may2024-computer-occupations.csv
var blsCSV []byte

// blsAsOf is the reference month of the embedded BLS table.
const blsAsOf = "2024-05"

// blsTable is the annual median wage by SOC code.
type blsTable struct {
	Median map[string]float64
	Rows   int
}

// readBLS parses the OEWS CSV. Only the median is used: it is never
// top-coded ("#"), unlike the 90th percentile of the best-paid occupations.
func readBLS(r io.Reader) (*blsTable, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("read bls header: %w", err)
	}
	code, med := -1, -1
	for i, h := range header {
		switch strings.TrimPrefix(strings.TrimSpace(h), "\ufeff") {
		case "OCC_CODE":
			code = i
		case "A_MEDIAN":
			med = i
		}
	}
	if code < 0 || med < 0 {
		return nil, errors.New("bls table needs OCC_CODE and A_MEDIAN columns")
	}
	t := &blsTable{Median: map[string]float64{}}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("read bls: %w", err)
		}
		t.Rows++
		if code >= len(rec) || med >= len(rec) {
			continue
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(rec[med], ",", ""), 64)
		if err == nil && v > 0 {
			t.Median[strings.TrimSpace(rec[code])] = v
		}
	}
	if _, ok := t.Median[referenceSOC]; !ok {
		return nil, fmt.Errorf("bls table has no median for %s, the reference occupation", referenceSOC)
	}
	return t, nil
}
