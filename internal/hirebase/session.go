package hirebase

import (
	"context"
	"time"
)

// RefreshFamily is one sign-in session: the chain of refresh tokens that
// descend from one login, each replacing the one before. Revoking the family
// ends the session, whichever of its tokens the caller holds.
type RefreshFamily struct {
	ID       string
	UserID   string
	ClientID string
	// CreatedAt is the login; ExpiresAt the absolute end of the session,
	// however often it is refreshed.
	CreatedAt time.Time
	ExpiresAt time.Time
	RevokedAt *time.Time
}

// RefreshOutcome says what presenting a refresh token did.
type RefreshOutcome string

// The outcomes of presenting a refresh token that exists. Only Rotated hands
// out a new token; Reused means a spent token came back, and the whole family
// has just been revoked.
const (
	RefreshRotated RefreshOutcome = "rotated"
	RefreshReused  RefreshOutcome = "reused"
	RefreshExpired RefreshOutcome = "expired"
	RefreshRevoked RefreshOutcome = "revoked"
)

// RefreshRotation is the result of presenting a refresh token.
type RefreshRotation struct {
	Outcome  RefreshOutcome
	FamilyID string
	UserID   string
	ClientID string
	// ExpiresAt is when the new token expires: the idle limit, capped by
	// the family's absolute end. Set only for RefreshRotated.
	ExpiresAt time.Time
	// FamilyExpiresAt is the family's absolute end.
	FamilyExpiresAt time.Time
}

// RefreshToken is a stored refresh token's state, for introspection.
type RefreshToken struct {
	FamilyID  string
	UserID    string
	ClientID  string
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    *time.Time
	// FamilyRevokedAt is set once the family was revoked.
	FamilyRevokedAt *time.Time
}

// TokenState is what a request's access-token check reads from the database:
// one indexed lookup that says whether the token's subject may still act.
type TokenState struct {
	// Disabled is true for a disabled user or a revoked API client.
	Disabled bool
	// Role and OrgID are the user's current ones (OrgID also a client's),
	// so a token minted before a role change is refused.
	Role  UserRole
	OrgID string
	// SessionsValidAfter is the user's; tokens issued before it are refused.
	SessionsValidAfter time.Time
	// SessionActive is true if the token's refresh family exists and is not
	// revoked; always true for API clients, which have no sessions.
	SessionActive bool
	// TokenRevoked is true if the token's jti is on the revocation list.
	TokenRevoked bool
}

// TokenStore persists refresh tokens, their families, and revoked access
// tokens. Tokens are stored only as hashes.
type TokenStore interface {
	// CreateRefreshFamily starts a session with its first token.
	CreateRefreshFamily(ctx context.Context, f *RefreshFamily, tokenHash string, tokenExpiresAt time.Time) error
	// RotateRefreshToken spends the token with oldHash and, if it was
	// live, stores newHash in its place in the same family, expiring at
	// idleExpiresAt or the family's end, whichever is first. The token is
	// spent with a conditional update, so of two concurrent presentations
	// exactly one rotates; the other, and any later one, finds it spent,
	// revokes the family and reports RefreshReused. An unknown hash is
	// ENOTFOUND.
	RotateRefreshToken(ctx context.Context, oldHash, newHash string, now, idleExpiresAt time.Time) (*RefreshRotation, error)
	// FindRefreshToken returns a stored token's state or ENOTFOUND.
	FindRefreshToken(ctx context.Context, hash string) (*RefreshToken, error)
	// RevokeRefreshFamily revokes one session; revoking twice keeps the
	// first time, and a missing family is ENOTFOUND.
	RevokeRefreshFamily(ctx context.Context, familyID, reason string, now time.Time) error
	// RevokeAccessToken puts an access token's jti on the revocation list
	// until the token would have expired anyway.
	RevokeAccessToken(ctx context.Context, jti string, expiresAt, now time.Time) error
	// UserTokenState reads what a user's access token check needs; a
	// missing user is ENOTFOUND.
	UserTokenState(ctx context.Context, userID, familyID, jti string) (*TokenState, error)
	// ClientTokenState reads what an API client's access token check
	// needs; a missing client is ENOTFOUND.
	ClientTokenState(ctx context.Context, clientID, jti string) (*TokenState, error)
	// PruneTokens deletes families that ended before familiesBefore (with
	// their tokens) and revocation-list entries of tokens expired at now.
	PruneTokens(ctx context.Context, familiesBefore, now time.Time) error
}

// SigningKey is a key access tokens are signed with, named by its kid. One
// key is active and signs; retired keys only verify, until every token they
// signed has expired.
type SigningKey struct {
	ID        string
	Algorithm string
	// PrivateKey is the Ed25519 seed; PublicKey the matching public key.
	PrivateKey []byte
	PublicKey  []byte
	CreatedAt  time.Time
	RetiredAt  *time.Time
}

// KeyStore persists signing keys, so every replica signs with the same key
// and verifies the others' tokens.
type KeyStore interface {
	// AddSigningKey stores k as the active key if there is none; if another
	// is active it is ECONFLICT, so replicas starting at once make one key.
	AddSigningKey(ctx context.Context, k *SigningKey) error
	// RotateSigningKey retires the active key at k.CreatedAt and makes k
	// active, in one transaction.
	RotateSigningKey(ctx context.Context, k *SigningKey) error
	// SigningKeys returns the active key, then the keys retired after
	// retiredAfter, the most recently retired first.
	SigningKeys(ctx context.Context, retiredAfter time.Time) ([]*SigningKey, error)
	// PruneSigningKeys deletes keys retired before retiredBefore.
	PruneSigningKeys(ctx context.Context, retiredBefore time.Time) error
}
