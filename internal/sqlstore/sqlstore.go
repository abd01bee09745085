// Package sqlstore holds the Go code the SQL engines share: scanning rows into
// domain types, assembling roles from their detail lists, the write and paging
// helpers. It holds no SQL text and no driver. Package sqlite and package
// postgres each fill its query structs with their own constants and call it
// inside transactions they begin, lock and commit themselves; what they do
// differently in Go, such as passing a list of ids or reading a time column,
// they say in a Dialect.
//
// It depends on database/sql, the standard library and internal/hirebase
// only, and must never import an engine.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// Querier runs statements: a *sql.Tx, or a *sql.DB for a read of a single
// statement that needs no transaction.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Dialect is what an engine does differently in Go rather than in its SQL
// text. Every field is required.
type Dialect struct {
	// IDs turns a list of row ids into the one argument the engine's
	// queries over a set of rows take.
	IDs func(ids []int64) (any, error)
	// InsertID runs an INSERT of one row and returns the row's new id.
	InsertID func(ctx context.Context, tx *sql.Tx, query string, args ...any) (int64, error)
	// IsUniqueViolation reports whether err is the engine refusing a
	// duplicate key.
	IsUniqueViolation func(err error) bool
	// Time turns a time into the argument a time column takes.
	Time func(t time.Time) any
	// ParseTime turns what the driver returns for a time column that is
	// not NULL back into a time, in UTC.
	ParseTime func(src any) (time.Time, error)
}

// conflict translates a unique violation into an ECONFLICT error with the
// formatted message and returns any other error unchanged.
func (d *Dialect) conflict(err error, format string, args ...any) error {
	if err != nil && d.IsUniqueViolation(err) {
		return hirebase.Errorf(hirebase.ECONFLICT, format, args...)
	}
	return err
}

// queryEach runs query and calls scan for every row, reading the rows to the
// end, so no statement is left open.
func queryEach(ctx context.Context, q Querier, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// pageLimit returns limit, or the default page length for zero.
func pageLimit(limit int) (int, error) {
	if limit == 0 {
		return hirebase.DefaultPageLen, nil
	}
	if limit < 0 || limit > hirebase.MaxPageLimit {
		return 0, hirebase.Invalid("limit", fmt.Sprintf("must be between 1 and %d", hirebase.MaxPageLimit))
	}
	return limit, nil
}

// prefixFields returns a validation error with every field name prefixed, so
// an error about one role of a catalog names it ("roles[2].levels[1].salary").
func prefixFields(err error, prefix string) error {
	var e *hirebase.Error
	if prefix == "" || !errors.As(err, &e) {
		return err
	}
	out := &hirebase.Error{Code: e.Code, Message: e.Message}
	for _, f := range e.Fields {
		out.Fields = append(out.Fields, hirebase.FieldError{Field: prefix + f.Field, Reason: f.Reason})
	}
	// An error made by hirebase.Invalid names its field in the message too.
	if len(e.Fields) == 1 && e.Message == hirebase.Invalid(e.Fields[0].Field, e.Fields[0].Reason).Message {
		out.Message = hirebase.Invalid(out.Fields[0].Field, out.Fields[0].Reason).Message
	}
	return out
}

// orEmpty returns s, or an empty slice for nil.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
