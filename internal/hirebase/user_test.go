package hirebase_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

func TestNormalizeEmail(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"  Ana.Gomez@Example.COM ": "ana.gomez@example.com",
		"x+tag@sub.example.org":    "x+tag@sub.example.org",
		"":                         "",
		"no-at-sign":               "",
		"ana@localhost":            "",
		"Ana <ana@example.com>":    "",
		`"quoted"@example.com`:     "",
		"ana@example.com.":         "",
		"a@b@example.com":          "",
		strings.Repeat("a", 250) + "@example.com": "",
	} {
		got, err := hirebase.NormalizeEmail(in)
		if got != want || (want == "") != (err != nil) {
			t.Errorf("NormalizeEmail(%q) = %q, %v; want %q", in, got, err, want)
		}
		if err != nil && hirebase.ErrorFields(err)[0].Field != "email" {
			t.Errorf("NormalizeEmail(%q): fields %v", in, hirebase.ErrorFields(err))
		}
	}
}

// FuzzNormalizeEmail checks that normalising is idempotent and its result
// always bounded and lower-case.
func FuzzNormalizeEmail(f *testing.F) {
	for _, seed := range []string{"a@example.com", " A@B.C ", "a@b", "<a@b.c>", "\"a b\"@c.d", "a@[127.0.0.1]"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := hirebase.NormalizeEmail(s)
		if err != nil {
			return
		}
		again, err := hirebase.NormalizeEmail(n)
		if err != nil || again != n || len(n) > hirebase.MaxEmailLen || strings.ToLower(n) != n {
			t.Fatalf("%q -> %q -> %q, %v", s, n, again, err)
		}
	})
}

func TestUserValidate(t *testing.T) {
	t.Parallel()
	ok := hirebase.User{ID: "u", Email: "a@example.com", Role: hirebase.RoleClientMember, OrgID: "o"}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for field, edit := range map[string]func(u *hirebase.User){
		"email":  func(u *hirebase.User) { u.Email = "A@example.com" },
		"role":   func(u *hirebase.User) { u.Role = "owner" },
		"org_id": func(u *hirebase.User) { u.OrgID = "" },
		"name":   func(u *hirebase.User) { u.Name = strings.Repeat("x", hirebase.MaxNameLen+1) },
	} {
		u := ok
		edit(&u)
		if f := hirebase.ErrorFields(u.Validate()); len(f) != 1 || f[0].Field != field {
			t.Errorf("%s: fields %v", field, f)
		}
	}
	c := hirebase.User{ID: "c", Email: "c@example.com", Role: hirebase.RoleCandidate, OrgID: "o"}
	if f := hirebase.ErrorFields(c.Validate()); len(f) != 1 || f[0].Field != "org_id" {
		t.Errorf("candidate with org: %v", f)
	}
}

func TestTooMany(t *testing.T) {
	t.Parallel()
	err := fmt.Errorf("login: %w", hirebase.TooMany(90*time.Second+time.Millisecond, "Slow down."))
	if hirebase.ErrorCode(err) != hirebase.ETOOMANY || hirebase.ErrorMessage(err) != "Slow down." {
		t.Errorf("code %q message %q", hirebase.ErrorCode(err), hirebase.ErrorMessage(err))
	}
	if d, ok := hirebase.RetryAfter(err); !ok || d != 91*time.Second {
		t.Errorf("retry after %v, %v; want 91s rounded up", d, ok)
	}
	if _, ok := hirebase.RetryAfter(errors.New("other")); ok {
		t.Error("plain error has a retry-after")
	}
}
