package sqlite

import (
	"context"
	"fmt"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/sqlstore"
)

// RoleStore keeps the role catalog: roles, skills and the catalog revision.
type RoleStore struct {
	db *DB
}

var _ hirebase.RoleStore = (*RoleStore)(nil)

// NewRoleStore returns a role store on db.
func NewRoleStore(db *DB) *RoleStore {
	return &RoleStore{db: db}
}

const (
	roleBySlugQuery = `SELECT id, slug, name, summary FROM roles WHERE slug = ?`

	listRolesQuery = `SELECT id, slug, name, summary FROM roles ORDER BY slug`

	// findRolesQuery pages through roles by slug. ?2 is the lower-cased
	// free text, matched as a substring of the name, summary or an
	// alternative name; ?3 the lower-cased skill, matched against a tagged
	// skill's slug, name or alias. SQLite's lower() folds ASCII letters only.
	findRolesQuery = `
SELECT r.id, r.slug, r.name, r.summary
FROM roles r
WHERE r.slug > ?1
  AND (?2 = ''
       OR instr(lower(r.name), ?2) > 0
       OR instr(lower(r.summary), ?2) > 0
       OR EXISTS (SELECT 1 FROM role_alternative_names a
                  WHERE a.role_id = r.id AND instr(lower(a.name), ?2) > 0))
  AND (?3 = ''
       OR EXISTS (SELECT 1 FROM role_skills rs JOIN skills s ON s.id = rs.skill_id
                  WHERE rs.role_id = r.id
                    AND (s.slug = ?3 OR lower(s.name) = ?3
                         OR EXISTS (SELECT 1 FROM skill_aliases sa
                                    WHERE sa.skill_id = s.id AND sa.alias_key = ?3))))
ORDER BY r.slug
LIMIT ?4`
)

// catalog runs package sqlstore's catalog logic on this package's queries.
var catalog = &sqlstore.Catalog{
	Dialect: dialect,
	Roles: sqlstore.RoleQueries{
		BySlug: roleBySlugQuery,
		List:   listRolesQuery,
		Find:   findRolesQuery,
	},
	Details: roleDetailQueries,
	Writes:  roleWriteQueries,
	Skills:  skillQueries,
	Revision: sqlstore.RevisionQueries{
		Read: catalogRevisionQuery,
		Bump: bumpCatalogRevisionQuery,
	},
	Calibrations: calibrationQueries,
}

// FindRoleBySlug returns the whole role or an ENOTFOUND error.
func (s *RoleStore) FindRoleBySlug(ctx context.Context, slug string) (*hirebase.Role, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find role: %w", err)
	}
	defer tx.Rollback()

	r, err := catalog.FindRoleBySlug(ctx, tx, slug)
	if err != nil {
		return nil, fmt.Errorf("find role: %w", err)
	}
	return r, nil
}

// FindRoles returns a page of whole roles ordered by slug. The page costs one
// query for the roles and one per detail table, whatever its length.
func (s *RoleStore) FindRoles(ctx context.Context, f hirebase.RoleFilter) ([]*hirebase.Role, bool, error) {
	f, err := sqlstore.CheckRoleFilter(f)
	if err != nil {
		return nil, false, fmt.Errorf("find roles: %w", err)
	}
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("find roles: %w", err)
	}
	defer tx.Rollback()

	roles, more, err := catalog.FindRoles(ctx, tx, f)
	if err != nil {
		return nil, false, fmt.Errorf("find roles: %w", err)
	}
	return roles, more, nil
}

// ListRoles returns every role, whole, ordered by slug.
func (s *RoleStore) ListRoles(ctx context.Context) ([]*hirebase.Role, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("list roles: %w", err)
	}
	defer tx.Rollback()

	roles, err := catalog.ListRoles(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("list roles: %w", err)
	}
	return roles, nil
}
