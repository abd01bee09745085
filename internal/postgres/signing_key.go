package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/sqlstore"
)

const (
	insertSigningKeyQuery = `
INSERT INTO signing_keys (kid, algorithm, private_key, public_key, created_at) VALUES ($1, $2, $3, $4, $5)`
	retireSigningKeyQuery = `UPDATE signing_keys SET retired_at = $1 WHERE retired_at IS NULL`
	// signingKeysQuery lists the active key first, then retired keys, the
	// most recently retired first, whatever their creation times.
	signingKeysQuery = `
SELECT kid, algorithm, private_key, public_key, created_at, retired_at
FROM signing_keys
WHERE retired_at IS NULL OR retired_at > $1
ORDER BY retired_at IS NOT NULL, retired_at DESC, created_at DESC, kid DESC`
	pruneSigningKeysQuery = `DELETE FROM signing_keys WHERE retired_at < $1`
)

// signingKeyQueries are the signing key queries for package sqlstore.
var signingKeyQueries = sqlstore.SigningKeyQueries{
	Insert: insertSigningKeyQuery,
	Retire: retireSigningKeyQuery,
	List:   signingKeysQuery,
	Prune:  pruneSigningKeysQuery,
}

// AddSigningKey stores k as the active key; if another is active already the
// unique index makes it ECONFLICT.
func (s *AuthStore) AddSigningKey(ctx context.Context, k *hirebase.SigningKey) error {
	if err := s.putSigningKey(ctx, k, false); err != nil {
		return fmt.Errorf("add signing key: %w", err)
	}
	return nil
}

// RotateSigningKey retires the active key and makes k active, in one
// transaction. Of two concurrent rotations the second waits for the first's
// row lock, retires nothing, and fails on the unique index with ECONFLICT.
func (s *AuthStore) RotateSigningKey(ctx context.Context, k *hirebase.SigningKey) error {
	if err := s.putSigningKey(ctx, k, true); err != nil {
		return fmt.Errorf("rotate signing key: %w", err)
	}
	return nil
}

func (s *AuthStore) putSigningKey(ctx context.Context, k *hirebase.SigningKey, retire bool) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	if err := auth.PutSigningKey(ctx, tx, k, retire); err != nil {
		return err
	}
	return tx.Commit()
}

// SigningKeys returns the active key and the keys retired after
// retiredAfter, newest first.
func (s *AuthStore) SigningKeys(ctx context.Context, retiredAfter time.Time) ([]*hirebase.SigningKey, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("signing keys: %w", err)
	}
	defer tx.Rollback()

	ks, err := auth.SigningKeys(ctx, tx, retiredAfter)
	if err != nil {
		return nil, fmt.Errorf("signing keys: %w", err)
	}
	return ks, nil
}

// PruneSigningKeys deletes keys retired before retiredBefore.
func (s *AuthStore) PruneSigningKeys(ctx context.Context, retiredBefore time.Time) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("prune signing keys: %w", err)
	}
	defer tx.Rollback()

	if err := auth.PruneSigningKeys(ctx, tx, retiredBefore); err != nil {
		return fmt.Errorf("prune signing keys: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("prune signing keys: %w", err)
	}
	return nil
}
