package postgres

import (
	"errors"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/jackc/pgx/v5/pgconn"
)

// uniqueViolation is PostgreSQL's SQLSTATE for a duplicate key.
const uniqueViolation = "23505"

// isUniqueViolation reports whether err is PostgreSQL refusing a duplicate key.
func isUniqueViolation(err error) bool {
	var e *pgconn.PgError
	return errors.As(err, &e) && e.Code == uniqueViolation
}

// conflict translates a unique violation into an ECONFLICT error with msg and
// returns any other error unchanged.
func conflict(err error, format string, args ...any) error {
	if isUniqueViolation(err) {
		return hirebase.Errorf(hirebase.ECONFLICT, format, args...)
	}
	return err
}
