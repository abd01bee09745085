package auth

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// FuzzParsePHC checks the stored-hash parser: anything it accepts has
// parameters within bounds and encodes back to a string it parses the same.
func FuzzParsePHC(f *testing.F) {
	h, err := HashPassword("plum-harbour-velvet-91", MinPasswordParams)
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{h, "", "$argon2id$v=19$m=1,t=1,p=1$$", "$argon2id$v=19$m=19456,t=2,p=0$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5",
		strings.Replace(h, "m=19456", "m=4294967295", 1), strings.Replace(h, "p=1", "p=256", 1)} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, encoded string) {
		p, salt, key, err := parsePHC(encoded)
		if err != nil {
			return
		}
		if p.Memory > maxMemoryKiB || p.Time > maxTime || p.Threads == 0 || len(salt) < 8 || len(key) < 16 {
			t.Fatalf("accepted out-of-bounds %q: %+v", encoded, p)
		}
		p2, salt2, key2, err := parsePHC(encodePHC(p, salt, key))
		if err != nil || p2 != p || string(salt2) != string(salt) || string(key2) != string(key) {
			t.Fatalf("round trip of %q: %+v %v", encoded, p2, err)
		}
	})
}

// FuzzThrottleKeys checks that any client address gives a bounded key,
// and that one /64 of IPv6 gives one key.
func FuzzThrottleKeys(f *testing.F) {
	for _, seed := range []string{"", "192.0.2.1", "192.0.2.1:443", "2001:db8::1", "[2001:db8::1]:80", "::ffff:192.0.2.1", "fe80::1%eth0", "junk"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, ip string) {
		_, addr := throttleKeys("x@example.com", ip)
		if len(addr) > 64 {
			t.Fatalf("key %q for %q", addr, ip)
		}
	})
}

func TestThrottleKeys(t *testing.T) {
	for ip, want := range map[string]string{
		"192.0.2.1":             "ip:192.0.2.1",
		"192.0.2.1:8080":        "ip:192.0.2.1",
		"::ffff:192.0.2.1":      "ip:192.0.2.1",
		"2001:db8:1:2:3:4:5:6":  "ip:2001:db8:1:2::/64",
		"[2001:db8:1:2::9]:443": "ip:2001:db8:1:2::/64",
		"":                      "",
		"not an address":        "",
	} {
		if _, got := throttleKeys("x@example.com", ip); got != want {
			t.Errorf("throttleKeys(%q) = %q, want %q", ip, got, want)
		}
	}
}

// memKeys is a KeyStore in memory, for measuring verification alone.
type memKeys struct {
	mu   sync.Mutex
	keys []*hirebase.SigningKey
}

func (m *memKeys) AddSigningKey(_ context.Context, k *hirebase.SigningKey) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.keys = append([]*hirebase.SigningKey{k}, m.keys...)
	return nil
}

func (m *memKeys) RotateSigningKey(ctx context.Context, k *hirebase.SigningKey) error {
	return m.AddSigningKey(ctx, k)
}

func (m *memKeys) SigningKeys(context.Context, time.Time) ([]*hirebase.SigningKey, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.keys, nil
}

func (m *memKeys) PruneSigningKeys(context.Context, time.Time) error { return nil }

// BenchmarkVerifyAccessToken measures what every authenticated request pays
// before touching the database: decoding, one Ed25519 verification and the
// claim checks.
func BenchmarkVerifyAccessToken(b *testing.B) {
	cfg := DefaultConfig()
	keys := NewKeys(&memKeys{}, cfg, time.Now)
	v := newVerifier(cfg, keys, time.Now)
	ctx := context.Background()
	now := time.Now()
	c := accessClaims{ClientID: "hirebase", Roles: []string{"admin"}, OrgID: hirebase.NewID(), SessionID: hirebase.NewID()}
	c.Subject, c.ID, c.Issuer = hirebase.NewID(), hirebase.NewID(), cfg.Issuer
	c.Audience = []string{cfg.Audience}
	c.IssuedAt, c.NotBefore, c.ExpiresAt = numericDate(now), numericDate(now), numericDate(now.Add(cfg.AccessTTL))
	tok, err := v.sign(ctx, &c)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := v.parse(ctx, tok); err != nil {
			b.Fatal(err)
		}
	}
}

func numericDate(t time.Time) *jwt.NumericDate { return jwt.NewNumericDate(t) }
