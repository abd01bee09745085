package hirebase

import (
	"errors"
	"time"
)

// RetryError is an ETOOMANY error that knows when the caller may try again,
// so the HTTP layer can send Retry-After without parsing messages. It wraps an
// *Error, so ErrorCode and ErrorMessage work on it unchanged.
type RetryError struct {
	Err        *Error
	RetryAfter time.Duration
}

func (e *RetryError) Error() string { return e.Err.Error() }

// Unwrap returns the wrapped *Error.
func (e *RetryError) Unwrap() error { return e.Err }

// TooMany returns an ETOOMANY error asking the caller to wait retryAfter,
// rounded up to whole seconds because Retry-After counts seconds.
func TooMany(retryAfter time.Duration, message string) error {
	if retryAfter < time.Second {
		retryAfter = time.Second
	}
	retryAfter = (retryAfter + time.Second - 1).Truncate(time.Second)
	return &RetryError{Err: &Error{Code: ETOOMANY, Message: message}, RetryAfter: retryAfter}
}

// RetryAfter returns how long the caller should wait before retrying, if err
// is or wraps a *RetryError.
func RetryAfter(err error) (time.Duration, bool) {
	var e *RetryError
	if errors.As(err, &e) {
		return e.RetryAfter, true
	}
	return 0, false
}
