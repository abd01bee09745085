package auth_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// TestAccountThrottle fails one account ten times: the eleventh attempt is
// refused, even with the right password, with a retry-after that ends when
// the first failure leaves the window; then the right password works again.
func TestAccountThrottle(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	u := e.addUser(t, "c@example.com", hirebase.RoleCandidate, "")
	for i := range 10 {
		_, err := e.svc.Login(ctx, u.Email, "wrong password "+fmt.Sprint(i), fmt.Sprintf("192.0.2.%d", i))
		wantCode(t, err, hirebase.EUNAUTHORIZED)
		e.clock.Advance(time.Second)
	}
	_, err := e.svc.Login(ctx, u.Email, password, "198.51.100.1")
	wantCode(t, err, hirebase.ETOOMANY)
	retry, ok := hirebase.RetryAfter(err)
	if want := 15*time.Minute - 10*time.Second; !ok || retry != want {
		t.Fatalf("retry after %v (%v), want %v", retry, ok, want)
	}
	// The case of the email does not open another account's counter.
	_, err = e.svc.Login(ctx, "C@Example.COM", password, "198.51.100.1")
	wantCode(t, err, hirebase.ETOOMANY)

	e.clock.Advance(retry - time.Second)
	_, err = e.svc.Login(ctx, u.Email, password, "198.51.100.1")
	wantCode(t, err, hirebase.ETOOMANY)
	e.clock.Advance(time.Second)
	e.login(t, u.Email)
	if types := auditTypes(t, e); types[0] != hirebase.AuditLoginSucceeded || types[1] != hirebase.AuditLoginThrottled {
		t.Errorf("audit: %v", types[:2])
	}
}

// TestSuccessClearsAccountFailures checks that a successful login forgets
// the account's earlier failures.
func TestSuccessClearsAccountFailures(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	u := e.addUser(t, "c@example.com", hirebase.RoleCandidate, "")
	for round := range 2 {
		for range 9 {
			_, err := e.svc.Login(ctx, u.Email, "wrong password", fmt.Sprintf("192.0.2.%d", round))
			wantCode(t, err, hirebase.EUNAUTHORIZED)
		}
		e.login(t, u.Email)
	}
}

// TestAddressThrottle fails logins for many accounts from one address: past
// the per-address limit every account is refused from there, and from its
// /64 for IPv6, while other addresses go on.
func TestAddressThrottle(t *testing.T) {
	t.Parallel()
	e := newEnv(t, func(c *auth.Config) { c.IPFailures = 4 })
	ctx := context.Background()
	u := e.addUser(t, "c@example.com", hirebase.RoleCandidate, "")
	groups := []struct {
		failFrom []string
		then     string
	}{
		{[]string{"203.0.113.7", "203.0.113.7", "203.0.113.7", "203.0.113.7"}, "203.0.113.7"},
		// Four addresses of one IPv6 /64 count as one.
		{[]string{"2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2::3", "2001:db8:1:2::4"}, "2001:db8:1:2::ffff"},
	}
	for _, g := range groups {
		for i, ip := range g.failFrom {
			_, err := e.svc.Login(ctx, fmt.Sprintf("guess%d@example.com", i), password, ip)
			wantCode(t, err, hirebase.EUNAUTHORIZED)
		}
		_, err := e.svc.Login(ctx, u.Email, password, g.then)
		wantCode(t, err, hirebase.ETOOMANY)
		if d, ok := hirebase.RetryAfter(err); !ok || d <= 0 || d > 15*time.Minute {
			t.Errorf("retry after %v", d)
		}
	}
	e.login(t, u.Email)
	_, err := e.svc.Login(ctx, u.Email, password, "[2001:db8:1:3::1]:443")
	check(t, err)
}
