package http_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"strings"
	"testing"

	"github.com/hirebase/hirebase/internal/catalog"
	"github.com/hirebase/hirebase/internal/catalogcache"
	"github.com/hirebase/hirebase/internal/hirebase"
	hbhttp "github.com/hirebase/hirebase/internal/http"
	"github.com/hirebase/hirebase/internal/postgres"
	"github.com/hirebase/hirebase/internal/postgres/pgtest"
	"github.com/hirebase/hirebase/internal/sqlite"
)

// engine names a store the HTTP tests run against.
type engine struct {
	name string
	open func(t testing.TB) (testStore, func(context.Context) error)
}

// testStore is one engine's stores together.
type testStore struct {
	hirebase.RoleStore
	hirebase.CalibrationStore
}

// engines returns SQLite always and PostgreSQL where a test database URL is
// configured, so the same scenarios run over both.
func engines(t testing.TB) []engine {
	t.Helper()
	es := []engine{{"sqlite", func(t testing.TB) (testStore, func(context.Context) error) {
		db, err := sqlite.Open(context.Background(), t.TempDir()+"/test.db")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return testStore{sqlite.NewRoleStore(db), sqlite.NewCalibrationStore(db)}, db.Ping
	}}}
	if os.Getenv("HIREBASE_TEST_POSTGRES_URL") != "" {
		es = append(es, engine{"postgres", func(t testing.TB) (testStore, func(context.Context) error) {
			url := pgtest.NewDatabase(t)
			db, err := postgres.Open(context.Background(), url)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return testStore{postgres.NewRoleStore(db), postgres.NewCalibrationStore(db)}, db.Ping
		}})
	} else if _, ok := t.(*testing.T); ok {
		t.Log("HIREBASE_TEST_POSTGRES_URL unset: HTTP scenarios run on SQLite only")
	}
	return es
}

// newServer returns a server over a freshly seeded store of the given engine.
func newServer(t testing.TB, e engine) *hbhttp.Server {
	t.Helper()
	store, ping := e.open(t)
	seed(t, store)
	cache := catalogcache.New(store, 0, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := cache.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	return hbhttp.NewServer(hbhttp.Config{}, hbhttp.Deps{Roles: store, Catalog: cache, Ready: ping},
		slog.New(slog.NewTextHandler(io.Discard, nil)))
}

// seed imports the default catalog and its calibration.
func seed(t testing.TB, store testStore) {
	t.Helper()
	cal, err := catalog.DefaultCalibration()
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Default(cal)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.PutCalibration(context.Background(), cal); err != nil {
		t.Fatal(err)
	}
	if _, err := store.ImportCatalog(context.Background(), c); err != nil {
		t.Fatal(err)
	}
}

func mustPrefixes(t testing.TB, cidrs ...string) []netip.Prefix {
	t.Helper()
	var out []netip.Prefix
	for _, c := range cidrs {
		p, err := netip.ParsePrefix(c)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// sqliteServer is a server on SQLite for tests that need only one engine.
func sqliteServer(t testing.TB) *hbhttp.Server {
	t.Helper()
	return newServer(t, engines(t)[0])
}

func do(t testing.TB, h http.Handler, method, target string, header map[string]string) *http.Response {
	t.Helper()
	return doBody(t, h, method, target, "", header)
}

func doBody(t testing.TB, h http.Handler, method, target, reqBody string, header map[string]string) *http.Response {
	t.Helper()
	var rd io.Reader
	if reqBody != "" {
		rd = strings.NewReader(reqBody)
	}
	req := httptest.NewRequest(method, target, rd)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t testing.TB, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
