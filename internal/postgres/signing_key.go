package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
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

	if retire {
		if _, err := tx.ExecContext(ctx, retireSigningKeyQuery, k.CreatedAt); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, insertSigningKeyQuery, k.ID, k.Algorithm, k.PrivateKey, k.PublicKey, k.CreatedAt)
	if err != nil {
		return conflict(err, "Another signing key is active.")
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

	ks := []*hirebase.SigningKey{}
	err = queryEach(ctx, tx, signingKeysQuery, []any{retiredAfter}, func(rows *sql.Rows) error {
		var k hirebase.SigningKey
		var retiredAt sql.NullTime
		if err := rows.Scan(&k.ID, &k.Algorithm, &k.PrivateKey, &k.PublicKey, &k.CreatedAt, &retiredAt); err != nil {
			return err
		}
		k.CreatedAt, k.RetiredAt = k.CreatedAt.UTC(), nullTime(retiredAt)
		ks = append(ks, &k)
		return nil
	})
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

	if _, err := tx.ExecContext(ctx, pruneSigningKeysQuery, retiredBefore); err != nil {
		return fmt.Errorf("prune signing keys: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("prune signing keys: %w", err)
	}
	return nil
}
