package sqlite

import (
	"context"
	"fmt"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/sqlstore"
)

const (
	insertOrgQuery = `INSERT INTO orgs (id, name, kind, created_at) VALUES (?, ?, ?, ?)`
	orgByIDQuery   = `SELECT id, name, kind, created_at FROM orgs WHERE id = ?`
	agencyOrgQuery = `SELECT id, name, kind, created_at FROM orgs WHERE kind = 'agency'`
)

// orgQueries are the organisation queries for package sqlstore.
var orgQueries = sqlstore.OrgQueries{
	Insert: insertOrgQuery,
	ByID:   orgByIDQuery,
	Agency: agencyOrgQuery,
}

// CreateOrg stores o. A second agency organisation is ECONFLICT: the unique
// index settles two bootstraps racing.
func (s *AuthStore) CreateOrg(ctx context.Context, o *hirebase.Org) error {
	if err := o.Validate(); err != nil {
		return fmt.Errorf("create org: %w", err)
	}
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("create org: %w", err)
	}
	defer tx.Rollback()

	if err := auth.CreateOrg(ctx, tx, o); err != nil {
		return fmt.Errorf("create org: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("create org: %w", err)
	}
	return nil
}

// FindOrgByID returns the organisation or ENOTFOUND.
func (s *AuthStore) FindOrgByID(ctx context.Context, id string) (*hirebase.Org, error) {
	o, err := auth.FindOrgByID(ctx, s.db.read, id)
	if err != nil {
		return nil, fmt.Errorf("find org: %w", err)
	}
	return o, nil
}

// AgencyOrg returns the agency organisation or ENOTFOUND.
func (s *AuthStore) AgencyOrg(ctx context.Context) (*hirebase.Org, error) {
	o, err := auth.AgencyOrg(ctx, s.db.read)
	if err != nil {
		return nil, fmt.Errorf("agency org: %w", err)
	}
	return o, nil
}
