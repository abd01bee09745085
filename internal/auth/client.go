package auth

import (
	"context"
	"strings"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// NewClient is a registered API client with its secret, which is shown
// only here: the store keeps its SHA-256.
type NewClient struct {
	*hirebase.APIClient
	ClientSecret string `json:"client_secret"`
}

// CreateClient registers an API client for organisation orgID with the given
// scopes (each one of hirebase.Scopes). Client admins register for their own
// organisation, admins for any; another organisation is ENOTFOUND. It
// answers EINVALID naming "name" or "scopes".
func (s *Service) CreateClient(ctx context.Context, p Principal, orgID, name string, scopes []string) (*NewClient, error) {
	if err := Authorize(p, ActionClientsCreate, orgID); err != nil {
		return nil, err
	}
	if _, err := s.st.Orgs.FindOrgByID(ctx, orgID); err != nil {
		return nil, err
	}
	c := &hirebase.APIClient{ClientID: prefixClient + hirebase.NewID(), OrgID: orgID, Name: name,
		Scopes: scopes, CreatedBy: p.ActorID(), CreatedAt: s.now()}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	secret := randomToken(prefixSecret)
	if err := s.st.Clients.CreateClient(ctx, c, hashSecret(secret)); err != nil {
		return nil, err
	}
	s.audit(ctx, hirebase.AuditEvent{At: c.CreatedAt, Type: hirebase.AuditClientCreated, ActorID: p.ActorID(),
		OrgID: orgID, Subject: c.ClientID, Detail: "scopes " + strings.Join(c.Scopes, " ")})
	return &NewClient{APIClient: c, ClientSecret: secret}, nil
}

// ListClients returns an organisation's API clients, without secrets.
func (s *Service) ListClients(ctx context.Context, p Principal, orgID string) ([]*hirebase.APIClient, error) {
	if err := Authorize(p, ActionClientsRead, orgID); err != nil {
		return nil, err
	}
	if _, err := s.st.Orgs.FindOrgByID(ctx, orgID); err != nil {
		return nil, err
	}
	return s.st.Clients.ListClients(ctx, orgID)
}

// RevokeClient revokes an organisation's API client: it gets no more tokens
// and the tokens it holds stop working at once. A client of another
// organisation, or not of orgID, is ENOTFOUND.
func (s *Service) RevokeClient(ctx context.Context, p Principal, orgID, clientID string) error {
	if err := Authorize(p, ActionClientsRevoke, orgID); err != nil {
		return err
	}
	c, _, err := s.st.Clients.FindClient(ctx, clientID)
	if err != nil {
		return err
	}
	if c.OrgID != orgID {
		return hirebase.Errorf(hirebase.ENOTFOUND, "API client not found.")
	}
	if err := s.st.Clients.RevokeClient(ctx, clientID, s.now()); err != nil {
		return err
	}
	s.audit(ctx, hirebase.AuditEvent{Type: hirebase.AuditClientRevoked, ActorID: p.ActorID(), OrgID: orgID, Subject: clientID})
	return nil
}
