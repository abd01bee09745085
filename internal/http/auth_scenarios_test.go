package http_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"

	hbhttp "github.com/hirebase/hirebase/internal/http"
)

// authScenarios are the refusals of the account, organisation and OAuth
// routes: each names the field or the OAuth error at fault. They need the
// fixture's tokens and clients, so they are built per fixture.
func authScenarios(fx *fixture) []scenario {
	admin := with(jsonHeader, "Authorization", "Bearer "+fx.users["admin"].access)
	cand := with(jsonHeader, "Authorization", "Bearer "+fx.users["candidate"].access)
	form := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
	c := fx.clients["client+scope"]
	creds := "&client_id=" + c.ClientID + "&client_secret=" + c.ClientSecret
	org := "/api/v1/orgs/" + fx.orgA.ID
	user := "/api/v1/users/" + fx.targets["A"].ID
	oauthErr := func(name, body string, hdr map[string]string, status int, code string) scenario {
		return scenario{name: name, method: "POST", url: "/oauth/token", body: body, header: hdr, status: status,
			contentType: "application/json", contains: []string{`"error":"` + code + `"`}}
	}
	return []scenario{
		{name: "signup weak password", method: "POST", url: "/api/v1/auth/signup", header: jsonHeader, status: 400,
			body: `{"email":"new@example.com","password":"password1234"}`, contains: []string{`"field":"password"`}},
		{name: "signup bad email", method: "POST", url: "/api/v1/auth/signup", header: jsonHeader, status: 400,
			body: `{"email":"not-an-email","password":"` + testPassword + `"}`, contains: []string{`"field":"email"`}},
		{name: "signup taken email", method: "POST", url: "/api/v1/auth/signup", header: jsonHeader, status: 409,
			body: `{"email":"CANDIDATE@example.com","password":"` + testPassword + `"}`},
		{name: "signup unknown field", method: "POST", url: "/api/v1/auth/signup", header: jsonHeader, status: 400,
			body: `{"email":"x@example.com","password":"` + testPassword + `","role":"admin"}`, contains: []string{`"field":"role"`}},
		{name: "login wrong password", method: "POST", url: "/api/v1/auth/login", header: jsonHeader, status: 401,
			body: `{"email":"candidate@example.com","password":"wrong-but-long-enough"}`, contains: []string{"Invalid email or password."}},
		{name: "login unknown email", method: "POST", url: "/api/v1/auth/login", header: jsonHeader, status: 401,
			body: `{"email":"nobody@example.com","password":"wrong-but-long-enough"}`, contains: []string{"Invalid email or password."}},
		{name: "login not json", method: "POST", url: "/api/v1/auth/login", header: form, status: 415, body: `email=x`},
		{name: "login empty body", method: "POST", url: "/api/v1/auth/login", header: jsonHeader, status: 400, contains: []string{`"field":"body"`}},
		{name: "login too large", method: "POST", url: "/api/v1/auth/login", header: jsonHeader, status: 413,
			body: `{"email":"a@example.com","password":"` + strings.Repeat("x", 9000) + `"}`},
		{name: "refresh without token", method: "POST", url: "/api/v1/auth/refresh", header: jsonHeader, status: 400,
			body: `{}`, contains: []string{`"field":"refresh_token"`}},
		{name: "refresh unknown token", method: "POST", url: "/api/v1/auth/refresh", header: jsonHeader, status: 401,
			body: `{"refresh_token":"hbr_nope"}`},
		{name: "logout without anything", method: "POST", url: "/api/v1/auth/logout", status: 204},
		{name: "password wrong current", method: "POST", url: "/api/v1/me/password", header: cand, status: 400,
			body: `{"current_password":"not-the-password","new_password":"another-long-passphrase"}`, contains: []string{`"field":"current_password"`}},
		{name: "password weak new", method: "POST", url: "/api/v1/me/password", header: cand, status: 400,
			body: `{"current_password":"` + testPassword + `","new_password":"short"}`, contains: []string{`"field":"new_password"`}},
		{name: "accept unknown invite", method: "POST", url: "/api/v1/invites/hbi_nope/accept", header: jsonHeader, status: 404,
			body: `{"password":"` + testPassword + `"}`},
		{name: "org without name", method: "POST", url: "/api/v1/orgs", header: admin, status: 400, body: `{}`, contains: []string{`"field":"name"`}},
		{name: "org missing", method: "GET", url: "/api/v1/orgs/nope", header: admin, status: 404},
		{name: "invite agency role to client", method: "POST", url: org + "/invites", header: admin, status: 400,
			body: `{"email":"x@example.com","role":"admin"}`, contains: []string{`"field":"role"`}},
		{name: "invite bad email", method: "POST", url: org + "/invites", header: admin, status: 400,
			body: `{"email":"x","role":"client_member"}`, contains: []string{`"field":"email"`}},
		{name: "client unknown scope", method: "POST", url: org + "/clients", header: admin, status: 400,
			body: `{"name":"x","scopes":["everything"]}`, contains: []string{`"field":"scopes"`}},
		{name: "client scopes not a list", method: "POST", url: org + "/clients", header: admin, status: 400,
			body: `{"name":"x","scopes":"roles:read"}`, contains: []string{`"field":"scopes"`}},
		{name: "revoke unknown client", method: "DELETE", url: org + "/clients/hbc_nope", header: admin, status: 404},
		{name: "role of another kind", method: "PUT", url: user + "/role", header: admin, status: 400,
			body: `{"role":"recruiter"}`, contains: []string{`"field":"role"`}},
		{name: "disabled missing", method: "PUT", url: user + "/disabled", header: admin, status: 400, body: `{}`, contains: []string{`"field":"disabled"`}},
		{name: "disable oneself", method: "PUT", url: "/api/v1/users/" + fx.users["admin"].user.ID + "/disabled", header: admin,
			status: 400, body: `{"disabled":true}`, contains: []string{`"field":"user_id"`}},
		{name: "user missing", method: "PUT", url: "/api/v1/users/nope/disabled", header: admin, status: 404, body: `{"disabled":true}`},
		{name: "audit bad cursor", method: "GET", url: "/api/v1/audit?cursor=abc", header: admin, status: 400, contains: []string{`"field":"cursor"`}},
		{name: "audit bad limit", method: "GET", url: "/api/v1/audit?limit=1000", header: admin, status: 400, contains: []string{`"field":"limit"`}},
		{name: "audit first page", method: "GET", url: "/api/v1/audit?limit=2", header: admin, status: 200,
			contains: []string{`"events"`, `"next"`}},
		oauthErr("token unsupported grant", "grant_type=password&username=a&password=b"+creds, form, 400, "unsupported_grant_type"),
		oauthErr("token without grant", "scope=roles%3Aread"+creds, form, 400, "invalid_request"),
		oauthErr("token unknown scope", "grant_type=client_credentials&scope=root"+creds, form, 400, "invalid_scope"),
		oauthErr("token scope not granted", "grant_type=client_credentials&scope=requests%3Aread"+creds, form, 400, "invalid_scope"),
		oauthErr("token repeated parameter", "grant_type=client_credentials&grant_type=client_credentials"+creds, form, 400, "invalid_request"),
		oauthErr("token as json", `{"grant_type":"client_credentials"}`, jsonHeader, 400, "invalid_request"),
		oauthErr("token two auth methods", "grant_type=client_credentials"+creds,
			with(form, "Authorization", "Basic "+basic(c.ClientID, c.ClientSecret)), 400, "invalid_request"),
		oauthErr("token without client", "grant_type=client_credentials", form, 401, "invalid_client"),
		oauthErr("token wrong secret", "grant_type=client_credentials&client_id="+c.ClientID+"&client_secret=hbs_wrong", form, 401, "invalid_client"),
		oauthErr("token wrong basic secret", "grant_type=client_credentials",
			with(form, "Authorization", "Basic "+basic(c.ClientID, "hbs_wrong")), 401, "invalid_client"),
		{name: "revoke without token", method: "POST", url: "/oauth/revoke", body: creds[1:], header: form, status: 400,
			contains: []string{`"error":"invalid_request"`}},
		{name: "introspect garbage", method: "POST", url: "/oauth/introspect", body: "token=garbage" + creds, header: form, status: 200,
			contains: []string{`{"active":false}`}},
		{name: "introspect without client", method: "POST", url: "/oauth/introspect", body: "token=garbage", header: form, status: 401,
			contains: []string{`"error":"invalid_client"`}},
	}
}

// TestAuthScenarios runs the refusals on every engine and checks each answer
// against the OpenAPI document as well.
func TestAuthScenarios(t *testing.T) {
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
			for _, sc := range authScenarios(fx) {
				t.Run(sc.name, func(t *testing.T) {
					req := httptest.NewRequest(sc.method, sc.url, strings.NewReader(sc.body))
					for k, val := range sc.header {
						req.Header.Set(k, val)
					}
					rec := httptest.NewRecorder()
					fx.srv.ServeHTTP(rec, req)
					res, got := rec.Result(), rec.Body.String()
					if res.StatusCode != sc.status {
						t.Fatalf("status %d, want %d; body %s", res.StatusCode, sc.status, got)
					}
					if sc.contentType != "" && !strings.HasPrefix(res.Header.Get("Content-Type"), sc.contentType) {
						t.Errorf("content type %q, want %q", res.Header.Get("Content-Type"), sc.contentType)
					}
					for _, want := range sc.contains {
						if !strings.Contains(got, want) {
							t.Errorf("body lacks %q: %.400s", want, got)
						}
					}
					if res.StatusCode == 401 && res.Header.Get("WWW-Authenticate") == "" {
						t.Error("401 without a challenge")
					}
					if ok, verrs := v.ValidateHttpResponse(req, res); !ok {
						for _, ve := range verrs {
							t.Errorf("OpenAPI: %s: %s", ve.Message, ve.Reason)
						}
					}
				})
			}
		})
	}
}
