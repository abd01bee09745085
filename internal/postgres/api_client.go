package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/sqlstore"
)

const (
	insertClientQuery = `
INSERT INTO api_clients (client_id, secret_hash, org_id, name, scopes, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)`
	clientColumns     = `client_id, org_id, name, scopes, created_by, created_at, revoked_at`
	clientQuery       = `SELECT ` + clientColumns + `, secret_hash FROM api_clients WHERE client_id = $1`
	listClientsQuery  = `SELECT ` + clientColumns + ` FROM api_clients WHERE org_id = $1 ORDER BY created_at, client_id`
	revokeClientQuery = `UPDATE api_clients SET revoked_at = $1 WHERE client_id = $2 AND revoked_at IS NULL`
	clientExistsQuery = `SELECT EXISTS (SELECT 1 FROM api_clients WHERE client_id = $1)`
)

// clientQueries are the API client queries for package sqlstore.
var clientQueries = sqlstore.ClientQueries{
	Insert: insertClientQuery,
	ByID:   clientQuery,
	List:   listClientsQuery,
	Revoke: revokeClientQuery,
	Exists: clientExistsQuery,
}

// CreateClient stores c with the hash of its secret.
func (s *AuthStore) CreateClient(ctx context.Context, c *hirebase.APIClient, secretHash string) error {
	if err := c.Validate(); err != nil {
		return fmt.Errorf("create client: %w", err)
	}
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("create client: %w", err)
	}
	defer tx.Rollback()

	if err := auth.CreateClient(ctx, tx, c, secretHash); err != nil {
		return fmt.Errorf("create client: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("create client: %w", err)
	}
	return nil
}

// FindClient returns the client and its secret hash, or ENOTFOUND.
func (s *AuthStore) FindClient(ctx context.Context, clientID string) (*hirebase.APIClient, string, error) {
	c, hash, err := auth.FindClient(ctx, s.db.db, clientID)
	if err != nil {
		return nil, "", fmt.Errorf("find client: %w", err)
	}
	return c, hash, nil
}

// ListClients returns the organisation's clients, oldest first.
func (s *AuthStore) ListClients(ctx context.Context, orgID string) ([]*hirebase.APIClient, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("list clients: %w", err)
	}
	defer tx.Rollback()

	cs, err := auth.ListClients(ctx, tx, orgID)
	if err != nil {
		return nil, fmt.Errorf("list clients: %w", err)
	}
	return cs, nil
}

// RevokeClient marks the client revoked; revoking twice keeps the first time.
func (s *AuthStore) RevokeClient(ctx context.Context, clientID string, now time.Time) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("revoke client: %w", err)
	}
	defer tx.Rollback()

	if err := auth.RevokeClient(ctx, tx, clientID, now); err != nil {
		return fmt.Errorf("revoke client: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("revoke client: %w", err)
	}
	return nil
}
