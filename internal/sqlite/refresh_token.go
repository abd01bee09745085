package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

const (
	insertFamilyQuery = `
INSERT INTO refresh_families (id, user_id, client_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`
	insertRefreshTokenQuery = `
INSERT INTO refresh_tokens (token_hash, family_id, created_at, expires_at) VALUES (?, ?, ?, ?)`
	refreshTokenQuery = `
SELECT t.family_id, f.user_id, f.client_id, t.created_at, t.expires_at, t.used_at, f.expires_at, f.revoked_at
FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id
WHERE t.token_hash = ?`
	// spendRefreshTokenQuery marks a token used only if nobody did first:
	// the rows it changes say who won.
	spendRefreshTokenQuery = `UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL`
	revokeFamilyQuery      = `
UPDATE refresh_families SET revoked_at = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL`
	familyExistsQuery = `SELECT EXISTS (SELECT 1 FROM refresh_families WHERE id = ?)`

	revokeAccessTokenQuery = `
INSERT INTO revoked_access_tokens (jti, expires_at) VALUES (?, ?) ON CONFLICT (jti) DO NOTHING`
	pruneRevokedAccessTokensQuery = `DELETE FROM revoked_access_tokens WHERE expires_at <= ?`
	pruneFamiliesQuery            = `DELETE FROM refresh_families WHERE expires_at < ?`

	// userTokenStateQuery reads, in one statement of primary-key lookups,
	// everything a user's access token check needs: the user, its session
	// and the revocation list.
	userTokenStateQuery = `
SELECT u.disabled, u.role, COALESCE(u.org_id, ''), u.sessions_valid_after,
	f.id IS NOT NULL AND f.revoked_at IS NULL,
	EXISTS (SELECT 1 FROM revoked_access_tokens WHERE jti = ?3)
FROM users u LEFT JOIN refresh_families f ON f.id = ?2 AND f.user_id = u.id
WHERE u.id = ?1`
	clientTokenStateQuery = `
SELECT revoked_at IS NOT NULL, org_id, EXISTS (SELECT 1 FROM revoked_access_tokens WHERE jti = ?2)
FROM api_clients WHERE client_id = ?1`
)

// CreateRefreshFamily starts a session with its first token.
func (s *AuthStore) CreateRefreshFamily(ctx context.Context, f *hirebase.RefreshFamily, tokenHash string, tokenExpiresAt time.Time) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("create refresh family: %w", err)
	}
	defer tx.Rollback()

	created := formatTime(f.CreatedAt)
	if _, err := tx.ExecContext(ctx, insertFamilyQuery, f.ID, f.UserID, f.ClientID, created, formatTime(f.ExpiresAt)); err != nil {
		return fmt.Errorf("create refresh family: %w", err)
	}
	if _, err := tx.ExecContext(ctx, insertRefreshTokenQuery, tokenHash, f.ID, created, formatTime(tokenExpiresAt)); err != nil {
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

	rot, err := rotateRefreshToken(ctx, tx, oldHash, newHash, now, idleExpiresAt)
	if err != nil {
		return nil, fmt.Errorf("rotate refresh token: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("rotate refresh token: %w", err)
	}
	return rot, nil
}

func rotateRefreshToken(ctx context.Context, tx *sql.Tx, oldHash, newHash string, now, idleExpiresAt time.Time) (*hirebase.RefreshRotation, error) {
	t, err := findRefreshToken(tx.QueryRowContext(ctx, refreshTokenQuery, oldHash))
	if err != nil {
		return nil, err
	}
	rot := &hirebase.RefreshRotation{FamilyID: t.FamilyID, UserID: t.UserID, ClientID: t.ClientID, FamilyExpiresAt: t.familyExpiresAt}
	switch {
	case t.FamilyRevokedAt != nil:
		rot.Outcome = hirebase.RefreshRevoked
		return rot, nil
	case t.UsedAt != nil:
		return reused(ctx, tx, rot, now)
	case !now.Before(t.ExpiresAt) || !now.Before(t.familyExpiresAt):
		rot.Outcome = hirebase.RefreshExpired
		return rot, nil
	}
	res, err := tx.ExecContext(ctx, spendRefreshTokenQuery, formatTime(now), oldHash)
	if err != nil {
		return nil, err
	}
	if n, err := res.RowsAffected(); err != nil {
		return nil, err
	} else if n == 0 {
		// Another transaction spent it between the read and the update.
		return reused(ctx, tx, rot, now)
	}
	rot.Outcome, rot.ExpiresAt = hirebase.RefreshRotated, idleExpiresAt
	if t.familyExpiresAt.Before(idleExpiresAt) {
		rot.ExpiresAt = t.familyExpiresAt
	}
	_, err = tx.ExecContext(ctx, insertRefreshTokenQuery, newHash, t.FamilyID, formatTime(now), formatTime(rot.ExpiresAt))
	return rot, err
}

// reused revokes the family of a token presented after it was spent.
func reused(ctx context.Context, tx *sql.Tx, rot *hirebase.RefreshRotation, now time.Time) (*hirebase.RefreshRotation, error) {
	rot.Outcome = hirebase.RefreshReused
	_, err := tx.ExecContext(ctx, revokeFamilyQuery, formatTime(now), "refresh token reused", rot.FamilyID)
	return rot, err
}

// storedRefreshToken is a refresh token's row with its family's end.
type storedRefreshToken struct {
	hirebase.RefreshToken
	familyExpiresAt time.Time
}

func findRefreshToken(row *sql.Row) (*storedRefreshToken, error) {
	var t storedRefreshToken
	var createdAt, expiresAt, familyExpiresAt string
	var usedAt, revokedAt sql.NullString
	err := row.Scan(&t.FamilyID, &t.UserID, &t.ClientID, &createdAt, &expiresAt, &usedAt, &familyExpiresAt, &revokedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, hirebase.Errorf(hirebase.ENOTFOUND, "Refresh token not found.")
	} else if err != nil {
		return nil, err
	}
	if t.CreatedAt, err = parseTime(createdAt); err != nil {
		return nil, err
	}
	if t.ExpiresAt, err = parseTime(expiresAt); err != nil {
		return nil, err
	}
	if t.familyExpiresAt, err = parseTime(familyExpiresAt); err != nil {
		return nil, err
	}
	if t.UsedAt, err = parseNullTime(usedAt); err != nil {
		return nil, err
	}
	if t.FamilyRevokedAt, err = parseNullTime(revokedAt); err != nil {
		return nil, err
	}
	return &t, nil
}

// FindRefreshToken returns a stored token's state or ENOTFOUND.
func (s *AuthStore) FindRefreshToken(ctx context.Context, hash string) (*hirebase.RefreshToken, error) {
	t, err := findRefreshToken(s.db.read.QueryRowContext(ctx, refreshTokenQuery, hash))
	if err != nil {
		return nil, fmt.Errorf("find refresh token: %w", err)
	}
	if t.familyExpiresAt.Before(t.ExpiresAt) {
		t.ExpiresAt = t.familyExpiresAt
	}
	return &t.RefreshToken, nil
}

// RevokeRefreshFamily revokes one session; revoking twice keeps the first
// time.
func (s *AuthStore) RevokeRefreshFamily(ctx context.Context, familyID, reason string, now time.Time) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("revoke refresh family: %w", err)
	}
	defer tx.Rollback()

	res, err := tx.ExecContext(ctx, revokeFamilyQuery, formatTime(now), reason, familyID)
	if err != nil {
		return fmt.Errorf("revoke refresh family: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("revoke refresh family: %w", err)
	} else if n == 0 {
		var exists bool
		if err := tx.QueryRowContext(ctx, familyExistsQuery, familyID).Scan(&exists); err != nil {
			return fmt.Errorf("revoke refresh family: %w", err)
		}
		if !exists {
			return fmt.Errorf("revoke refresh family: %w", hirebase.Errorf(hirebase.ENOTFOUND, "Session not found."))
		}
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

	if _, err := tx.ExecContext(ctx, pruneRevokedAccessTokensQuery, formatTime(now)); err != nil {
		return fmt.Errorf("revoke access token: %w", err)
	}
	if _, err := tx.ExecContext(ctx, revokeAccessTokenQuery, jti, formatTime(expiresAt)); err != nil {
		return fmt.Errorf("revoke access token: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("revoke access token: %w", err)
	}
	return nil
}

// UserTokenState reads what a user's access token check needs.
func (s *AuthStore) UserTokenState(ctx context.Context, userID, familyID, jti string) (*hirebase.TokenState, error) {
	var st hirebase.TokenState
	var role, validAfter string
	err := s.db.read.QueryRowContext(ctx, userTokenStateQuery, userID, familyID, jti).Scan(
		&st.Disabled, &role, &st.OrgID, &validAfter, &st.SessionActive, &st.TokenRevoked)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("user token state: %w", hirebase.Errorf(hirebase.ENOTFOUND, "User not found."))
	} else if err != nil {
		return nil, fmt.Errorf("user token state: %w", err)
	}
	st.Role = hirebase.UserRole(role)
	if st.SessionsValidAfter, err = parseTime(validAfter); err != nil {
		return nil, fmt.Errorf("user token state: %w", err)
	}
	return &st, nil
}

// ClientTokenState reads what an API client's access token check needs.
func (s *AuthStore) ClientTokenState(ctx context.Context, clientID, jti string) (*hirebase.TokenState, error) {
	st := hirebase.TokenState{SessionActive: true}
	err := s.db.read.QueryRowContext(ctx, clientTokenStateQuery, clientID, jti).Scan(&st.Disabled, &st.OrgID, &st.TokenRevoked)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("client token state: %w", hirebase.Errorf(hirebase.ENOTFOUND, "API client not found."))
	} else if err != nil {
		return nil, fmt.Errorf("client token state: %w", err)
	}
	return &st, nil
}

// PruneTokens deletes ended families, with their tokens, and expired
// revocation-list entries.
func (s *AuthStore) PruneTokens(ctx context.Context, familiesBefore, now time.Time) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("prune tokens: %w", err)
	}
	defer tx.Rollback()

	if _, err := tx.ExecContext(ctx, pruneFamiliesQuery, formatTime(familiesBefore)); err != nil {
		return fmt.Errorf("prune tokens: %w", err)
	}
	if _, err := tx.ExecContext(ctx, pruneRevokedAccessTokensQuery, formatTime(now)); err != nil {
		return fmt.Errorf("prune tokens: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("prune tokens: %w", err)
	}
	return nil
}
