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
	insertInviteQuery = `
INSERT INTO invites (id, token_hash, org_id, email, role, invited_by, created_at, expires_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	inviteByTokenHashQuery = `
SELECT id, org_id, email, role, invited_by, created_at, expires_at, accepted_at
FROM invites WHERE token_hash = ?`
	// acceptInviteQuery spends the invite only if it is unused and live, so
	// of two concurrent accepts one changes a row and the other none.
	acceptInviteQuery = `
UPDATE invites SET accepted_at = ?1 WHERE token_hash = ?2 AND accepted_at IS NULL AND expires_at > ?1`
)

// CreateInvite stores inv under the hash of its token.
func (s *AuthStore) CreateInvite(ctx context.Context, inv *hirebase.Invite, tokenHash string) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("create invite: %w", err)
	}
	defer tx.Rollback()

	_, err = tx.ExecContext(ctx, insertInviteQuery, inv.ID, tokenHash, inv.OrgID, inv.Email, string(inv.Role),
		inv.InvitedBy, formatTime(inv.CreatedAt), formatTime(inv.ExpiresAt))
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
	var role, createdAt, expiresAt string
	var acceptedAt sql.NullString
	err := s.db.read.QueryRowContext(ctx, inviteByTokenHashQuery, tokenHash).Scan(&inv.ID, &inv.OrgID, &inv.Email,
		&role, &inv.InvitedBy, &createdAt, &expiresAt, &acceptedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("find invite: %w", hirebase.Errorf(hirebase.ENOTFOUND, "Invite not found."))
	} else if err != nil {
		return nil, fmt.Errorf("find invite: %w", err)
	}
	inv.Role = hirebase.UserRole(role)
	if inv.CreatedAt, err = parseTime(createdAt); err != nil {
		return nil, fmt.Errorf("find invite: %w", err)
	}
	if inv.ExpiresAt, err = parseTime(expiresAt); err != nil {
		return nil, fmt.Errorf("find invite: %w", err)
	}
	if inv.AcceptedAt, err = parseNullTime(acceptedAt); err != nil {
		return nil, fmt.Errorf("find invite: %w", err)
	}
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

	res, err := tx.ExecContext(ctx, acceptInviteQuery, formatTime(now), tokenHash)
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
