package auth_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/lestrrat-go/jwx/v3/jws"
	jwxjwt "github.com/lestrrat-go/jwx/v3/jwt"
)

// jwksJSON returns the JWKS document as the HTTP layer would serve it.
func jwksJSON(t *testing.T, e *env) []byte {
	t.Helper()
	doc, err := e.svc.Keys().JWKS(context.Background())
	check(t, err)
	b, err := json.Marshal(doc)
	check(t, err)
	return b
}

// TestJWKSWithAnotherLibrary verifies issued tokens with jwx, a JWT library
// that shares no code with the one that signs, using nothing but the JWKS
// document: as a resource server or an integration would.
func TestJWKSWithAnotherLibrary(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.addUser(t, "c@example.com", hirebase.RoleCandidate, "")
	pair := e.login(t, "c@example.com")

	verify := func(token string) (jwxjwt.Token, error) {
		set, err := jwk.Parse(jwksJSON(t, e))
		check(t, err)
		return jwxjwt.ParseString(token, jwxjwt.WithKeySet(set), jwxjwt.WithValidate(true),
			jwxjwt.WithIssuer(e.cfg.Issuer), jwxjwt.WithAudience(e.cfg.Audience))
	}
	tok, err := verify(pair.AccessToken)
	check(t, err)
	sub, _ := tok.Subject()
	var roles []any
	check(t, tok.Get("roles", &roles))
	var clientID string
	check(t, tok.Get("client_id", &clientID))
	if p := e.principal(t, pair.AccessToken); sub != p.UserID || len(roles) != 1 || roles[0] != any("candidate") || clientID != e.cfg.FirstPartyClientID {
		t.Errorf("jwx read sub %q, roles %v, client_id %q", sub, roles, clientID)
	}
	msg, err := jws.ParseString(pair.AccessToken)
	check(t, err)
	hdr := msg.Signatures()[0].ProtectedHeaders()
	if typ, _ := hdr.Type(); typ != "at+jwt" {
		t.Errorf("typ %q", typ)
	}

	// The keys are OKP Ed25519, as RFC 8037 writes them.
	var raw struct {
		Keys []map[string]string `json:"keys"`
	}
	check(t, json.Unmarshal(jwksJSON(t, e), &raw))
	if k := raw.Keys[0]; len(raw.Keys) != 1 || k["kty"] != "OKP" || k["crv"] != "Ed25519" || k["alg"] != "EdDSA" ||
		k["use"] != "sig" || k["kid"] == "" || len(k["x"]) != 43 {
		t.Errorf("JWKS %s", jwksJSON(t, e))
	}

	// jwx refuses a tampered token too.
	segs := strings.Split(pair.AccessToken, ".")
	if _, err := verify(segs[0] + "." + tamper(t, segs[1]) + "." + segs[2]); err == nil {
		t.Error("jwx accepted a tampered token")
	}

	// After a rotation the JWKS carries both keys, and jwx verifies tokens
	// signed by either.
	_, err = e.svc.RotateKeys(context.Background())
	check(t, err)
	fresh := e.login(t, "c@example.com")
	for _, token := range []string{pair.AccessToken, fresh.AccessToken} {
		if _, err := verify(token); err != nil {
			t.Errorf("after rotation: %v", err)
		}
	}
}
