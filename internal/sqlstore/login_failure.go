package sqlstore

import (
	"context"
	"database/sql"
	"time"
)

// LoginFailureQueries keep the times of failed logins, by key, for login
// throttling.
type LoginFailureQueries struct {
	// Recent takes a key, a time and a limit, and selects the times of the
	// key's failures after the time, newest first.
	Recent string
	Insert string // key and time
	Prune  string // deletes failures before a time
	Clear  string // deletes a key's failures
}

// RecentLoginFailures returns the times of key's newest failures after
// since, newest first, at most limit of them.
func (a *Auth) RecentLoginFailures(ctx context.Context, q Querier, key string, since time.Time, limit int) ([]time.Time, error) {
	ats := []time.Time{}
	err := queryEach(ctx, q, a.LoginFailures.Recent, []any{key, a.Dialect.Time(since), limit}, func(rows *sql.Rows) error {
		var at time.Time
		if err := rows.Scan(a.Dialect.scanTime(&at)); err != nil {
			return err
		}
		ats = append(ats, at)
		return nil
	})
	return ats, err
}

// RecordLoginFailure records one failure under every key and prunes
// failures older than pruneBefore.
func (a *Auth) RecordLoginFailure(ctx context.Context, tx *sql.Tx, keys []string, at, pruneBefore time.Time) error {
	if _, err := tx.ExecContext(ctx, a.LoginFailures.Prune, a.Dialect.Time(pruneBefore)); err != nil {
		return err
	}
	for _, key := range keys {
		if _, err := tx.ExecContext(ctx, a.LoginFailures.Insert, key, a.Dialect.Time(at)); err != nil {
			return err
		}
	}
	return nil
}

// ClearLoginFailures forgets key's failures.
func (a *Auth) ClearLoginFailures(ctx context.Context, tx *sql.Tx, key string) error {
	_, err := tx.ExecContext(ctx, a.LoginFailures.Clear, key)
	return err
}
