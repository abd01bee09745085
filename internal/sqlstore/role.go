package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// Catalog is the role catalog's Go logic over one engine's queries: roles,
// their detail lists, skills and the catalog revision. Its methods run in the
// transaction they are given, or for a read of one statement on the
// Querier; the engine begins the transaction, takes whatever lock its writes
// need, and commits it.
type Catalog struct {
	Dialect  Dialect
	Roles    RoleQueries
	Details  RoleDetailQueries
	Writes   RoleWriteQueries
	Skills   SkillQueries
	Revision RevisionQueries
	// Calibrations are here because putting one moves the catalog
	// revision.
	Calibrations CalibrationQueries
}

// RoleQueries select the id, slug, name and summary of roles.
type RoleQueries struct {
	BySlug string // the role with a slug
	List   string // every role, ordered by slug
	// Find pages by slug. Its arguments are the slug to start after, the
	// lower-cased free text and skill ("" for any), and the row limit.
	Find string
}

// RevisionQueries read and move the catalog revision.
type RevisionQueries struct {
	Read string // the revision
	Bump string // adds one; takes the time
}

// FindRoleBySlug returns the whole role or an ENOTFOUND error.
func (c *Catalog) FindRoleBySlug(ctx context.Context, tx *sql.Tx, slug string) (*hirebase.Role, error) {
	var id int64
	r := newRole()
	err := tx.QueryRowContext(ctx, c.Roles.BySlug, slug).Scan(&id, &r.Slug, &r.Name, &r.Summary)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, hirebase.Errorf(hirebase.ENOTFOUND, "Role %q not found.", slug)
	} else if err != nil {
		return nil, err
	}
	if err := c.loadRoleDetails(ctx, tx, []int64{id}, []*hirebase.Role{r}); err != nil {
		return nil, err
	}
	return r, nil
}

// CheckRoleFilter returns f with its free text and skill trimmed and
// lower-cased and its limit defaulted, or an EINVALID error. The engines call
// it before they begin a transaction for FindRoles.
func CheckRoleFilter(f hirebase.RoleFilter) (hirebase.RoleFilter, error) {
	f.Q = strings.ToLower(strings.TrimSpace(f.Q))
	f.Skill = strings.ToLower(strings.TrimSpace(f.Skill))
	if utf8.RuneCountInString(f.Q) > hirebase.MaxQueryLen {
		return hirebase.RoleFilter{}, hirebase.Invalid("q", fmt.Sprintf("must be at most %d characters", hirebase.MaxQueryLen))
	}
	if utf8.RuneCountInString(f.Skill) > hirebase.MaxQueryLen {
		return hirebase.RoleFilter{}, hirebase.Invalid("skill", fmt.Sprintf("must be at most %d characters", hirebase.MaxQueryLen))
	}
	var err error
	f.Limit, err = pageLimit(f.Limit)
	return f, err
}

// FindRoles returns a page of whole roles ordered by slug, and whether more
// follow, for a filter CheckRoleFilter returned. The page costs one query for
// the roles and one per detail table, whatever its length.
func (c *Catalog) FindRoles(ctx context.Context, tx *sql.Tx, f hirebase.RoleFilter) ([]*hirebase.Role, bool, error) {
	ids, roles, err := queryRoles(ctx, tx, c.Roles.Find, f.After, f.Q, f.Skill, f.Limit+1)
	if err != nil {
		return nil, false, err
	}
	more := len(roles) > f.Limit
	if more {
		ids, roles = ids[:f.Limit], roles[:f.Limit]
	}
	if err := c.loadRoleDetails(ctx, tx, ids, roles); err != nil {
		return nil, false, err
	}
	return roles, more, nil
}

// ListRoles returns every role, whole, ordered by slug.
func (c *Catalog) ListRoles(ctx context.Context, tx *sql.Tx) ([]*hirebase.Role, error) {
	ids, roles, err := queryRoles(ctx, tx, c.Roles.List)
	if err != nil {
		return nil, err
	}
	if err := c.loadRoleDetails(ctx, tx, ids, roles); err != nil {
		return nil, err
	}
	return roles, nil
}

// queryRoles runs a query selecting id, slug, name and summary, and returns
// the ids and the roles, details still empty, in the query's order.
func queryRoles(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]int64, []*hirebase.Role, error) {
	ids, roles := []int64{}, []*hirebase.Role{}
	err := queryEach(ctx, tx, query, args, func(rows *sql.Rows) error {
		var id int64
		r := newRole()
		if err := rows.Scan(&id, &r.Slug, &r.Name, &r.Summary); err != nil {
			return err
		}
		ids, roles = append(ids, id), append(roles, r)
		return nil
	})
	return ids, roles, err
}

// newRole returns a role whose lists are empty rather than nil, so a role
// without alternative names encodes them as [].
func newRole() *hirebase.Role {
	return &hirebase.Role{
		Levels:           []hirebase.Level{},
		KeyFactors:       []hirebase.KeyFactor{},
		AlternativeNames: []hirebase.AlternateName{},
		Related:          []hirebase.RelatedRole{},
		Occupations:      []hirebase.OccupationCode{},
		SkillTags:        []hirebase.SkillRef{},
	}
}

// CatalogRevision returns the number every catalog change increments.
func (c *Catalog) CatalogRevision(ctx context.Context, q Querier) (int64, error) {
	var rev int64
	err := q.QueryRowContext(ctx, c.Revision.Read).Scan(&rev)
	return rev, err
}
