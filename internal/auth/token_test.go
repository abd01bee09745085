package auth_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// activeKey returns the active signing key as stored, for forging tokens
// with it.
func activeKey(t *testing.T, e *env) (string, ed25519.PrivateKey) {
	t.Helper()
	ks, err := e.store.SigningKeys(context.Background(), time.Time{})
	check(t, err)
	for _, k := range ks {
		if k.RetiredAt == nil {
			return k.ID, ed25519.NewKeyFromSeed(k.PrivateKey)
		}
	}
	t.Fatal("no active key")
	return "", nil
}

// payload decodes a token's claims into a map, for editing.
func payload(t *testing.T, token string) jwt.MapClaims {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(strings.Split(token, ".")[1])
	check(t, err)
	var m jwt.MapClaims
	check(t, json.Unmarshal(b, &m))
	return m
}

// forge signs claims with method and key under header, which replaces the
// library's defaults (alg stays the method's).
func forge(t *testing.T, method jwt.SigningMethod, key any, header map[string]any, claims jwt.MapClaims) string {
	t.Helper()
	tok := jwt.NewWithClaims(method, claims)
	delete(tok.Header, "typ")
	for k, v := range header {
		tok.Header[k] = v
	}
	s, err := tok.SignedString(key)
	check(t, err)
	return s
}

// TestVerifyAttacks presents every token an attacker might try, each a case:
// only the genuine token, and ones forged with our own key that still meet
// every rule, are accepted.
func TestVerifyAttacks(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.addUser(t, "member@example.com", hirebase.RoleCandidate, "")
	pair := e.login(t, "member@example.com")
	kid, priv := activeKey(t, e)
	pub := priv.Public().(ed25519.PublicKey)
	now := e.clock.Now()

	// good returns the genuine claims with edits applied.
	good := func(edit func(jwt.MapClaims)) jwt.MapClaims {
		c := payload(t, pair.AccessToken)
		if edit != nil {
			edit(c)
		}
		return c
	}
	ours := map[string]any{"typ": "at+jwt", "kid": kid}
	withHeader := func(k string, v any) map[string]any {
		h := map[string]any{"typ": "at+jwt", "kid": kid}
		if v == nil {
			delete(h, k)
		} else {
			h[k] = v
		}
		return h
	}
	_, otherPriv, err := ed25519.GenerateKey(rand.Reader)
	check(t, err)
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	check(t, err)
	x := base64.RawURLEncoding.EncodeToString(pub)
	segs := strings.Split(pair.AccessToken, ".")

	tests := []struct {
		name   string
		token  string
		accept bool
	}{
		{"genuine", pair.AccessToken, true},
		{"re-signed with our key, unchanged", forge(t, jwt.SigningMethodEdDSA, priv, ours, good(nil)), true},
		{"typ application/at+jwt", forge(t, jwt.SigningMethodEdDSA, priv, withHeader("typ", "application/at+jwt"), good(nil)), true},

		{"alg none", forge(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, ours, good(nil)), false},
		{"alg none with our signature", noneHeader(t, kid) + "." + segs[1] + "." + segs[2], false},
		{"HS256 keyed with the public key", forge(t, jwt.SigningMethodHS256, []byte(pub), ours, good(nil)), false},
		{"HS256 keyed with the JWK x", forge(t, jwt.SigningMethodHS256, []byte(x), ours, good(nil)), false},
		{"ES256 under our kid", forge(t, jwt.SigningMethodES256, ecKey, ours, good(nil)), false},
		{"unknown kid", forge(t, jwt.SigningMethodEdDSA, otherPriv, withHeader("kid", hirebase.NewID()), good(nil)), false},
		{"our kid, another key", forge(t, jwt.SigningMethodEdDSA, otherPriv, ours, good(nil)), false},
		{"no kid", forge(t, jwt.SigningMethodEdDSA, priv, withHeader("kid", nil), good(nil)), false},
		{"typ JWT", forge(t, jwt.SigningMethodEdDSA, priv, withHeader("typ", "JWT"), good(nil)), false},
		{"no typ", forge(t, jwt.SigningMethodEdDSA, priv, withHeader("typ", nil), good(nil)), false},
		{"crit header", forge(t, jwt.SigningMethodEdDSA, priv, withHeader("crit", []string{"exp"}), good(nil)), false},
		{"expired", forge(t, jwt.SigningMethodEdDSA, priv, ours, good(func(c jwt.MapClaims) {
			c["iat"], c["nbf"], c["exp"] = now.Add(-2*time.Hour).Unix(), now.Add(-2*time.Hour).Unix(), now.Add(-time.Hour).Unix()
		})), false},
		{"no exp", forge(t, jwt.SigningMethodEdDSA, priv, ours, good(func(c jwt.MapClaims) { delete(c, "exp") })), false},
		{"not yet valid", forge(t, jwt.SigningMethodEdDSA, priv, ours, good(func(c jwt.MapClaims) { c["nbf"] = now.Add(time.Hour).Unix() })), false},
		{"issued in the future", forge(t, jwt.SigningMethodEdDSA, priv, ours, good(func(c jwt.MapClaims) { c["iat"] = now.Add(time.Hour).Unix() })), false},
		{"wrong audience", forge(t, jwt.SigningMethodEdDSA, priv, ours, good(func(c jwt.MapClaims) { c["aud"] = "another-api" })), false},
		{"no audience", forge(t, jwt.SigningMethodEdDSA, priv, ours, good(func(c jwt.MapClaims) { delete(c, "aud") })), false},
		{"wrong issuer", forge(t, jwt.SigningMethodEdDSA, priv, ours, good(func(c jwt.MapClaims) { c["iss"] = "https://evil.test" })), false},
		{"no jti", forge(t, jwt.SigningMethodEdDSA, priv, ours, good(func(c jwt.MapClaims) { delete(c, "jti") })), false},
		{"two roles", forge(t, jwt.SigningMethodEdDSA, priv, ours, good(func(c jwt.MapClaims) { c["roles"] = []string{"candidate", "admin"} })), false},
		{"role raised, signed with our key", forge(t, jwt.SigningMethodEdDSA, priv, ours, good(func(c jwt.MapClaims) { c["roles"] = []string{"admin"} })), false},
		{"refresh token as access token", pair.RefreshToken, false},
		{"tampered payload", segs[0] + "." + tamper(t, segs[1]) + "." + segs[2], false},
		{"tampered signature", segs[0] + "." + segs[1] + "." + flip(segs[2]), false},
		{"signature dropped", segs[0] + "." + segs[1] + ".", false},
		{"extra segment", pair.AccessToken + ".e30", false},
		{"padded base64", segs[0] + "=." + segs[1] + "." + segs[2], false},
		{"empty", "", false},
		{"too long", pair.AccessToken + strings.Repeat("A", 5000), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := e.svc.Authenticate(context.Background(), tt.token)
			if tt.accept {
				check(t, err)
				return
			}
			wantCode(t, err, hirebase.EUNAUTHORIZED)
			if p.Kind != "anonymous" || p.UserID != "" {
				t.Errorf("refused token gave principal %+v", p)
			}
		})
	}
}

// noneHeader returns the encoded header {"alg":"none","typ":"at+jwt","kid":kid}.
func noneHeader(t *testing.T, kid string) string {
	t.Helper()
	b, err := json.Marshal(map[string]string{"alg": "none", "typ": "at+jwt", "kid": kid})
	check(t, err)
	return base64.RawURLEncoding.EncodeToString(b)
}

// tamper returns the payload segment with the role raised to admin.
func tamper(t *testing.T, seg string) string {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(seg)
	check(t, err)
	out := strings.Replace(string(b), `"candidate"`, `"admin"`, 1)
	if out == string(b) {
		t.Fatal("tamper: no role to raise")
	}
	return base64.RawURLEncoding.EncodeToString([]byte(out))
}

// flip changes the first character of a base64url segment.
func flip(seg string) string {
	if seg[0] == 'A' {
		return "B" + seg[1:]
	}
	return "A" + seg[1:]
}

// TestRetiredKey checks the key lifecycle: after a rotation tokens of the old
// key still verify and new ones use the new key; once the old key has been
// retired longer than any of its tokens can live, its tokens are refused.
func TestRetiredKey(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.addUser(t, "member@example.com", hirebase.RoleCandidate, "")
	ctx := context.Background()
	old := e.login(t, "member@example.com")
	oldKid, _ := activeKey(t, e)

	newKid, err := e.svc.RotateKeys(ctx)
	check(t, err)
	if newKid == oldKid {
		t.Fatal("rotation kept the kid")
	}
	e.principal(t, old.AccessToken)
	fresh := e.login(t, "member@example.com")
	if kid := header(t, fresh.AccessToken)["kid"]; kid != newKid {
		t.Errorf("new token signed by %v, want %s", kid, newKid)
	}
	doc, err := e.svc.Keys().JWKS(ctx)
	check(t, err)
	if len(doc.Keys) != 2 || doc.Keys[0].Kid != newKid || doc.Keys[1].Kid != oldKid {
		t.Errorf("JWKS after rotation: %+v", doc.Keys)
	}

	// Past the old key's grace, a token signed by it is refused, even one
	// forged to expire later, and the JWKS drops it.
	_, oldPriv := keyByID(t, e, oldKid)
	e.clock.Advance(e.cfg.AccessTTL + e.cfg.KeyRefresh + e.cfg.ClockSkew + time.Second)
	c := payload(t, old.AccessToken)
	now := e.clock.Now()
	c["iat"], c["nbf"], c["exp"] = now.Unix(), now.Unix(), now.Add(time.Minute).Unix()
	late := forge(t, jwt.SigningMethodEdDSA, oldPriv, map[string]any{"typ": "at+jwt", "kid": oldKid}, c)
	_, err = e.svc.Authenticate(ctx, late)
	wantCode(t, err, hirebase.EUNAUTHORIZED)
	doc, err = e.svc.Keys().JWKS(ctx)
	check(t, err)
	if len(doc.Keys) != 1 || doc.Keys[0].Kid != newKid {
		t.Errorf("JWKS past the grace: %+v", doc.Keys)
	}
}

func keyByID(t *testing.T, e *env, kid string) (string, ed25519.PrivateKey) {
	t.Helper()
	ks, err := e.store.SigningKeys(context.Background(), time.Time{})
	check(t, err)
	for _, k := range ks {
		if k.ID == kid {
			return k.ID, ed25519.NewKeyFromSeed(k.PrivateKey)
		}
	}
	t.Fatalf("no key %s", kid)
	return "", nil
}

// header decodes a token's header.
func header(t *testing.T, token string) map[string]any {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(strings.Split(token, ".")[0])
	check(t, err)
	var m map[string]any
	check(t, json.Unmarshal(b, &m))
	return m
}

// TestKeyRotatedElsewhere rotates the key through another service on the
// same database, as `hirebase keys rotate` or another replica does. A replica
// that has not reread its keys goes on signing with the retired key (still
// valid) until KeyRefresh has passed; a token signed with the new key is
// accepted at once, the unknown kid making the replica reread its keys.
func TestKeyRotatedElsewhere(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	e.addUser(t, "c@example.com", hirebase.RoleCandidate, "")
	e.login(t, "c@example.com")
	other, err := auth.New(e.cfg, auth.StoresOf(e.store), auth.Options{Clock: e.clock.Now, Mailer: e.mailer})
	check(t, err)
	kid := func(tok string) any { return header(t, tok)["kid"] }

	// Spread by refresh.
	first, err := other.RotateKeys(ctx)
	check(t, err)
	stale := e.login(t, "c@example.com")
	if kid(stale.AccessToken) == first {
		t.Fatal("replica signed with the new key before rereading its keys")
	}
	e.clock.Advance(e.cfg.KeyRefresh)
	if got := kid(e.login(t, "c@example.com").AccessToken); got != first {
		t.Errorf("after KeyRefresh the replica signs with %v, want %s", got, first)
	}
	e.principal(t, stale.AccessToken)

	// Spread by an unknown kid.
	second, err := other.RotateKeys(ctx)
	check(t, err)
	fromOther, err := other.Login(ctx, "c@example.com", password, "")
	check(t, err)
	if kid(fromOther.AccessToken) != second {
		t.Fatalf("other replica signs with %v, want %s", kid(fromOther.AccessToken), second)
	}
	e.principal(t, fromOther.AccessToken)
	if got := kid(e.login(t, "c@example.com").AccessToken); got != second {
		t.Errorf("after meeting the new kid the replica signs with %v, want %s", got, second)
	}
}
