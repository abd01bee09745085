package http_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
	hbhttp "github.com/hirebase/hirebase/internal/http"
	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
)

// row is one route's expected statuses, one per caller in principals'
// order: anonymous, admin, recruiter, client_admin (A), client_member (A),
// candidate, API client with the scope, API client without.
type row [8]int

func all(status int) row { return row{status, status, status, status, status, status, status, status} }

// matrix is the expected status of every route for every caller, acting on
// organisation A's objects (side "A"), on B's ("B"), or on no
// organisation's (""). Reading across a line says who may do what; 404 in
// a B line is the policy hiding another organisation's object.
var matrix = map[string]map[string]row{
	"GET /healthz":             {"": all(200)},
	"GET /readyz":              {"": all(200)},
	"GET /{$}":                 {"": all(200)},
	"GET /static/{file}":       {"": all(200)},
	"GET /robots.txt":          {"": all(200)},
	"GET /sitemap.xml":         {"": all(200)},
	"GET /api/v1/openapi.json": {"": all(200)},
	"GET /.well-known/oauth-authorization-server": {"": all(200)},
	"GET /.well-known/jwks.json":                  {"": all(200)},
	"GET /api/v1/roles":                           {"": all(200)},
	"GET /api/v1/roles/{slug}":                    {"": all(200)},
	"GET /api/v1/roles/{slug}/related":            {"": all(200)},
	"GET /api/v1/skills":                          {"": all(200)},
	"GET /api/v1/titles/resolve":                  {"": all(200)},
	"POST /api/v1/estimate":                       {"": all(200)},
	"GET /roles/{slug}":                           {"": all(200)},
	"GET /roles/{slug}/estimate":                  {"": all(200)},
	//                                              anon admin recr cadm cmem cand cli+ cli-
	"POST /api/v1/roles":                  {"": {401, 201, 403, 403, 403, 403, 403, 403}},
	"PUT /api/v1/roles/{slug}":            {"": {401, 200, 403, 403, 403, 403, 403, 403}},
	"DELETE /api/v1/roles/{slug}":         {"": {401, 204, 403, 403, 403, 403, 403, 403}},
	"POST /api/v1/auth/signup":            {"": all(201)},
	"POST /api/v1/auth/login":             {"": all(200)},
	"POST /api/v1/auth/refresh":           {"": all(200)},
	"POST /api/v1/auth/logout":            {"": all(204)},
	"GET /api/v1/me":                      {"": {401, 200, 200, 200, 200, 200, 403, 403}},
	"POST /api/v1/me/password":            {"": {401, 200, 200, 200, 200, 200, 403, 403}},
	"POST /api/v1/invites/{token}/accept": {"": all(201)},
	"POST /api/v1/orgs":                   {"": {401, 201, 403, 403, 403, 403, 403, 403}},
	"GET /api/v1/audit":                   {"": {401, 200, 403, 403, 403, 403, 403, 403}},
	"POST /oauth/token":                   {"": all(200)},
	"POST /oauth/revoke":                  {"": all(200)},
	"POST /oauth/introspect":              {"": all(200)},
	"GET /api/v1/orgs/{id}": {
		"A": {401, 200, 200, 200, 200, 403, 403, 403},
		"B": {401, 200, 200, 404, 404, 403, 403, 403}},
	"POST /api/v1/orgs/{id}/invites": {
		"A": {401, 201, 403, 201, 403, 403, 403, 403},
		"B": {401, 201, 403, 404, 403, 403, 403, 403}},
	"POST /api/v1/orgs/{id}/clients": {
		"A": {401, 201, 403, 201, 403, 403, 403, 403},
		"B": {401, 201, 403, 404, 403, 403, 403, 403}},
	"GET /api/v1/orgs/{id}/clients": {
		"A": {401, 200, 403, 200, 403, 403, 403, 403},
		"B": {401, 200, 403, 404, 403, 403, 403, 403}},
	"DELETE /api/v1/orgs/{id}/clients/{client_id}": {
		"A": {401, 204, 403, 204, 403, 403, 403, 403},
		"B": {401, 204, 403, 404, 403, 403, 403, 403}},
	"PUT /api/v1/users/{id}/role": {
		"A": {401, 204, 403, 204, 403, 403, 403, 403},
		"B": {401, 204, 403, 404, 403, 403, 403, 403}},
	"PUT /api/v1/users/{id}/disabled": {
		"A": {401, 204, 403, 204, 403, 403, 403, 403},
		"B": {401, 204, 403, 404, 403, 403, 403, 403}},
}

// call is one request of the matrix; after, if set, runs on its response
// (to keep a rotated token, or sign a caller in again after logout).
type call struct {
	method, url, body string
	header            map[string]string
	after             func(*http.Response)
}

// request builds the request a caller makes on a route for the matrix:
// valid in every respect but who sends it, so the status says only what
// the policy decided. Objects a call consumes (an invite, a client to
// revoke) are made fresh for each.
func request(t *testing.T, fx *fixture, id, side, who string) call {
	t.Helper()
	ctx := context.Background()
	h := fx.bearer(who)
	js := with(h, "Content-Type", "application/json")
	form := with(h, "Content-Type", "application/x-www-form-urlencoded")
	org := fx.org(side)
	switch id {
	case "GET /healthz", "GET /readyz", "GET /robots.txt", "GET /sitemap.xml", "GET /api/v1/openapi.json",
		"GET /.well-known/oauth-authorization-server", "GET /.well-known/jwks.json", "GET /api/v1/roles",
		"GET /api/v1/skills", "GET /api/v1/me", "GET /api/v1/audit":
		_, path, _ := strings.Cut(id, " ")
		return call{method: "GET", url: path, header: h}
	case "GET /{$}":
		return call{method: "GET", url: "/", header: h}
	case "GET /static/{file}":
		return call{method: "GET", url: "/static/site.css", header: h}
	case "GET /api/v1/roles/{slug}":
		return call{method: "GET", url: "/api/v1/roles/back-end-developer", header: h}
	case "GET /api/v1/roles/{slug}/related":
		return call{method: "GET", url: "/api/v1/roles/back-end-developer/related", header: h}
	case "GET /api/v1/titles/resolve":
		return call{method: "GET", url: "/api/v1/titles/resolve?q=golang+developer", header: h}
	case "POST /api/v1/estimate":
		return call{method: "POST", url: "/api/v1/estimate", body: `{"role":"qa-engineer","years_experience":3}`, header: js}
	case "GET /roles/{slug}":
		return call{method: "GET", url: "/roles/back-end-developer", header: h}
	case "GET /roles/{slug}/estimate":
		return call{method: "GET", url: "/roles/back-end-developer/estimate?years=3", header: h}
	case "POST /api/v1/roles":
		return call{method: "POST", url: "/api/v1/roles", body: fx.roleDoc(t, fmt.Sprintf("matrix-role-%d", fx.next())), header: js}
	case "PUT /api/v1/roles/{slug}":
		return call{method: "PUT", url: "/api/v1/roles/qa-engineer", body: fx.roleDoc(t, "qa-engineer"), header: js}
	case "DELETE /api/v1/roles/{slug}":
		slug := fmt.Sprintf("doomed-role-%d", fx.next())
		role := &hirebase.Role{}
		decodeString(t, fx.roleDoc(t, slug), role)
		if _, err := fx.store.PutRole(ctx, role); err != nil {
			t.Fatal(err)
		}
		return call{method: "DELETE", url: "/api/v1/roles/" + slug, header: h}
	case "POST /api/v1/auth/signup":
		return call{method: "POST", url: "/api/v1/auth/signup", header: js,
			body: fmt.Sprintf(`{"email":"signup-%d@example.com","password":%q,"name":"New Candidate"}`, fx.next(), testPassword)}
	case "POST /api/v1/auth/login":
		a := fx.users["candidate"]
		return call{method: "POST", url: "/api/v1/auth/login", header: js,
			body: fmt.Sprintf(`{"email":%q,"password":%q}`, a.user.Email, a.password)}
	case "POST /api/v1/auth/refresh":
		a := fx.users["recruiter"]
		return call{method: "POST", url: "/api/v1/auth/refresh", header: js, body: fmt.Sprintf(`{"refresh_token":%q}`, a.refresh),
			after: func(res *http.Response) {
				var pair auth.TokenPair
				decode(t, res, &pair)
				a.refresh = pair.RefreshToken
			}}
	case "POST /api/v1/auth/logout":
		return call{method: "POST", url: "/api/v1/auth/logout", header: h, after: func(*http.Response) {
			if _, ok := fx.users[who]; ok {
				fx.login(t, who)
			}
		}}
	case "POST /api/v1/me/password":
		a, ok := fx.users[who]
		if !ok {
			return call{method: "POST", url: "/api/v1/me/password", header: js,
				body: fmt.Sprintf(`{"current_password":%q,"new_password":"a-whole-new-passphrase"}`, testPassword)}
		}
		next := a.password + "-2"
		return call{method: "POST", url: "/api/v1/me/password", header: js,
			body: fmt.Sprintf(`{"current_password":%q,"new_password":%q}`, a.password, next),
			after: func(res *http.Response) {
				var pair auth.TokenPair
				decode(t, res, &pair)
				a.password, a.access, a.refresh = next, pair.AccessToken, pair.RefreshToken
			}}
	case "POST /api/v1/invites/{token}/accept":
		inv, err := fx.svc.CreateInvite(ctx, fx.admin, fx.orgA.ID, fmt.Sprintf("invitee-%d@example.com", fx.next()), hirebase.RoleClientMember)
		if err != nil {
			t.Fatal(err)
		}
		return call{method: "POST", url: "/api/v1/invites/" + inv.Token + "/accept", header: js,
			body: fmt.Sprintf(`{"password":%q,"name":"Invitee"}`, testPassword)}
	case "POST /api/v1/orgs":
		return call{method: "POST", url: "/api/v1/orgs", header: js, body: fmt.Sprintf(`{"name":"Org %d"}`, fx.next())}
	case "GET /api/v1/orgs/{id}":
		return call{method: "GET", url: "/api/v1/orgs/" + org.ID, header: h}
	case "POST /api/v1/orgs/{id}/invites":
		return call{method: "POST", url: "/api/v1/orgs/" + org.ID + "/invites", header: js,
			body: fmt.Sprintf(`{"email":"invite-%d@example.com","role":"client_member"}`, fx.next())}
	case "POST /api/v1/orgs/{id}/clients":
		return call{method: "POST", url: "/api/v1/orgs/" + org.ID + "/clients", header: js,
			body: fmt.Sprintf(`{"name":"Client %d","scopes":["roles:read"]}`, fx.next())}
	case "GET /api/v1/orgs/{id}/clients":
		return call{method: "GET", url: "/api/v1/orgs/" + org.ID + "/clients", header: h}
	case "DELETE /api/v1/orgs/{id}/clients/{client_id}":
		c, err := fx.svc.CreateClient(ctx, fx.admin, org.ID, fmt.Sprintf("doomed %d", fx.next()), []string{hirebase.ScopeRolesRead})
		if err != nil {
			t.Fatal(err)
		}
		return call{method: "DELETE", url: "/api/v1/orgs/" + org.ID + "/clients/" + c.ClientID, header: h}
	case "PUT /api/v1/users/{id}/role":
		return call{method: "PUT", url: "/api/v1/users/" + fx.targets[side].ID + "/role", header: js, body: `{"role":"client_member"}`}
	case "PUT /api/v1/users/{id}/disabled":
		return call{method: "PUT", url: "/api/v1/users/" + fx.targets[side].ID + "/disabled", header: js, body: `{"disabled":false}`}
	case "POST /oauth/token":
		return call{method: "POST", url: "/oauth/token", header: form, body: fx.clientForm("client+scope", "grant_type", "client_credentials")}
	case "POST /oauth/revoke":
		return call{method: "POST", url: "/oauth/revoke", header: form, body: fx.clientForm("client+scope", "token", "hbr_not-a-real-token")}
	case "POST /oauth/introspect":
		return call{method: "POST", url: "/oauth/introspect", header: form,
			body: fx.clientForm("client+scope", "token", fx.clientTokens["client+scope"])}
	}
	t.Fatalf("the matrix has no request for route %s", id)
	return call{}
}

// TestAuthorizationMatrix sends every route every caller's request, on A's
// objects and on B's, and checks the status against the matrix and the
// response against the OpenAPI document. It fails for a registered route
// the matrix lacks, and for a matrix line no route is registered for.
func TestAuthorizationMatrix(t *testing.T) {
	t.Parallel()
	doc, err := libopenapi.NewDocument(hbhttp.OpenAPIDocument())
	if err != nil {
		t.Fatal(err)
	}
	v, errs := validator.NewValidator(doc)
	if len(errs) > 0 {
		t.Fatalf("validator: %v", errs)
	}
	for _, e := range engines(t) {
		t.Run(e.name, func(t *testing.T) {
			fx := newFixture(t, e, nil)
			seen := map[string]bool{}
			for _, rt := range fx.srv.Routes() {
				id := rt.String()
				seen[id] = true
				sides, ok := matrix[id]
				if !ok {
					t.Errorf("route %s is missing from the authorisation matrix", id)
					continue
				}
				for _, side := range []string{"", "A", "B"} {
					want, ok := sides[side]
					if !ok {
						continue
					}
					for i, who := range principals {
						name := strings.TrimSpace(id + " " + side + " as " + who)
						c := request(t, fx, id, side, who)
						req := httptest.NewRequest(c.method, c.url, strings.NewReader(c.body))
						for k, val := range c.header {
							req.Header.Set(k, val)
						}
						rec := httptest.NewRecorder()
						fx.srv.ServeHTTP(rec, req)
						res := rec.Result()
						if res.StatusCode != want[i] {
							t.Errorf("%s: status %d, want %d; body %.300s", name, res.StatusCode, want[i], rec.Body.String())
							continue
						}
						if ok, verrs := v.ValidateHttpResponse(req, res); !ok {
							for _, ve := range verrs {
								t.Errorf("%s: OpenAPI: %s: %s", name, ve.Message, ve.Reason)
							}
						}
						anonymousFree := who == "anonymous" && slices.Contains(rt.Limits, "api (signed-in callers)") && len(rt.Limits) == 1
						if len(rt.Limits) > 0 && !anonymousFree && res.Header.Get("RateLimit-Limit") == "" && res.StatusCode != 401 {
							t.Errorf("%s: no RateLimit-Limit header on a rate-limited route", name)
						}
						if c.after != nil && res.StatusCode < 300 {
							res = rec.Result()
							c.after(res)
						}
					}
				}
			}
			for id := range matrix {
				if !seen[id] {
					t.Errorf("the matrix lists %s, which is not registered", id)
				}
			}
		})
	}
}

// TestRouteActions fails for a route whose action the policy does not know,
// and for a policy action no route uses, except those reserved for routes
// later issues add; a reserved action that gets a route must leave the list.
func TestRouteActions(t *testing.T) {
	t.Parallel()
	reserved := map[string]bool{auth.ActionRequestsRead: true, auth.ActionRequestsWrite: true,
		auth.ActionCandidatesRead: true, auth.ActionWebhooksWrite: true}
	known := map[string]bool{}
	for _, a := range auth.Actions() {
		known[a] = true
	}
	used := map[string]bool{}
	for _, rt := range sqliteServer(t).Routes() {
		if !known[rt.Action] {
			t.Errorf("route %s names action %q, which the policy does not know", rt, rt.Action)
		}
		used[rt.Action] = true
	}
	for a := range known {
		switch {
		case !used[a] && !reserved[a]:
			t.Errorf("policy action %s has no route", a)
		case used[a] && reserved[a]:
			t.Errorf("action %s has a route now: take it off the reserved list", a)
		}
	}
}
