package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/hirebase/hirebase/internal/sqlstore"
)

// dialect tells package sqlstore what PostgreSQL does differently in Go.
var dialect = sqlstore.Dialect{
	IDs:               arrayIDs,
	InsertID:          insertID,
	IsUniqueViolation: isUniqueViolation,
	Time:              func(t time.Time) any { return t },
	ParseTime:         parseTime,
}

// arrayIDs passes a list of ids as it is: the driver sends it as an array,
// which the queries match with = ANY.
func arrayIDs(ids []int64) (any, error) {
	return ids, nil
}

// insertID runs an INSERT ... RETURNING id and reads the new row's id.
func insertID(ctx context.Context, tx *sql.Tx, query string, args ...any) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, query, args...).Scan(&id)
	return id, err
}

// parseTime reads a timestamptz column, which the driver returns as a
// time.Time in the session's zone, back in UTC.
func parseTime(src any) (time.Time, error) {
	t, ok := src.(time.Time)
	if !ok {
		return time.Time{}, fmt.Errorf("parse time: got %T, want time.Time", src)
	}
	return t.UTC(), nil
}
