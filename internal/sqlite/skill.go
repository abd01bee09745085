package sqlite

import (
	"context"
	"fmt"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/sqlstore"
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

	skillIDQuery     = `SELECT id FROM skills WHERE slug = ?`
	skillStateQuery  = `SELECT id, name, category FROM skills WHERE slug = ?`
	insertSkillQuery = `
INSERT INTO skills (slug, name, category, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)`
	updateSkillQuery        = `UPDATE skills SET name = ?, category = ?, updated_at = ? WHERE id = ?`
	deleteSkillAliasesQuery = `DELETE FROM skill_aliases WHERE skill_id = ?`
	insertSkillAliasQuery   = `
INSERT INTO skill_aliases (skill_id, position, alias, alias_key) VALUES (?, ?, ?, ?)`
	storedAliasesQuery = `SELECT alias FROM skill_aliases WHERE skill_id = ? ORDER BY position`
)

// skillQueries are the skill queries for package sqlstore.
var skillQueries = sqlstore.SkillQueries{
	List:          listSkillsQuery,
	Find:          findSkillsQuery,
	AllAliases:    allSkillAliasesQuery,
	Aliases:       skillAliasesQuery,
	ID:            skillIDQuery,
	State:         skillStateQuery,
	Insert:        insertSkillQuery,
	Update:        updateSkillQuery,
	StoredAliases: storedAliasesQuery,
	DeleteAliases: deleteSkillAliasesQuery,
	InsertAlias:   insertSkillAliasQuery,
}

// FindSkills returns up to limit skills whose slug, name or alias contains q,
// case-insensitively: exact matches first, then prefixes, then the rest.
func (s *RoleStore) FindSkills(ctx context.Context, q string, limit int) ([]*hirebase.Skill, error) {
	q, limit, err := sqlstore.CheckSkillQuery(q, limit)
	if err != nil {
		return nil, fmt.Errorf("find skills: %w", err)
	}
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find skills: %w", err)
	}
	defer tx.Rollback()

	skills, err := catalog.FindSkills(ctx, tx, q, limit)
	if err != nil {
		return nil, fmt.Errorf("find skills: %w", err)
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

	skills, err := catalog.ListSkills(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("list skills: %w", err)
	}
	return skills, nil
}
