package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// InviteQueries write and read invites, found by the hash of their token.
type InviteQueries struct {
	// Insert takes id, token_hash, org_id, email, role, invited_by,
	// created_at and expires_at.
	Insert string
	// ByTokenHash selects id, org_id, email, role, invited_by, created_at,
	// expires_at and accepted_at.
	ByTokenHash string
	// Accept takes the time and the token hash, and spends the invite only
	// if it is unused and live, so of two concurrent accepts one changes a
	// row and the other none.
	Accept string
}

// CreateInvite stores inv under the hash of its token.
func (a *Auth) CreateInvite(ctx context.Context, tx *sql.Tx, inv *hirebase.Invite, tokenHash string) error {
	_, err := tx.ExecContext(ctx, a.Invites.Insert, inv.ID, tokenHash, inv.OrgID, inv.Email, string(inv.Role),
		inv.InvitedBy, a.Dialect.Time(inv.CreatedAt), a.Dialect.Time(inv.ExpiresAt))
	return a.Dialect.conflict(err, "The invite exists already.")
}

// FindInviteByTokenHash returns the invite, used or not, or ENOTFOUND.
func (a *Auth) FindInviteByTokenHash(ctx context.Context, q Querier, tokenHash string) (*hirebase.Invite, error) {
	var inv hirebase.Invite
	var role string
	d := &a.Dialect
	err := q.QueryRowContext(ctx, a.Invites.ByTokenHash, tokenHash).Scan(&inv.ID, &inv.OrgID, &inv.Email,
		&role, &inv.InvitedBy, d.scanTime(&inv.CreatedAt), d.scanTime(&inv.ExpiresAt), d.scanNullTime(&inv.AcceptedAt))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, hirebase.Errorf(hirebase.ENOTFOUND, "Invite not found.")
	} else if err != nil {
		return nil, err
	}
	inv.Role = hirebase.UserRole(role)
	return &inv, nil
}

// AcceptInvite spends the invite and creates u, which the caller has
// validated; if the user cannot be created the caller rolls back and the
// invite stays unused.
func (a *Auth) AcceptInvite(ctx context.Context, tx *sql.Tx, tokenHash string, u *hirebase.User, passwordHash string, now time.Time) error {
	res, err := tx.ExecContext(ctx, a.Invites.Accept, a.Dialect.Time(now), tokenHash)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return hirebase.Errorf(hirebase.ENOTFOUND, "Invite not found, used or expired.")
	}
	return a.CreateUser(ctx, tx, u, passwordHash)
}
