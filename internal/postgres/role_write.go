package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

const (
	roleStateQuery  = `SELECT id, fingerprint FROM roles WHERE slug = $1`
	insertRoleQuery = `
INSERT INTO roles (slug, name, summary, fingerprint, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $5)
RETURNING id`
	updateRoleQuery = `UPDATE roles SET name = $1, summary = $2, fingerprint = $3, updated_at = $4 WHERE id = $5`
	deleteRoleQuery = `DELETE FROM roles WHERE id = $1`

	// staleRelatedQuery clears the fingerprint of every role that points to
	// the role about to go, so the next import rewrites them.
	staleRelatedQuery = `
UPDATE roles SET fingerprint = '', updated_at = $1
WHERE id IN (SELECT role_id FROM role_related WHERE related_id = $2)`

	roleIDQuery  = `SELECT id FROM roles WHERE slug = $1`
	skillIDQuery = `SELECT id FROM skills WHERE slug = $1`

	deleteLevelsQuery           = `DELETE FROM role_levels WHERE role_id = $1`
	deleteKeyFactorsQuery       = `DELETE FROM role_key_factors WHERE role_id = $1`
	deleteAlternativeNamesQuery = `DELETE FROM role_alternative_names WHERE role_id = $1`
	deleteRelatedQuery          = `DELETE FROM role_related WHERE role_id = $1`
	deleteOccupationsQuery      = `DELETE FROM role_occupations WHERE role_id = $1`
	deleteSkillTagsQuery        = `DELETE FROM role_skills WHERE role_id = $1`

	insertLevelQuery = `
INSERT INTO role_levels (role_id, key, position, experience, years_min, years_max,
	salary_min, salary_max, salary_currency, salary_period, salary_source, autonomy, ideal_for)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`
	insertLevelItemQuery = `
INSERT INTO role_level_items (role_id, level_key, kind, position, text) VALUES ($1, $2, $3, $4, $5)`
	insertKeyFactorQuery = `
INSERT INTO role_key_factors (role_id, position, key, name) VALUES ($1, $2, $3, $4)`
	insertAlternativeNameQuery = `
INSERT INTO role_alternative_names (role_id, position, name, lang) VALUES ($1, $2, $3, $4)`
	insertRelatedQuery = `
INSERT INTO role_related (role_id, position, related_id, reason) VALUES ($1, $2, $3, $4)`
	upsertOccupationQuery = `
INSERT INTO occupations (code, title) VALUES ($1, $2)
ON CONFLICT (code) DO UPDATE SET title = EXCLUDED.title WHERE occupations.title <> EXCLUDED.title`
	insertRoleOccupationQuery = `
INSERT INTO role_occupations (role_id, position, code) VALUES ($1, $2, $3)`
	insertSkillTagQuery = `
INSERT INTO role_skills (role_id, position, skill_id) VALUES ($1, $2, $3)`
)

// Kinds of level items.
const (
	itemResponsibility = "responsibility"
	itemSkill          = "skill"
)

// change says what a write did to one row.
type change int

const (
	unchanged change = iota
	created
	updated
)

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
	if err := validateRole(r); err != nil {
		return false, err
	}
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	now := s.db.now()

	if err := lockCatalog(ctx, tx); err != nil {
		return false, err
	}
	if createOnly {
		var existing int64
		err := tx.QueryRowContext(ctx, roleIDQuery, r.Slug).Scan(&existing)
		if err == nil {
			return false, hirebase.Errorf(hirebase.ECONFLICT, "Role %q exists.", r.Slug)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return false, err
		}
	}
	id, ch, err := putRoleRow(ctx, tx, r, now)
	if err != nil {
		return false, err
	}
	if ch != unchanged {
		if err := putRoleDetails(ctx, tx, id, r, ""); err != nil {
			return false, err
		}
		if err := bumpCatalogRevision(ctx, tx, now); err != nil {
			return false, err
		}
	}
	if err := tx.Commit(); err != nil {
		return false, err
	}
	return ch == created, nil
}

// DeleteRole removes a role; the relations pointing to it go with it.
func (s *RoleStore) DeleteRole(ctx context.Context, slug string) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("delete role: %w", err)
	}
	defer tx.Rollback()
	now := s.db.now()

	if err := lockCatalog(ctx, tx); err != nil {
		return fmt.Errorf("delete role: %w", err)
	}
	if err := deleteRole(ctx, tx, slug, now); err != nil {
		return fmt.Errorf("delete role: %w", err)
	}
	if err := bumpCatalogRevision(ctx, tx, now); err != nil {
		return fmt.Errorf("delete role: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("delete role: %w", err)
	}
	return nil
}

func deleteRole(ctx context.Context, tx *sql.Tx, slug string, now time.Time) error {
	var id int64
	err := tx.QueryRowContext(ctx, roleIDQuery, slug).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return hirebase.Errorf(hirebase.ENOTFOUND, "Role %q not found.", slug)
	} else if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, staleRelatedQuery, now, id); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, deleteRoleQuery, id)
	return err
}

// putRoleRow creates or updates the roles row for r, leaving it alone when
// the stored fingerprint matches, and returns its id and what it did.
func putRoleRow(ctx context.Context, tx *sql.Tx, r *hirebase.Role, now time.Time) (int64, change, error) {
	fp := contentFingerprint(r)
	var id int64
	var stored string
	err := tx.QueryRowContext(ctx, roleStateQuery, r.Slug).Scan(&id, &stored)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if err := tx.QueryRowContext(ctx, insertRoleQuery, r.Slug, r.Name, r.Summary, fp, now).Scan(&id); err != nil {
			return 0, 0, conflict(err, "Role %q already exists.", r.Slug)
		}
		return id, created, nil
	case err != nil:
		return 0, 0, err
	case stored == fp:
		return id, unchanged, nil
	}
	if _, err := tx.ExecContext(ctx, updateRoleQuery, r.Name, r.Summary, fp, now, id); err != nil {
		return 0, 0, err
	}
	return id, updated, nil
}

// putRoleDetails replaces every list of the role with id by r's. Field names
// in errors start with prefix.
func putRoleDetails(ctx context.Context, tx *sql.Tx, id int64, r *hirebase.Role, prefix string) error {
	for _, q := range []string{
		deleteLevelsQuery, deleteKeyFactorsQuery, deleteAlternativeNamesQuery,
		deleteRelatedQuery, deleteOccupationsQuery, deleteSkillTagsQuery,
	} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return err
		}
	}

	for i, l := range r.Levels {
		var yearsMax sql.NullInt64
		if l.Years.Max != nil {
			yearsMax = sql.NullInt64{Int64: int64(*l.Years.Max), Valid: true}
		}
		if _, err := tx.ExecContext(ctx, insertLevelQuery, id, l.Key, i, l.Experience, l.Years.Min, yearsMax,
			l.Salary.Min, l.Salary.Max, l.Salary.Currency, l.Salary.Period, l.Salary.Source,
			l.Autonomy, l.IdealFor); err != nil {
			return err
		}
		for j, text := range l.Responsibilities {
			if _, err := tx.ExecContext(ctx, insertLevelItemQuery, id, l.Key, itemResponsibility, j, text); err != nil {
				return err
			}
		}
		for j, text := range l.Skills {
			if _, err := tx.ExecContext(ctx, insertLevelItemQuery, id, l.Key, itemSkill, j, text); err != nil {
				return err
			}
		}
	}

	for i, f := range r.KeyFactors {
		if _, err := tx.ExecContext(ctx, insertKeyFactorQuery, id, i, f.Key, f.Name); err != nil {
			return err
		}
	}

	for i, a := range r.AlternativeNames {
		if _, err := tx.ExecContext(ctx, insertAlternativeNameQuery, id, i, a.Name, a.Lang); err != nil {
			return err
		}
	}

	for i, rel := range r.Related {
		var relatedID int64
		err := tx.QueryRowContext(ctx, roleIDQuery, rel.Slug).Scan(&relatedID)
		if errors.Is(err, sql.ErrNoRows) {
			return hirebase.Invalid(fmt.Sprintf("%srelated[%d].slug", prefix, i), fmt.Sprintf("no role %q", rel.Slug))
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, insertRelatedQuery, id, i, relatedID, rel.Reason); err != nil {
			return err
		}
	}

	for i, o := range r.Occupations {
		if _, err := tx.ExecContext(ctx, upsertOccupationQuery, o.Code, o.Title); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, insertRoleOccupationQuery, id, i, o.Code); err != nil {
			return err
		}
	}

	for i, t := range r.SkillTags {
		var skillID int64
		err := tx.QueryRowContext(ctx, skillIDQuery, t.Slug).Scan(&skillID)
		if errors.Is(err, sql.ErrNoRows) {
			return hirebase.Invalid(fmt.Sprintf("%sskill_tags[%d].slug", prefix, i), fmt.Sprintf("no skill %q", t.Slug))
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, insertSkillTagQuery, id, i, skillID); err != nil {
			return err
		}
	}
	return nil
}

// validateRole checks r as the domain does, and that its related roles, skill
// tags and occupations are each listed once, which the schema requires.
func validateRole(r *hirebase.Role) error {
	if r == nil {
		return hirebase.Invalid("role", "is required")
	}
	if err := r.Validate(); err != nil {
		return err
	}
	related := map[string]bool{}
	for i, rel := range r.Related {
		if related[rel.Slug] {
			return hirebase.Invalid(fmt.Sprintf("related[%d].slug", i), "is listed twice")
		}
		related[rel.Slug] = true
	}
	tags := map[string]bool{}
	for i, t := range r.SkillTags {
		if tags[t.Slug] {
			return hirebase.Invalid(fmt.Sprintf("skill_tags[%d].slug", i), "is listed twice")
		}
		tags[t.Slug] = true
	}
	codes := map[string]bool{}
	for i, o := range r.Occupations {
		if o.Code == "" || o.Title == "" {
			return hirebase.Invalid(fmt.Sprintf("occupations[%d]", i), "needs a code and a title")
		}
		if codes[o.Code] {
			return hirebase.Invalid(fmt.Sprintf("occupations[%d].code", i), "is listed twice")
		}
		codes[o.Code] = true
	}
	return nil
}

// contentFingerprint is r's Fingerprint over what the store keeps: without
// the related-role and skill names, which are joined on read, and with empty
// lists spelled one way. The same content gives the same value whoever sends
// it, with or without names filled in.
func contentFingerprint(r *hirebase.Role) string {
	c := *r
	c.Levels = make([]hirebase.Level, len(r.Levels))
	for i, l := range r.Levels {
		l.Responsibilities = orEmpty(l.Responsibilities)
		l.Skills = orEmpty(l.Skills)
		c.Levels[i] = l
	}
	c.KeyFactors = orEmpty(r.KeyFactors)
	c.AlternativeNames = orEmpty(r.AlternativeNames)
	c.Occupations = orEmpty(r.Occupations)
	c.Related = make([]hirebase.RelatedRole, len(r.Related))
	for i, rel := range r.Related {
		c.Related[i] = hirebase.RelatedRole{Slug: rel.Slug, Reason: rel.Reason}
	}
	c.SkillTags = make([]hirebase.SkillRef, len(r.SkillTags))
	for i, t := range r.SkillTags {
		c.SkillTags[i] = hirebase.SkillRef{Slug: t.Slug}
	}
	return c.Fingerprint()
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
