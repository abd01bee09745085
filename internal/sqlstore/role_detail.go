package sqlstore

import (
	"context"
	"database/sql"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// RoleDetailQueries each load one list for a set of roles, given as the one
// argument Dialect.IDs makes, ordered by role and then so every list comes
// back in its stored order. Each selects the role id first.
type RoleDetailQueries struct {
	// Levels selects key, experience, years_min, years_max (NULL for open),
	// salary_min, salary_max, salary_currency, salary_period, salary_source,
	// autonomy and ideal_for.
	Levels string
	// Items selects the level key, the kind (responsibility or skill) and
	// the text.
	Items            string
	KeyFactors       string // key and name
	AlternativeNames string // name and lang
	Related          string // the related role's slug and name, and the reason
	Occupations      string // code and title
	SkillTags        string // the skill's slug and name
}

// Kinds of level items.
const (
	itemResponsibility = "responsibility"
	itemSkill          = "skill"
)

// loadRoleDetails fills in the lists of roles, whose ids are ids, with one
// query per detail table.
func (c *Catalog) loadRoleDetails(ctx context.Context, tx *sql.Tx, ids []int64, roles []*hirebase.Role) error {
	if len(ids) == 0 {
		return nil
	}
	byID := make(map[int64]*hirebase.Role, len(ids))
	for i, id := range ids {
		byID[id] = roles[i]
	}
	arg, err := c.Dialect.IDs(ids)
	if err != nil {
		return err
	}
	args := []any{arg}
	each := func(query string, scan func(*sql.Rows) error) error {
		return queryEach(ctx, tx, query, args, scan)
	}
	q := &c.Details

	err = each(q.Levels, func(rows *sql.Rows) error {
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

	err = each(q.Items, func(rows *sql.Rows) error {
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

	err = each(q.KeyFactors, func(rows *sql.Rows) error {
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

	err = each(q.AlternativeNames, func(rows *sql.Rows) error {
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

	err = each(q.Related, func(rows *sql.Rows) error {
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

	err = each(q.Occupations, func(rows *sql.Rows) error {
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

	return each(q.SkillTags, func(rows *sql.Rows) error {
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
