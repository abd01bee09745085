package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/hirebase/hirebase/internal/hirebase"
)

func testPagination(t *testing.T, s Store) {
	ctx := context.Background()
	c := Catalog()
	for i := range 20 {
		c.Roles = append(c.Roles, Role(fmt.Sprintf("role-%02d", i), fmt.Sprintf("Role %02d", i), 1000+i))
	}
	importCatalog(t, s, c)
	all, err := s.ListRoles(ctx)
	check(t, err)
	if len(all) != 23 {
		t.Fatalf("listed %d roles, want 23", len(all))
	}

	for _, limit := range []int{1, 5, 22, 23, 100} {
		var got []*hirebase.Role
		f := hirebase.RoleFilter{Limit: limit}
		for page := 0; ; page++ {
			roles, more, err := s.FindRoles(ctx, f)
			check(t, err)
			if len(roles) > limit {
				t.Fatalf("limit %d: page %d has %d roles", limit, page, len(roles))
			}
			got = append(got, roles...)
			if wantMore := len(got) < len(all); more != wantMore {
				t.Fatalf("limit %d: page %d more = %v, want %v", limit, page, more, wantMore)
			}
			if !more {
				break
			}
			f.After = roles[len(roles)-1].Slug
		}
		wantEqual(t, fmt.Sprintf("limit %d: slugs over every page", limit), slugs(got), slugs(all))
		wantEqual(t, fmt.Sprintf("limit %d: roles over every page", limit), got, all)
	}

	roles, more, err := s.FindRoles(ctx, hirebase.RoleFilter{After: "role-19"})
	check(t, err)
	if len(roles) != 0 || more {
		t.Errorf("after the last slug: %v, more %v; want none", slugs(roles), more)
	}
	if roles == nil {
		t.Error("an empty page is nil, want an empty slice")
	}
	_, _, err = s.FindRoles(ctx, hirebase.RoleFilter{Limit: hirebase.MaxPageLimit + 1})
	wantField(t, err, "limit")
}

func testFilters(t *testing.T, s Store) {
	importCatalog(t, s, Catalog())
	for _, tt := range []struct {
		name string
		f    hirebase.RoleFilter
		want []string
		more bool
	}{
		{"name", hirebase.RoleFilter{Q: "back-end"}, []string{"backend-developer"}, false},
		{"alternative name any case", hirebase.RoleFilter{Q: "DESARROLLADOR"}, []string{"backend-developer"}, false},
		{"spanish alternative name", hirebase.RoleFilter{Q: "ingeniero"}, []string{"data-engineer"}, false},
		{"summary", hirebase.RoleFilter{Q: "pipelines"}, []string{"data-engineer", "platform-engineer"}, false},
		{"no match", hirebase.RoleFilter{Q: "astronaut"}, []string{}, false},
		{"like wildcards are literal", hirebase.RoleFilter{Q: "%"}, []string{}, false},
		{"skill slug", hirebase.RoleFilter{Skill: "go"}, []string{"backend-developer", "platform-engineer"}, false},
		{"skill alias", hirebase.RoleFilter{Skill: "golang"}, []string{"backend-developer", "platform-engineer"}, false},
		{"skill alias any case", hirebase.RoleFilter{Skill: "K8S"}, []string{"platform-engineer"}, false},
		{"skill name", hirebase.RoleFilter{Skill: "PostgreSQL"}, []string{"backend-developer", "data-engineer"}, false},
		{"unknown skill", hirebase.RoleFilter{Skill: "cobol"}, []string{}, false},
		{"skill substring is no match", hirebase.RoleFilter{Skill: "gres"}, []string{}, false},
		{"text and skill", hirebase.RoleFilter{Q: "engineer", Skill: "python"}, []string{"data-engineer"}, false},
		{"text, page", hirebase.RoleFilter{Q: "engineer", Limit: 2}, []string{"backend-developer", "data-engineer"}, true},
		{"text, next page", hirebase.RoleFilter{Q: "engineer", Limit: 2, After: "data-engineer"}, []string{"platform-engineer"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			roles, more, err := s.FindRoles(context.Background(), tt.f)
			check(t, err)
			wantEqual(t, "slugs", slugs(roles), tt.want)
			if more != tt.more {
				t.Errorf("more = %v, want %v", more, tt.more)
			}
		})
	}
}

func testNotFound(t *testing.T, s Store) {
	ctx := context.Background()
	importCatalog(t, s, Catalog())

	_, err := s.FindRoleBySlug(ctx, "no-such-role")
	wantCode(t, err, hirebase.ENOTFOUND)
	if got, want := hirebase.ErrorMessage(err), `Role "no-such-role" not found.`; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
	wantCode(t, s.DeleteRole(ctx, "no-such-role"), hirebase.ENOTFOUND)
}

func testFindSkills(t *testing.T, s Store) {
	ctx := context.Background()
	importCatalog(t, s, Catalog())
	skillSlugs := func(q string, limit int) []string {
		t.Helper()
		skills, err := s.FindSkills(ctx, q, limit)
		check(t, err)
		out := []string{}
		for _, sk := range skills {
			out = append(out, sk.Slug)
		}
		return out
	}

	// Prefix matches come before substring matches, whatever the names.
	wantEqual(t, "sql", skillSlugs("sql", 10), []string{"sqlite", "postgresql"})
	wantEqual(t, "alias prefix, any case", skillSlugs("K8", 10), []string{"kubernetes"})
	wantEqual(t, "substring", skillSlugs("gres", 10), []string{"postgresql"})
	wantEqual(t, "no match", skillSlugs("cobol", 10), []string{})
	if got := skillSlugs("golang", 10); len(got) == 0 || got[0] != "go" {
		t.Errorf("golang: %v, want go first", got)
	}
	if got := skillSlugs("", 2); len(got) != 2 {
		t.Errorf("limit 2: %v", got)
	}

	skills, err := s.FindSkills(ctx, "postgres", 1)
	check(t, err)
	wantEqual(t, "found skill", skills, []*hirebase.Skill{Catalog().Skills[2]})
}
