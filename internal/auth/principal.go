package auth

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// PrincipalKind says what sort of caller a principal is.
type PrincipalKind string

// The three kinds of caller.
const (
	KindAnonymous PrincipalKind = "anonymous"
	KindUser      PrincipalKind = "user"
	KindClient    PrincipalKind = "client"
)

// Principal is the verified caller of one request. Users act through their
// role, API clients through their scopes; both belong to OrgID (empty for
// candidates and anonymous callers).
type Principal struct {
	Kind     PrincipalKind
	UserID   string
	ClientID string
	OrgID    string
	Role     hirebase.UserRole
	Scopes   []string
	// TokenID (jti), SessionID (sid) and ExpiresAt describe the access
	// token, for revocation and for caches keyed by it.
	TokenID   string
	SessionID string
	ExpiresAt time.Time
}

// Anonymous is the principal of a request without a bearer token.
var Anonymous = Principal{Kind: KindAnonymous}

// ActorID returns the user or client ID that acts, for audit events.
func (p Principal) ActorID() string {
	if p.Kind == KindUser {
		return p.UserID
	}
	return p.ClientID
}

// Authenticate verifies a bearer access token and returns its principal.
// Past the signature and claims it reads one row (TokenStore.UserTokenState
// or ClientTokenState: primary-key lookups joined in one query) to refuse a
// token whose user is disabled, whose role changed, whose session was ended
// (logout, reuse, password change) or issued before SessionsValidAfter, whose
// client was revoked, or whose jti was revoked. Every refusal is the same
// EUNAUTHORIZED; a database failure is an internal error.
//
// The HTTP layer may cache a result by TokenID for a few seconds to spare
// that query; revocations then take up to that long to bite.
func (s *Service) Authenticate(ctx context.Context, bearer string) (Principal, error) {
	c, err := s.verify.parse(ctx, bearer)
	if err == nil {
		var p Principal
		if p, err = s.principalOf(ctx, c); err == nil {
			return p, nil
		}
	}
	switch hirebase.ErrorCode(err) {
	case hirebase.EUNAUTHORIZED, hirebase.ENOTFOUND:
		s.logger.DebugContext(ctx, "access token refused", slog.Any("reason", err))
		return Anonymous, errInvalidToken
	}
	return Anonymous, fmt.Errorf("authenticate: %w", err)
}

// principalOf checks the token's subject against the database.
func (s *Service) principalOf(ctx context.Context, c *accessClaims) (Principal, error) {
	p := Principal{OrgID: c.OrgID, TokenID: c.ID, SessionID: c.SessionID, ExpiresAt: c.ExpiresAt.Time}
	if c.Subject == c.ClientID && c.SessionID == "" {
		if len(c.Roles) > 0 {
			return Anonymous, fmt.Errorf("%w: an API client's token carries roles", errInvalidToken)
		}
		p.Kind, p.ClientID, p.Scopes = KindClient, c.ClientID, strings.Fields(c.Scope)
		st, err := s.st.Tokens.ClientTokenState(ctx, c.ClientID, c.ID)
		if err != nil {
			return Anonymous, err
		}
		if st.Disabled || st.TokenRevoked || st.OrgID != c.OrgID {
			return Anonymous, errInvalidToken
		}
		return p, nil
	}
	if len(c.Roles) != 1 || c.SessionID == "" {
		return Anonymous, errInvalidToken
	}
	p.Kind, p.UserID, p.ClientID, p.Role = KindUser, c.Subject, c.ClientID, hirebase.UserRole(c.Roles[0])
	st, err := s.st.Tokens.UserTokenState(ctx, c.Subject, c.SessionID, c.ID)
	if err != nil {
		return Anonymous, err
	}
	issued := c.IssuedAt.Time
	// iat has whole seconds, so SessionsValidAfter is compared at that
	// grain; a token issued in the very second of a password change is
	// caught by the session check instead, its family being revoked.
	switch {
	case st.Disabled, st.TokenRevoked, !st.SessionActive:
	case st.Role != p.Role, st.OrgID != p.OrgID:
	case issued.Before(st.SessionsValidAfter.Truncate(time.Second)):
	default:
		return p, nil
	}
	return Anonymous, fmt.Errorf("%w: the subject's state refuses it", errInvalidToken)
}
