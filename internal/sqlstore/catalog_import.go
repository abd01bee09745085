package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// ImportCatalog creates or replaces c's skills and roles, for a c that
// ValidateCatalog passed. Skills come first, so roles can be tagged with
// them; roles are written in two passes, rows then lists, so related roles in
// c may point to each other in any order. Roles whose content is unchanged
// are not rewritten, and the catalog revision moves only if something
// changed. The caller commits tx only if it returns no error, so that on any
// error nothing is written.
func (c *Catalog) ImportCatalog(ctx context.Context, tx *sql.Tx, cat *hirebase.Catalog, now time.Time) (hirebase.ImportResult, error) {
	var res hirebase.ImportResult

	type written[T any] struct {
		index int
		id    int64
		v     T
	}
	var skills []written[*hirebase.Skill]
	for i, sk := range cat.Skills {
		id, ch, err := c.putSkillRow(ctx, tx, sk, now)
		if err != nil {
			return res, err
		}
		count(ch, &res.SkillsCreated, &res.SkillsUpdated, &res.SkillsUnchanged)
		if ch != unchanged {
			skills = append(skills, written[*hirebase.Skill]{i, id, sk})
		}
	}
	for _, w := range skills {
		if err := c.insertSkillAliases(ctx, tx, w.id, w.v); err != nil {
			return res, err
		}
	}

	var roles []written[*hirebase.Role]
	for i, r := range cat.Roles {
		id, ch, err := c.putRoleRow(ctx, tx, r, now)
		if err != nil {
			return res, err
		}
		count(ch, &res.RolesCreated, &res.RolesUpdated, &res.RolesUnchanged)
		if ch != unchanged {
			roles = append(roles, written[*hirebase.Role]{i, id, r})
		}
	}
	for _, w := range roles {
		if err := c.putRoleDetails(ctx, tx, w.id, w.v, fmt.Sprintf("roles[%d].", w.index)); err != nil {
			return res, err
		}
	}

	if len(skills) > 0 || len(roles) > 0 {
		if err := c.bumpRevision(ctx, tx, now); err != nil {
			return res, err
		}
	}
	return res, nil
}

// count adds one to the counter for ch.
func count(ch change, nCreated, nUpdated, nUnchanged *int) {
	switch ch {
	case created:
		*nCreated++
	case updated:
		*nUpdated++
	default:
		*nUnchanged++
	}
}

// ValidateCatalog checks every skill and role of c before anything is
// written. Unlike Catalog.Validate it accepts skill tags and related roles
// that point outside c: the store checks those against what it holds. The
// engines call it before they begin a transaction for ImportCatalog.
func ValidateCatalog(c *hirebase.Catalog) error {
	if c == nil {
		return hirebase.Invalid("catalog", "is required")
	}
	if c.Version != hirebase.CatalogVersion {
		return hirebase.Invalid("version", fmt.Sprintf("must be %d", hirebase.CatalogVersion))
	}
	skills := map[string]bool{}
	for i, sk := range c.Skills {
		if err := validateSkill(sk); err != nil {
			return prefixFields(err, fmt.Sprintf("skills[%d].", i))
		}
		if skills[sk.Slug] {
			return hirebase.Invalid(fmt.Sprintf("skills[%d].slug", i), "duplicates "+sk.Slug)
		}
		skills[sk.Slug] = true
	}
	roles := map[string]bool{}
	for i, r := range c.Roles {
		if err := ValidateRole(r); err != nil {
			return prefixFields(err, fmt.Sprintf("roles[%d].", i))
		}
		if roles[r.Slug] {
			return hirebase.Invalid(fmt.Sprintf("roles[%d].slug", i), "duplicates "+r.Slug)
		}
		roles[r.Slug] = true
	}
	return nil
}
