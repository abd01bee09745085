package auth_test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/sqlite"
)

// password is a password every policy accepts.
const password = "plum-harbour-velvet-91"

// fakeClock is a clock tests move by hand.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// sentInvite is one invite a mailer was asked to send.
type sentInvite struct {
	email, token string
}

// recordingMailer keeps what it was asked to send.
type recordingMailer struct {
	mu   sync.Mutex
	sent []sentInvite
}

func (m *recordingMailer) SendInvite(_ context.Context, inv *hirebase.Invite, _ *hirebase.Org, token string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sent = append(m.sent, sentInvite{inv.Email, token})
	return nil
}

// env is a service on a fresh SQLite database, with its clock and mailer.
type env struct {
	svc    *auth.Service
	store  *sqlite.AuthStore
	clock  *fakeClock
	mailer *recordingMailer
	cfg    auth.Config
}

// newEnv returns a service on a database in tb's temporary directory. Its
// clock starts at the real time, so libraries that check expiry against the
// wall clock agree with it; edit changes the default config first.
func newEnv(tb testing.TB, edit func(*auth.Config)) *env {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "hirebase.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	cfg := auth.DefaultConfig()
	cfg.Issuer = "https://hirebase.test"
	if edit != nil {
		edit(&cfg)
	}
	e := &env{store: sqlite.NewAuthStore(db), clock: &fakeClock{t: time.Now().UTC().Truncate(time.Second)},
		mailer: &recordingMailer{}, cfg: cfg}
	e.svc, err = auth.New(cfg, auth.StoresOf(e.store), auth.Options{
		Clock: e.clock.Now, Mailer: e.mailer, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

// addUser creates a user from the command line path: agency roles join the
// agency, client roles orgID.
func (e *env) addUser(tb testing.TB, email string, role hirebase.UserRole, orgID string) *hirebase.User {
	tb.Helper()
	u, err := e.svc.AddUser(context.Background(), auth.NewUser{Email: email, Role: role, Password: password, OrgID: orgID})
	if err != nil {
		tb.Fatalf("add user %s: %v", email, err)
	}
	return u
}

// login signs in and fails tb on error.
func (e *env) login(tb testing.TB, email string) *auth.TokenPair {
	tb.Helper()
	pair, err := e.svc.Login(context.Background(), email, password, "192.0.2.10")
	if err != nil {
		tb.Fatalf("login %s: %v", email, err)
	}
	return pair
}

// principal authenticates a bearer token and fails tb on error.
func (e *env) principal(tb testing.TB, bearer string) auth.Principal {
	tb.Helper()
	p, err := e.svc.Authenticate(context.Background(), bearer)
	if err != nil {
		tb.Fatalf("authenticate: %v", err)
	}
	return p
}

// adminEnv is an env with an admin signed in.
func adminEnv(tb testing.TB) (*env, auth.Principal) {
	tb.Helper()
	e := newEnv(tb, nil)
	e.addUser(tb, "admin@agency.test", hirebase.RoleAdmin, "")
	return e, e.principal(tb, e.login(tb, "admin@agency.test").AccessToken)
}

// wantCode fails t unless err carries the error code want.
func wantCode(t testing.TB, err error, want string) {
	t.Helper()
	if got := hirebase.ErrorCode(err); got != want {
		t.Fatalf("error code = %q (%v), want %q", got, err, want)
	}
}

func check(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
