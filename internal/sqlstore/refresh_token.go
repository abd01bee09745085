package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// TokenQueries keep sessions (refresh-token families and their tokens), the
// access-token revocation list, and what an access token check reads.
type TokenQueries struct {
	InsertFamily string // id, user_id, client_id, created_at, expires_at
	InsertToken  string // token_hash, family_id, created_at, expires_at
	// Token selects, for a token hash, family_id, user_id, client_id,
	// created_at, expires_at and used_at of the token, then expires_at and
	// revoked_at of its family.
	Token string
	// Spend takes the time and the token hash, and marks the token used
	// only if nobody did first: the rows it changes say who won.
	Spend string
	// RevokeFamily takes the time, the reason and the family id, and keeps
	// an earlier revocation.
	RevokeFamily string
	FamilyExists string // whether a family id exists

	RevokeAccessToken        string // jti and expires_at; a listed jti stays as it is
	PruneRevokedAccessTokens string // deletes entries expired by a time
	PruneFamilies            string // deletes families that ended before a time

	// UserTokenState takes user id, family id and jti, and selects
	// disabled, role, org_id ("" for none), sessions_valid_after, whether
	// the family is the user's and live, and whether the jti is revoked.
	UserTokenState string
	// ClientTokenState takes client id and jti, and selects whether the
	// client is revoked, its org_id, and whether the jti is revoked.
	ClientTokenState string
}

// CreateRefreshFamily starts a session with its first token.
func (a *Auth) CreateRefreshFamily(ctx context.Context, tx *sql.Tx, f *hirebase.RefreshFamily, tokenHash string, tokenExpiresAt time.Time) error {
	t := a.Dialect.Time
	if _, err := tx.ExecContext(ctx, a.Tokens.InsertFamily, f.ID, f.UserID, f.ClientID, t(f.CreatedAt), t(f.ExpiresAt)); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, a.Tokens.InsertToken, tokenHash, f.ID, t(f.CreatedAt), t(tokenExpiresAt))
	return err
}

// RotateRefreshToken spends the token with oldHash and stores newHash in its
// family, or reports why it could not. Presenting a spent token revokes the
// family; the caller commits that revocation even though no token is issued.
func (a *Auth) RotateRefreshToken(ctx context.Context, tx *sql.Tx, oldHash, newHash string, now, idleExpiresAt time.Time) (*hirebase.RefreshRotation, error) {
	t, err := a.findRefreshToken(tx.QueryRowContext(ctx, a.Tokens.Token, oldHash))
	if err != nil {
		return nil, err
	}
	rot := &hirebase.RefreshRotation{FamilyID: t.FamilyID, UserID: t.UserID, ClientID: t.ClientID, FamilyExpiresAt: t.familyExpiresAt}
	switch {
	case t.FamilyRevokedAt != nil:
		rot.Outcome = hirebase.RefreshRevoked
		return rot, nil
	case t.UsedAt != nil:
		return a.reused(ctx, tx, rot, now)
	case !now.Before(t.ExpiresAt) || !now.Before(t.familyExpiresAt):
		rot.Outcome = hirebase.RefreshExpired
		return rot, nil
	}
	res, err := tx.ExecContext(ctx, a.Tokens.Spend, a.Dialect.Time(now), oldHash)
	if err != nil {
		return nil, err
	}
	if n, err := res.RowsAffected(); err != nil {
		return nil, err
	} else if n == 0 {
		// Another transaction spent it between the read and the update.
		return a.reused(ctx, tx, rot, now)
	}
	rot.Outcome, rot.ExpiresAt = hirebase.RefreshRotated, idleExpiresAt
	if t.familyExpiresAt.Before(idleExpiresAt) {
		rot.ExpiresAt = t.familyExpiresAt
	}
	_, err = tx.ExecContext(ctx, a.Tokens.InsertToken, newHash, t.FamilyID, a.Dialect.Time(now), a.Dialect.Time(rot.ExpiresAt))
	return rot, err
}

// reused revokes the family of a token presented after it was spent.
func (a *Auth) reused(ctx context.Context, tx *sql.Tx, rot *hirebase.RefreshRotation, now time.Time) (*hirebase.RefreshRotation, error) {
	rot.Outcome = hirebase.RefreshReused
	_, err := tx.ExecContext(ctx, a.Tokens.RevokeFamily, a.Dialect.Time(now), "refresh token reused", rot.FamilyID)
	return rot, err
}

// storedRefreshToken is a refresh token's row with its family's end.
type storedRefreshToken struct {
	hirebase.RefreshToken
	familyExpiresAt time.Time
}

func (a *Auth) findRefreshToken(row *sql.Row) (*storedRefreshToken, error) {
	var t storedRefreshToken
	d := &a.Dialect
	err := row.Scan(&t.FamilyID, &t.UserID, &t.ClientID, d.scanTime(&t.CreatedAt), d.scanTime(&t.ExpiresAt),
		d.scanNullTime(&t.UsedAt), d.scanTime(&t.familyExpiresAt), d.scanNullTime(&t.FamilyRevokedAt))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, hirebase.Errorf(hirebase.ENOTFOUND, "Refresh token not found.")
	} else if err != nil {
		return nil, err
	}
	return &t, nil
}

// FindRefreshToken returns a stored token's state or ENOTFOUND; a token ends
// no later than its family.
func (a *Auth) FindRefreshToken(ctx context.Context, q Querier, hash string) (*hirebase.RefreshToken, error) {
	t, err := a.findRefreshToken(q.QueryRowContext(ctx, a.Tokens.Token, hash))
	if err != nil {
		return nil, err
	}
	if t.familyExpiresAt.Before(t.ExpiresAt) {
		t.ExpiresAt = t.familyExpiresAt
	}
	return &t.RefreshToken, nil
}

// RevokeRefreshFamily revokes one session; revoking twice keeps the first
// time.
func (a *Auth) RevokeRefreshFamily(ctx context.Context, tx *sql.Tx, familyID, reason string, now time.Time) error {
	res, err := tx.ExecContext(ctx, a.Tokens.RevokeFamily, a.Dialect.Time(now), reason, familyID)
	return revoked(ctx, tx, res, err, a.Tokens.FamilyExists, familyID, "Session not found.")
}

// RevokeAccessToken lists the jti as revoked until expiresAt, and prunes
// entries whose tokens have expired.
func (a *Auth) RevokeAccessToken(ctx context.Context, tx *sql.Tx, jti string, expiresAt, now time.Time) error {
	if _, err := tx.ExecContext(ctx, a.Tokens.PruneRevokedAccessTokens, a.Dialect.Time(now)); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, a.Tokens.RevokeAccessToken, jti, a.Dialect.Time(expiresAt))
	return err
}

// UserTokenState reads what a user's access token check needs.
func (a *Auth) UserTokenState(ctx context.Context, q Querier, userID, familyID, jti string) (*hirebase.TokenState, error) {
	var st hirebase.TokenState
	var role string
	err := q.QueryRowContext(ctx, a.Tokens.UserTokenState, userID, familyID, jti).Scan(
		&st.Disabled, &role, &st.OrgID, a.Dialect.scanTime(&st.SessionsValidAfter), &st.SessionActive, &st.TokenRevoked)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, hirebase.Errorf(hirebase.ENOTFOUND, "User not found.")
	} else if err != nil {
		return nil, err
	}
	st.Role = hirebase.UserRole(role)
	return &st, nil
}

// ClientTokenState reads what an API client's access token check needs.
func (a *Auth) ClientTokenState(ctx context.Context, q Querier, clientID, jti string) (*hirebase.TokenState, error) {
	st := hirebase.TokenState{SessionActive: true}
	err := q.QueryRowContext(ctx, a.Tokens.ClientTokenState, clientID, jti).Scan(&st.Disabled, &st.OrgID, &st.TokenRevoked)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, hirebase.Errorf(hirebase.ENOTFOUND, "API client not found.")
	} else if err != nil {
		return nil, err
	}
	return &st, nil
}

// PruneTokens deletes ended families, with their tokens, and expired
// revocation-list entries.
func (a *Auth) PruneTokens(ctx context.Context, tx *sql.Tx, familiesBefore, now time.Time) error {
	if _, err := tx.ExecContext(ctx, a.Tokens.PruneFamilies, a.Dialect.Time(familiesBefore)); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, a.Tokens.PruneRevokedAccessTokens, a.Dialect.Time(now))
	return err
}
