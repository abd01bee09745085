package postgres

import "github.com/hirebase/hirebase/internal/sqlstore"

// The detail queries each load one list for a set of roles, given as an array
// of role ids, ordered so every list comes back in its stored order.
const (
	levelsQuery = `
SELECT role_id, key, experience, years_min, years_max,
       salary_min, salary_max, salary_currency, salary_period, salary_source,
       autonomy, ideal_for
FROM role_levels
WHERE role_id = ANY($1)
ORDER BY role_id, position`

	levelItemsQuery = `
SELECT role_id, level_key, kind, text
FROM role_level_items
WHERE role_id = ANY($1)
ORDER BY role_id, level_key, kind, position`

	keyFactorsQuery = `
SELECT role_id, key, name
FROM role_key_factors
WHERE role_id = ANY($1)
ORDER BY role_id, position`

	alternativeNamesQuery = `
SELECT role_id, name, lang
FROM role_alternative_names
WHERE role_id = ANY($1)
ORDER BY role_id, position`

	relatedQuery = `
SELECT rr.role_id, r.slug, r.name, rr.reason
FROM role_related rr
JOIN roles r ON r.id = rr.related_id
WHERE rr.role_id = ANY($1)
ORDER BY rr.role_id, rr.position`

	occupationsQuery = `
SELECT ro.role_id, o.code, o.title
FROM role_occupations ro
JOIN occupations o ON o.code = ro.code
WHERE ro.role_id = ANY($1)
ORDER BY ro.role_id, ro.position`

	skillTagsQuery = `
SELECT rs.role_id, s.slug, s.name
FROM role_skills rs
JOIN skills s ON s.id = rs.skill_id
WHERE rs.role_id = ANY($1)
ORDER BY rs.role_id, rs.position`
)

// roleDetailQueries are the detail queries for package sqlstore.
var roleDetailQueries = sqlstore.RoleDetailQueries{
	Levels:           levelsQuery,
	Items:            levelItemsQuery,
	KeyFactors:       keyFactorsQuery,
	AlternativeNames: alternativeNamesQuery,
	Related:          relatedQuery,
	Occupations:      occupationsQuery,
	SkillTags:        skillTagsQuery,
}
