package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// SkillQueries read and write skills and their aliases. Times are passed as
// Dialect.Time makes them.
type SkillQueries struct {
	// List and Find select id, slug, name and category. List takes no
	// argument and orders by slug; Find takes the lower-cased text and the
	// row limit, and ranks exact matches first, then prefixes, then the rest.
	List string
	Find string
	// AllAliases and Aliases select skill id and alias, ordered by skill
	// and position: AllAliases for every skill, Aliases for a set given as
	// the one argument Dialect.IDs makes.
	AllAliases string
	Aliases    string

	ID    string // id of the skill with a slug
	State string // id, name and category of the skill with a slug
	// Insert takes slug, name, category and the time, which is both
	// created_at and updated_at; Dialect.InsertID returns the new id.
	Insert        string
	Update        string // sets name, category and updated_at of the skill with an id
	StoredAliases string // aliases of the skill with an id, in order
	DeleteAliases string // every alias of the skill with an id
	InsertAlias   string // skill id, position, alias, alias key
}

// CheckSkillQuery returns q trimmed and lower-cased and limit defaulted, or
// an EINVALID error. The engines call it before they begin a transaction for
// FindSkills.
func CheckSkillQuery(q string, limit int) (string, int, error) {
	q = strings.ToLower(strings.TrimSpace(q))
	if utf8.RuneCountInString(q) > hirebase.MaxQueryLen {
		return "", 0, hirebase.Invalid("q", fmt.Sprintf("must be at most %d characters", hirebase.MaxQueryLen))
	}
	limit, err := pageLimit(limit)
	return q, limit, err
}

// FindSkills returns up to limit skills whose slug, name or alias contains q,
// for a q and limit CheckSkillQuery returned: exact matches first, then
// prefixes, then the rest.
func (c *Catalog) FindSkills(ctx context.Context, tx *sql.Tx, q string, limit int) ([]*hirebase.Skill, error) {
	ids, skills, err := querySkills(ctx, tx, c.Skills.Find, q, limit)
	if err != nil {
		return nil, err
	}
	if len(ids) > 0 {
		arg, err := c.Dialect.IDs(ids)
		if err != nil {
			return nil, err
		}
		if err := loadAliases(ctx, tx, c.Skills.Aliases, []any{arg}, ids, skills); err != nil {
			return nil, err
		}
	}
	return skills, nil
}

// ListSkills returns every skill, ordered by slug.
func (c *Catalog) ListSkills(ctx context.Context, tx *sql.Tx) ([]*hirebase.Skill, error) {
	ids, skills, err := querySkills(ctx, tx, c.Skills.List)
	if err != nil {
		return nil, err
	}
	if err := loadAliases(ctx, tx, c.Skills.AllAliases, nil, ids, skills); err != nil {
		return nil, err
	}
	return skills, nil
}

// querySkills runs a query selecting id, slug, name and category, and returns
// the ids and the skills, aliases still empty.
func querySkills(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]int64, []*hirebase.Skill, error) {
	ids, skills := []int64{}, []*hirebase.Skill{}
	err := queryEach(ctx, tx, query, args, func(rows *sql.Rows) error {
		var id int64
		sk := &hirebase.Skill{Aliases: []string{}}
		if err := rows.Scan(&id, &sk.Slug, &sk.Name, &sk.Category); err != nil {
			return err
		}
		ids, skills = append(ids, id), append(skills, sk)
		return nil
	})
	return ids, skills, err
}

// loadAliases runs a query selecting skill_id and alias, in order, and adds
// each alias to its skill, if among skills.
func loadAliases(ctx context.Context, tx *sql.Tx, query string, args []any, ids []int64, skills []*hirebase.Skill) error {
	byID := make(map[int64]*hirebase.Skill, len(ids))
	for i, id := range ids {
		byID[id] = skills[i]
	}
	return queryEach(ctx, tx, query, args, func(rows *sql.Rows) error {
		var id int64
		var alias string
		if err := rows.Scan(&id, &alias); err != nil {
			return err
		}
		if sk, ok := byID[id]; ok {
			sk.Aliases = append(sk.Aliases, alias)
		}
		return nil
	})
}

// putSkillRow creates or updates the skills row for sk, leaving it alone when
// nothing changed. A created or updated skill has no aliases afterwards:
// the caller inserts them once every skill row is written, so an alias can
// move from one skill to another in a single import.
func (c *Catalog) putSkillRow(ctx context.Context, tx *sql.Tx, sk *hirebase.Skill, now time.Time) (int64, change, error) {
	q := &c.Skills
	var id int64
	var name, category string
	err := tx.QueryRowContext(ctx, q.State, sk.Slug).Scan(&id, &name, &category)
	if errors.Is(err, sql.ErrNoRows) {
		id, err := c.Dialect.InsertID(ctx, tx, q.Insert, sk.Slug, sk.Name, sk.Category, c.Dialect.Time(now))
		if err != nil {
			return 0, 0, c.Dialect.conflict(err, "Skill %q already exists.", sk.Slug)
		}
		return id, created, nil
	} else if err != nil {
		return 0, 0, err
	}

	aliases := []string{}
	err = queryEach(ctx, tx, q.StoredAliases, []any{id}, func(rows *sql.Rows) error {
		var a string
		err := rows.Scan(&a)
		aliases = append(aliases, a)
		return err
	})
	if err != nil {
		return 0, 0, err
	}
	if name == sk.Name && category == sk.Category && slices.Equal(aliases, sk.Aliases) {
		return id, unchanged, nil
	}
	if _, err := tx.ExecContext(ctx, q.Update, sk.Name, sk.Category, c.Dialect.Time(now), id); err != nil {
		return 0, 0, err
	}
	if _, err := tx.ExecContext(ctx, q.DeleteAliases, id); err != nil {
		return 0, 0, err
	}
	return id, updated, nil
}

// insertSkillAliases adds sk's aliases to the skill with id. An alias another
// skill already has is a conflict.
func (c *Catalog) insertSkillAliases(ctx context.Context, tx *sql.Tx, id int64, sk *hirebase.Skill) error {
	for i, a := range sk.Aliases {
		if _, err := tx.ExecContext(ctx, c.Skills.InsertAlias, id, i, a, aliasKey(a)); err != nil {
			return c.Dialect.conflict(err, "Alias %q of skill %q is already another skill's alias.", a, sk.Slug)
		}
	}
	return nil
}

// aliasKey is the form aliases are unique and looked up in.
func aliasKey(alias string) string {
	return strings.ToLower(strings.TrimSpace(alias))
}

// validateSkill checks sk as the domain does, and that no alias repeats.
func validateSkill(sk *hirebase.Skill) error {
	if sk == nil {
		return hirebase.Invalid("skill", "is required")
	}
	if err := sk.Validate(); err != nil {
		return err
	}
	seen := map[string]bool{}
	for i, a := range sk.Aliases {
		if seen[aliasKey(a)] {
			return hirebase.Invalid(fmt.Sprintf("aliases[%d]", i), "is listed twice")
		}
		seen[aliasKey(a)] = true
	}
	return nil
}
