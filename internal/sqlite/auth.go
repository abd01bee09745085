package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// AuthStore keeps everything that decides who a caller is and what they may
// reach: organisations, users, invites, API clients, sessions, signing keys,
// failed logins and the audit log. Callers pass the time of every write that
// depends on it, so one clock (package auth's) decides every expiry.
type AuthStore struct {
	db *DB
}

var (
	_ hirebase.OrgStore           = (*AuthStore)(nil)
	_ hirebase.UserStore          = (*AuthStore)(nil)
	_ hirebase.InviteStore        = (*AuthStore)(nil)
	_ hirebase.ClientStore        = (*AuthStore)(nil)
	_ hirebase.TokenStore         = (*AuthStore)(nil)
	_ hirebase.KeyStore           = (*AuthStore)(nil)
	_ hirebase.AuditStore         = (*AuthStore)(nil)
	_ hirebase.LoginThrottleStore = (*AuthStore)(nil)
)

// NewAuthStore returns an auth store on db.
func NewAuthStore(db *DB) *AuthStore {
	return &AuthStore{db: db}
}

// formatTime returns t as the fixed-width UTC text every time column holds.
func formatTime(t time.Time) string {
	return t.UTC().Format(timeFormat)
}

// parseTime reads a time column back.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(timeFormat, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("parse time %q: %w", s, err)
	}
	return t, nil
}

// parseNullTime reads a nullable time column back, nil for NULL.
func parseNullTime(s sql.NullString) (*time.Time, error) {
	if !s.Valid {
		return nil, nil
	}
	t, err := parseTime(s.String)
	if err != nil {
		return nil, err
	}
	return &t, nil
}

// nullString stores "" as NULL, for optional references.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
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

// queryEach runs query in tx and calls scan for every row, reading the rows
// to the end.
func queryEach(ctx context.Context, tx *sql.Tx, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query, args...)
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
