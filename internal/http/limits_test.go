package http_test

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
	hbhttp "github.com/hirebase/hirebase/internal/http"
)

// basic returns an HTTP Basic credential with both parts form-encoded
// first, as RFC 6749 section 2.3.1 asks.
func basic(id, secret string) string {
	return base64.StdEncoding.EncodeToString([]byte(url.QueryEscape(id) + ":" + url.QueryEscape(secret)))
}

// from sends a request from the given client address.
func from(t *testing.T, h http.Handler, remote, method, target, reqBody string, header map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(reqBody))
	req.RemoteAddr = remote
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

// TestPrincipalRateLimit spends one user's allowance: the next request is
// 429 with Retry-After wherever it comes from, while another user and an
// anonymous caller on the same address keep theirs.
func TestPrincipalRateLimit(t *testing.T) {
	t.Parallel()
	fx := newFixture(t, engines(t)[0], func(c *hbhttp.Config) {
		c.APILimit = hirebase.Limit{Rate: 3, Period: time.Minute, Burst: 3}
	})
	cand := fx.bearer("candidate")
	for i := range 3 {
		res := from(t, fx.srv, "192.0.2.1:1000", "GET", "/api/v1/me", "", cand)
		wantStatus(t, res, 200, fmt.Sprintf("request %d", i))
		if got := res.Header.Get("RateLimit-Remaining"); got != strconv.Itoa(2-i) || res.Header.Get("X-RateLimit-Limit") != "3" {
			t.Errorf("request %d: RateLimit-Remaining %q, X-RateLimit-Limit %q", i, got, res.Header.Get("X-RateLimit-Limit"))
		}
	}
	res := from(t, fx.srv, "198.51.100.9:1000", "GET", "/api/v1/roles", "", cand)
	wantStatus(t, res, 429, "fourth request, from another address")
	if ra, err := strconv.Atoi(res.Header.Get("Retry-After")); err != nil || ra < 1 || ra > 30 {
		t.Errorf("Retry-After %q", res.Header.Get("Retry-After"))
	}
	wantStatus(t, from(t, fx.srv, "192.0.2.1:1000", "GET", "/api/v1/me", "", fx.bearer("recruiter")), 200, "another user")
	wantStatus(t, from(t, fx.srv, "192.0.2.1:1000", "GET", "/api/v1/roles", "", nil), 200, "anonymous on the same address")
	// Pages are not API routes and keep serving.
	wantStatus(t, from(t, fx.srv, "192.0.2.1:1000", "GET", "/roles/qa-engineer", "", cand), 200, "a page")
}

// TestCredentialRateLimit spends one address's allowance on the routes
// that take a password or secret; another address keeps its own.
func TestCredentialRateLimit(t *testing.T) {
	t.Parallel()
	fx := newFixture(t, engines(t)[0], func(c *hbhttp.Config) {
		c.CredentialLimit = hirebase.Limit{Rate: 2, Period: time.Minute, Burst: 2}
	})
	login := `{"email":"candidate@example.com","password":"` + testPassword + `"}`
	for i := range 2 {
		wantStatus(t, from(t, fx.srv, "192.0.2.7:1", "POST", "/api/v1/auth/login", login, jsonHeader), 200, fmt.Sprintf("login %d", i))
	}
	res := from(t, fx.srv, "192.0.2.7:1", "POST", "/api/v1/auth/signup", `{}`, jsonHeader)
	wantStatus(t, res, 429, "third credential request")
	if res.Header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	form := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
	wantStatus(t, from(t, fx.srv, "192.0.2.7:1", "POST", "/oauth/token", "grant_type=client_credentials", form), 429, "token from the same address")
	wantStatus(t, from(t, fx.srv, "192.0.2.8:1", "POST", "/api/v1/auth/login", login, jsonHeader), 200, "login from another address")
}

// TestCORS checks that CORS is off by default, and with origins configured
// answers preflights for listed origins only, echoing the origin (never a
// wildcard, never credentials) and varying on it.
func TestCORS(t *testing.T) {
	t.Parallel()
	preflight := func(origin string) map[string]string {
		return map[string]string{"Origin": origin, "Access-Control-Request-Method": "GET",
			"Access-Control-Request-Headers": "authorization"}
	}
	off := sqliteServer(t)
	res := do(t, off, "OPTIONS", "/api/v1/roles", preflight("https://app.example.com"))
	if res.Header.Get("Access-Control-Allow-Origin") != "" || res.StatusCode == 204 {
		t.Errorf("CORS off: preflight answered %d with %q", res.StatusCode, res.Header.Get("Access-Control-Allow-Origin"))
	}
	if res := do(t, off, "GET", "/api/v1/roles", map[string]string{"Origin": "https://app.example.com"}); res.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Error("CORS off, yet an origin was allowed")
	}

	on := newStack(t, engines(t)[0], func(c *hbhttp.Config) { c.CORSOrigins = []string{"https://app.example.com"} }).srv
	res = do(t, on, "OPTIONS", "/api/v1/me", preflight("https://app.example.com"))
	h := res.Header
	if res.StatusCode != 204 || h.Get("Access-Control-Allow-Origin") != "https://app.example.com" ||
		!strings.Contains(h.Get("Access-Control-Allow-Headers"), "Authorization") ||
		!strings.Contains(h.Get("Access-Control-Allow-Methods"), "GET") || !strings.Contains(strings.Join(h.Values("Vary"), ","), "Origin") {
		t.Errorf("allowed preflight: %d %v", res.StatusCode, h)
	}
	if h.Get("Access-Control-Allow-Credentials") != "" {
		t.Error("preflight allows credentials")
	}
	for _, origin := range []string{"https://evil.example.com", "https://app.example.com.evil.test", "http://app.example.com", "null"} {
		res := do(t, on, "OPTIONS", "/api/v1/me", preflight(origin))
		if res.StatusCode != 403 || res.Header.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("preflight from %s: %d, allow-origin %q", origin, res.StatusCode, res.Header.Get("Access-Control-Allow-Origin"))
		}
	}
	res = do(t, on, "GET", "/api/v1/roles", map[string]string{"Origin": "https://app.example.com"})
	if res.Header.Get("Access-Control-Allow-Origin") != "https://app.example.com" ||
		!strings.Contains(res.Header.Get("Access-Control-Expose-Headers"), "RateLimit-Remaining") ||
		!strings.Contains(strings.Join(res.Header.Values("Vary"), ","), "Origin") {
		t.Errorf("simple request from an allowed origin: %v", res.Header)
	}
	res = do(t, on, "GET", "/api/v1/roles", map[string]string{"Origin": "https://evil.example.com"})
	if res.StatusCode != 200 || res.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("simple request from another origin: %d, %q", res.StatusCode, res.Header.Get("Access-Control-Allow-Origin"))
	}
}

func TestValidOrigin(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"https://app.example.com": true, "http://localhost:5173": true, "https://app.example.com/": false,
		"app.example.com": false, "*": false, "https://*.example.com": false, "ftp://x": false, "https://": false,
	} {
		if got := hbhttp.ValidOrigin(s); got != want {
			t.Errorf("ValidOrigin(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestPublicDocumentsUncounted checks that anonymous reads of the cached role
// documents are not counted, like the pages, while listings are.
func TestPublicDocumentsUncounted(t *testing.T) {
	srv := sqliteServer(t)
	for _, path := range []string{"/api/v1/roles/back-end-developer", "/api/v1/roles/qa-engineer/related", "/api/v1/openapi.json", "/roles/qa-engineer"} {
		if res := do(t, srv, "GET", path, nil); res.StatusCode != 200 || res.Header.Get("RateLimit-Remaining") != "" {
			t.Errorf("anonymous GET %s: status %d, RateLimit-Remaining %q; want 200 and no allowance headers",
				path, res.StatusCode, res.Header.Get("RateLimit-Remaining"))
		}
	}
	for _, path := range []string{"/api/v1/roles?limit=5", "/api/v1/titles/resolve?q=qa", "/api/v1/skills?q=go"} {
		if res := do(t, srv, "GET", path, nil); res.Header.Get("RateLimit-Remaining") == "" {
			t.Errorf("anonymous GET %s carries no RateLimit-Remaining", path)
		}
	}
}

// TestPublicDocumentsRegistered keeps the uncounted-documents list in step
// with the route table: a renamed route must not silently become counted.
func TestPublicDocumentsRegistered(t *testing.T) {
	srv := sqliteServer(t)
	n := 0
	for _, rt := range srv.Routes() {
		for _, l := range rt.Limits {
			if l == "api (signed-in callers)" {
				n++
			}
		}
	}
	if n != 3 {
		t.Errorf("%d routes are uncounted for anonymous callers, want the 3 role documents", n)
	}
}
