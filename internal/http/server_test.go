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
	"time"

	"github.com/hirebase/hirebase/internal/auth"
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

// testStore is one engine's stores together, on one database.
type testStore struct {
	hirebase.RoleStore
	hirebase.CalibrationStore
	auth auth.AllStores
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
		return testStore{sqlite.NewRoleStore(db), sqlite.NewCalibrationStore(db), sqlite.NewAuthStore(db)}, db.Ping
	}}}
	if os.Getenv("HIREBASE_TEST_POSTGRES_URL") != "" {
		es = append(es, engine{"postgres", func(t testing.TB) (testStore, func(context.Context) error) {
			url := pgtest.NewDatabase(t)
			db, err := postgres.Open(context.Background(), url)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return testStore{postgres.NewRoleStore(db), postgres.NewCalibrationStore(db), postgres.NewAuthStore(db)}, db.Ping
		}})
	} else if _, ok := t.(*testing.T); ok {
		t.Log("HIREBASE_TEST_POSTGRES_URL unset: HTTP scenarios run on SQLite only")
	}
	return es
}

// newServer returns a server over a freshly seeded store of the given engine,
// with allowances high enough that no test but the rate-limit ones meets
// them.
func newServer(t testing.TB, e engine) *hbhttp.Server {
	t.Helper()
	return newStack(t, e, nil).srv
}

// stack is a server with the services and store behind it.
type stack struct {
	srv   *hbhttp.Server
	svc   *auth.Service
	store testStore
	cache *catalogcache.Cache
}

// newStack builds a server on a freshly seeded store of engine e; edit, if
// not nil, changes the server's configuration first.
func newStack(t testing.TB, e engine, edit func(*hbhttp.Config)) *stack {
	t.Helper()
	store, ping := e.open(t)
	seed(t, store)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	cache := catalogcache.New(store, time.Second, quiet)
	if err := cache.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	svc, err := auth.New(auth.DefaultConfig(), auth.StoresOf(store.auth), auth.Options{Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	unlimited := hirebase.Limit{Rate: 1_000_000, Period: time.Hour, Burst: 1_000_000}
	cfg := hbhttp.Config{APILimit: unlimited, CredentialLimit: unlimited, EstimateLimit: unlimited}
	if edit != nil {
		edit(&cfg)
	}
	srv := hbhttp.NewServer(cfg, hbhttp.Deps{Roles: store, Catalog: cache, Ready: ping, Auth: svc,
		RoleWriter: store, Loader: cache}, quiet)
	return &stack{srv: srv, svc: svc, store: store, cache: cache}
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
