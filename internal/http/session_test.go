package http_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// claimsOf decodes a token's payload, for re-signing it altered.
func claimsOf(t *testing.T, token string) jwt.MapClaims {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(strings.Split(token, ".")[1])
	if err != nil {
		t.Fatal(err)
	}
	var c jwt.MapClaims
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// sign signs claims with method and key under a header naming kid.
func sign(t *testing.T, method jwt.SigningMethod, key any, kid string, claims jwt.MapClaims) string {
	t.Helper()
	tok := jwt.NewWithClaims(method, claims)
	tok.Header["typ"], tok.Header["kid"] = "at+jwt", kid
	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestBearerAttacks presents forged and misused tokens through the
// middleware: each is refused with 401, an invalid_token challenge and a
// problem document, on a public route as on a protected one, never served
// as anonymous.
func TestBearerAttacks(t *testing.T) {
	t.Parallel()
	fx := newFixture(t, engines(t)[0], nil)
	genuine := fx.users["candidate"]
	keys, err := fx.store.auth.SigningKeys(context.Background(), time.Time{})
	if err != nil || len(keys) == 0 {
		t.Fatalf("signing keys: %v", err)
	}
	kid, priv := keys[0].ID, ed25519.NewKeyFromSeed(keys[0].PrivateKey)
	_, otherPriv, _ := ed25519.GenerateKey(rand.Reader)
	edit := func(f func(jwt.MapClaims)) jwt.MapClaims {
		c := claimsOf(t, genuine.access)
		f(c)
		return c
	}
	same := func(jwt.MapClaims) {}
	segs := strings.Split(genuine.access, ".")
	tampered := edit(func(c jwt.MapClaims) { c["roles"] = []string{"admin"} })
	payload, _ := json.Marshal(tampered)
	past := time.Now().Add(-2 * time.Hour)

	attacks := []struct{ name, token string }{
		{"alg none", sign(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, kid, edit(same))},
		{"HS256 keyed with the public key", sign(t, jwt.SigningMethodHS256, []byte(priv.Public().(ed25519.PublicKey)), kid, edit(same))},
		{"unknown kid", sign(t, jwt.SigningMethodEdDSA, otherPriv, hirebase.NewID(), edit(same))},
		{"our kid, another key", sign(t, jwt.SigningMethodEdDSA, otherPriv, kid, edit(same))},
		{"expired", sign(t, jwt.SigningMethodEdDSA, priv, kid, edit(func(c jwt.MapClaims) {
			c["iat"], c["nbf"], c["exp"] = past.Unix(), past.Unix(), past.Add(time.Hour).Unix()
		}))},
		{"wrong aud", sign(t, jwt.SigningMethodEdDSA, priv, kid, edit(func(c jwt.MapClaims) { c["aud"] = []string{"another-api"} }))},
		{"wrong iss", sign(t, jwt.SigningMethodEdDSA, priv, kid, edit(func(c jwt.MapClaims) { c["iss"] = "https://evil.test" }))},
		{"refresh token as bearer", genuine.refresh},
		{"tampered payload", segs[0] + "." + base64.RawURLEncoding.EncodeToString(payload) + "." + segs[2]},
		{"garbage", "not-a-token"},
		{"empty", ""},
	}
	// The genuine token and one re-signed unchanged with our key pass, so
	// each refusal above is for the attack and not for the forging.
	for _, tok := range []string{genuine.access, sign(t, jwt.SigningMethodEdDSA, priv, kid, edit(same))} {
		if res := do(t, fx.srv, "GET", "/api/v1/me", map[string]string{"Authorization": "Bearer " + tok}); res.StatusCode != 200 {
			t.Fatalf("a good token got %d", res.StatusCode)
		}
	}
	for _, a := range attacks {
		for _, path := range []string{"/api/v1/me", "/api/v1/roles/back-end-developer", "/"} {
			res := do(t, fx.srv, "GET", path, map[string]string{"Authorization": "Bearer " + a.token})
			if res.StatusCode != http.StatusUnauthorized {
				t.Errorf("%s on %s: status %d, want 401", a.name, path, res.StatusCode)
				continue
			}
			if got := res.Header.Get("WWW-Authenticate"); !strings.Contains(got, `error="invalid_token"`) {
				t.Errorf("%s on %s: WWW-Authenticate %q", a.name, path, got)
			}
			if ct := res.Header.Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("%s on %s: content type %q", a.name, path, ct)
			}
		}
	}
}

// login signs in over HTTP and returns the token pair.
func httpLogin(t *testing.T, h http.Handler, email, password string) auth.TokenPair {
	t.Helper()
	res := doBody(t, h, "POST", "/api/v1/auth/login", fmt.Sprintf(`{"email":%q,"password":%q}`, email, password), jsonHeader)
	wantStatus(t, res, 200, "login "+email)
	if res.Header.Get("Cache-Control") != "no-store" || res.Header.Get("Pragma") != "no-cache" {
		t.Errorf("login answer is cacheable: %q %q", res.Header.Get("Cache-Control"), res.Header.Get("Pragma"))
	}
	var pair auth.TokenPair
	decode(t, res, &pair)
	if pair.TokenType != "Bearer" || pair.ExpiresIn < 60 || pair.AccessToken == "" || pair.RefreshToken == "" {
		t.Fatalf("login answered %+v", pair)
	}
	return pair
}

// refresh presents a refresh token over HTTP.
func refresh(t *testing.T, h http.Handler, token string) *http.Response {
	t.Helper()
	return doBody(t, h, "POST", "/api/v1/auth/refresh", fmt.Sprintf(`{"refresh_token":%q}`, token), jsonHeader)
}

// me calls GET /api/v1/me with an access token and returns the status.
func me(t *testing.T, h http.Handler, access string) int {
	t.Helper()
	return do(t, h, "GET", "/api/v1/me", map[string]string{"Authorization": "Bearer " + access}).StatusCode
}

// TestSessionsOverHTTP follows sessions through rotation, reuse, logout,
// disabling, a role change and a password change, on every engine: each
// ends what it should at once, and nothing else.
func TestSessionsOverHTTP(t *testing.T) {
	t.Parallel()
	for _, e := range engines(t) {
		t.Run(e.name, func(t *testing.T) {
			fx := newFixture(t, e, nil)
			admin := map[string]string{"Authorization": "Bearer " + fx.users["admin"].access, "Content-Type": "application/json"}
			email := fx.users["candidate"].user.Email

			// Rotation: each refresh spends its token; a spent one
			// presented again ends the whole session.
			p1 := httpLogin(t, fx.srv, email, testPassword)
			res := refresh(t, fx.srv, p1.RefreshToken)
			wantStatus(t, res, 200, "first refresh")
			var p2 auth.TokenPair
			decode(t, res, &p2)
			if p2.RefreshToken == p1.RefreshToken || me(t, fx.srv, p2.AccessToken) != 200 {
				t.Fatal("refresh did not rotate, or its access token does not work")
			}
			wantStatus(t, refresh(t, fx.srv, p1.RefreshToken), 401, "reusing a spent refresh token")
			wantStatus(t, refresh(t, fx.srv, p2.RefreshToken), 401, "the newest token of a reused session")
			if got := me(t, fx.srv, p2.AccessToken); got != 401 {
				t.Errorf("access token of a reused session: %d, want 401", got)
			}

			// Of two concurrent refreshes of one token exactly one wins.
			p3 := httpLogin(t, fx.srv, email, testPassword)
			var wg sync.WaitGroup
			codes := make([]int, 2)
			for i := range codes {
				wg.Go(func() { codes[i] = refresh(t, fx.srv, p3.RefreshToken).StatusCode })
			}
			wg.Wait()
			if (codes[0] == 200) == (codes[1] == 200) {
				t.Errorf("concurrent refreshes answered %v, want one 200", codes)
			}

			// Logout ends the session of the bearer token.
			p4 := httpLogin(t, fx.srv, email, testPassword)
			res = do(t, fx.srv, "POST", "/api/v1/auth/logout", map[string]string{"Authorization": "Bearer " + p4.AccessToken})
			wantStatus(t, res, 204, "logout")
			if me(t, fx.srv, p4.AccessToken) != 401 || refresh(t, fx.srv, p4.RefreshToken).StatusCode != 401 {
				t.Error("a logged-out session still works")
			}

			// Disabling a user ends their sessions at once and refuses
			// new ones; enabling lets them sign in again.
			member := fx.users["client_member"]
			setDisabled := func(v bool) {
				res := doBody(t, fx.srv, "PUT", "/api/v1/users/"+member.user.ID+"/disabled", fmt.Sprintf(`{"disabled":%t}`, v), admin)
				wantStatus(t, res, 204, "set disabled")
			}
			setDisabled(true)
			if me(t, fx.srv, member.access) != 401 || refresh(t, fx.srv, member.refresh).StatusCode != 401 {
				t.Error("a disabled user's session still works")
			}
			res = doBody(t, fx.srv, "POST", "/api/v1/auth/login", fmt.Sprintf(`{"email":%q,"password":%q}`, member.user.Email, member.password), jsonHeader)
			wantStatus(t, res, 401, "login while disabled")
			setDisabled(false)
			httpLogin(t, fx.srv, member.user.Email, member.password)

			// A role change refuses tokens carrying the old role.
			ca := fx.users["client_admin"]
			res = doBody(t, fx.srv, "PUT", "/api/v1/users/"+ca.user.ID+"/role", `{"role":"client_member"}`, admin)
			wantStatus(t, res, 204, "role change")
			if me(t, fx.srv, ca.access) != 401 {
				t.Error("a token with the old role still works")
			}

			// A password change ends every session, the caller's too, and
			// answers with a new one.
			other := httpLogin(t, fx.srv, email, testPassword)
			current := httpLogin(t, fx.srv, email, testPassword)
			res = doBody(t, fx.srv, "POST", "/api/v1/me/password",
				`{"current_password":"`+testPassword+`","new_password":"a-fresh-long-passphrase"}`,
				map[string]string{"Authorization": "Bearer " + current.AccessToken, "Content-Type": "application/json"})
			wantStatus(t, res, 200, "password change")
			var fresh auth.TokenPair
			decode(t, res, &fresh)
			if me(t, fx.srv, current.AccessToken) != 401 || me(t, fx.srv, other.AccessToken) != 401 ||
				refresh(t, fx.srv, other.RefreshToken).StatusCode != 401 {
				t.Error("a session from before the password change still works")
			}
			if me(t, fx.srv, fresh.AccessToken) != 200 {
				t.Error("the session the password change started does not work")
			}
			res = doBody(t, fx.srv, "POST", "/api/v1/auth/login", `{"email":"`+email+`","password":"`+testPassword+`"}`, jsonHeader)
			wantStatus(t, res, 401, "login with the old password")
			httpLogin(t, fx.srv, email, "a-fresh-long-passphrase")
		})
	}
}
