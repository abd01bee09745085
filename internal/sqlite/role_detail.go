package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// The detail queries each load one list for a set of roles, given as a JSON
// array of role ids, ordered so every list comes back in its stored order.
const (
	levelsQuery = `
SELECT role_id, key, experience, years_min, years_max,
       salary_min, salary_max, salary_currency, salary_period, salary_source,
       autonomy, ideal_for
FROM role_levels
WHERE role_id IN (SELECT value FROM json_each(?))
ORDER BY role_id, position`

	levelItemsQuery = `
SELECT role_id, level_key, kind, text
FROM role_level_items
WHERE role_id IN (SELECT value FROM json_each(?))
ORDER BY role_id, level_key, kind, position`

	keyFactorsQuery = `
SELECT role_id, key, name
FROM role_key_factors
WHERE role_id IN (SELECT value FROM json_each(?))
ORDER BY role_id, position`

	alternativeNamesQuery = `
SELECT role_id, name, lang
FROM role_alternative_names
WHERE role_id IN (SELECT value FROM json_each(?))
ORDER BY role_id, position`

	relatedQuery = `
SELECT rr.role_id, r.slug, r.name, rr.reason
FROM role_related rr
JOIN roles r ON r.id = rr.related_id
WHERE rr.role_id IN (SELECT value FROM json_each(?))
ORDER BY rr.role_id, rr.position`

	occupationsQuery = `
SELECT ro.role_id, o.code, o.title
FROM role_occupations ro
JOIN occupations o ON o.code = ro.code
WHERE ro.role_id IN (SELECT value FROM json_each(?))
ORDER BY ro.role_id, ro.position`

	skillTagsQuery = `
SELECT rs.role_id, s.slug, s.name
FROM role_skills rs
JOIN skills s ON s.id = rs.skill_id
WHERE rs.role_id IN (SELECT value FROM json_each(?))
ORDER BY rs.role_id, rs.position`
)

// Kinds of level items.
const (
	itemResponsibility = "responsibility"
	itemSkill          = "skill"
)

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

// loadRoleDetails fills in the lists of roles, whose ids are ids, with one
// query per detail table.
func loadRoleDetails(ctx context.Context, tx *sql.Tx, ids []int64, roles []*hirebase.Role) error {
	if len(ids) == 0 {
		return nil
	}
	byID := make(map[int64]*hirebase.Role, len(ids))
	for i, id := range ids {
		byID[id] = roles[i]
	}
	b, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	args := []any{string(b)}
	each := func(query string, scan func(*sql.Rows) error) error {
		return queryEach(ctx, tx, query, args, scan)
	}

	err = each(levelsQuery, func(rows *sql.Rows) error {
		var id int64
		var yearsMax sql.NullInt64
		l := hirebase.Level{Responsibilities: []string{}, Skills: []string{}}
		if err := rows.Scan(&id, &l.Key, &l.Experience, &l.Years.Min, &yearsMax,
			&l.Salary.Min, &l.Salary.Max, &l.Salary.Currency, &l.Salary.Period, &l.Salary.Source,
			&l.Autonomy, &l.IdealFor); err != nil {
			return err
		}
		if yearsMax.Valid {
			v := int(yearsMax.Int64)
			l.Years.Max = &v
		}
		r := byID[id]
		r.Levels = append(r.Levels, l)
		return nil
	})
	if err != nil {
		return err
	}

	err = each(levelItemsQuery, func(rows *sql.Rows) error {
		var id int64
		var key hirebase.LevelKey
		var kind, text string
		if err := rows.Scan(&id, &key, &kind, &text); err != nil {
			return err
		}
		l := byID[id].Level(key)
		if l == nil {
			return nil // unreachable: items reference their level
		}
		if kind == itemResponsibility {
			l.Responsibilities = append(l.Responsibilities, text)
		} else {
			l.Skills = append(l.Skills, text)
		}
		return nil
	})
	if err != nil {
		return err
	}

	err = each(keyFactorsQuery, func(rows *sql.Rows) error {
		var id int64
		var f hirebase.KeyFactor
		if err := rows.Scan(&id, &f.Key, &f.Name); err != nil {
			return err
		}
		r := byID[id]
		r.KeyFactors = append(r.KeyFactors, f)
		return nil
	})
	if err != nil {
		return err
	}

	err = each(alternativeNamesQuery, func(rows *sql.Rows) error {
		var id int64
		var a hirebase.AlternateName
		if err := rows.Scan(&id, &a.Name, &a.Lang); err != nil {
			return err
		}
		r := byID[id]
		r.AlternativeNames = append(r.AlternativeNames, a)
		return nil
	})
	if err != nil {
		return err
	}

	err = each(relatedQuery, func(rows *sql.Rows) error {
		var id int64
		var rel hirebase.RelatedRole
		if err := rows.Scan(&id, &rel.Slug, &rel.Name, &rel.Reason); err != nil {
			return err
		}
		r := byID[id]
		r.Related = append(r.Related, rel)
		return nil
	})
	if err != nil {
		return err
	}

	err = each(occupationsQuery, func(rows *sql.Rows) error {
		var id int64
		var o hirebase.OccupationCode
		if err := rows.Scan(&id, &o.Code, &o.Title); err != nil {
			return err
		}
		r := byID[id]
		r.Occupations = append(r.Occupations, o)
		return nil
	})
	if err != nil {
		return err
	}

	return each(skillTagsQuery, func(rows *sql.Rows) error {
		var id int64
		var t hirebase.SkillRef
		if err := rows.Scan(&id, &t.Slug, &t.Name); err != nil {
			return err
		}
		r := byID[id]
		r.SkillTags = append(r.SkillTags, t)
		return nil
	})
}
