package hirebase

import (
	"fmt"
	"strings"
)

// Skill is a normalised technology or competence, so "Golang" and "Go", or
// "k8s" and "Kubernetes", are one thing.
type Skill struct {
	Slug     string   `json:"slug"`
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases"`
	Category string   `json:"category"`
}

// Skill categories.
var SkillCategories = []string{"language", "framework", "database", "cloud", "tool", "practice", "platform", "design"}

// Validate checks a skill's fields.
func (s *Skill) Validate() error {
	var fs []FieldError
	if !ValidSlug(s.Slug) {
		fs = append(fs, FieldError{Field: "slug", Reason: "must be lowercase words joined by hyphens"})
	}
	if strings.TrimSpace(s.Name) == "" || len(s.Name) > MaxNameLen {
		fs = append(fs, FieldError{Field: "name", Reason: fmt.Sprintf("is required, at most %d characters", MaxNameLen)})
	}
	ok := false
	for _, c := range SkillCategories {
		ok = ok || c == s.Category
	}
	if !ok {
		fs = append(fs, FieldError{Field: "category", Reason: "must be one of " + strings.Join(SkillCategories, ", ")})
	}
	for i, a := range s.Aliases {
		if strings.TrimSpace(a) == "" || len(a) > MaxNameLen {
			fs = append(fs, FieldError{Field: fmt.Sprintf("aliases[%d]", i), Reason: "must be non-empty and short"})
		}
	}
	if len(fs) > 0 {
		return &Error{Code: EINVALID, Message: "The skill is invalid.", Fields: fs}
	}
	return nil
}

// Catalog is the whole importable catalog: the unit of `catalog import` and
// `catalog export`.
type Catalog struct {
	Version int      `json:"version"`
	Skills  []*Skill `json:"skills"`
	Roles   []*Role  `json:"roles"`
}

// CatalogVersion is the current catalog document format.
const CatalogVersion = 1

// Validate checks every skill and role, that slugs are unique, that each
// related role and skill tag points inside the catalog or to known slugs.
func (c *Catalog) Validate() error {
	if c.Version != CatalogVersion {
		return Invalid("version", fmt.Sprintf("must be %d", CatalogVersion))
	}
	skills := map[string]bool{}
	for i, s := range c.Skills {
		if err := s.Validate(); err != nil {
			return prefixFields(err, fmt.Sprintf("skills[%d].", i))
		}
		if skills[s.Slug] {
			return Invalid(fmt.Sprintf("skills[%d].slug", i), "duplicates "+s.Slug)
		}
		skills[s.Slug] = true
	}
	roles := map[string]bool{}
	for i, r := range c.Roles {
		if err := r.Validate(); err != nil {
			return prefixFields(err, fmt.Sprintf("roles[%d].", i))
		}
		if roles[r.Slug] {
			return Invalid(fmt.Sprintf("roles[%d].slug", i), "duplicates "+r.Slug)
		}
		roles[r.Slug] = true
	}
	for i, r := range c.Roles {
		for j, t := range r.SkillTags {
			if !skills[t.Slug] {
				return Invalid(fmt.Sprintf("roles[%d].skill_tags[%d]", i, j), "unknown skill "+t.Slug)
			}
		}
	}
	return nil
}

func prefixFields(err error, prefix string) error {
	e, ok := err.(*Error)
	if !ok {
		return err
	}
	out := &Error{Code: e.Code, Message: e.Message}
	for _, f := range e.Fields {
		out.Fields = append(out.Fields, FieldError{Field: prefix + f.Field, Reason: f.Reason})
	}
	return out
}
