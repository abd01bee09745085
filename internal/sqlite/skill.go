package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hirebase/hirebase/internal/hirebase"
)

const (
	listSkillsQuery = `SELECT id, slug, name, category FROM skills ORDER BY slug`

	// findSkillsQuery ranks each skill by its best term (slug, lower-cased
	// name or alias): 0 for an exact match, 1 for a prefix, 2 for a
	// substring; then by name.
	findSkillsQuery = `
SELECT s.id, s.slug, s.name, s.category
FROM skills s
JOIN (SELECT id AS skill_id, slug AS term FROM skills
      UNION ALL
      SELECT id, lower(name) FROM skills
      UNION ALL
      SELECT skill_id, alias_key FROM skill_aliases) t ON t.skill_id = s.id
WHERE instr(t.term, ?1) > 0
GROUP BY s.id, s.slug, s.name, s.category
ORDER BY min(CASE WHEN t.term = ?1 THEN 0 WHEN instr(t.term, ?1) = 1 THEN 1 ELSE 2 END), s.name, s.slug
LIMIT ?2`

	allSkillAliasesQuery = `SELECT skill_id, alias FROM skill_aliases ORDER BY skill_id, position`
	skillAliasesQuery    = `
SELECT skill_id, alias FROM skill_aliases
WHERE skill_id IN (SELECT value FROM json_each(?))
ORDER BY skill_id, position`

	skillStateQuery  = `SELECT id, name, category FROM skills WHERE slug = ?`
	insertSkillQuery = `
INSERT INTO skills (slug, name, category, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`
	updateSkillQuery        = `UPDATE skills SET name = ?, category = ?, updated_at = ? WHERE id = ?`
	deleteSkillAliasesQuery = `DELETE FROM skill_aliases WHERE skill_id = ?`
	insertSkillAliasQuery   = `
INSERT INTO skill_aliases (skill_id, position, alias, alias_key) VALUES (?, ?, ?, ?)`
	storedAliasesQuery = `SELECT alias FROM skill_aliases WHERE skill_id = ? ORDER BY position`
)

// FindSkills returns up to limit skills whose slug, name or alias contains q,
// case-insensitively: exact matches first, then prefixes, then the rest.
func (s *RoleStore) FindSkills(ctx context.Context, q string, limit int) ([]*hirebase.Skill, error) {
	q = strings.ToLower(strings.TrimSpace(q))
	if utf8.RuneCountInString(q) > hirebase.MaxQueryLen {
		return nil, fmt.Errorf("find skills: %w", hirebase.Invalid("q", fmt.Sprintf("must be at most %d characters", hirebase.MaxQueryLen)))
	}
	limit, err := pageLimit(limit)
	if err != nil {
		return nil, fmt.Errorf("find skills: %w", err)
	}
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find skills: %w", err)
	}
	defer tx.Rollback()

	ids, skills, err := querySkills(ctx, tx, findSkillsQuery, q, limit)
	if err != nil {
		return nil, fmt.Errorf("find skills: %w", err)
	}
	if len(ids) > 0 {
		b, err := json.Marshal(ids)
		if err != nil {
			return nil, fmt.Errorf("find skills: %w", err)
		}
		if err := loadAliases(ctx, tx, skillAliasesQuery, []any{string(b)}, ids, skills); err != nil {
			return nil, fmt.Errorf("find skills: %w", err)
		}
	}
	return skills, nil
}

// ListSkills returns every skill, ordered by slug.
func (s *RoleStore) ListSkills(ctx context.Context) ([]*hirebase.Skill, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("list skills: %w", err)
	}
	defer tx.Rollback()

	ids, skills, err := querySkills(ctx, tx, listSkillsQuery)
	if err != nil {
		return nil, fmt.Errorf("list skills: %w", err)
	}
	if err := loadAliases(ctx, tx, allSkillAliasesQuery, nil, ids, skills); err != nil {
		return nil, fmt.Errorf("list skills: %w", err)
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
func putSkillRow(ctx context.Context, tx *sql.Tx, sk *hirebase.Skill, now string) (int64, change, error) {
	var id int64
	var name, category string
	err := tx.QueryRowContext(ctx, skillStateQuery, sk.Slug).Scan(&id, &name, &category)
	if errors.Is(err, sql.ErrNoRows) {
		res, err := tx.ExecContext(ctx, insertSkillQuery, sk.Slug, sk.Name, sk.Category, now, now)
		if err != nil {
			return 0, 0, conflict(err, "Skill %q already exists.", sk.Slug)
		}
		id, err := res.LastInsertId()
		return id, created, err
	} else if err != nil {
		return 0, 0, err
	}

	aliases := []string{}
	err = queryEach(ctx, tx, storedAliasesQuery, []any{id}, func(rows *sql.Rows) error {
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
	if _, err := tx.ExecContext(ctx, updateSkillQuery, sk.Name, sk.Category, now, id); err != nil {
		return 0, 0, err
	}
	if _, err := tx.ExecContext(ctx, deleteSkillAliasesQuery, id); err != nil {
		return 0, 0, err
	}
	return id, updated, nil
}

// insertSkillAliases adds sk's aliases to the skill with id. An alias another
// skill already has is a conflict.
func insertSkillAliases(ctx context.Context, tx *sql.Tx, id int64, sk *hirebase.Skill) error {
	for i, a := range sk.Aliases {
		if _, err := tx.ExecContext(ctx, insertSkillAliasQuery, id, i, a, aliasKey(a)); err != nil {
			return conflict(err, "Alias %q of skill %q is already another skill's alias.", a, sk.Slug)
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
