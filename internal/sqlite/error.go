package sqlite

import (
	"errors"

	"github.com/hirebase/hirebase/internal/hirebase"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// isUniqueViolation reports whether err is SQLite refusing a duplicate key.
func isUniqueViolation(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	return e.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || e.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}

// conflict translates a unique violation into an ECONFLICT error with msg and
// returns any other error unchanged.
func conflict(err error, format string, args ...any) error {
	if isUniqueViolation(err) {
		return hirebase.Errorf(hirebase.ECONFLICT, format, args...)
	}
	return err
}
