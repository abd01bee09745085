package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/hirebase/hirebase/internal/sqlstore"
)

const (
	recentLoginFailuresQuery = `
SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at DESC LIMIT ?`
	insertLoginFailureQuery = `INSERT INTO login_failures (key, at) VALUES (?, ?)`
	pruneLoginFailuresQuery = `DELETE FROM login_failures WHERE at < ?`
	clearLoginFailuresQuery = `DELETE FROM login_failures WHERE key = ?`
)

// loginFailureQueries are the failed login queries for package sqlstore.
var loginFailureQueries = sqlstore.LoginFailureQueries{
	Recent: recentLoginFailuresQuery,
	Insert: insertLoginFailureQuery,
	Prune:  pruneLoginFailuresQuery,
	Clear:  clearLoginFailuresQuery,
}

// RecentLoginFailures returns the times of key's newest failures after
// since, newest first, at most limit of them.
func (s *AuthStore) RecentLoginFailures(ctx context.Context, key string, since time.Time, limit int) ([]time.Time, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("recent login failures: %w", err)
	}
	defer tx.Rollback()

	ats, err := auth.RecentLoginFailures(ctx, tx, key, since, limit)
	if err != nil {
		return nil, fmt.Errorf("recent login failures: %w", err)
	}
	return ats, nil
}

// RecordLoginFailure records one failure under every key and prunes
// failures older than pruneBefore.
func (s *AuthStore) RecordLoginFailure(ctx context.Context, keys []string, at, pruneBefore time.Time) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("record login failure: %w", err)
	}
	defer tx.Rollback()

	if err := auth.RecordLoginFailure(ctx, tx, keys, at, pruneBefore); err != nil {
		return fmt.Errorf("record login failure: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("record login failure: %w", err)
	}
	return nil
}

// ClearLoginFailures forgets key's failures.
func (s *AuthStore) ClearLoginFailures(ctx context.Context, key string) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("clear login failures: %w", err)
	}
	defer tx.Rollback()

	if err := auth.ClearLoginFailures(ctx, tx, key); err != nil {
		return fmt.Errorf("clear login failures: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("clear login failures: %w", err)
	}
	return nil
}
