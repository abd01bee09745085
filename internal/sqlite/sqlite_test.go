package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/sqlite"
	"github.com/hirebase/hirebase/internal/storetest"
)

// store is both stores on one database, as the suites want them.
type store struct {
	*sqlite.RoleStore
	*sqlite.CalibrationStore
}

// open opens a fresh database in a temporary directory of tb's, closed when
// tb ends.
func open(tb testing.TB) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "hirebase.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Error(err)
		}
	})
	return db
}

func openStore(t *testing.T) storetest.Store {
	db := open(t)
	return store{sqlite.NewRoleStore(db), sqlite.NewCalibrationStore(db)}
}

func TestRoleStore(t *testing.T) {
	t.Parallel()
	storetest.RoleStore(t, openStore)
}

func TestCalibrationStore(t *testing.T) {
	t.Parallel()
	storetest.CalibrationStore(t, openStore)
}

// TestOpenTwice opens one file from several handles at once, as a CLI
// sub-command does beside the running server: every open succeeds, the
// migrations run once, and a write through one handle is seen by the others.
func TestOpenTwice(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "hirebase.db")

	const n = 4
	dbs := make([]*sqlite.DB, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { dbs[i], errs[i] = sqlite.Open(ctx, path) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		t.Cleanup(func() { dbs[i].Close() })
	}

	// Each handle imports at once; SQLite serialises them.
	results := make([]hirebase.ImportResult, n)
	for i := range n {
		wg.Go(func() { results[i], errs[i] = sqlite.NewRoleStore(dbs[i]).ImportCatalog(ctx, storetest.Catalog()) })
	}
	wg.Wait()
	createdBy := 0
	for i, err := range errs {
		if err != nil {
			t.Fatalf("import %d: %v", i, err)
		}
		if results[i].RolesCreated > 0 {
			createdBy++
		}
	}
	if createdBy != 1 {
		t.Errorf("%d imports created roles, want 1: %+v", createdBy, results)
	}
	for i, db := range dbs {
		check(t, db.Ping(ctx))
		if _, err := sqlite.NewRoleStore(db).FindRoleBySlug(ctx, "data-engineer"); err != nil {
			t.Errorf("handle %d: %v", i, err)
		}
	}
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Errorf("no WAL file beside the database: %v", err)
	}
}

func check(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefusesMemory(t *testing.T) {
	t.Parallel()
	if _, err := sqlite.Open(context.Background(), ":memory:"); err == nil {
		t.Fatal("open :memory: succeeded, want an error")
	}
}

// BenchmarkFindRoleBySlug measures a whole-role read: one query for the role
// and one per detail table, in a read transaction.
func BenchmarkFindRoleBySlug(b *testing.B) {
	db := open(b)
	s := sqlite.NewRoleStore(db)
	ctx := context.Background()
	if _, err := s.ImportCatalog(ctx, storetest.Catalog()); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.FindRoleBySlug(ctx, "backend-developer"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFindRoles measures a page of 20 whole roles out of 100.
func BenchmarkFindRoles(b *testing.B) {
	db := open(b)
	s := sqlite.NewRoleStore(db)
	ctx := context.Background()
	c := storetest.Catalog()
	for i := range 97 {
		c.Roles = append(c.Roles, storetest.Role(fmt.Sprintf("role-%02d", i), fmt.Sprintf("Role %02d", i), 1000))
	}
	if _, err := s.ImportCatalog(ctx, c); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		roles, _, err := s.FindRoles(ctx, hirebase.RoleFilter{After: "role-10", Limit: 20})
		if err != nil || len(roles) != 20 {
			b.Fatal(len(roles), err)
		}
	}
}

// BenchmarkPutRole measures rewriting one role, and reports the WAL size
// after the run: it must stay bounded, showing checkpoints keep up.
func BenchmarkPutRole(b *testing.B) {
	dir := b.TempDir()
	db, err := sqlite.Open(context.Background(), filepath.Join(dir, "hirebase.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	s := sqlite.NewRoleStore(db)
	ctx := context.Background()
	if _, err := s.ImportCatalog(ctx, storetest.Catalog()); err != nil {
		b.Fatal(err)
	}
	r := storetest.Catalog().Roles[0]
	i := 0
	for b.Loop() {
		i++
		r.Summary = fmt.Sprintf("Rewritten %d times.", i)
		if _, err := s.PutRole(ctx, r); err != nil {
			b.Fatal(err)
		}
	}
	if fi, err := os.Stat(filepath.Join(dir, "hirebase.db-wal")); err == nil {
		b.ReportMetric(float64(fi.Size())/1024, "wal-KiB")
	}
}
