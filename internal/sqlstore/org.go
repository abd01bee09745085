package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// OrgQueries write and read organisations. ByID and Agency select id, name,
// kind and created_at.
type OrgQueries struct {
	Insert string // id, name, kind, created_at
	ByID   string // the organisation with an id
	Agency string // the agency organisation
}

// CreateOrg stores o, which the caller has validated. A second agency
// organisation is ECONFLICT: the unique index settles two bootstraps racing.
func (a *Auth) CreateOrg(ctx context.Context, tx *sql.Tx, o *hirebase.Org) error {
	_, err := tx.ExecContext(ctx, a.Orgs.Insert, o.ID, o.Name, string(o.Kind), a.Dialect.Time(o.CreatedAt))
	return a.Dialect.conflict(err, "The organisation exists already.")
}

// FindOrgByID returns the organisation or ENOTFOUND.
func (a *Auth) FindOrgByID(ctx context.Context, q Querier, id string) (*hirebase.Org, error) {
	return a.scanOrg(q.QueryRowContext(ctx, a.Orgs.ByID, id))
}

// AgencyOrg returns the agency organisation or ENOTFOUND.
func (a *Auth) AgencyOrg(ctx context.Context, q Querier) (*hirebase.Org, error) {
	return a.scanOrg(q.QueryRowContext(ctx, a.Orgs.Agency))
}

func (a *Auth) scanOrg(row *sql.Row) (*hirebase.Org, error) {
	var o hirebase.Org
	var kind string
	err := row.Scan(&o.ID, &o.Name, &kind, a.Dialect.scanTime(&o.CreatedAt))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, hirebase.Errorf(hirebase.ENOTFOUND, "Organisation not found.")
	} else if err != nil {
		return nil, err
	}
	o.Kind = hirebase.OrgKind(kind)
	return &o, nil
}
