package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/hirebase/hirebase/internal/hirebase"
)

func testDeleteCascades(t *testing.T, s Store) {
	ctx := context.Background()
	importCatalog(t, s, Catalog())
	rev := revision(t, s)

	check(t, s.DeleteRole(ctx, "platform-engineer"))
	_, err := s.FindRoleBySlug(ctx, "platform-engineer")
	wantCode(t, err, hirebase.ENOTFOUND)
	backend := findRole(t, s, "backend-developer")
	if len(backend.Related) != 1 || backend.Related[0].Slug != "data-engineer" {
		t.Errorf("related after delete = %+v, want data-engineer only", backend.Related)
	}
	roles, more, err := s.FindRoles(ctx, hirebase.RoleFilter{Skill: "kubernetes"})
	check(t, err)
	if len(roles) != 0 || more {
		t.Errorf("roles tagged kubernetes after delete: %v", slugs(roles))
	}
	if got := revision(t, s); got <= rev {
		t.Errorf("revision = %d after delete, want above %d", got, rev)
	}

	// The role that lost a relation is rewritten by the next import.
	res := importCatalog(t, s, Catalog())
	wantEqual(t, "import after delete", res, hirebase.ImportResult{
		RolesCreated: 1, RolesUpdated: 1, RolesUnchanged: 1, SkillsUnchanged: 5,
	})
	wantEqual(t, "role after re-import", findRole(t, s, "backend-developer"), Catalog().Roles[0])
}

func testPutRole(t *testing.T, s Store) {
	ctx := context.Background()
	rev := revision(t, s)

	solo := Role("solo-role", "Solo Role", 1500)
	created, err := s.PutRole(ctx, solo)
	check(t, err)
	if !created {
		t.Error("first put: created = false")
	}
	wantEqual(t, "put role", findRole(t, s, "solo-role"), solo)
	rev1 := revision(t, s)
	if rev1 <= rev {
		t.Errorf("revision = %d after put, want above %d", rev1, rev)
	}

	created, err = s.PutRole(ctx, Role("solo-role", "Solo Role", 1500))
	check(t, err)
	if created || revision(t, s) != rev1 {
		t.Errorf("same put: created = %v, revision %d; want false, %d", created, revision(t, s), rev1)
	}

	changed := Role("solo-role", "Solo Role", 1500)
	changed.Summary = "Works alone."
	changed.AlternativeNames = []hirebase.AlternateName{{Name: "Lone Role", Lang: "en"}}
	created, err = s.PutRole(ctx, changed)
	check(t, err)
	if created || revision(t, s) <= rev1 {
		t.Errorf("changed put: created = %v, revision %d; want false, above %d", created, revision(t, s), rev1)
	}
	wantEqual(t, "replaced role", findRole(t, s, "solo-role"), changed)

	// Names of related roles come from the roles table, whatever was sent.
	duo := Role("duo-role", "Duo Role", 1600)
	duo.Related = []hirebase.RelatedRole{{Slug: "solo-role", Name: "Wrong name", Reason: "Pairs well."}}
	_, err = s.PutRole(ctx, duo)
	check(t, err)
	if got := findRole(t, s, "duo-role").Related; len(got) != 1 || got[0].Name != "Solo Role" {
		t.Errorf("related = %+v, want the name Solo Role", got)
	}

	bad := Role("bad-role", "Bad Role", 1000)
	bad.Levels = bad.Levels[:2]
	_, err = s.PutRole(ctx, bad)
	wantField(t, err, "levels")
	_, err = s.FindRoleBySlug(ctx, "bad-role")
	wantCode(t, err, hirebase.ENOTFOUND)

	twice := Role("twice-role", "Twice Role", 1000)
	twice.Related = []hirebase.RelatedRole{
		{Slug: "solo-role", Reason: "One."}, {Slug: "solo-role", Reason: "Two."},
	}
	_, err = s.PutRole(ctx, twice)
	wantField(t, err, "related[1].slug")
}

func testPutRoleUnknownRefs(t *testing.T, s Store) {
	ctx := context.Background()
	importCatalog(t, s, Catalog())
	rev := revision(t, s)

	r := Role("new-role", "New Role", 1000)
	r.Related = []hirebase.RelatedRole{{Slug: "ghost-role", Reason: "Boo."}}
	_, err := s.PutRole(ctx, r)
	wantField(t, err, "related[0].slug")

	r = Role("new-role", "New Role", 1000)
	r.SkillTags = []hirebase.SkillRef{{Slug: "go"}, {Slug: "cobol"}}
	_, err = s.PutRole(ctx, r)
	wantField(t, err, "skill_tags[1].slug")

	_, err = s.FindRoleBySlug(ctx, "new-role")
	wantCode(t, err, hirebase.ENOTFOUND)
	if got := revision(t, s); got != rev {
		t.Errorf("revision = %d after failed puts, want %d", got, rev)
	}
}

// testConcurrentReadsWrites reads whole roles, pages and the revision while
// another goroutine rewrites a role: no read fails, every read role is
// whole, and the revision never goes back.
func testConcurrentReadsWrites(t *testing.T, s Store) {
	ctx := context.Background()
	importCatalog(t, s, Catalog())

	const writes = 20
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(done)
		for i := range writes {
			r := Catalog().Roles[0]
			r.Summary = fmt.Sprintf("Rewritten %d times.", i+1)
			if _, err := s.PutRole(ctx, r); err != nil {
				t.Errorf("put role %d: %v", i, err)
				return
			}
		}
	}()
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var last int64
			for reads := 0; ; reads++ {
				select {
				case <-done:
					if reads > 0 {
						return
					}
				default:
				}
				rev, err := s.CatalogRevision(ctx)
				if err != nil {
					t.Errorf("revision: %v", err)
					return
				}
				if rev < last {
					t.Errorf("revision went back from %d to %d", last, rev)
				}
				last = rev
				r, err := s.FindRoleBySlug(ctx, "backend-developer")
				if err != nil {
					t.Errorf("find role: %v", err)
					return
				}
				if len(r.Levels) != 3 || len(r.Related) != 2 || len(r.Levels[2].Skills) != 3 {
					t.Errorf("read a partial role: %+v", r)
					return
				}
				roles, _, err := s.FindRoles(ctx, hirebase.RoleFilter{Q: "rewritten"})
				if err != nil {
					t.Errorf("find roles: %v", err)
					return
				}
				if len(roles) > 1 {
					t.Errorf("found %v", slugs(roles))
					return
				}
			}
		}()
	}
	wg.Wait()

	r := findRole(t, s, "backend-developer")
	if want := fmt.Sprintf("Rewritten %d times.", writes); r.Summary != want {
		t.Errorf("summary = %q, want %q", r.Summary, want)
	}
}

// testCreateRoleOnce checks that CreateRole refuses an existing slug and
// that of several concurrent creates of one slug exactly one succeeds.
func testCreateRoleOnce(t *testing.T, s Store) {
	ctx := context.Background()
	check(t, s.CreateRole(ctx, Role("first-role", "First Role", 1500)))
	wantCode(t, s.CreateRole(ctx, Role("first-role", "First Role Again", 1600)), hirebase.ECONFLICT)
	if got := findRole(t, s, "first-role"); got.Name != "First Role" {
		t.Errorf("a refused create replaced the role: name %q", got.Name)
	}

	const writers = 6
	errs := make(chan error, writers)
	var wg sync.WaitGroup
	for i := range writers {
		wg.Go(func() {
			errs <- s.CreateRole(ctx, Role("raced-role", fmt.Sprintf("Raced Role %d", i), 1500))
		})
	}
	wg.Wait()
	close(errs)
	won := 0
	for err := range errs {
		switch hirebase.ErrorCode(err) {
		case "":
			won++
		case hirebase.ECONFLICT:
		default:
			t.Errorf("concurrent create: %v", err)
		}
	}
	if won != 1 {
		t.Errorf("%d of %d concurrent creates of one slug succeeded, want exactly 1", won, writers)
	}
}
