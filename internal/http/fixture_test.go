package http_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
	hbhttp "github.com/hirebase/hirebase/internal/http"
)

// testPassword is a password every policy accepts.
const testPassword = "plum-harbour-velvet-91"

// The callers the matrix and the security tests act as, in the matrix's
// column order. Users of client roles belong to organisation A; both API
// clients are A's, one granted roles:read and one only requests:read.
var principals = []string{"anonymous", "admin", "recruiter", "client_admin", "client_member", "candidate", "client+scope", "client-scope"}

// account is a signed-in user of the fixture.
type account struct {
	user     *hirebase.User
	password string
	access   string
	refresh  string
}

// fixture is a server with an agency, two client organisations A and B,
// one signed-in user per role, and two API clients with tokens.
type fixture struct {
	*stack
	// admin is the admin's principal, for setting up objects through the
	// service directly.
	admin      auth.Principal
	orgA, orgB *hirebase.Org
	users      map[string]*account
	clients    map[string]*auth.NewClient
	// clientTokens holds each API client's access token.
	clientTokens map[string]string
	// targets are client members of A and of B that user routes act on.
	targets map[string]*hirebase.User
	n       int
}

// newFixture builds the fixture on engine e; edit changes the server's
// configuration, as for newStack.
func newFixture(t testing.TB, e engine, edit func(*hbhttp.Config)) *fixture {
	t.Helper()
	ctx := context.Background()
	fx := &fixture{stack: newStack(t, e, edit), users: map[string]*account{}, clients: map[string]*auth.NewClient{},
		clientTokens: map[string]string{}, targets: map[string]*hirebase.User{}}
	fx.addUser(t, "admin", hirebase.RoleAdmin, "")
	fx.admin = fx.principal(t, fx.login(t, "admin"))
	var err error
	if fx.orgA, err = fx.svc.CreateOrg(ctx, fx.admin, "Client A"); err != nil {
		t.Fatal(err)
	}
	if fx.orgB, err = fx.svc.CreateOrg(ctx, fx.admin, "Client B"); err != nil {
		t.Fatal(err)
	}
	fx.addUser(t, "recruiter", hirebase.RoleRecruiter, "")
	fx.addUser(t, "client_admin", hirebase.RoleClientAdmin, fx.orgA.ID)
	fx.addUser(t, "client_member", hirebase.RoleClientMember, fx.orgA.ID)
	fx.addUser(t, "candidate", hirebase.RoleCandidate, "")
	for _, name := range []string{"recruiter", "client_admin", "client_member", "candidate"} {
		fx.login(t, name)
	}
	for side, org := range map[string]string{"A": fx.orgA.ID, "B": fx.orgB.ID} {
		fx.targets[side] = fx.createUser(t, "target-"+strings.ToLower(side)+"@example.com", hirebase.RoleClientMember, org)
	}
	for name, scope := range map[string]string{"client+scope": hirebase.ScopeRolesRead, "client-scope": hirebase.ScopeRequestsRead} {
		c, err := fx.svc.CreateClient(ctx, fx.admin, fx.orgA.ID, name, []string{scope})
		if err != nil {
			t.Fatal(err)
		}
		fx.clients[name] = c
		pair, err := fx.svc.IssueClientToken(ctx, c.ClientID, c.ClientSecret, nil, "192.0.2.1")
		if err != nil {
			t.Fatal(err)
		}
		fx.clientTokens[name] = pair.AccessToken
	}
	return fx
}

// addUser creates the user who acts as name.
func (fx *fixture) addUser(t testing.TB, name string, role hirebase.UserRole, orgID string) {
	t.Helper()
	u := fx.createUser(t, strings.ReplaceAll(name, "_", "-")+"@example.com", role, orgID)
	fx.users[name] = &account{user: u, password: testPassword}
}

// testPasswordHash is testPassword's Argon2id hash, computed once: each
// hash costs tens of milliseconds (far more under the race detector), and
// the fixture stores a dozen users per test.
var testPasswordHash = sync.OnceValue(func() string {
	h, err := auth.HashPassword(testPassword, auth.MinPasswordParams)
	if err != nil {
		panic(err)
	}
	return h
})

// createUser stores a user with testPassword straight through the store;
// agency roles join the agency organisation.
func (fx *fixture) createUser(t testing.TB, email string, role hirebase.UserRole, orgID string) *hirebase.User {
	t.Helper()
	ctx := context.Background()
	if kind, _ := role.OrgKind(); kind == hirebase.OrgAgency {
		agency, err := fx.svc.EnsureAgency(ctx, "Agency")
		if err != nil {
			t.Fatal(err)
		}
		orgID = agency.ID
	}
	now := time.Now().UTC().Truncate(time.Microsecond)
	u := &hirebase.User{ID: hirebase.NewID(), Email: email, Name: email, Role: role, OrgID: orgID,
		CreatedAt: now, PasswordChangedAt: now, SessionsValidAfter: now}
	if err := fx.store.auth.CreateUser(ctx, u, testPasswordHash()); err != nil {
		t.Fatalf("create %s: %v", email, err)
	}
	return u
}

// login signs name in anew through the service and returns the access
// token, which becomes name's bearer.
func (fx *fixture) login(t testing.TB, name string) string {
	t.Helper()
	a := fx.users[name]
	pair, err := fx.svc.Login(context.Background(), a.user.Email, a.password, "192.0.2.99")
	if err != nil {
		t.Fatalf("login %s: %v", name, err)
	}
	a.access, a.refresh = pair.AccessToken, pair.RefreshToken
	return pair.AccessToken
}

// principal authenticates a token through the service.
func (fx *fixture) principal(t testing.TB, token string) auth.Principal {
	t.Helper()
	p, err := fx.svc.Authenticate(context.Background(), token)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// bearer returns the Authorization header of the named caller, empty for
// anonymous.
func (fx *fixture) bearer(who string) map[string]string {
	h := map[string]string{}
	if a, ok := fx.users[who]; ok {
		h["Authorization"] = "Bearer " + a.access
	} else if tok, ok := fx.clientTokens[who]; ok {
		h["Authorization"] = "Bearer " + tok
	}
	return h
}

// next returns a number no earlier call returned, for unique names.
func (fx *fixture) next() int {
	fx.n++
	return fx.n
}

// org returns organisation A or B.
func (fx *fixture) org(side string) *hirebase.Org {
	if side == "B" {
		return fx.orgB
	}
	return fx.orgA
}

// roleDoc returns qa-engineer's stored document renamed to slug, for
// catalog writes.
func (fx *fixture) roleDoc(t testing.TB, slug string) string {
	t.Helper()
	r, err := fx.store.FindRoleBySlug(context.Background(), "qa-engineer")
	if err != nil {
		t.Fatal(err)
	}
	if slug != r.Slug {
		r.Slug, r.Name, r.AlternativeNames = slug, "Matrix Role "+slug, nil
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// clientForm returns an OAuth form body with the client's credentials
// (client_secret_post) and the given parameters.
func (fx *fixture) clientForm(name string, kv ...string) string {
	v := url.Values{"client_id": {fx.clients[name].ClientID}, "client_secret": {fx.clients[name].ClientSecret}}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v.Encode()
}

// with returns h with more headers.
func with(h map[string]string, kv ...string) map[string]string {
	out := map[string]string{}
	for k, v := range h {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

// decode reads a JSON response into v and fails t if it cannot.
func decode(t testing.TB, res *http.Response, v any) {
	t.Helper()
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatalf("decode %d response: %v", res.StatusCode, err)
	}
}

// wantStatus fails t unless res has status want, showing the body.
func wantStatus(t testing.TB, res *http.Response, want int, what string) {
	t.Helper()
	if res.StatusCode != want {
		t.Fatalf("%s: status %d, want %d; body %s", what, res.StatusCode, want, body(t, res))
	}
}

// decodeString unmarshals a JSON document and fails t if it cannot.
func decodeString(t testing.TB, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatal(err)
	}
}
