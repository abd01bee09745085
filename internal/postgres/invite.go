package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

const (
	insertInviteQuery = `
INSERT INTO invites (id, token_hash, org_id, email, role, invited_by, created_at, expires_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`
	inviteByTokenHashQuery = `
SELECT id, org_id, email, role, invited_by, created_at, expires_at, accepted_at
FROM invites WHERE token_hash = $1`
	// acceptInviteQuery spends the invite only if it is unused and live, so
	// of two concurrent accepts one changes a row and the other, after
	// waiting for the first's row lock, none.
	acceptInviteQuery = `
UPDATE invites SET accepted_at = $1 WHERE token_hash = $2 AND accepted_at IS NULL AND expires_at > $1`
)

// CreateInvite stores inv under the hash of its token.
func (s *AuthStore) CreateInvite(ctx context.Context, inv *hirebase.Invite, tokenHash string) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("create invite: %w", err)
	}
	defer tx.Rollback()

	_, err = tx.ExecContext(ctx, insertInviteQuery, inv.ID, tokenHash, inv.OrgID, inv.Email, string(inv.Role),
		inv.InvitedBy, inv.CreatedAt, inv.ExpiresAt)
	if err != nil {
		return fmt.Errorf("create invite: %w", conflict(err, "The invite exists already."))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("create invite: %w", err)
	}
	return nil
}

// FindInviteByTokenHash returns the invite, used or not, or ENOTFOUND.
func (s *AuthStore) FindInviteByTokenHash(ctx context.Context, tokenHash string) (*hirebase.Invite, error) {
	var inv hirebase.Invite
	var role string
	var acceptedAt sql.NullTime
	err := s.db.db.QueryRowContext(ctx, inviteByTokenHashQuery, tokenHash).Scan(&inv.ID, &inv.OrgID, &inv.Email,
		&role, &inv.InvitedBy, &inv.CreatedAt, &inv.ExpiresAt, &acceptedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("find invite: %w", hirebase.Errorf(hirebase.ENOTFOUND, "Invite not found."))
	} else if err != nil {
		return nil, fmt.Errorf("find invite: %w", err)
	}
	inv.Role, inv.AcceptedAt = hirebase.UserRole(role), nullTime(acceptedAt)
	inv.CreatedAt, inv.ExpiresAt = inv.CreatedAt.UTC(), inv.ExpiresAt.UTC()
	return &inv, nil
}

// AcceptInvite spends the invite and creates u in one transaction; if the
// user cannot be created the invite stays unused.
func (s *AuthStore) AcceptInvite(ctx context.Context, tokenHash string, u *hirebase.User, passwordHash string, now time.Time) error {
	if err := u.Validate(); err != nil {
		return fmt.Errorf("accept invite: %w", err)
	}
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("accept invite: %w", err)
	}
	defer tx.Rollback()

	res, err := tx.ExecContext(ctx, acceptInviteQuery, now, tokenHash)
	if err != nil {
		return fmt.Errorf("accept invite: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("accept invite: %w", err)
	} else if n == 0 {
		return fmt.Errorf("accept invite: %w", hirebase.Errorf(hirebase.ENOTFOUND, "Invite not found, used or expired."))
	}
	if err := insertUser(ctx, tx, u, passwordHash); err != nil {
		return fmt.Errorf("accept invite: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("accept invite: %w", err)
	}
	return nil
}
