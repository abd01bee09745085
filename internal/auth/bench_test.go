package auth_test

import (
	"context"
	"testing"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// BenchmarkLogin measures a whole successful login on SQLite: throttle
// check, user lookup, one Argon2id verification at OWASP's minimum, a new
// session and a signed token. Argon2id with one lane uses one core, so
// logins/s here is the rate per core.
func BenchmarkLogin(b *testing.B) {
	e := newEnv(b, nil)
	e.addUser(b, "c@example.com", hirebase.RoleCandidate, "")
	ctx := context.Background()
	for b.Loop() {
		if _, err := e.svc.Login(ctx, "c@example.com", password, "192.0.2.1"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "logins/s/core")
}

// BenchmarkLoginParallel runs logins on every core at once, for the
// machine's total rate.
func BenchmarkLoginParallel(b *testing.B) {
	e := newEnv(b, nil)
	e.addUser(b, "c@example.com", hirebase.RoleCandidate, "")
	ctx := context.Background()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := e.svc.Login(ctx, "c@example.com", password, "192.0.2.1"); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "logins/s")
}

// BenchmarkHashPassword measures Argon2id alone at OWASP's minimum.
func BenchmarkHashPassword(b *testing.B) {
	for b.Loop() {
		if _, err := auth.HashPassword(password, auth.MinPasswordParams); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAuthenticate measures the whole per-request check on SQLite:
// token verification plus the one-row state query.
func BenchmarkAuthenticate(b *testing.B) {
	e := newEnv(b, nil)
	e.addUser(b, "c@example.com", hirebase.RoleCandidate, "")
	tok := e.login(b, "c@example.com").AccessToken
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.svc.Authenticate(ctx, tok); err != nil {
			b.Fatal(err)
		}
	}
}
