// Package hirebase holds the domain of a remote-talent staffing platform: roles
// and their seniority tiers, skills, salary bands, and the error codes every
// other package speaks. It depends on the standard library only; storage, HTTP
// and the pure-logic packages (resolve, estimate) depend on it, never the reverse.
package hirebase

import (
	"errors"
	"fmt"
)

// Error codes shared by every layer. The HTTP package alone maps them to status
// codes, in one table.
const (
	ECONFLICT     = "conflict"
	EINTERNAL     = "internal"
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	EUNAUTHORIZED = "unauthorized"
	EFORBIDDEN    = "forbidden"
	ETOOMANY      = "too_many_requests"
	ETOOLARGE     = "too_large"
	EUNSUPPORTED  = "unsupported_media_type"
)

// Error is an application error that is safe to show to a caller. Anything
// that is not an *Error is internal and its text goes to the log only.
type Error struct {
	Code    string
	Message string
	// Fields names the inputs at fault, for validation errors, with a short
	// reason for each ("limit": "must be between 1 and 100").
	Fields []FieldError
}

// FieldError names one invalid input and why it is invalid.
type FieldError struct {
	Field  string `json:"field"`
	Reason string `json:"reason"`
}

func (e *Error) Error() string {
	return fmt.Sprintf("hirebase error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid returns an EINVALID error naming one field at fault.
func Invalid(field, reason string) *Error {
	return &Error{
		Code:    EINVALID,
		Message: fmt.Sprintf("invalid %s: %s", field, reason),
		Fields:  []FieldError{{Field: field, Reason: reason}},
	}
}

// ErrorCode returns the code of err if it is, or wraps, an *Error; nil gives
// "", and any other error gives EINTERNAL.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the human-readable message of err if it is, or wraps,
// an *Error, and a generic message otherwise so internals never leak.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}

// ErrorFields returns the per-field details of err, if any.
func ErrorFields(err error) []FieldError {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}
