package auth_test

import (
	"strings"
	"testing"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
)

func TestCheckPassword(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, password string
		ok             bool
	}{
		{"eleven characters", "plum-harbor", false},
		{"twelve characters", "plum-harbour", true},
		{"twelve accented characters", "ñandú-peñón1", true},
		{"eleven characters plus a combining accent", "plum-harboe\u0301", false},
		{"sixty-four characters", strings.Repeat("plum-harbour-velvet-91 ", 3)[:64], true},
		{"a hundred characters", strings.Repeat("plum-harbour-velvet-91 ", 5)[:100], true},
		{"1024 bytes", strings.Repeat("plum-harbour-velvet-91 ", 50)[:1024], true},
		{"1025 bytes", strings.Repeat("plum-harbour-velvet-91 ", 50)[:1025], false},
		{"common: qwerty123456", "qwerty123456", false},
		{"common, other case: LeaveMeAlone", "LeaveMeAlone", false},
		{"common: 1qaz2wsx3edc", "1qaz2wsx3edc", false},
		{"one character repeated", "aaaaaaaaaaaaaaaa", false},
		{"two characters alternating", "abababababab", false},
		{"digits counting up", "123456789012", false},
		{"letters counting down", "zyxwvutsrqponm", false},
		{"the email", "someone@example.com", false},
		{"the email's local part", "someone.person", false},
		{"invalid UTF-8", "plum-harbour\xff\xfe", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			email := "someone@example.com"
			if strings.HasPrefix(tt.name, "the email's") {
				email = "someone.person@example.com"
			}
			err := auth.CheckPassword(tt.password, email)
			if tt.ok {
				check(t, err)
				return
			}
			wantCode(t, err, hirebase.EINVALID)
			if f := hirebase.ErrorFields(err); len(f) != 1 || f[0].Field != "password" {
				t.Errorf("fields = %v, want password", f)
			}
		})
	}
}

// TestNoTruncation checks that every byte counts, past the 72 where bcrypt
// stops and the 64 of a SHA-512 block: passwords that differ only at the end
// do not match.
func TestNoTruncation(t *testing.T) {
	t.Parallel()
	base := strings.Repeat("plum-harbour-velvet-91 ", 10)
	for _, n := range []int{64, 72, 73, 100, 200} {
		a, b := base[:n]+"A", base[:n]+"B"
		hash, err := auth.HashPassword(a, auth.MinPasswordParams)
		check(t, err)
		if ok, err := auth.VerifyPassword(a, hash); err != nil || !ok {
			t.Fatalf("length %d: own password refused (%v)", n+1, err)
		}
		if ok, _ := auth.VerifyPassword(b, hash); ok {
			t.Errorf("length %d: a password differing in its last byte matched", n+1)
		}
	}
}

func TestHashFormat(t *testing.T) {
	t.Parallel()
	hash, err := auth.HashPassword(password, auth.MinPasswordParams)
	check(t, err)
	if !strings.HasPrefix(hash, "$argon2id$v=19$m=19456,t=2,p=1$") || strings.Count(hash, "$") != 5 {
		t.Errorf("hash %q is not Argon2id PHC at OWASP's minimum", hash)
	}
	again, err := auth.HashPassword(password, auth.MinPasswordParams)
	check(t, err)
	if again == hash {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
	// A composed and a decomposed "ñ" are one password.
	composed, decomposed := "contraseña-segura", "contrasen\u0303a-segura"
	h, err := auth.HashPassword(composed, auth.MinPasswordParams)
	check(t, err)
	if ok, _ := auth.VerifyPassword(decomposed, h); !ok {
		t.Error("NFKC: decomposed accent does not match")
	}
	if auth.NeedsRehash(hash, auth.MinPasswordParams) {
		t.Error("fresh hash needs a rehash")
	}
	if !auth.NeedsRehash(hash, auth.PasswordParams{Memory: 64 * 1024, Time: 3, Threads: 1}) {
		t.Error("hash with weaker parameters does not need a rehash")
	}
	for _, bad := range []string{"", "plain", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$m=9999999999,t=2,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$t=2,m=19456,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5"} {
		if ok, err := auth.VerifyPassword(password, bad); ok || err == nil {
			t.Errorf("malformed hash %q: ok %v, err %v", bad, ok, err)
		}
		if !auth.NeedsRehash(bad, auth.MinPasswordParams) {
			t.Errorf("malformed hash %q needs no rehash", bad)
		}
	}
}
