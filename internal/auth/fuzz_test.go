package auth_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// FuzzVerify feeds arbitrary strings to Authenticate: none panics, none but
// the genuine token verifies, and every refusal is the same EUNAUTHORIZED.
func FuzzVerify(f *testing.F) {
	e := newEnv(f, nil)
	e.addUser(f, "c@example.com", hirebase.RoleCandidate, "")
	pair, err := e.svc.Login(context.Background(), "c@example.com", password, "")
	if err != nil {
		f.Fatal(err)
	}
	segs := strings.Split(pair.AccessToken, ".")
	for _, seed := range []string{
		pair.AccessToken, pair.RefreshToken, "", ".", "..", "a.b.c", segs[0] + "." + segs[1] + ".",
		segs[0] + ".e30." + segs[2], "eyJhbGciOiJub25lIn0.e30.", pair.AccessToken + "=",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, token string) {
		p, err := e.svc.Authenticate(context.Background(), token)
		if token == pair.AccessToken {
			return
		}
		if err == nil {
			t.Fatalf("forged token verified: %q -> %+v", token, p)
		}
		wantCode(t, err, hirebase.EUNAUTHORIZED)
	})
}

// FuzzParseScope checks that any scope parameter parses to known, distinct
// scopes or fails with invalid_scope.
func FuzzParseScope(f *testing.F) {
	for _, seed := range []string{"", "roles:read", "roles:read requests:write", "  x ", "roles:read\x00"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, scope string) {
		got, err := auth.ParseScope(scope)
		if err != nil {
			if oe, ok := auth.OAuthErrorOf(err); !ok || oe.Code != auth.OAuthInvalidScope {
				t.Fatalf("error %v", err)
			}
			return
		}
		for i, s := range got {
			if !hirebase.ValidScope(s) || slices.Contains(got[:i], s) {
				t.Fatalf("parsed %q to %v", scope, got)
			}
		}
	})
}

// FuzzParseAuditCursor checks that a cursor parses to a positive ID or
// fails with EINVALID naming "cursor".
func FuzzParseAuditCursor(f *testing.F) {
	for _, seed := range []string{"", "1", "42", "-1", "0", "9223372036854775807", "1e3", " 1"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, cursor string) {
		id, err := auth.ParseAuditCursor(cursor)
		switch {
		case err != nil:
			if f := hirebase.ErrorFields(err); len(f) != 1 || f[0].Field != "cursor" {
				t.Fatalf("error %v", err)
			}
		case cursor == "" && id != 0, cursor != "" && id <= 0:
			t.Fatalf("cursor %q gave %d", cursor, id)
		}
	})
}

// FuzzCheckPassword checks that the password policy never panics and only
// ever names the password field.
func FuzzCheckPassword(f *testing.F) {
	for _, seed := range []string{"", "plum-harbour-velvet-91", "qwerty123456", "\xff\xfe", "aaaaaaaaaaaaaa", "ñandú-peñón1"} {
		f.Add(seed, "x@example.com")
	}
	f.Fuzz(func(t *testing.T, pw, email string) {
		if err := auth.CheckPassword(pw, email); err != nil {
			if f := hirebase.ErrorFields(err); len(f) != 1 || f[0].Field != "password" {
				t.Fatalf("error %v", err)
			}
		}
	})
}
