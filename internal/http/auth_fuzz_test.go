package http_test

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// jsonRoute is a route whose body is JSON, with a body it accepts.
type jsonRoute struct {
	method, path, valid string
}

// jsonRoutes lists every route with a JSON body the security work added,
// for the body fuzzer; paths hold the fixture's IDs.
func jsonRoutes(tb testing.TB, fx *fixture) []jsonRoute {
	org := "/api/v1/orgs/" + fx.orgA.ID
	user := "/api/v1/users/" + fx.targets["A"].ID
	return []jsonRoute{
		{"POST", "/api/v1/auth/signup", `{"email":"fuzz@example.com","password":"` + testPassword + `","name":"F"}`},
		{"POST", "/api/v1/auth/login", `{"email":"nobody@example.com","password":"` + testPassword + `"}`},
		{"POST", "/api/v1/auth/refresh", `{"refresh_token":"hbr_x"}`},
		{"POST", "/api/v1/auth/logout", `{"refresh_token":"hbr_x"}`},
		{"POST", "/api/v1/me/password", `{"current_password":"wrong-password-here","new_password":"another-passphrase"}`},
		{"POST", "/api/v1/invites/hbi_x/accept", `{"password":"` + testPassword + `","name":"F"}`},
		{"POST", "/api/v1/orgs", `{"name":"Fuzz Org"}`},
		{"POST", org + "/invites", `{"email":"f@example.com","role":"client_member"}`},
		{"POST", org + "/clients", `{"name":"f","scopes":["roles:read"]}`},
		{"PUT", user + "/role", `{"role":"client_member"}`},
		{"PUT", user + "/disabled", `{"disabled":false}`},
		{"POST", "/api/v1/roles", fx.roleDoc(tb, "fuzz-role")},
		{"PUT", "/api/v1/roles/qa-engineer", fx.roleDoc(tb, "qa-engineer")},
	}
}

// FuzzJSONBodies sends arbitrary bodies to every JSON route, as an admin (a
// candidate on the own-account routes, so the admin's session survives): no
// body may cause a server error, and every refusal is a problem document.
func FuzzJSONBodies(f *testing.F) {
	fx := newFixture(f, engines(f)[0], nil)
	routes := jsonRoutes(f, fx)
	for i, r := range routes {
		for _, b := range []string{r.valid, `{}`, `[]`, `null`, `{"email":1}`, `{"scopes":[1]}`, r.valid + `{}`, `{"disabled":"yes"}`,
			`{"levels":[{"salary":{"min":1e400}}]}`, "\xff"} {
			f.Add(uint8(i), b)
		}
	}
	admin := map[string]string{"Authorization": "Bearer " + fx.users["admin"].access, "Content-Type": "application/json"}
	cand := map[string]string{"Authorization": "Bearer " + fx.users["candidate"].access, "Content-Type": "application/json"}
	f.Fuzz(func(t *testing.T, which uint8, b string) {
		r := routes[int(which)%len(routes)]
		h := admin
		if strings.HasPrefix(r.path, "/api/v1/me") || strings.HasPrefix(r.path, "/api/v1/auth/logout") {
			h = cand
		}
		req := httptest.NewRequest(r.method, r.path, strings.NewReader(b))
		for k, v := range h {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		fx.srv.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s with %q: %d %s", r.method, r.path, b, rec.Code, rec.Body.String())
		}
		if rec.Code >= 400 && rec.Header().Get("Content-Type") != "application/problem+json" {
			t.Fatalf("%s %s with %q: %d as %q", r.method, r.path, b, rec.Code, rec.Header().Get("Content-Type"))
		}
	})
}

// FuzzBearerHeader sends arbitrary Authorization headers through the
// authentication middleware: each is served (no header, another scheme) or
// refused with 401, never a server error.
func FuzzBearerHeader(f *testing.F) {
	fx := newFixture(f, engines(f)[0], nil)
	for _, s := range []string{"Bearer " + fx.users["candidate"].access, "Bearer " + fx.users["candidate"].refresh,
		"Bearer", "Bearer ", "bearer x.y.z", "Basic Zm9vOmJhcg==", "Bearer eyJhbGciOiJub25lIn0.e30.", "Bearer " + strings.Repeat("a", 5000)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		req := httptest.NewRequest("GET", "/api/v1/roles/qa-engineer", nil)
		req.Header["Authorization"] = []string{h}
		rec := httptest.NewRecorder()
		fx.srv.ServeHTTP(rec, req)
		switch rec.Code {
		case 200, 401:
		default:
			t.Fatalf("Authorization %q: %d", h, rec.Code)
		}
	})
}

// FuzzTokenRequest sends arbitrary forms and Basic credentials to the token
// endpoint: every answer is a token or an RFC 6749 error, never a server
// error.
func FuzzTokenRequest(f *testing.F) {
	fx := newFixture(f, engines(f)[0], nil)
	c := fx.clients["client+scope"]
	f.Add("grant_type=client_credentials", basic(c.ClientID, c.ClientSecret))
	f.Add(fx.clientForm("client+scope", "grant_type", "client_credentials", "scope", "roles:read"), "")
	f.Add("grant_type=client_credentials&scope=%zz", "")
	f.Add("grant_type=a&grant_type=b", "!!!")
	f.Add("", basic("hbc_x", "hbs_y"))
	f.Fuzz(func(t *testing.T, form, basicAuth string) {
		req := httptest.NewRequest("POST", "/oauth/token", strings.NewReader(form))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if basicAuth != "" {
			req.Header["Authorization"] = []string{"Basic " + basicAuth}
		}
		rec := httptest.NewRecorder()
		fx.srv.ServeHTTP(rec, req)
		switch rec.Code {
		case 200:
		case 400, 401:
			if !strings.Contains(rec.Body.String(), `"error":"`) {
				t.Fatalf("%d without an OAuth error body: %s", rec.Code, rec.Body.String())
			}
		default:
			t.Fatalf("form %q, basic %q: %d %s", form, basicAuth, rec.Code, rec.Body.String())
		}
	})
}
