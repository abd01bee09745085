package postgres_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"sync"
	"testing"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/postgres"
	"github.com/hirebase/hirebase/internal/postgres/pgtest"
	"github.com/hirebase/hirebase/internal/storetest"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// store is both stores on one database, as the suites want them.
type store struct {
	*postgres.RoleStore
	*postgres.CalibrationStore
}

// createDatabase creates a database for the package's tests, dropped when
// tb ends, or skips tb where no server is configured.
func createDatabase(tb testing.TB) string {
	tb.Helper()
	return pgtest.NewDatabase(tb)
}

// createSchema creates a randomly named schema in the database at dbURL and
// returns a URL whose connections use it, so tests sharing a database do not
// see each other's tables.
func createSchema(tb testing.TB, dbURL string) string {
	tb.Helper()
	name := "test_" + randomHex(tb)
	db, err := sql.Open("pgx", dbURL)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(context.Background(), "CREATE SCHEMA "+name); err != nil {
		tb.Fatalf("create test schema: %v", err)
	}
	u, err := url.Parse(dbURL)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

func randomHex(tb testing.TB) string {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		tb.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// open opens the database at dbURL, closed when tb ends.
func open(tb testing.TB, dbURL string) *postgres.DB {
	tb.Helper()
	db, err := postgres.Open(context.Background(), dbURL)
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

// TestPostgres runs every PostgreSQL test in one database created for the
// package; each subtest works in a schema of its own.
func TestPostgres(t *testing.T) {
	dbURL := createDatabase(t)
	openStore := func(t *testing.T) storetest.Store {
		db := open(t, createSchema(t, dbURL))
		return store{postgres.NewRoleStore(db), postgres.NewCalibrationStore(db)}
	}

	t.Run("RoleStore", func(t *testing.T) {
		t.Parallel()
		storetest.RoleStore(t, openStore)
	})
	t.Run("CalibrationStore", func(t *testing.T) {
		t.Parallel()
		storetest.CalibrationStore(t, openStore)
	})
	t.Run("ReplicasMigrateAtOnce", func(t *testing.T) {
		t.Parallel()
		testReplicasMigrateAtOnce(t, createSchema(t, dbURL))
	})
	t.Run("PoolSettings", func(t *testing.T) {
		t.Parallel()
		testPoolSettings(t, dbURL)
	})
}

// testReplicasMigrateAtOnce opens one empty schema from several replicas at
// once: all succeed and every migration is recorded once.
func testReplicasMigrateAtOnce(t *testing.T, schemaURL string) {
	const n = 6
	dbs := make([]*postgres.DB, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { dbs[i], errs[i] = postgres.Open(context.Background(), schemaURL) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("replica %d: %v", i, err)
		}
		t.Cleanup(func() { dbs[i].Close() })
	}

	db, err := sql.Open("pgx", schemaURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var count, max int
	if err := db.QueryRow(`SELECT count(*), max(version) FROM schema_migrations`).Scan(&count, &max); err != nil {
		t.Fatal(err)
	}
	if count != max || count < 2 {
		t.Errorf("schema_migrations has %d rows up to version %d", count, max)
	}

	// Each replica imports at once; the catalog lock serialises them.
	ctx := context.Background()
	results := make([]hirebase.ImportResult, n)
	for i := range n {
		wg.Go(func() { results[i], errs[i] = postgres.NewRoleStore(dbs[i]).ImportCatalog(ctx, storetest.Catalog()) })
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
}

func testPoolSettings(t *testing.T, dbURL string) {
	ctx := context.Background()
	u, err := url.Parse(createSchema(t, dbURL))
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("pool_max_conns", "2")
	q.Set("pool_max_conn_lifetime", "10m")
	q.Set("pool_max_conn_idle_time", "1m")
	u.RawQuery = q.Encode()
	db := open(t, u.String())
	if err := db.Ping(ctx); err != nil {
		t.Fatal(err)
	}

	q.Set("pool_max_conns", "many")
	u.RawQuery = q.Encode()
	if _, err := postgres.Open(ctx, u.String()); err == nil {
		t.Error("pool_max_conns=many: open succeeded, want an error")
	}
}

// BenchmarkFindRoleBySlug measures a whole-role read: one query for the role
// and one per detail table, in a read transaction.
func BenchmarkFindRoleBySlug(b *testing.B) {
	db := open(b, createDatabase(b))
	s := postgres.NewRoleStore(db)
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
	db := open(b, createDatabase(b))
	s := postgres.NewRoleStore(db)
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
