package auth

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// OAuth 2.0 error codes (RFC 6749 section 5.2). The service returns
// invalid_request, invalid_client and invalid_scope; the HTTP layer answers
// unsupported_grant_type itself, before calling the service.
const (
	OAuthInvalidRequest       = "invalid_request"
	OAuthInvalidClient        = "invalid_client"
	OAuthInvalidScope         = "invalid_scope"
	OAuthUnsupportedGrantType = "unsupported_grant_type"
)

// OAuthError is an OAuth 2.0 error, for the token endpoint's RFC 6749 body
// {"error": Code, "error_description": Description}: invalid_client is 401
// (with WWW-Authenticate: Basic when the client used Basic), the others 400.
// It wraps a hirebase error (EUNAUTHORIZED or EINVALID), so code that only
// knows hirebase errors still answers sensibly.
type OAuthError struct {
	Code        string
	Description string
	err         *hirebase.Error
}

func newOAuthError(code, description string) *OAuthError {
	hc := hirebase.EINVALID
	if code == OAuthInvalidClient {
		hc = hirebase.EUNAUTHORIZED
	}
	return &OAuthError{Code: code, Description: description, err: hirebase.Errorf(hc, "%s", description)}
}

func (e *OAuthError) Error() string { return e.Code + ": " + e.Description }

// Unwrap returns the hirebase error the OAuth error corresponds to.
func (e *OAuthError) Unwrap() error { return e.err }

// OAuthErrorOf returns the OAuth error in err's chain, if any.
func OAuthErrorOf(err error) (*OAuthError, bool) {
	var e *OAuthError
	ok := errors.As(err, &e)
	return e, ok
}

// maxScopeLen bounds a scope parameter; ours all fit in 80 bytes.
const maxScopeLen = 512

// ParseScope reads an OAuth scope parameter: space-separated scope tokens
// (RFC 6749 section 3.3). Every token must be one of hirebase.Scopes;
// repeats are dropped. Anything else is invalid_scope.
func ParseScope(scope string) ([]string, error) {
	if len(scope) > maxScopeLen {
		return nil, newOAuthError(OAuthInvalidScope, "The scope parameter is too long.")
	}
	var out []string
	for _, tok := range strings.Split(scope, " ") {
		if tok == "" {
			continue
		}
		if !hirebase.ValidScope(tok) {
			return nil, newOAuthError(OAuthInvalidScope, fmt.Sprintf("Unknown scope; known scopes are %s.", strings.Join(hirebase.Scopes, " ")))
		}
		if !slices.Contains(out, tok) {
			out = append(out, tok)
		}
	}
	return out, nil
}

// AuthenticateClient checks an API client's credentials. Unknown client,
// wrong secret and revoked client alike are invalid_client, and audited.
// The secret's stored SHA-256 is compared in constant time.
func (s *Service) AuthenticateClient(ctx context.Context, clientID, secret, ip string) (*hirebase.APIClient, error) {
	bad := newOAuthError(OAuthInvalidClient, "Client authentication failed.")
	fail := func(detail string) (*hirebase.APIClient, error) {
		subject := clientID
		if len(subject) > maxSecretLen {
			subject = subject[:maxSecretLen]
		}
		s.audit(ctx, hirebase.AuditEvent{Type: hirebase.AuditClientAuthFailed, Subject: subject, IP: ip, Detail: detail})
		return nil, bad
	}
	if !looksLike(clientID, prefixClient) || !looksLike(secret, prefixSecret) {
		return fail("malformed credentials")
	}
	c, hash, err := s.st.Clients.FindClient(ctx, clientID)
	if hirebase.ErrorCode(err) == hirebase.ENOTFOUND {
		return fail("unknown client")
	} else if err != nil {
		return nil, fmt.Errorf("authenticate client: %w", err)
	}
	if subtle.ConstantTimeCompare([]byte(hashSecret(secret)), []byte(hash)) != 1 {
		return fail("wrong secret")
	}
	if c.RevokedAt != nil {
		return fail("client revoked")
	}
	return c, nil
}

// IssueClientToken runs the client credentials grant (RFC 6749 section
// 4.4): it authenticates the client and returns an access token for the
// requested scopes, or for all the client's scopes if none are requested.
// There is no refresh token. Errors are *OAuthError: invalid_client or
// invalid_scope (a scope the client was not granted).
func (s *Service) IssueClientToken(ctx context.Context, clientID, secret string, scopes []string, ip string) (*TokenPair, error) {
	c, err := s.AuthenticateClient(ctx, clientID, secret, ip)
	if err != nil {
		return nil, err
	}
	granted := c.Scopes
	if len(scopes) > 0 {
		granted = nil
		for _, sc := range scopes {
			if !slices.Contains(c.Scopes, sc) {
				return nil, newOAuthError(OAuthInvalidScope, fmt.Sprintf("The client may not request %q.", sc))
			}
			if !slices.Contains(granted, sc) {
				granted = append(granted, sc)
			}
		}
	}
	scope := strings.Join(granted, " ")
	claims := accessClaims{RegisteredClaims: jwt.RegisteredClaims{Subject: c.ClientID}, ClientID: c.ClientID,
		Scope: scope, OrgID: c.OrgID}
	access, expiresIn, err := s.issueAccess(ctx, claims, s.now(), time.Time{})
	if err != nil {
		return nil, fmt.Errorf("issue client token: %w", err)
	}
	return &TokenPair{AccessToken: access, TokenType: "Bearer", ExpiresIn: expiresIn, Scope: scope}, nil
}

// Revoke revokes a token on behalf of clientID (RFC 7009): a registered
// client the HTTP layer authenticated with AuthenticateClient, or the
// first-party client ID for tokens from password logins. A refresh token
// ends its session; an access token goes on the revocation list until it
// expires. A token that is invalid, unknown or issued to another client is
// left alone and answered with nil, as RFC 7009 asks, so the endpoint says
// nothing about tokens the caller does not own. The type hint is not needed:
// the two kinds are told apart by their form.
func (s *Service) Revoke(ctx context.Context, clientID, token string) error {
	now := s.now()
	if looksLike(token, prefixRefresh) {
		t, err := s.st.Tokens.FindRefreshToken(ctx, hashSecret(token))
		if hirebase.ErrorCode(err) == hirebase.ENOTFOUND || (err == nil && t.ClientID != clientID) {
			return nil
		} else if err != nil {
			return fmt.Errorf("revoke: %w", err)
		}
		if err := s.st.Tokens.RevokeRefreshFamily(ctx, t.FamilyID, "revoked", now); err != nil {
			return fmt.Errorf("revoke: %w", err)
		}
		s.audit(ctx, hirebase.AuditEvent{At: now, Type: hirebase.AuditTokenRevoked, ActorID: t.UserID, Subject: t.FamilyID, Detail: "refresh token"})
		return nil
	}
	c, err := s.verify.parse(ctx, token)
	if hirebase.ErrorCode(err) == hirebase.EUNAUTHORIZED || (err == nil && c.ClientID != clientID) {
		return nil
	} else if err != nil {
		return fmt.Errorf("revoke: %w", err)
	}
	if err := s.st.Tokens.RevokeAccessToken(ctx, c.ID, c.ExpiresAt.Time, now); err != nil {
		return fmt.Errorf("revoke: %w", err)
	}
	s.audit(ctx, hirebase.AuditEvent{At: now, Type: hirebase.AuditTokenRevoked, ActorID: c.Subject, OrgID: c.OrgID, Subject: c.ID, Detail: "access token"})
	return nil
}

// Introspection is an RFC 7662 response. Only Active is set for a token
// that is not active.
type Introspection struct {
	Active    bool     `json:"active"`
	Scope     string   `json:"scope,omitempty"`
	ClientID  string   `json:"client_id,omitempty"`
	TokenType string   `json:"token_type,omitempty"`
	Exp       int64    `json:"exp,omitempty"`
	Iat       int64    `json:"iat,omitempty"`
	Nbf       int64    `json:"nbf,omitempty"`
	Sub       string   `json:"sub,omitempty"`
	Aud       []string `json:"aud,omitempty"`
	Iss       string   `json:"iss,omitempty"`
	Jti       string   `json:"jti,omitempty"`
	OrgID     string   `json:"org_id,omitempty"`
	Roles     []string `json:"roles,omitempty"`
}

// Introspect describes a token for clientID (RFC 7662), who must be the
// client the token was issued to: anyone else learns only active=false. An
// access token is active if it verifies and passes the same per-request
// check Authenticate makes; a refresh token if it is unspent, unexpired and
// its session live.
func (s *Service) Introspect(ctx context.Context, clientID, token string) (*Introspection, error) {
	inactive := &Introspection{}
	now := s.now()
	if looksLike(token, prefixRefresh) {
		t, err := s.st.Tokens.FindRefreshToken(ctx, hashSecret(token))
		if hirebase.ErrorCode(err) == hirebase.ENOTFOUND {
			return inactive, nil
		} else if err != nil {
			return nil, fmt.Errorf("introspect: %w", err)
		}
		if t.ClientID != clientID || t.UsedAt != nil || t.FamilyRevokedAt != nil || !now.Before(t.ExpiresAt) {
			return inactive, nil
		}
		return &Introspection{Active: true, ClientID: t.ClientID, TokenType: "refresh_token", Sub: t.UserID,
			Exp: t.ExpiresAt.Unix(), Iat: t.CreatedAt.Unix(), Iss: s.cfg.Issuer}, nil
	}
	c, err := s.verify.parse(ctx, token)
	if hirebase.ErrorCode(err) == hirebase.EUNAUTHORIZED || (err == nil && c.ClientID != clientID) {
		return inactive, nil
	} else if err != nil {
		return nil, fmt.Errorf("introspect: %w", err)
	}
	if _, err := s.principalOf(ctx, c); err != nil {
		switch hirebase.ErrorCode(err) {
		case hirebase.EUNAUTHORIZED, hirebase.ENOTFOUND:
			return inactive, nil
		}
		return nil, fmt.Errorf("introspect: %w", err)
	}
	return &Introspection{Active: true, Scope: c.Scope, ClientID: c.ClientID, TokenType: "Bearer",
		Exp: c.ExpiresAt.Unix(), Iat: c.IssuedAt.Unix(), Nbf: unixOrZero(c.NotBefore), Sub: c.Subject,
		Aud: c.Audience, Iss: c.Issuer, Jti: c.ID, OrgID: c.OrgID, Roles: c.Roles}, nil
}

func unixOrZero(d *jwt.NumericDate) int64 {
	if d == nil {
		return 0
	}
	return d.Unix()
}
