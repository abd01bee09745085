package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/hirebase/hirebase/internal/sqlstore"
)

// dialect tells package sqlstore what SQLite does differently in Go.
var dialect = sqlstore.Dialect{
	IDs:               jsonIDs,
	InsertID:          insertID,
	IsUniqueViolation: isUniqueViolation,
	Time:              func(t time.Time) any { return formatTime(t) },
	ParseTime:         parseTime,
}

// jsonIDs passes a list of ids as one JSON array, which the queries open
// with json_each: SQLite has no array type.
func jsonIDs(ids []int64) (any, error) {
	b, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	return string(b), nil
}

// insertID runs an INSERT and reads the new row's id from its result, with
// no RETURNING row to read to the end.
func insertID(ctx context.Context, tx *sql.Tx, query string, args ...any) (int64, error) {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// formatTime returns t as the fixed-width UTC text every time column holds.
func formatTime(t time.Time) string {
	return t.UTC().Format(timeFormat)
}

// parseTime reads a time column, which the driver returns as text, back.
func parseTime(src any) (time.Time, error) {
	var s string
	switch v := src.(type) {
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return time.Time{}, fmt.Errorf("parse time: got %T, want text", src)
	}
	t, err := time.Parse(timeFormat, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("parse time %q: %w", s, err)
	}
	return t, nil
}
