package auth

import (
	"context"
	"log/slog"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// Mailer sends invitations. Implementations must treat token as a secret:
// it is the only credential the invitee needs.
type Mailer interface {
	SendInvite(ctx context.Context, inv *hirebase.Invite, org *hirebase.Org, token string) error
}

// LogMailer "sends" invites by logging them, for development and for
// installations without mail: the operator forwards the token. The log line
// holds a live credential, so production should configure a real mailer.
type LogMailer struct {
	Logger *slog.Logger
}

// SendInvite logs the invite at warning level, token included.
func (m LogMailer) SendInvite(ctx context.Context, inv *hirebase.Invite, org *hirebase.Org, token string) error {
	m.Logger.WarnContext(ctx, "invite not mailed (no mailer configured); forward this token to the invitee",
		slog.String("email", inv.Email), slog.String("org", org.Name), slog.String("role", string(inv.Role)),
		slog.String("expires_at", inv.ExpiresAt.Format(time.RFC3339)), slog.String("token", token))
	return nil
}
