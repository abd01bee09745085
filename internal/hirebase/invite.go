package hirebase

import (
	"context"
	"time"
)

// Invite lets one person join an organisation with a given role. Its token is
// a bearer credential shown once to the inviter and mailed to the invitee;
// only its hash is stored, it works once, and it expires.
type Invite struct {
	ID        string    `json:"id"`
	OrgID     string    `json:"org_id"`
	Email     string    `json:"email"`
	Role      UserRole  `json:"role"`
	InvitedBy string    `json:"invited_by"`
	CreatedAt time.Time `json:"created_at"`
	ExpiresAt time.Time `json:"expires_at"`
	// AcceptedAt is nil until the invite is used.
	AcceptedAt *time.Time `json:"accepted_at,omitempty"`
}

// InviteStore persists invites.
type InviteStore interface {
	// CreateInvite stores inv under the hash of its token.
	CreateInvite(ctx context.Context, inv *Invite, tokenHash string) error
	// FindInviteByTokenHash returns the invite, used or not, or ENOTFOUND.
	FindInviteByTokenHash(ctx context.Context, tokenHash string) (*Invite, error)
	// AcceptInvite marks the invite accepted and creates u, in one
	// transaction. An invite that is missing, used or expired at now is
	// ENOTFOUND, so of two concurrent accepts exactly one succeeds; an email
	// in use is ECONFLICT and leaves the invite unused.
	AcceptInvite(ctx context.Context, tokenHash string, u *User, passwordHash string, now time.Time) error
}
