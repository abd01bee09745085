package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// ClientQueries write and read API clients. ByID and List select client_id,
// org_id, name, scopes (space-separated), created_by, created_at and
// revoked_at; ByID adds secret_hash.
type ClientQueries struct {
	// Insert takes client_id, secret_hash, org_id, name, scopes,
	// created_by and created_at.
	Insert string
	ByID   string
	List   string // an organisation's clients, oldest first
	// Revoke takes the time and the client id, and keeps an earlier
	// revocation's time.
	Revoke string
	Exists string // whether a client id exists
}

// CreateClient stores c, which the caller has validated, with the hash of its
// secret.
func (a *Auth) CreateClient(ctx context.Context, tx *sql.Tx, c *hirebase.APIClient, secretHash string) error {
	_, err := tx.ExecContext(ctx, a.Clients.Insert, c.ClientID, secretHash, c.OrgID, c.Name,
		strings.Join(c.Scopes, " "), c.CreatedBy, a.Dialect.Time(c.CreatedAt))
	return a.Dialect.conflict(err, "The client exists already.")
}

// FindClient returns the client and its secret hash, or ENOTFOUND.
func (a *Auth) FindClient(ctx context.Context, q Querier, clientID string) (*hirebase.APIClient, string, error) {
	var hash string
	c, err := a.scanClient(func(dest ...any) error {
		return q.QueryRowContext(ctx, a.Clients.ByID, clientID).Scan(append(dest, &hash)...)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", hirebase.Errorf(hirebase.ENOTFOUND, "API client not found.")
	} else if err != nil {
		return nil, "", err
	}
	return c, hash, nil
}

// ListClients returns the organisation's clients, oldest first.
func (a *Auth) ListClients(ctx context.Context, q Querier, orgID string) ([]*hirebase.APIClient, error) {
	cs := []*hirebase.APIClient{}
	err := queryEach(ctx, q, a.Clients.List, []any{orgID}, func(rows *sql.Rows) error {
		c, err := a.scanClient(rows.Scan)
		cs = append(cs, c)
		return err
	})
	return cs, err
}

// RevokeClient marks the client revoked; revoking twice keeps the first time.
func (a *Auth) RevokeClient(ctx context.Context, tx *sql.Tx, clientID string, now time.Time) error {
	res, err := tx.ExecContext(ctx, a.Clients.Revoke, a.Dialect.Time(now), clientID)
	return revoked(ctx, tx, res, err, a.Clients.Exists, clientID, "API client not found.")
}

// scanClient reads a client's columns through scan, which may add
// destinations of its own after them. It returns sql.ErrNoRows unchanged.
func (a *Auth) scanClient(scan func(dest ...any) error) (*hirebase.APIClient, error) {
	var c hirebase.APIClient
	var scopes string
	d := &a.Dialect
	if err := scan(&c.ClientID, &c.OrgID, &c.Name, &scopes, &c.CreatedBy,
		d.scanTime(&c.CreatedAt), d.scanNullTime(&c.RevokedAt)); err != nil {
		return nil, err
	}
	c.Scopes = strings.Fields(scopes)
	return &c, nil
}
