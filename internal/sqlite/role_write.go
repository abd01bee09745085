package sqlite

import (
	"context"
	"fmt"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/sqlstore"
)

const (
	roleStateQuery  = `SELECT id, fingerprint FROM roles WHERE slug = ?`
	insertRoleQuery = `
INSERT INTO roles (slug, name, summary, fingerprint, created_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?5)`
	updateRoleQuery = `UPDATE roles SET name = ?, summary = ?, fingerprint = ?, updated_at = ? WHERE id = ?`
	deleteRoleQuery = `DELETE FROM roles WHERE id = ?`

	// staleRelatedQuery clears the fingerprint of every role that points to
	// the role about to go, so the next import rewrites them.
	staleRelatedQuery = `
UPDATE roles SET fingerprint = '', updated_at = ?
WHERE id IN (SELECT role_id FROM role_related WHERE related_id = ?)`

	roleIDQuery = `SELECT id FROM roles WHERE slug = ?`

	deleteLevelsQuery           = `DELETE FROM role_levels WHERE role_id = ?`
	deleteKeyFactorsQuery       = `DELETE FROM role_key_factors WHERE role_id = ?`
	deleteAlternativeNamesQuery = `DELETE FROM role_alternative_names WHERE role_id = ?`
	deleteRelatedQuery          = `DELETE FROM role_related WHERE role_id = ?`
	deleteOccupationsQuery      = `DELETE FROM role_occupations WHERE role_id = ?`
	deleteSkillTagsQuery        = `DELETE FROM role_skills WHERE role_id = ?`

	insertLevelQuery = `
INSERT INTO role_levels (role_id, key, position, experience, years_min, years_max,
	salary_min, salary_max, salary_currency, salary_period, salary_source, autonomy, ideal_for)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertLevelItemQuery = `
INSERT INTO role_level_items (role_id, level_key, kind, position, text) VALUES (?, ?, ?, ?, ?)`
	insertKeyFactorQuery = `
INSERT INTO role_key_factors (role_id, position, key, name) VALUES (?, ?, ?, ?)`
	insertAlternativeNameQuery = `
INSERT INTO role_alternative_names (role_id, position, name, lang) VALUES (?, ?, ?, ?)`
	insertRelatedQuery = `
INSERT INTO role_related (role_id, position, related_id, reason) VALUES (?, ?, ?, ?)`
	upsertOccupationQuery = `
INSERT INTO occupations (code, title) VALUES (?, ?)
ON CONFLICT (code) DO UPDATE SET title = excluded.title WHERE title <> excluded.title`
	insertRoleOccupationQuery = `
INSERT INTO role_occupations (role_id, position, code) VALUES (?, ?, ?)`
	insertSkillTagQuery = `
INSERT INTO role_skills (role_id, position, skill_id) VALUES (?, ?, ?)`
)

// roleWriteQueries are the role write queries for package sqlstore.
var roleWriteQueries = sqlstore.RoleWriteQueries{
	State:        roleStateQuery,
	ID:           roleIDQuery,
	Insert:       insertRoleQuery,
	Update:       updateRoleQuery,
	Delete:       deleteRoleQuery,
	StaleRelated: staleRelatedQuery,

	DeleteLevels:           deleteLevelsQuery,
	DeleteKeyFactors:       deleteKeyFactorsQuery,
	DeleteAlternativeNames: deleteAlternativeNamesQuery,
	DeleteRelated:          deleteRelatedQuery,
	DeleteOccupations:      deleteOccupationsQuery,
	DeleteSkillTags:        deleteSkillTagsQuery,

	InsertLevel:           insertLevelQuery,
	InsertLevelItem:       insertLevelItemQuery,
	InsertKeyFactor:       insertKeyFactorQuery,
	InsertAlternativeName: insertAlternativeNameQuery,
	InsertRelated:         insertRelatedQuery,
	UpsertOccupation:      upsertOccupationQuery,
	InsertOccupation:      insertRoleOccupationQuery,
	InsertSkillTag:        insertSkillTagQuery,
}

// PutRole creates or replaces the role with r's slug. Related roles and
// skill tags must exist. A role put with the content it already has is not
// rewritten and leaves the catalog revision alone.
func (s *RoleStore) PutRole(ctx context.Context, r *hirebase.Role) (bool, error) {
	created, err := s.putRole(ctx, r, false)
	if err != nil {
		return false, fmt.Errorf("put role: %w", err)
	}
	return created, nil
}

// CreateRole creates r, or answers ECONFLICT when a role has its slug. The
// check runs inside the write transaction, which holds the catalog's write
// lock, so of two concurrent creates of one slug exactly one succeeds.
func (s *RoleStore) CreateRole(ctx context.Context, r *hirebase.Role) error {
	if _, err := s.putRole(ctx, r, true); err != nil {
		return fmt.Errorf("create role: %w", err)
	}
	return nil
}

// putRole writes r in one transaction; createOnly refuses an existing slug.
func (s *RoleStore) putRole(ctx context.Context, r *hirebase.Role, createOnly bool) (bool, error) {
	if err := sqlstore.ValidateRole(r); err != nil {
		return false, err
	}
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	now := s.db.now()

	created, err := catalog.PutRole(ctx, tx, r, createOnly, now)
	if err != nil {
		return false, err
	}
	if err := tx.Commit(); err != nil {
		return false, err
	}
	return created, nil
}

// DeleteRole removes a role; the relations pointing to it go with it.
func (s *RoleStore) DeleteRole(ctx context.Context, slug string) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("delete role: %w", err)
	}
	defer tx.Rollback()
	now := s.db.now()

	if err := catalog.DeleteRole(ctx, tx, slug, now); err != nil {
		return fmt.Errorf("delete role: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("delete role: %w", err)
	}
	return nil
}
