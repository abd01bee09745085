package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/sqlstore"
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

// inviteQueries are the invite queries for package sqlstore.
var inviteQueries = sqlstore.InviteQueries{
	Insert:      insertInviteQuery,
	ByTokenHash: inviteByTokenHashQuery,
	Accept:      acceptInviteQuery,
}

// CreateInvite stores inv under the hash of its token.
func (s *AuthStore) CreateInvite(ctx context.Context, inv *hirebase.Invite, tokenHash string) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("create invite: %w", err)
	}
	defer tx.Rollback()

	if err := auth.CreateInvite(ctx, tx, inv, tokenHash); err != nil {
		return fmt.Errorf("create invite: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("create invite: %w", err)
	}
	return nil
}

// FindInviteByTokenHash returns the invite, used or not, or ENOTFOUND.
func (s *AuthStore) FindInviteByTokenHash(ctx context.Context, tokenHash string) (*hirebase.Invite, error) {
	inv, err := auth.FindInviteByTokenHash(ctx, s.db.db, tokenHash)
	if err != nil {
		return nil, fmt.Errorf("find invite: %w", err)
	}
	return inv, nil
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

	if err := auth.AcceptInvite(ctx, tx, tokenHash, u, passwordHash, now); err != nil {
		return fmt.Errorf("accept invite: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("accept invite: %w", err)
	}
	return nil
}
