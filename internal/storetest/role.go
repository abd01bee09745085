package storetest

import (
	"context"
	"testing"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// RoleStore tests the catalog half of a store: import, find, page, filter,
// put, delete and the catalog revision.
func RoleStore(t *testing.T, open Open) {
	run(t, open, map[string]func(*testing.T, Store){
		"ImportThenFind":        testImportThenFind,
		"ImportTwice":           testImportTwice,
		"ImportMovesAlias":      testImportMovesAlias,
		"ImportAliasConflict":   testImportAliasConflict,
		"ImportUnknownRelated":  testImportUnknownRelated,
		"Pagination":            testPagination,
		"Filters":               testFilters,
		"NotFound":              testNotFound,
		"DeleteCascades":        testDeleteCascades,
		"PutRole":               testPutRole,
		"PutRoleUnknownRefs":    testPutRoleUnknownRefs,
		"CreateRoleOnce":        testCreateRoleOnce,
		"FindSkills":            testFindSkills,
		"ConcurrentReadsWrites": testConcurrentReadsWrites,
	})
}

func importCatalog(t *testing.T, s Store, c *hirebase.Catalog) hirebase.ImportResult {
	t.Helper()
	res, err := s.ImportCatalog(context.Background(), c)
	if err != nil {
		t.Fatalf("import catalog: %v (%v)", err, hirebase.ErrorFields(err))
	}
	return res
}

func revision(t *testing.T, s Store) int64 {
	t.Helper()
	rev, err := s.CatalogRevision(context.Background())
	check(t, err)
	return rev
}

func findRole(t *testing.T, s Store, slug string) *hirebase.Role {
	t.Helper()
	r, err := s.FindRoleBySlug(context.Background(), slug)
	check(t, err)
	return r
}

func slugs(roles []*hirebase.Role) []string {
	out := []string{}
	for _, r := range roles {
		out = append(out, r.Slug)
	}
	return out
}

func testImportThenFind(t *testing.T, s Store) {
	ctx := context.Background()
	c := Catalog()
	rev := revision(t, s)
	res := importCatalog(t, s, c)
	wantEqual(t, "import result", res, hirebase.ImportResult{RolesCreated: 3, SkillsCreated: 5})
	if got := revision(t, s); got <= rev {
		t.Errorf("revision = %d after import, want above %d", got, rev)
	}

	for _, want := range c.Roles {
		wantEqual(t, "role "+want.Slug, findRole(t, s, want.Slug), want)
	}
	roles, err := s.ListRoles(ctx)
	check(t, err)
	wantEqual(t, "listed roles", roles, Catalog().Roles)

	skills, err := s.ListSkills(ctx)
	check(t, err)
	wantEqual(t, "listed skills", skills, Catalog().Skills)
}

func testImportTwice(t *testing.T, s Store) {
	importCatalog(t, s, Catalog())
	rev := revision(t, s)

	res := importCatalog(t, s, Catalog())
	wantEqual(t, "second import", res, hirebase.ImportResult{RolesUnchanged: 3, SkillsUnchanged: 5})
	if got := revision(t, s); got != rev {
		t.Errorf("revision = %d after an unchanged import, want %d", got, rev)
	}

	// Names of related roles and skills are derived: leaving them out is
	// no change either.
	c := Catalog()
	for _, r := range c.Roles {
		for i := range r.Related {
			r.Related[i].Name = ""
		}
		for i := range r.SkillTags {
			r.SkillTags[i].Name = ""
		}
	}
	res = importCatalog(t, s, c)
	wantEqual(t, "import without names", res, hirebase.ImportResult{RolesUnchanged: 3, SkillsUnchanged: 5})

	c = Catalog()
	c.Roles[1].Summary = "Builds pipelines, differently."
	c.Skills[0].Aliases = append(c.Skills[0].Aliases, "go-lang")
	res = importCatalog(t, s, c)
	wantEqual(t, "changed import", res, hirebase.ImportResult{
		RolesUpdated: 1, RolesUnchanged: 2, SkillsUpdated: 1, SkillsUnchanged: 4,
	})
	if got := revision(t, s); got <= rev {
		t.Errorf("revision = %d after a changing import, want above %d", got, rev)
	}
	wantEqual(t, "updated role", findRole(t, s, "data-engineer"), c.Roles[1])
	skills, err := s.ListSkills(context.Background())
	check(t, err)
	wantEqual(t, "updated skills", skills, c.Skills)
}

func testImportMovesAlias(t *testing.T, s Store) {
	importCatalog(t, s, Catalog())
	c := Catalog()
	c.Skills[0].Aliases = []string{}                            // go gives up "Golang"
	c.Skills[3].Aliases = append(c.Skills[3].Aliases, "golang") // python takes it
	res := importCatalog(t, s, c)
	if res.SkillsUpdated != 2 {
		t.Errorf("skills updated = %d, want 2", res.SkillsUpdated)
	}
	roles, _, err := s.FindRoles(context.Background(), hirebase.RoleFilter{Skill: "golang"})
	check(t, err)
	wantEqual(t, "roles tagged golang", slugs(roles), []string{"data-engineer"})
}

func testImportAliasConflict(t *testing.T, s Store) {
	ctx := context.Background()
	importCatalog(t, s, Catalog())
	rev := revision(t, s)

	c := &hirebase.Catalog{Version: hirebase.CatalogVersion, Skills: []*hirebase.Skill{
		{Slug: "go-tools", Name: "Go tools", Aliases: []string{"GOLANG"}, Category: "tool"},
	}}
	_, err := s.ImportCatalog(ctx, c)
	wantCode(t, err, hirebase.ECONFLICT)

	skills, err := s.ListSkills(ctx)
	check(t, err)
	if len(skills) != 5 {
		t.Errorf("%d skills after a failed import, want 5", len(skills))
	}
	if got := revision(t, s); got != rev {
		t.Errorf("revision = %d after a failed import, want %d", got, rev)
	}
}

func testImportUnknownRelated(t *testing.T, s Store) {
	ctx := context.Background()
	rev := revision(t, s)

	c := Catalog()
	c.Roles[1].Related = append(c.Roles[1].Related, hirebase.RelatedRole{Slug: "ghost-role", Reason: "Boo."})
	_, err := s.ImportCatalog(ctx, c)
	wantField(t, err, "roles[1].related[1].slug")

	roles, err := s.ListRoles(ctx)
	check(t, err)
	skills, err := s.ListSkills(ctx)
	check(t, err)
	if len(roles) != 0 || len(skills) != 0 {
		t.Errorf("%d roles and %d skills after a failed import, want none", len(roles), len(skills))
	}
	if got := revision(t, s); got != rev {
		t.Errorf("revision = %d after a failed import, want %d", got, rev)
	}

	// The same on a full store: the valid change beside the bad one is
	// not written either.
	importCatalog(t, s, Catalog())
	rev = revision(t, s)
	c = Catalog()
	c.Roles[0].Summary = "Changed."
	c.Roles[2].SkillTags = append(c.Roles[2].SkillTags, hirebase.SkillRef{Slug: "cobol"})
	_, err = s.ImportCatalog(ctx, c)
	wantField(t, err, "roles[2].skill_tags[2].slug")
	wantEqual(t, "role after failed import", findRole(t, s, "backend-developer"), Catalog().Roles[0])
	if got := revision(t, s); got != rev {
		t.Errorf("revision = %d after a failed import, want %d", got, rev)
	}
}
