package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

const (
	insertClientQuery = `
INSERT INTO api_clients (client_id, secret_hash, org_id, name, scopes, created_by, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?)`
	clientColumns     = `client_id, org_id, name, scopes, created_by, created_at, revoked_at`
	clientQuery       = `SELECT ` + clientColumns + `, secret_hash FROM api_clients WHERE client_id = ?`
	listClientsQuery  = `SELECT ` + clientColumns + ` FROM api_clients WHERE org_id = ? ORDER BY created_at, client_id`
	revokeClientQuery = `UPDATE api_clients SET revoked_at = ? WHERE client_id = ? AND revoked_at IS NULL`
	clientExistsQuery = `SELECT EXISTS (SELECT 1 FROM api_clients WHERE client_id = ?)`
)

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

	_, err = tx.ExecContext(ctx, insertClientQuery, c.ClientID, secretHash, c.OrgID, c.Name,
		strings.Join(c.Scopes, " "), c.CreatedBy, formatTime(c.CreatedAt))
	if err != nil {
		return fmt.Errorf("create client: %w", conflict(err, "The client exists already."))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("create client: %w", err)
	}
	return nil
}

// FindClient returns the client and its secret hash, or ENOTFOUND.
func (s *AuthStore) FindClient(ctx context.Context, clientID string) (*hirebase.APIClient, string, error) {
	var hash string
	c, err := scanClient(func(dest ...any) error {
		return s.db.read.QueryRowContext(ctx, clientQuery, clientID).Scan(append(dest, &hash)...)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", fmt.Errorf("find client: %w", hirebase.Errorf(hirebase.ENOTFOUND, "API client not found."))
	} else if err != nil {
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

	cs := []*hirebase.APIClient{}
	err = queryEach(ctx, tx, listClientsQuery, []any{orgID}, func(rows *sql.Rows) error {
		c, err := scanClient(rows.Scan)
		cs = append(cs, c)
		return err
	})
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

	res, err := tx.ExecContext(ctx, revokeClientQuery, formatTime(now), clientID)
	if err != nil {
		return fmt.Errorf("revoke client: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("revoke client: %w", err)
	} else if n == 0 {
		var exists bool
		if err := tx.QueryRowContext(ctx, clientExistsQuery, clientID).Scan(&exists); err != nil {
			return fmt.Errorf("revoke client: %w", err)
		}
		if !exists {
			return fmt.Errorf("revoke client: %w", hirebase.Errorf(hirebase.ENOTFOUND, "API client not found."))
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("revoke client: %w", err)
	}
	return nil
}

// scanClient reads the clientColumns through scan, which may add
// destinations of its own after them. It returns sql.ErrNoRows unchanged.
func scanClient(scan func(dest ...any) error) (*hirebase.APIClient, error) {
	var c hirebase.APIClient
	var scopes, createdAt string
	var revokedAt sql.NullString
	if err := scan(&c.ClientID, &c.OrgID, &c.Name, &scopes, &c.CreatedBy, &createdAt, &revokedAt); err != nil {
		return nil, err
	}
	c.Scopes = strings.Fields(scopes)
	var err error
	if c.CreatedAt, err = parseTime(createdAt); err != nil {
		return nil, err
	}
	if c.RevokedAt, err = parseNullTime(revokedAt); err != nil {
		return nil, err
	}
	return &c, nil
}
