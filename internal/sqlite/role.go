package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hirebase/hirebase/internal/hirebase"
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

// FindRoleBySlug returns the whole role or an ENOTFOUND error.
func (s *RoleStore) FindRoleBySlug(ctx context.Context, slug string) (*hirebase.Role, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find role: %w", err)
	}
	defer tx.Rollback()

	r, err := findRoleBySlug(ctx, tx, slug)
	if err != nil {
		return nil, fmt.Errorf("find role: %w", err)
	}
	return r, nil
}

// FindRoles returns a page of whole roles ordered by slug. The page costs one
// query for the roles and one per detail table, whatever its length.
func (s *RoleStore) FindRoles(ctx context.Context, f hirebase.RoleFilter) ([]*hirebase.Role, bool, error) {
	q, skill, limit, err := roleFilter(f)
	if err != nil {
		return nil, false, fmt.Errorf("find roles: %w", err)
	}
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("find roles: %w", err)
	}
	defer tx.Rollback()

	ids, roles, err := queryRoles(ctx, tx, findRolesQuery, f.After, q, skill, limit+1)
	if err != nil {
		return nil, false, fmt.Errorf("find roles: %w", err)
	}
	more := len(roles) > limit
	if more {
		ids, roles = ids[:limit], roles[:limit]
	}
	if err := loadRoleDetails(ctx, tx, ids, roles); err != nil {
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

	ids, roles, err := queryRoles(ctx, tx, listRolesQuery)
	if err != nil {
		return nil, fmt.Errorf("list roles: %w", err)
	}
	if err := loadRoleDetails(ctx, tx, ids, roles); err != nil {
		return nil, fmt.Errorf("list roles: %w", err)
	}
	return roles, nil
}

func findRoleBySlug(ctx context.Context, tx *sql.Tx, slug string) (*hirebase.Role, error) {
	var id int64
	r := newRole()
	err := tx.QueryRowContext(ctx, roleBySlugQuery, slug).Scan(&id, &r.Slug, &r.Name, &r.Summary)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, hirebase.Errorf(hirebase.ENOTFOUND, "Role %q not found.", slug)
	} else if err != nil {
		return nil, err
	}
	if err := loadRoleDetails(ctx, tx, []int64{id}, []*hirebase.Role{r}); err != nil {
		return nil, err
	}
	return r, nil
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

// roleFilter checks f and returns its free text and skill lower-cased and
// its page length.
func roleFilter(f hirebase.RoleFilter) (q, skill string, limit int, err error) {
	q = strings.ToLower(strings.TrimSpace(f.Q))
	skill = strings.ToLower(strings.TrimSpace(f.Skill))
	if utf8.RuneCountInString(q) > hirebase.MaxQueryLen {
		return "", "", 0, hirebase.Invalid("q", fmt.Sprintf("must be at most %d characters", hirebase.MaxQueryLen))
	}
	if utf8.RuneCountInString(skill) > hirebase.MaxQueryLen {
		return "", "", 0, hirebase.Invalid("skill", fmt.Sprintf("must be at most %d characters", hirebase.MaxQueryLen))
	}
	limit, err = pageLimit(f.Limit)
	return q, skill, limit, err
}

// pageLimit returns limit, or the default page length for zero.
func pageLimit(limit int) (int, error) {
	if limit == 0 {
		return hirebase.DefaultPageLen, nil
	}
	if limit < 0 || limit > hirebase.MaxPageLimit {
		return 0, hirebase.Invalid("limit", fmt.Sprintf("must be between 1 and %d", hirebase.MaxPageLimit))
	}
	return limit, nil
}

// queryEach runs query in tx and calls scan for every row, reading the rows
// to the end.
func queryEach(ctx context.Context, tx *sql.Tx, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
