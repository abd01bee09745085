package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// SigningKeyQueries keep the keys access tokens are signed with: one active,
// the others retired.
type SigningKeyQueries struct {
	Insert string // kid, algorithm, private_key, public_key, created_at
	Retire string // retires the active key at a time
	// List takes a time and selects kid, algorithm, private_key,
	// public_key, created_at and retired_at of the active key and of the
	// keys retired after the time: the active key first, then the most
	// recently retired.
	List  string
	Prune string // deletes keys retired before a time
}

// PutSigningKey stores k as the active key, first retiring the active one if
// retire is set. If another key is still active the unique index makes it
// ECONFLICT.
func (a *Auth) PutSigningKey(ctx context.Context, tx *sql.Tx, k *hirebase.SigningKey, retire bool) error {
	if retire {
		if _, err := tx.ExecContext(ctx, a.Keys.Retire, a.Dialect.Time(k.CreatedAt)); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, a.Keys.Insert, k.ID, k.Algorithm, k.PrivateKey, k.PublicKey, a.Dialect.Time(k.CreatedAt))
	return a.Dialect.conflict(err, "Another signing key is active.")
}

// SigningKeys returns the active key and the keys retired after
// retiredAfter, newest first.
func (a *Auth) SigningKeys(ctx context.Context, q Querier, retiredAfter time.Time) ([]*hirebase.SigningKey, error) {
	ks := []*hirebase.SigningKey{}
	d := &a.Dialect
	err := queryEach(ctx, q, a.Keys.List, []any{d.Time(retiredAfter)}, func(rows *sql.Rows) error {
		var k hirebase.SigningKey
		if err := rows.Scan(&k.ID, &k.Algorithm, &k.PrivateKey, &k.PublicKey,
			d.scanTime(&k.CreatedAt), d.scanNullTime(&k.RetiredAt)); err != nil {
			return err
		}
		ks = append(ks, &k)
		return nil
	})
	return ks, err
}

// PruneSigningKeys deletes keys retired before retiredBefore.
func (a *Auth) PruneSigningKeys(ctx context.Context, tx *sql.Tx, retiredBefore time.Time) error {
	_, err := tx.ExecContext(ctx, a.Keys.Prune, a.Dialect.Time(retiredBefore))
	return err
}
