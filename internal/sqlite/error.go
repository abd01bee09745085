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
