package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// RoleWriteQueries write roles and their detail lists. Times are passed as
// Dialect.Time makes them.
type RoleWriteQueries struct {
	State string // id and fingerprint of the role with a slug
	ID    string // id of the role with a slug
	// Insert takes slug, name, summary, fingerprint and the time, which is
	// both created_at and updated_at; Dialect.InsertID returns the new id.
	Insert string
	Update string // sets name, summary, fingerprint and updated_at of the role with an id
	Delete string // the role with an id
	// StaleRelated clears the fingerprint of every role that points to the
	// role about to go, so the next import rewrites them; it takes the time
	// and that role's id.
	StaleRelated string

	// Each Delete query takes the role id and empties one detail list.
	DeleteLevels           string
	DeleteKeyFactors       string
	DeleteAlternativeNames string
	DeleteRelated          string
	DeleteOccupations      string
	DeleteSkillTags        string

	// InsertLevel takes role id, key, position, experience, years_min,
	// years_max, salary_min, salary_max, salary_currency, salary_period,
	// salary_source, autonomy and ideal_for.
	InsertLevel           string
	InsertLevelItem       string // role id, level key, kind, position, text
	InsertKeyFactor       string // role id, position, key, name
	InsertAlternativeName string // role id, position, name, lang
	InsertRelated         string // role id, position, related role id, reason
	UpsertOccupation      string // code and title, updating the title if it changed
	InsertOccupation      string // role id, position, code
	InsertSkillTag        string // role id, position, skill id
}

// change says what a write did to one row.
type change int

const (
	unchanged change = iota
	created
	updated
)

// PutRole creates or replaces the role with r's slug, which ValidateRole has
// passed, and reports whether it created it; createOnly refuses an existing
// slug with ECONFLICT. Related roles and skill tags must exist. A role put
// with the content it already has is not rewritten and leaves the catalog
// revision alone.
func (c *Catalog) PutRole(ctx context.Context, tx *sql.Tx, r *hirebase.Role, createOnly bool, now time.Time) (bool, error) {
	if createOnly {
		var existing int64
		err := tx.QueryRowContext(ctx, c.Writes.ID, r.Slug).Scan(&existing)
		if err == nil {
			return false, hirebase.Errorf(hirebase.ECONFLICT, "Role %q exists.", r.Slug)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return false, err
		}
	}
	id, ch, err := c.putRoleRow(ctx, tx, r, now)
	if err != nil {
		return false, err
	}
	if ch != unchanged {
		if err := c.putRoleDetails(ctx, tx, id, r, ""); err != nil {
			return false, err
		}
		if err := c.bumpRevision(ctx, tx, now); err != nil {
			return false, err
		}
	}
	return ch == created, nil
}

// DeleteRole removes a role and moves the catalog revision; the relations
// pointing to it go with it.
func (c *Catalog) DeleteRole(ctx context.Context, tx *sql.Tx, slug string, now time.Time) error {
	var id int64
	err := tx.QueryRowContext(ctx, c.Writes.ID, slug).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return hirebase.Errorf(hirebase.ENOTFOUND, "Role %q not found.", slug)
	} else if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, c.Writes.StaleRelated, c.Dialect.Time(now), id); err != nil {
		return err
	}
	if _, err = tx.ExecContext(ctx, c.Writes.Delete, id); err != nil {
		return err
	}
	return c.bumpRevision(ctx, tx, now)
}

// bumpRevision records, inside the transaction that made it, that the catalog
// changed.
func (c *Catalog) bumpRevision(ctx context.Context, tx *sql.Tx, now time.Time) error {
	_, err := tx.ExecContext(ctx, c.Revision.Bump, c.Dialect.Time(now))
	return err
}

// putRoleRow creates or updates the roles row for r, leaving it alone when
// the stored fingerprint matches, and returns its id and what it did.
func (c *Catalog) putRoleRow(ctx context.Context, tx *sql.Tx, r *hirebase.Role, now time.Time) (int64, change, error) {
	fp := contentFingerprint(r)
	var id int64
	var stored string
	err := tx.QueryRowContext(ctx, c.Writes.State, r.Slug).Scan(&id, &stored)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		id, err := c.Dialect.InsertID(ctx, tx, c.Writes.Insert, r.Slug, r.Name, r.Summary, fp, c.Dialect.Time(now))
		if err != nil {
			return 0, 0, c.Dialect.conflict(err, "Role %q already exists.", r.Slug)
		}
		return id, created, nil
	case err != nil:
		return 0, 0, err
	case stored == fp:
		return id, unchanged, nil
	}
	if _, err := tx.ExecContext(ctx, c.Writes.Update, r.Name, r.Summary, fp, c.Dialect.Time(now), id); err != nil {
		return 0, 0, err
	}
	return id, updated, nil
}

// putRoleDetails replaces every list of the role with id by r's. Field names
// in errors start with prefix.
func (c *Catalog) putRoleDetails(ctx context.Context, tx *sql.Tx, id int64, r *hirebase.Role, prefix string) error {
	q := &c.Writes
	for _, del := range []string{
		q.DeleteLevels, q.DeleteKeyFactors, q.DeleteAlternativeNames,
		q.DeleteRelated, q.DeleteOccupations, q.DeleteSkillTags,
	} {
		if _, err := tx.ExecContext(ctx, del, id); err != nil {
			return err
		}
	}

	for i, l := range r.Levels {
		var yearsMax sql.NullInt64
		if l.Years.Max != nil {
			yearsMax = sql.NullInt64{Int64: int64(*l.Years.Max), Valid: true}
		}
		if _, err := tx.ExecContext(ctx, q.InsertLevel, id, l.Key, i, l.Experience, l.Years.Min, yearsMax,
			l.Salary.Min, l.Salary.Max, l.Salary.Currency, l.Salary.Period, l.Salary.Source,
			l.Autonomy, l.IdealFor); err != nil {
			return err
		}
		for j, text := range l.Responsibilities {
			if _, err := tx.ExecContext(ctx, q.InsertLevelItem, id, l.Key, itemResponsibility, j, text); err != nil {
				return err
			}
		}
		for j, text := range l.Skills {
			if _, err := tx.ExecContext(ctx, q.InsertLevelItem, id, l.Key, itemSkill, j, text); err != nil {
				return err
			}
		}
	}

	for i, f := range r.KeyFactors {
		if _, err := tx.ExecContext(ctx, q.InsertKeyFactor, id, i, f.Key, f.Name); err != nil {
			return err
		}
	}

	for i, a := range r.AlternativeNames {
		if _, err := tx.ExecContext(ctx, q.InsertAlternativeName, id, i, a.Name, a.Lang); err != nil {
			return err
		}
	}

	for i, rel := range r.Related {
		var relatedID int64
		err := tx.QueryRowContext(ctx, q.ID, rel.Slug).Scan(&relatedID)
		if errors.Is(err, sql.ErrNoRows) {
			return hirebase.Invalid(fmt.Sprintf("%srelated[%d].slug", prefix, i), fmt.Sprintf("no role %q", rel.Slug))
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, q.InsertRelated, id, i, relatedID, rel.Reason); err != nil {
			return err
		}
	}

	for i, o := range r.Occupations {
		if _, err := tx.ExecContext(ctx, q.UpsertOccupation, o.Code, o.Title); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, q.InsertOccupation, id, i, o.Code); err != nil {
			return err
		}
	}

	for i, t := range r.SkillTags {
		var skillID int64
		err := tx.QueryRowContext(ctx, c.Skills.ID, t.Slug).Scan(&skillID)
		if errors.Is(err, sql.ErrNoRows) {
			return hirebase.Invalid(fmt.Sprintf("%sskill_tags[%d].slug", prefix, i), fmt.Sprintf("no skill %q", t.Slug))
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, q.InsertSkillTag, id, i, skillID); err != nil {
			return err
		}
	}
	return nil
}

// ValidateRole checks r as the domain does, and that its related roles, skill
// tags and occupations are each listed once, which the schema requires. The
// engines call it before they begin a transaction for PutRole.
func ValidateRole(r *hirebase.Role) error {
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
