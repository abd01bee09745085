package auth_test

import (
	"context"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// auditTypes returns the types of the newest audit events, newest first.
func auditTypes(t *testing.T, e *env) []string {
	t.Helper()
	es, _, err := e.store.FindAuditEvents(context.Background(), hirebase.AuditFilter{Limit: 100})
	check(t, err)
	var types []string
	for _, ev := range es {
		types = append(types, ev.Type)
	}
	return types
}

// TestLoginAnswersAlike checks that an unknown email, a wrong password and a
// disabled account get the same error, after similar work.
func TestLoginAnswersAlike(t *testing.T) {
	t.Parallel()
	e, admin := adminEnv(t)
	ctx := context.Background()
	u := e.addUser(t, "known@agency.test", hirebase.RoleRecruiter, "")
	e.addUser(t, "off@agency.test", hirebase.RoleRecruiter, "")
	off, _, err := e.store.FindUserByEmail(ctx, "off@agency.test")
	check(t, err)
	check(t, e.svc.SetUserDisabled(ctx, admin, off.ID, true))

	attempt := func(email, pw string) (time.Duration, error) {
		start := time.Now()
		_, err := e.svc.Login(ctx, email, pw, "192.0.2.20")
		return time.Since(start), err
	}
	var unknown, wrong []time.Duration
	for range 5 {
		d1, errUnknown := attempt("nobody@agency.test", password)
		d2, errWrong := attempt(u.Email, password+"x")
		_, errOff := attempt(off.Email, password)
		for _, err := range []error{errUnknown, errWrong, errOff} {
			wantCode(t, err, hirebase.EUNAUTHORIZED)
			if err.Error() != errUnknown.Error() || hirebase.ErrorMessage(err) != "Invalid email or password." {
				t.Fatalf("answers differ: %v / %v / %v", errUnknown, errWrong, errOff)
			}
		}
		unknown, wrong = append(unknown, d1), append(wrong, d2)
	}
	// Both pay one Argon2id verification; medians within a factor of two
	// and a half leave room for a busy machine.
	mu, mw := median(unknown), median(wrong)
	if mu*5 < mw*2 || mw*5 < mu*2 {
		t.Errorf("unknown email took %v, wrong password %v: timing gives accounts away", mu, mw)
	}
	if got := auditTypes(t, e); got[0] != hirebase.AuditLoginFailed {
		t.Errorf("newest audit event %q, want a failed login", got[0])
	}
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

// TestRefreshRotation walks a session: refresh rotates both tokens, the old
// access token lives on, and presenting a spent refresh token revokes the
// session (new tokens included) and is audited.
func TestRefreshRotation(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	e.addUser(t, "c@example.com", hirebase.RoleCandidate, "")
	first := e.login(t, "c@example.com")
	if first.TokenType != "Bearer" || first.ExpiresIn != int(e.cfg.AccessTTL.Seconds()) || first.RefreshToken == "" {
		t.Fatalf("login answer: %+v", first)
	}

	e.clock.Advance(time.Minute)
	second, err := e.svc.Refresh(ctx, first.RefreshToken, "192.0.2.1")
	check(t, err)
	if second.RefreshToken == first.RefreshToken || second.AccessToken == first.AccessToken {
		t.Fatal("refresh did not rotate")
	}
	p1, p2 := e.principal(t, first.AccessToken), e.principal(t, second.AccessToken)
	if p1.SessionID != p2.SessionID || p2.Kind != auth.KindUser || p2.Role != hirebase.RoleCandidate {
		t.Errorf("principals: %+v / %+v", p1, p2)
	}

	// The spent token comes back: refused, and the session is over.
	_, err = e.svc.Refresh(ctx, first.RefreshToken, "203.0.113.9")
	wantCode(t, err, hirebase.EUNAUTHORIZED)
	_, err = e.svc.Refresh(ctx, second.RefreshToken, "192.0.2.1")
	wantCode(t, err, hirebase.EUNAUTHORIZED)
	_, err = e.svc.Authenticate(ctx, second.AccessToken)
	wantCode(t, err, hirebase.EUNAUTHORIZED)
	if !slices.Contains(auditTypes(t, e), hirebase.AuditRefreshReused) {
		t.Error("reuse not audited")
	}

	for _, bad := range []string{"", "nonsense", first.AccessToken, "hbr_" + "unknown"} {
		_, err := e.svc.Refresh(ctx, bad, "")
		wantCode(t, err, hirebase.EUNAUTHORIZED)
	}
}

// TestRefreshLimits checks the idle lifetime of a refresh token and the
// absolute lifetime of the session, which also caps access tokens.
func TestRefreshLimits(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	e.addUser(t, "c@example.com", hirebase.RoleCandidate, "")
	idle := e.login(t, "c@example.com")
	e.clock.Advance(e.cfg.RefreshIdleTTL)
	_, err := e.svc.Refresh(ctx, idle.RefreshToken, "")
	wantCode(t, err, hirebase.EUNAUTHORIZED)

	// Refreshed every half idle lifetime, the session still ends at its
	// absolute lifetime: 7-day steps give four refreshes within 30 days.
	pair := e.login(t, "c@example.com")
	refreshes := 0
	for {
		e.clock.Advance(e.cfg.RefreshIdleTTL / 2)
		next, err := e.svc.Refresh(ctx, pair.RefreshToken, "")
		if err != nil {
			wantCode(t, err, hirebase.EUNAUTHORIZED)
			break
		}
		if next.ExpiresIn > int(e.cfg.AccessTTL.Seconds()) || next.ExpiresIn <= 0 {
			t.Fatalf("access token lives %ds", next.ExpiresIn)
		}
		pair, refreshes = next, refreshes+1
	}
	if want := int(e.cfg.RefreshAbsoluteTTL / (e.cfg.RefreshIdleTTL / 2)); refreshes != want {
		t.Errorf("%d refreshes before the session ended, want %d", refreshes, want)
	}
}

// TestConcurrentRefresh presents one refresh token from eight goroutines at
// once: exactly one gets new tokens.
func TestConcurrentRefresh(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.addUser(t, "c@example.com", hirebase.RoleCandidate, "")
	pair := e.login(t, "c@example.com")
	const n = 8
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { _, errs[i] = e.svc.Refresh(context.Background(), pair.RefreshToken, "") })
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		if err == nil {
			ok++
		} else {
			wantCode(t, err, hirebase.EUNAUTHORIZED)
		}
	}
	if ok != 1 {
		t.Fatalf("%d concurrent refreshes succeeded, want 1", ok)
	}
}

// TestLogout ends a session by refresh token and by access token: the
// session's access tokens stop working at once, other sessions go on.
func TestLogout(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	e.addUser(t, "c@example.com", hirebase.RoleCandidate, "")
	a, b := e.login(t, "c@example.com"), e.login(t, "c@example.com")

	check(t, e.svc.Logout(ctx, auth.Anonymous, a.RefreshToken))
	_, err := e.svc.Authenticate(ctx, a.AccessToken)
	wantCode(t, err, hirebase.EUNAUTHORIZED)
	_, err = e.svc.Refresh(ctx, a.RefreshToken, "")
	wantCode(t, err, hirebase.EUNAUTHORIZED)
	e.principal(t, b.AccessToken)

	check(t, e.svc.Logout(ctx, e.principal(t, b.AccessToken), ""))
	_, err = e.svc.Authenticate(ctx, b.AccessToken)
	wantCode(t, err, hirebase.EUNAUTHORIZED)
	check(t, e.svc.Logout(ctx, auth.Anonymous, "hbr_not-a-token"))
	check(t, e.svc.Logout(ctx, auth.Anonymous, a.RefreshToken))
}

// TestPasswordChangeEndsSessions changes a password: every session of the
// user ends, the caller gets a new one, and only the new password works.
func TestPasswordChangeEndsSessions(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	e.addUser(t, "c@example.com", hirebase.RoleCandidate, "")
	a, b := e.login(t, "c@example.com"), e.login(t, "c@example.com")
	p := e.principal(t, a.AccessToken)

	_, err := e.svc.ChangePassword(ctx, p, "not my password", "a-brand-new-passphrase", "")
	wantCode(t, err, hirebase.EINVALID)
	_, err = e.svc.ChangePassword(ctx, p, password, "password1234", "")
	wantCode(t, err, hirebase.EINVALID)

	fresh, err := e.svc.ChangePassword(ctx, p, password, "a-brand-new-passphrase", "")
	check(t, err)
	for _, old := range []*auth.TokenPair{a, b} {
		_, err := e.svc.Authenticate(ctx, old.AccessToken)
		wantCode(t, err, hirebase.EUNAUTHORIZED)
		_, err = e.svc.Refresh(ctx, old.RefreshToken, "")
		wantCode(t, err, hirebase.EUNAUTHORIZED)
	}
	e.principal(t, fresh.AccessToken)
	_, err = e.svc.Login(ctx, "c@example.com", password, "")
	wantCode(t, err, hirebase.EUNAUTHORIZED)
	_, err = e.svc.Login(ctx, "c@example.com", "a-brand-new-passphrase", "")
	check(t, err)
	if !slices.Contains(auditTypes(t, e), hirebase.AuditPasswordChanged) {
		t.Error("password change not audited")
	}
}

// TestDisableAndRoleChange checks that disabling a user ends their sessions
// and logins, and that a role change refuses tokens minted with the old role
// while a refresh picks up the new one.
func TestDisableAndRoleChange(t *testing.T) {
	t.Parallel()
	e, admin := adminEnv(t)
	ctx := context.Background()
	r := e.addUser(t, "r@agency.test", hirebase.RoleRecruiter, "")
	pair := e.login(t, r.Email)

	check(t, e.svc.SetUserRole(ctx, admin, r.ID, hirebase.RoleAdmin))
	_, err := e.svc.Authenticate(ctx, pair.AccessToken)
	wantCode(t, err, hirebase.EUNAUTHORIZED)
	next, err := e.svc.Refresh(ctx, pair.RefreshToken, "")
	check(t, err)
	if p := e.principal(t, next.AccessToken); p.Role != hirebase.RoleAdmin {
		t.Errorf("role after refresh = %q", p.Role)
	}
	wantCode(t, e.svc.SetUserRole(ctx, admin, r.ID, hirebase.RoleClientAdmin), hirebase.EINVALID)
	wantCode(t, e.svc.SetUserRole(ctx, admin, admin.UserID, hirebase.RoleRecruiter), hirebase.EINVALID)

	check(t, e.svc.SetUserDisabled(ctx, admin, r.ID, true))
	_, err = e.svc.Authenticate(ctx, next.AccessToken)
	wantCode(t, err, hirebase.EUNAUTHORIZED)
	_, err = e.svc.Refresh(ctx, next.RefreshToken, "")
	wantCode(t, err, hirebase.EUNAUTHORIZED)
	_, err = e.svc.Login(ctx, r.Email, password, "")
	wantCode(t, err, hirebase.EUNAUTHORIZED)
	check(t, e.svc.SetUserDisabled(ctx, admin, r.ID, false))
	e.login(t, r.Email)
	types := auditTypes(t, e)
	for _, want := range []string{hirebase.AuditRoleChanged, hirebase.AuditUserDisabled, hirebase.AuditUserEnabled} {
		if !slices.Contains(types, want) {
			t.Errorf("%s not audited", want)
		}
	}
}

// TestRehashOnLogin stores a hash made with weaker parameters: the next
// login still succeeds and upgrades it.
func TestRehashOnLogin(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	u := e.addUser(t, "c@example.com", hirebase.RoleCandidate, "")
	weak, err := auth.HashPassword(password, auth.PasswordParams{Memory: 8 * 1024, Time: 1, Threads: 1})
	check(t, err)
	check(t, e.store.UpdatePasswordHash(ctx, u.ID, weak))
	e.login(t, u.Email)
	_, stored, err := e.store.FindUserByEmail(ctx, u.Email)
	check(t, err)
	if stored == weak || auth.NeedsRehash(stored, e.cfg.Password) {
		t.Errorf("hash not upgraded: %s", stored)
	}
	e.login(t, u.Email)
}
