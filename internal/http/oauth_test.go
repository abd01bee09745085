package http_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"

	"github.com/hirebase/hirebase/internal/auth"
	hbhttp "github.com/hirebase/hirebase/internal/http"
)

// TestClientCredentialsWithOAuth2Library gets tokens with
// golang.org/x/oauth2/clientcredentials, a client that shares no code with
// the server, in both client authentication styles, and reads the catalog
// with them over a real listener.
func TestClientCredentialsWithOAuth2Library(t *testing.T) {
	t.Parallel()
	fx := newFixture(t, engines(t)[0], nil)
	ts := httptest.NewServer(fx.srv)
	defer ts.Close()
	ctx := context.Background()
	c := fx.clients["client+scope"]

	for _, style := range []oauth2.AuthStyle{oauth2.AuthStyleInHeader, oauth2.AuthStyleInParams} {
		cfg := clientcredentials.Config{ClientID: c.ClientID, ClientSecret: c.ClientSecret,
			TokenURL: ts.URL + "/oauth/token", Scopes: []string{"roles:read"}, AuthStyle: style}
		tok, err := cfg.Token(ctx)
		if err != nil {
			t.Fatalf("style %d: %v", style, err)
		}
		if tok.TokenType != "Bearer" || tok.RefreshToken != "" || tok.Expiry.IsZero() {
			t.Errorf("style %d: token %+v", style, tok)
		}
		res, err := cfg.Client(ctx).Get(ts.URL + "/api/v1/roles/back-end-developer")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(string(b), `"slug":"back-end-developer"`) {
			t.Errorf("style %d: GET role with the token: %d %.200s", style, res.StatusCode, b)
		}
		if res.Header.Get("RateLimit-Limit") == "" {
			t.Errorf("style %d: the client's request carries no allowance headers", style)
		}
	}

	// A wrong secret is invalid_client, which the library reports as such.
	bad := clientcredentials.Config{ClientID: c.ClientID, ClientSecret: c.ClientSecret + "x", TokenURL: ts.URL + "/oauth/token",
		AuthStyle: oauth2.AuthStyleInHeader}
	_, err := bad.Token(ctx)
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) || re.ErrorCode != "invalid_client" || re.Response.StatusCode != 401 {
		t.Errorf("wrong secret: %v", err)
	}
}

// postForm sends an OAuth request with the given client authentication.
func postForm(t *testing.T, h http.Handler, path, form string, basic ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest("POST", path, strings.NewReader(form))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if len(basic) == 2 {
		req.SetBasicAuth(url.QueryEscape(basic[0]), url.QueryEscape(basic[1]))
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

// TestTokenRevocationAndIntrospection checks the token response's headers,
// then revokes an access token (RFC 7009) and a whole client, and watches
// introspection (RFC 7662) and the API notice each at once.
func TestTokenRevocationAndIntrospection(t *testing.T) {
	t.Parallel()
	for _, e := range engines(t) {
		t.Run(e.name, func(t *testing.T) {
			fx := newFixture(t, e, nil)
			c := fx.clients["client+scope"]
			res := postForm(t, fx.srv, "/oauth/token", "grant_type=client_credentials&scope=roles%3Aread", c.ClientID, c.ClientSecret)
			wantStatus(t, res, 200, "token")
			if res.Header.Get("Cache-Control") != "no-store" || res.Header.Get("Pragma") != "no-cache" {
				t.Errorf("token response cacheable: %q %q", res.Header.Get("Cache-Control"), res.Header.Get("Pragma"))
			}
			raw := body(t, res)
			if strings.Contains(raw, "refresh_token") || !strings.Contains(raw, `"scope":"roles:read"`) {
				t.Errorf("token response %s", raw)
			}
			var pair auth.TokenPair
			decodeString(t, raw, &pair)
			bearer := map[string]string{"Authorization": "Bearer " + pair.AccessToken}

			active := func(token string, who string) bool {
				t.Helper()
				c := fx.clients[who]
				res := postForm(t, fx.srv, "/oauth/introspect", "token="+url.QueryEscape(token), c.ClientID, c.ClientSecret)
				wantStatus(t, res, 200, "introspect")
				var in auth.Introspection
				decode(t, res, &in)
				if in.Active && (in.ClientID != c.ClientID || in.Scope != "roles:read" || in.Exp == 0) {
					t.Errorf("introspection %+v", in)
				}
				return in.Active
			}
			if !active(pair.AccessToken, "client+scope") || active(pair.AccessToken, "client-scope") {
				t.Error("introspection: want active to its own client only")
			}

			// Another client's revocation leaves the token alone; its own
			// ends it at once.
			o := fx.clients["client-scope"]
			wantStatus(t, postForm(t, fx.srv, "/oauth/revoke", "token="+pair.AccessToken, o.ClientID, o.ClientSecret), 200, "foreign revoke")
			wantStatus(t, do(t, fx.srv, "GET", "/api/v1/roles", bearer), 200, "after a foreign revoke")
			wantStatus(t, postForm(t, fx.srv, "/oauth/revoke", "token="+pair.AccessToken, c.ClientID, c.ClientSecret), 200, "revoke")
			wantStatus(t, do(t, fx.srv, "GET", "/api/v1/roles", bearer), 401, "a revoked token")
			if active(pair.AccessToken, "client+scope") {
				t.Error("a revoked token introspects active")
			}

			// Revoking the client ends its tokens and its grant.
			admin := map[string]string{"Authorization": "Bearer " + fx.users["client_admin"].access}
			other := map[string]string{"Authorization": "Bearer " + fx.clientTokens["client+scope"]}
			wantStatus(t, do(t, fx.srv, "DELETE", "/api/v1/orgs/"+fx.orgA.ID+"/clients/"+c.ClientID, admin), 204, "revoke client")
			wantStatus(t, do(t, fx.srv, "GET", "/api/v1/roles", other), 401, "a revoked client's token")
			res = postForm(t, fx.srv, "/oauth/token", "grant_type=client_credentials", c.ClientID, c.ClientSecret)
			wantStatus(t, res, 401, "a revoked client's grant")
			if !strings.HasPrefix(res.Header.Get("WWW-Authenticate"), "Basic") {
				t.Errorf("invalid_client without a Basic challenge: %q", res.Header.Get("WWW-Authenticate"))
			}
		})
	}
}

// TestDiscovery checks the RFC 8414 metadata and the JWKS: every endpoint
// advertised is served, and the key set may be cached a minute at most.
func TestDiscovery(t *testing.T) {
	t.Parallel()
	fx := newFixture(t, engines(t)[0], func(c *hbhttp.Config) { c.PublicURL = "https://hire.example.com" })
	res := do(t, fx.srv, "GET", "/.well-known/oauth-authorization-server", nil)
	wantStatus(t, res, 200, "metadata")
	var md hbhttp.ServerMetadata
	decode(t, res, &md)
	if md.Issuer != auth.DefaultConfig().Issuer || md.TokenEndpoint != "https://hire.example.com/oauth/token" ||
		md.JWKSURI != "https://hire.example.com/.well-known/jwks.json" || md.RevocationEndpoint == "" ||
		md.IntrospectionEndpoint == "" || len(md.ScopesSupported) != 5 || md.GrantTypesSupported[0] != "client_credentials" ||
		len(md.TokenEndpointAuthMethodsSupported) != 2 {
		t.Errorf("metadata %+v", md)
	}
	paths := map[string]bool{}
	for _, r := range fx.srv.Routes() {
		paths[r.Pattern] = true
	}
	for _, u := range []string{md.TokenEndpoint, md.JWKSURI, md.RevocationEndpoint, md.IntrospectionEndpoint} {
		if !paths[strings.TrimPrefix(u, "https://hire.example.com")] {
			t.Errorf("metadata advertises %s, which is not served", u)
		}
	}

	res = do(t, fx.srv, "GET", "/.well-known/jwks.json", nil)
	wantStatus(t, res, 200, "jwks")
	m := regexp.MustCompile(`max-age=(\d+)`).FindStringSubmatch(res.Header.Get("Cache-Control"))
	if len(m) != 2 {
		t.Fatalf("JWKS Cache-Control %q has no max-age", res.Header.Get("Cache-Control"))
	}
	if age, _ := strconv.Atoi(m[1]); age < 1 || age > 60 {
		t.Errorf("JWKS Cache-Control %q", res.Header.Get("Cache-Control"))
	}
	var set auth.JWKS
	if err := json.NewDecoder(res.Body).Decode(&set); err != nil || len(set.Keys) != 1 || set.Keys[0].Kid == "" {
		t.Errorf("JWKS %+v, %v", set, err)
	}
}
