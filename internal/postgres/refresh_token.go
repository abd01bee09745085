package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/sqlstore"
)

const (
	insertFamilyQuery = `
INSERT INTO refresh_families (id, user_id, client_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`
	insertRefreshTokenQuery = `
INSERT INTO refresh_tokens (token_hash, family_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`
	refreshTokenQuery = `
SELECT t.family_id, f.user_id, f.client_id, t.created_at, t.expires_at, t.used_at, f.expires_at, f.revoked_at
FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id
WHERE t.token_hash = $1`
	// spendRefreshTokenQuery marks a token used only if nobody did first.
	// Under read committed a second concurrent update waits for the first's
	// row lock, then re-checks used_at and changes nothing: the rows it
	// changes say who won.
	spendRefreshTokenQuery = `UPDATE refresh_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL`
	revokeFamilyQuery      = `
UPDATE refresh_families SET revoked_at = $1, revoke_reason = $2 WHERE id = $3 AND revoked_at IS NULL`
	familyExistsQuery = `SELECT EXISTS (SELECT 1 FROM refresh_families WHERE id = $1)`

	revokeAccessTokenQuery = `
INSERT INTO revoked_access_tokens (jti, expires_at) VALUES ($1, $2) ON CONFLICT (jti) DO NOTHING`
	pruneRevokedAccessTokensQuery = `DELETE FROM revoked_access_tokens WHERE expires_at <= $1`
	pruneFamiliesQuery            = `DELETE FROM refresh_families WHERE expires_at < $1`

	// userTokenStateQuery reads, in one statement of primary-key lookups,
	// everything a user's access token check needs: the user, its session
	// and the revocation list.
	userTokenStateQuery = `
SELECT u.disabled, u.role, COALESCE(u.org_id, ''), u.sessions_valid_after,
	f.id IS NOT NULL AND f.revoked_at IS NULL,
	EXISTS (SELECT 1 FROM revoked_access_tokens WHERE jti = $3)
FROM users u LEFT JOIN refresh_families f ON f.id = $2 AND f.user_id = u.id
WHERE u.id = $1`
	clientTokenStateQuery = `
SELECT revoked_at IS NOT NULL, org_id, EXISTS (SELECT 1 FROM revoked_access_tokens WHERE jti = $2)
FROM api_clients WHERE client_id = $1`
)

// tokenQueries are the session and token queries for package sqlstore.
var tokenQueries = sqlstore.TokenQueries{
	InsertFamily:             insertFamilyQuery,
	InsertToken:              insertRefreshTokenQuery,
	Token:                    refreshTokenQuery,
	Spend:                    spendRefreshTokenQuery,
	RevokeFamily:             revokeFamilyQuery,
	FamilyExists:             familyExistsQuery,
	RevokeAccessToken:        revokeAccessTokenQuery,
	PruneRevokedAccessTokens: pruneRevokedAccessTokensQuery,
	PruneFamilies:            pruneFamiliesQuery,
	UserTokenState:           userTokenStateQuery,
	ClientTokenState:         clientTokenStateQuery,
}

// CreateRefreshFamily starts a session with its first token.
func (s *AuthStore) CreateRefreshFamily(ctx context.Context, f *hirebase.RefreshFamily, tokenHash string, tokenExpiresAt time.Time) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("create refresh family: %w", err)
	}
	defer tx.Rollback()

	if err := auth.CreateRefreshFamily(ctx, tx, f, tokenHash, tokenExpiresAt); err != nil {
		return fmt.Errorf("create refresh family: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("create refresh family: %w", err)
	}
	return nil
}

// RotateRefreshToken spends the token with oldHash and stores newHash in its
// family, or reports why it could not. Presenting a spent token revokes the
// family, and that revocation is committed even though no token is issued.
func (s *AuthStore) RotateRefreshToken(ctx context.Context, oldHash, newHash string, now, idleExpiresAt time.Time) (*hirebase.RefreshRotation, error) {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("rotate refresh token: %w", err)
	}
	defer tx.Rollback()

	rot, err := auth.RotateRefreshToken(ctx, tx, oldHash, newHash, now, idleExpiresAt)
	if err != nil {
		return nil, fmt.Errorf("rotate refresh token: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("rotate refresh token: %w", err)
	}
	return rot, nil
}

// FindRefreshToken returns a stored token's state or ENOTFOUND.
func (s *AuthStore) FindRefreshToken(ctx context.Context, hash string) (*hirebase.RefreshToken, error) {
	t, err := auth.FindRefreshToken(ctx, s.db.db, hash)
	if err != nil {
		return nil, fmt.Errorf("find refresh token: %w", err)
	}
	return t, nil
}

// RevokeRefreshFamily revokes one session; revoking twice keeps the first
// time.
func (s *AuthStore) RevokeRefreshFamily(ctx context.Context, familyID, reason string, now time.Time) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("revoke refresh family: %w", err)
	}
	defer tx.Rollback()

	if err := auth.RevokeRefreshFamily(ctx, tx, familyID, reason, now); err != nil {
		return fmt.Errorf("revoke refresh family: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("revoke refresh family: %w", err)
	}
	return nil
}

// RevokeAccessToken lists the jti as revoked until expiresAt, and prunes
// entries whose tokens have expired.
func (s *AuthStore) RevokeAccessToken(ctx context.Context, jti string, expiresAt, now time.Time) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("revoke access token: %w", err)
	}
	defer tx.Rollback()

	if err := auth.RevokeAccessToken(ctx, tx, jti, expiresAt, now); err != nil {
		return fmt.Errorf("revoke access token: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("revoke access token: %w", err)
	}
	return nil
}

// UserTokenState reads what a user's access token check needs.
func (s *AuthStore) UserTokenState(ctx context.Context, userID, familyID, jti string) (*hirebase.TokenState, error) {
	st, err := auth.UserTokenState(ctx, s.db.db, userID, familyID, jti)
	if err != nil {
		return nil, fmt.Errorf("user token state: %w", err)
	}
	return st, nil
}

// ClientTokenState reads what an API client's access token check needs.
func (s *AuthStore) ClientTokenState(ctx context.Context, clientID, jti string) (*hirebase.TokenState, error) {
	st, err := auth.ClientTokenState(ctx, s.db.db, clientID, jti)
	if err != nil {
		return nil, fmt.Errorf("client token state: %w", err)
	}
	return st, nil
}

// PruneTokens deletes ended families, with their tokens, and expired
// revocation-list entries.
func (s *AuthStore) PruneTokens(ctx context.Context, familiesBefore, now time.Time) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("prune tokens: %w", err)
	}
	defer tx.Rollback()

	if err := auth.PruneTokens(ctx, tx, familiesBefore, now); err != nil {
		return fmt.Errorf("prune tokens: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("prune tokens: %w", err)
	}
	return nil
}
