package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// maxTokenLen bounds a bearer token before any decoding; ours are about
// 600 bytes.
const maxTokenLen = 4096

// typAccessToken is the JWT typ of access tokens (RFC 9068 section 2.1);
// requiring it stops other JWTs signed by the same key being used as one.
const typAccessToken = "at+jwt"

// accessClaims are the claims of an access token: RFC 9068's profile, plus
// org_id for tenant checks and sid, the session (refresh family) a user's
// token belongs to, so logout ends it at once.
type accessClaims struct {
	jwt.RegisteredClaims
	ClientID  string   `json:"client_id"`
	Scope     string   `json:"scope,omitempty"`
	Roles     []string `json:"roles,omitempty"`
	OrgID     string   `json:"org_id,omitempty"`
	SessionID string   `json:"sid,omitempty"`
}

// Validate requires the claims this service always sets, beyond what the
// parser checks (exp, iss, aud): a token lacking any is not ours.
func (c *accessClaims) Validate() error {
	if c.ID == "" || c.Subject == "" || c.ClientID == "" || c.IssuedAt == nil {
		return errors.New("token lacks jti, sub, client_id or iat")
	}
	if len(c.Roles) > 1 {
		return errors.New("token has more than one role")
	}
	return nil
}

// verifier checks access tokens: signature, algorithm, header and claims.
type verifier struct {
	keys   *Keys
	parser *jwt.Parser
}

func newVerifier(cfg Config, keys *Keys, now func() time.Time) *verifier {
	return &verifier{keys: keys, parser: jwt.NewParser(
		jwt.WithValidMethods([]string{algEdDSA}),
		jwt.WithIssuer(cfg.Issuer),
		jwt.WithAudience(cfg.Audience),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(cfg.ClockSkew),
		jwt.WithTimeFunc(now),
		jwt.WithStrictDecoding(),
	)}
}

// errInvalidToken is what every refused token gets: the reason goes to
// tests and logs, never to the caller.
var errInvalidToken = hirebase.Errorf(hirebase.EUNAUTHORIZED, "The access token is invalid or expired.")

// parse verifies raw and returns its claims. A refused token's error wraps
// errInvalidToken (EUNAUTHORIZED) and says why; failing to read the keys is
// returned as it is, an internal error. Only EdDSA with a known,
// unexpired kid, typ at+jwt, no critical extensions, the configured issuer
// and audience, and a live exp pass; the algorithm is checked before any key
// is looked up, so alg "none" and HMAC keyed with the public key never reach
// a verifier.
func (v *verifier) parse(ctx context.Context, raw string) (*accessClaims, error) {
	if raw == "" || len(raw) > maxTokenLen {
		return nil, fmt.Errorf("%w: empty or too long", errInvalidToken)
	}
	var claims accessClaims
	var keyErr error
	_, err := v.parser.ParseWithClaims(raw, &claims, func(t *jwt.Token) (any, error) {
		if typ, _ := t.Header["typ"].(string); !strings.EqualFold(typ, typAccessToken) &&
			!strings.EqualFold(typ, "application/"+typAccessToken) {
			return nil, errors.New("typ is not at+jwt")
		}
		if _, ok := t.Header["crit"]; ok {
			return nil, errors.New("critical header extensions are not supported")
		}
		kid, _ := t.Header["kid"].(string)
		pub, ok, err := v.keys.publicKey(ctx, kid)
		if err != nil {
			keyErr = err
			return nil, err
		} else if !ok {
			return nil, errors.New("unknown kid")
		}
		return pub, nil
	})
	if keyErr != nil {
		// The keys could not be read: a server fault, not a bad token.
		return nil, keyErr
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errInvalidToken, err)
	}
	return &claims, nil
}

// sign returns claims as a compact JWS signed with the active key.
func (v *verifier) sign(ctx context.Context, claims *accessClaims) (string, error) {
	sk, err := v.keys.signer(ctx)
	if err != nil {
		return "", err
	}
	t := jwt.NewWithClaims(jwt.SigningMethodEdDSA, claims)
	t.Header["typ"] = typAccessToken
	t.Header["kid"] = sk.id
	return t.SignedString(sk.priv)
}

// TokenPair is the answer of a token endpoint (RFC 6749 section 5.1), ready
// to encode. RefreshToken is empty for the client credentials grant.
type TokenPair struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
	RefreshToken string `json:"refresh_token,omitempty"`
	Scope        string `json:"scope,omitempty"`
}

// issueAccess signs an access token for sub, lasting AccessTTL but never
// past notAfter (a session's absolute end), and returns it with its
// lifetime in seconds.
func (s *Service) issueAccess(ctx context.Context, c accessClaims, now, notAfter time.Time) (string, int, error) {
	exp := now.Add(s.cfg.AccessTTL)
	if !notAfter.IsZero() && notAfter.Before(exp) {
		exp = notAfter
	}
	c.Issuer = s.cfg.Issuer
	c.Audience = jwt.ClaimStrings{s.cfg.Audience}
	c.ID = hirebase.NewID()
	c.IssuedAt = jwt.NewNumericDate(now)
	c.NotBefore = jwt.NewNumericDate(now)
	c.ExpiresAt = jwt.NewNumericDate(exp)
	tok, err := s.verify.sign(ctx, &c)
	if err != nil {
		return "", 0, err
	}
	return tok, int(c.ExpiresAt.Sub(now).Seconds()), nil
}
