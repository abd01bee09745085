package hirebase

import (
	"context"
	"slices"
	"strings"
	"time"
)

// The scopes an API client may be granted: the fixed vocabulary of what an
// integration may reach. Package auth maps each onto policy actions.
const (
	ScopeRolesRead      = "roles:read"
	ScopeRequestsRead   = "requests:read"
	ScopeRequestsWrite  = "requests:write"
	ScopeCandidatesRead = "candidates:read"
	ScopeWebhooksWrite  = "webhooks:write"
)

// Scopes lists every scope, in the order documentation shows them.
var Scopes = []string{ScopeRolesRead, ScopeRequestsRead, ScopeRequestsWrite, ScopeCandidatesRead, ScopeWebhooksWrite}

// ValidScope reports whether s is one of Scopes.
func ValidScope(s string) bool { return slices.Contains(Scopes, s) }

// APIClient is an integration (a client's ATS, a BI tool) that calls the API
// with the OAuth 2.0 client credentials grant instead of a person's password.
// Its secret is shown once at creation; only a hash is stored.
type APIClient struct {
	ClientID  string    `json:"client_id"`
	OrgID     string    `json:"org_id"`
	Name      string    `json:"name"`
	Scopes    []string  `json:"scopes"`
	CreatedBy string    `json:"created_by"`
	CreatedAt time.Time `json:"created_at"`
	// RevokedAt is set once the client may no longer get or use tokens.
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
}

// Validate checks the client's name and scopes, naming the JSON field at
// fault.
func (c *APIClient) Validate() error {
	if err := validName("name", c.Name, true); err != nil {
		return err
	}
	if len(c.Scopes) == 0 {
		return Invalid("scopes", "must name at least one of "+strings.Join(Scopes, ", "))
	}
	for i, s := range c.Scopes {
		if !ValidScope(s) {
			return Invalid("scopes", "must each be one of "+strings.Join(Scopes, ", "))
		}
		if slices.Contains(c.Scopes[:i], s) {
			return Invalid("scopes", "must not repeat "+s)
		}
	}
	return nil
}

// ClientStore persists API clients and their secret hashes.
type ClientStore interface {
	// CreateClient stores c with the hash of its secret.
	CreateClient(ctx context.Context, c *APIClient, secretHash string) error
	// FindClient returns the client, revoked or not, and its secret hash,
	// or ENOTFOUND.
	FindClient(ctx context.Context, clientID string) (*APIClient, string, error)
	// ListClients returns the organisation's clients, oldest first.
	ListClients(ctx context.Context, orgID string) ([]*APIClient, error)
	// RevokeClient marks the client revoked at now; its tokens stop working
	// on their next use. A missing client is ENOTFOUND; revoking twice keeps
	// the first time.
	RevokeClient(ctx context.Context, clientID string, now time.Time) error
}
