package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
)

// Prefixes of the opaque secrets the service hands out. They tell a reader
// (and secret scanners) what a leaked string is, and let Revoke and
// Introspect tell a refresh token from a JWT without a database lookup.
const (
	prefixRefresh = "hbr_"
	prefixInvite  = "hbi_"
	prefixSecret  = "hbs_"
	prefixClient  = "hbc_"
)

// maxSecretLen bounds any opaque secret accepted from outside, before it is
// hashed or looked up.
const maxSecretLen = 128

// randomToken returns prefix and 256 random bits, base64url-encoded.
func randomToken(prefix string) string {
	return prefix + base64.RawURLEncoding.EncodeToString(randomBytes(32))
}

// randomBytes returns n bytes from the system's CSPRNG, which never fails on
// supported platforms (crypto/rand panics rather than return short).
func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

// hashSecret returns the hex SHA-256 of a random secret, which is how
// refresh tokens, invite tokens and client secrets are stored. A fast hash
// is right here, unlike for passwords: each secret carries 256 random bits,
// so there is nothing to guess and nothing for a slow hash to protect, and
// lookup by hash stays one index probe.
func hashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// looksLike reports whether s has the prefix and a plausible length for one
// of our opaque secrets.
func looksLike(s, prefix string) bool {
	return strings.HasPrefix(s, prefix) && len(s) <= maxSecretLen
}
