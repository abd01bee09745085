package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/hirebase/hirebase/internal/hirebase"
)

const (
	insertOrgQuery = `INSERT INTO orgs (id, name, kind, created_at) VALUES ($1, $2, $3, $4)`
	orgByIDQuery   = `SELECT id, name, kind, created_at FROM orgs WHERE id = $1`
	agencyOrgQuery = `SELECT id, name, kind, created_at FROM orgs WHERE kind = 'agency'`
)

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

	if _, err := tx.ExecContext(ctx, insertOrgQuery, o.ID, o.Name, string(o.Kind), o.CreatedAt); err != nil {
		return fmt.Errorf("create org: %w", conflict(err, "The organisation exists already."))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("create org: %w", err)
	}
	return nil
}

// FindOrgByID returns the organisation or ENOTFOUND.
func (s *AuthStore) FindOrgByID(ctx context.Context, id string) (*hirebase.Org, error) {
	o, err := scanOrg(s.db.db.QueryRowContext(ctx, orgByIDQuery, id))
	if err != nil {
		return nil, fmt.Errorf("find org: %w", err)
	}
	return o, nil
}

// AgencyOrg returns the agency organisation or ENOTFOUND.
func (s *AuthStore) AgencyOrg(ctx context.Context) (*hirebase.Org, error) {
	o, err := scanOrg(s.db.db.QueryRowContext(ctx, agencyOrgQuery))
	if err != nil {
		return nil, fmt.Errorf("agency org: %w", err)
	}
	return o, nil
}

func scanOrg(row *sql.Row) (*hirebase.Org, error) {
	var o hirebase.Org
	var kind string
	err := row.Scan(&o.ID, &o.Name, &kind, &o.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, hirebase.Errorf(hirebase.ENOTFOUND, "Organisation not found.")
	} else if err != nil {
		return nil, err
	}
	o.Kind, o.CreatedAt = hirebase.OrgKind(kind), o.CreatedAt.UTC()
	return &o, nil
}
