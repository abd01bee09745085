package http_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/hirebase/hirebase/internal/catalog"
	"github.com/hirebase/hirebase/internal/catalogcache"
	"github.com/hirebase/hirebase/internal/hirebase"
	hbhttp "github.com/hirebase/hirebase/internal/http"
	"github.com/hirebase/hirebase/internal/postgres"
	"github.com/hirebase/hirebase/internal/sqlite"
	"github.com/hirebase/hirebase/internal/postgres/pgtest"
)

// engine names a store the HTTP tests run against.
type engine struct {
	name string
	open func(t *testing.T) (hbhttp.RoleFinder, catalogcache.Store, hirebase.RoleStore, func(context.Context) error)
}

// engines returns SQLite always and PostgreSQL where a test database URL is
// configured, so the same scenarios run over both.
func engines(t *testing.T) []engine {
	t.Helper()
	es := []engine{{"sqlite", func(t *testing.T) (hbhttp.RoleFinder, catalogcache.Store, hirebase.RoleStore, func(context.Context) error) {
		db, err := sqlite.Open(context.Background(), t.TempDir()+"/test.db")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		s := sqlite.NewRoleStore(db)
		return s, s, s, db.Ping
	}}}
	if os.Getenv("HIREBASE_TEST_POSTGRES_URL") != "" {
		es = append(es, engine{"postgres", func(t *testing.T) (hbhttp.RoleFinder, catalogcache.Store, hirebase.RoleStore, func(context.Context) error) {
			url := pgtest.NewDatabase(t)
			db, err := postgres.Open(context.Background(), url)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			s := postgres.NewRoleStore(db)
			return s, s, s, db.Ping
		}})
	} else {
		t.Log("HIREBASE_TEST_POSTGRES_URL unset: HTTP scenarios run on SQLite only")
	}
	return es
}

// newServer returns a server over a freshly seeded store of the given engine.
func newServer(t *testing.T, e engine) *hbhttp.Server {
	t.Helper()
	finder, cacheStore, store, ping := e.open(t)
	cal, err := catalog.DefaultCalibration()
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Default(cal)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.ImportCatalog(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	cache := catalogcache.New(cacheStore, 0, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := cache.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	return hbhttp.NewServer(hbhttp.Config{}, hbhttp.Deps{Roles: finder, Catalog: cache, Ready: ping},
		slog.New(slog.NewTextHandler(io.Discard, nil)))
}

// sqliteServer is a server on SQLite for tests that need only one engine.
func sqliteServer(t *testing.T) *hbhttp.Server {
	t.Helper()
	return newServer(t, engines(t)[0])
}

func do(t *testing.T, h http.Handler, method, target string, header map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
