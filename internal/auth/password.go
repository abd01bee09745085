package auth

import (
	"bufio"
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hirebase/hirebase/internal/hirebase"
	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"
)

// PasswordParams are Argon2id's cost parameters. They are stored with every
// hash, so raising them later upgrades each password at its next login.
type PasswordParams struct {
	// Memory is in KiB.
	Memory  uint32
	Time    uint32
	Threads uint8
}

// MinPasswordParams is OWASP's minimum for Argon2id (19 MiB, two passes, one
// lane); Config refuses anything weaker.
var MinPasswordParams = PasswordParams{Memory: 19 * 1024, Time: 2, Threads: 1}

// Limits on what a password may be. The maximum bounds hashing work per
// request; it is far above any real password, so nothing is truncated.
const (
	MinPasswordRunes = 12
	MaxPasswordBytes = 1024
)

// Sizes of the salt and derived key, and bounds on parameters read back from
// a stored hash, so a corrupt row cannot ask for gigabytes.
const (
	saltLen      = 16
	keyLen       = 32
	maxMemoryKiB = 256 * 1024
	maxTime      = 64
)

// errMalformedHash is returned for a stored hash that is not Argon2id PHC.
var errMalformedHash = errors.New("malformed password hash")

// normalize applies NFKC, as NIST SP 800-63B asks, so a password typed with
// composed or decomposed accents (common in Spanish and Portuguese) hashes
// the same on every keyboard.
func normalize(password string) []byte {
	return []byte(norm.NFKC.String(password))
}

// HashPassword returns the Argon2id hash of password in PHC string format:
// $argon2id$v=19$m=MEMORY,t=TIME,p=THREADS$SALT$KEY, with a fresh random salt.
func HashPassword(password string, p PasswordParams) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	key := argon2.IDKey(normalize(password), salt, p.Time, p.Memory, p.Threads, keyLen)
	return encodePHC(p, salt, key), nil
}

func encodePHC(p PasswordParams, salt, key []byte) string {
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// VerifyPassword reports whether password matches the stored hash, comparing
// in constant time. A malformed hash is an error, never a match.
func VerifyPassword(password, encoded string) (bool, error) {
	p, salt, key, err := parsePHC(encoded)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey(normalize(password), salt, p.Time, p.Memory, p.Threads, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// NeedsRehash reports whether encoded was made with parameters other than p
// (or is unreadable), so a login that just verified the password should store
// a fresh hash.
func NeedsRehash(encoded string, p PasswordParams) bool {
	got, salt, key, err := parsePHC(encoded)
	return err != nil || got != p || len(salt) != saltLen || len(key) != keyLen
}

// parsePHC reads an Argon2id PHC string, refusing any other algorithm or
// version and parameters out of bounds.
func parsePHC(encoded string) (PasswordParams, []byte, []byte, error) {
	var p PasswordParams
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" || parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return p, nil, nil, errMalformedHash
	}
	fields := strings.Split(parts[3], ",")
	if len(fields) != 3 {
		return p, nil, nil, errMalformedHash
	}
	var vals [3]uint64
	for i, kv := range fields {
		name, value, ok := strings.Cut(kv, "=")
		n, err := strconv.ParseUint(value, 10, 32)
		if !ok || err != nil || name != "mtp"[i:i+1] {
			return p, nil, nil, errMalformedHash
		}
		vals[i] = n
	}
	if vals[2] > 255 {
		return p, nil, nil, errMalformedHash
	}
	p = PasswordParams{Memory: uint32(vals[0]), Time: uint32(vals[1]), Threads: uint8(vals[2])}
	if p.Threads == 0 || p.Time == 0 || p.Time > maxTime || p.Memory < 8*uint32(p.Threads) || p.Memory > maxMemoryKiB {
		return p, nil, nil, errMalformedHash
	}
	b64 := base64.RawStdEncoding.Strict()
	salt, err := b64.DecodeString(parts[4])
	if err != nil || len(salt) < 8 || len(salt) > 64 {
		return p, nil, nil, errMalformedHash
	}
	key, err := b64.DecodeString(parts[5])
	if err != nil || len(key) < 16 || len(key) > 64 {
		return p, nil, nil, errMalformedHash
	}
	return p, salt, key, nil
}

// commonPasswordsText is the list described in its own header.
//
//go:embed common_passwords.txt
var commonPasswordsText string

// commonPasswords holds the list, lower-cased, for lookup.
var commonPasswords = func() map[string]bool {
	m := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(commonPasswordsText))
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
}()

// CheckPassword applies the password policy of NIST SP 800-63B: at least
// MinPasswordRunes characters, at most MaxPasswordBytes bytes, not on the
// common-password list (compared case-insensitively), not one or a few
// characters repeated or a straight run like "abcdefghijkl", and not the
// account's own email or its local part. There are no composition rules:
// length and the blocklist do the work. Errors name the field "password".
func CheckPassword(password, email string) error {
	if len(password) > MaxPasswordBytes {
		return hirebase.Invalid("password", fmt.Sprintf("must be at most %d bytes", MaxPasswordBytes))
	}
	if !utf8.ValidString(password) {
		return hirebase.Invalid("password", "must be valid UTF-8")
	}
	n := string(normalize(password))
	if utf8.RuneCountInString(n) < MinPasswordRunes {
		return hirebase.Invalid("password", fmt.Sprintf("must be at least %d characters", MinPasswordRunes))
	}
	lower := strings.ToLower(n)
	if commonPasswords[lower] {
		return hirebase.Invalid("password", "is one of the most common passwords")
	}
	if trivial(lower) {
		return hirebase.Invalid("password", "must not be a few characters repeated or a simple sequence")
	}
	if email = strings.ToLower(email); email != "" {
		local, _, _ := strings.Cut(email, "@")
		if lower == email || lower == local {
			return hirebase.Invalid("password", "must not be your email address")
		}
	}
	return nil
}

// trivial reports whether s uses fewer than five distinct characters or is a
// straight run up or down ("123456789012", "zyxwvutsrqpo"), digits wrapping
// from 9 to 0.
func trivial(s string) bool {
	rs := []rune(s)
	distinct := map[rune]bool{}
	for _, r := range rs {
		distinct[r] = true
	}
	if len(distinct) < 5 {
		return true
	}
	step := func(a, b rune) rune {
		if a >= '0' && a <= '9' && b >= '0' && b <= '9' {
			return (b - a + 10) % 10
		}
		return b - a
	}
	d := step(rs[0], rs[1])
	if d != 1 && d != -1 && d != 9 {
		return false
	}
	for i := 2; i < len(rs); i++ {
		if step(rs[i-1], rs[i]) != d {
			return false
		}
	}
	return true
}
