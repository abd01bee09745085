package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// concurrently runs f n times at once and returns each call's error.
func concurrently(n int, f func(i int) error) []error {
	errs := make([]error, n)
	var start, wg sync.WaitGroup
	start.Add(1)
	for i := range n {
		wg.Go(func() {
			start.Wait()
			errs[i] = f(i)
		})
	}
	start.Done()
	wg.Wait()
	return errs
}

func countNil(errs []error) int {
	n := 0
	for _, err := range errs {
		if err == nil {
			n++
		}
	}
	return n
}

func rotate(t *testing.T, s AuthStore, oldHash, newHash string, now time.Time) *hirebase.RefreshRotation {
	t.Helper()
	rot, err := s.RotateRefreshToken(context.Background(), oldHash, newHash, now, now.Add(14*24*time.Hour))
	check(t, err)
	return rot
}

// testRefreshRotation walks one session: each token rotates once, a spent
// token presented again revokes the family, and after that even the newest
// token is refused.
func testRefreshRotation(t *testing.T, s AuthStore) {
	ctx := context.Background()
	u := user(t, s, hirebase.RoleCandidate, "")
	f := family(t, s, u.ID, "r-0")

	now := t0.Add(time.Minute)
	rot := rotate(t, s, "r-0", "r-1", now)
	wantEqual(t, "first rotation", rot, &hirebase.RefreshRotation{Outcome: hirebase.RefreshRotated, FamilyID: f.ID,
		UserID: u.ID, ClientID: "hirebase", ExpiresAt: now.Add(14 * 24 * time.Hour), FamilyExpiresAt: f.ExpiresAt})
	spent, err := s.FindRefreshToken(ctx, "r-0")
	check(t, err)
	if spent.UsedAt == nil || !spent.UsedAt.Equal(now) {
		t.Errorf("spent token used at %v, want %v", spent.UsedAt, now)
	}
	if rot := rotate(t, s, "r-1", "r-2", now.Add(time.Minute)); rot.Outcome != hirebase.RefreshRotated {
		t.Fatalf("second rotation: %s", rot.Outcome)
	}

	// The first token comes back: reuse, and the family is revoked.
	if rot := rotate(t, s, "r-0", "r-x", now.Add(2*time.Minute)); rot.Outcome != hirebase.RefreshReused || rot.FamilyID != f.ID {
		t.Fatalf("reuse: %+v", rot)
	}
	if rot := rotate(t, s, "r-2", "r-3", now.Add(3*time.Minute)); rot.Outcome != hirebase.RefreshRevoked {
		t.Errorf("newest token after reuse: %s, want revoked", rot.Outcome)
	}
	live, err := s.FindRefreshToken(ctx, "r-2")
	check(t, err)
	if live.FamilyRevokedAt == nil || !live.FamilyRevokedAt.Equal(now.Add(2*time.Minute)) {
		t.Errorf("family revoked at %v", live.FamilyRevokedAt)
	}
	if _, err := s.FindRefreshToken(ctx, "r-x"); hirebase.ErrorCode(err) != hirebase.ENOTFOUND {
		t.Errorf("token offered by a reuse was stored: %v", err)
	}
	_, err = s.RotateRefreshToken(ctx, "unknown", "r-y", now, now.Add(time.Hour))
	wantCode(t, err, hirebase.ENOTFOUND)

	// Logout revokes the family; revoking again keeps the first time.
	g := family(t, s, u.ID, "g-0")
	check(t, s.RevokeRefreshFamily(ctx, g.ID, "logout", now))
	check(t, s.RevokeRefreshFamily(ctx, g.ID, "logout", now.Add(time.Hour)))
	if rot := rotate(t, s, "g-0", "g-1", now.Add(time.Minute)); rot.Outcome != hirebase.RefreshRevoked {
		t.Errorf("token after logout: %s, want revoked", rot.Outcome)
	}
	wantCode(t, s.RevokeRefreshFamily(ctx, "missing", "logout", now), hirebase.ENOTFOUND)
}

// testRefreshExpiry checks the idle limit of each token and the absolute
// limit of the family, which caps every token's expiry.
func testRefreshExpiry(t *testing.T, s AuthStore) {
	ctx := context.Background()
	u := user(t, s, hirebase.RoleCandidate, "")
	f := family(t, s, u.ID, "e-0")
	idle := t0.Add(14 * 24 * time.Hour)
	if rot := rotate(t, s, "e-0", "e-1", idle); rot.Outcome != hirebase.RefreshExpired {
		t.Errorf("token at its idle limit: %s, want expired", rot.Outcome)
	}

	// Near the family's end the new token's expiry is capped by it.
	near := f.ExpiresAt.Add(-time.Hour)
	g := family(t, s, u.ID, "n-0")
	rot, err := s.RotateRefreshToken(ctx, "n-0", "n-1", t0.Add(time.Hour), near.Add(24*time.Hour))
	check(t, err)
	if rot.Outcome != hirebase.RefreshRotated || !rot.ExpiresAt.Equal(g.ExpiresAt) {
		t.Errorf("rotation near the end: %s expiring %v, want %v", rot.Outcome, rot.ExpiresAt, g.ExpiresAt)
	}
	stored, err := s.FindRefreshToken(ctx, "n-1")
	check(t, err)
	if !stored.ExpiresAt.Equal(g.ExpiresAt) {
		t.Errorf("stored expiry %v, want %v", stored.ExpiresAt, g.ExpiresAt)
	}
	if rot := rotate(t, s, "n-1", "n-2", g.ExpiresAt); rot.Outcome != hirebase.RefreshExpired {
		t.Errorf("token at the family's end: %s, want expired", rot.Outcome)
	}
}

// testRefreshConcurrent presents one refresh token from several goroutines at
// once: exactly one rotation succeeds, every other one is treated as reuse,
// and the family ends up revoked.
func testRefreshConcurrent(t *testing.T, s AuthStore) {
	ctx := context.Background()
	u := user(t, s, hirebase.RoleCandidate, "")
	f := family(t, s, u.ID, "c-0")
	const n = 8
	rots := make([]*hirebase.RefreshRotation, n)
	errs := concurrently(n, func(i int) error {
		var err error
		rots[i], err = s.RotateRefreshToken(ctx, "c-0", fmt.Sprintf("c-%d", i+1), t0.Add(time.Minute), t0.Add(time.Hour))
		return err
	})
	rotated := 0
	for i, err := range errs {
		check(t, err)
		switch rots[i].Outcome {
		case hirebase.RefreshRotated:
			rotated++
		case hirebase.RefreshReused, hirebase.RefreshRevoked:
		default:
			t.Errorf("presentation %d: %s", i, rots[i].Outcome)
		}
	}
	if rotated != 1 {
		t.Fatalf("%d rotations succeeded, want exactly 1", rotated)
	}
	if st := tokenState(t, s, u.ID, f.ID, ""); st.SessionActive {
		t.Error("family still live after concurrent reuse")
	}
}

func testTokenState(t *testing.T, s AuthStore) {
	ctx := context.Background()
	client := org(t, s, hirebase.OrgClient)
	u := user(t, s, hirebase.RoleClientMember, client.ID)
	other := user(t, s, hirebase.RoleCandidate, "")
	f := family(t, s, u.ID, "s-0")
	fo := family(t, s, other.ID, "s-1")

	wantEqual(t, "live state", tokenState(t, s, u.ID, f.ID, "jti-1"), &hirebase.TokenState{
		Role: hirebase.RoleClientMember, OrgID: client.ID, SessionsValidAfter: t0, SessionActive: true})
	if st := tokenState(t, s, u.ID, fo.ID, "jti-1"); st.SessionActive {
		t.Error("another user's family counts as the user's session")
	}
	if st := tokenState(t, s, u.ID, "missing", "jti-1"); st.SessionActive {
		t.Error("a missing family counts as a live session")
	}
	check(t, s.RevokeAccessToken(ctx, "jti-1", t0.Add(15*time.Minute), t0))
	check(t, s.RevokeAccessToken(ctx, "jti-1", t0.Add(15*time.Minute), t0))
	if st := tokenState(t, s, u.ID, f.ID, "jti-1"); !st.TokenRevoked {
		t.Error("revoked jti not reported")
	}
	if st := tokenState(t, s, u.ID, f.ID, "jti-2"); st.TokenRevoked {
		t.Error("unrevoked jti reported revoked")
	}
	_, err := s.UserTokenState(ctx, "missing", f.ID, "jti-1")
	wantCode(t, err, hirebase.ENOTFOUND)
}

func testPruneTokens(t *testing.T, s AuthStore) {
	ctx := context.Background()
	u := user(t, s, hirebase.RoleCandidate, "")
	f := family(t, s, u.ID, "p-0")
	check(t, s.RevokeAccessToken(ctx, "old-jti", t0.Add(time.Minute), t0))
	check(t, s.RevokeAccessToken(ctx, "new-jti", t0.Add(time.Hour), t0))

	check(t, s.PruneTokens(ctx, f.ExpiresAt, t0.Add(30*time.Minute)))
	if _, err := s.FindRefreshToken(ctx, "p-0"); err != nil {
		t.Errorf("family pruned before its end: %v", err)
	}
	if st := tokenState(t, s, u.ID, f.ID, "old-jti"); st.TokenRevoked {
		t.Error("expired revocation entry kept")
	}
	if st := tokenState(t, s, u.ID, f.ID, "new-jti"); !st.TokenRevoked {
		t.Error("live revocation entry pruned")
	}
	check(t, s.PruneTokens(ctx, f.ExpiresAt.Add(time.Second), t0.Add(30*time.Minute)))
	_, err := s.FindRefreshToken(ctx, "p-0")
	wantCode(t, err, hirebase.ENOTFOUND)
}

func signingKey(kid string, at time.Time) *hirebase.SigningKey {
	return &hirebase.SigningKey{ID: kid, Algorithm: "EdDSA", PrivateKey: []byte("seed-" + kid),
		PublicKey: []byte("pub-" + kid), CreatedAt: at}
}

func testSigningKeys(t *testing.T, s AuthStore) {
	ctx := context.Background()
	keys := func(retiredAfter time.Time) []string {
		t.Helper()
		ks, err := s.SigningKeys(ctx, retiredAfter)
		check(t, err)
		var ids []string
		for _, k := range ks {
			ids = append(ids, k.ID)
		}
		return ids
	}
	if got := keys(t0); len(got) != 0 {
		t.Fatalf("keys in an empty store: %v", got)
	}
	check(t, s.AddSigningKey(ctx, signingKey("k1", t0)))
	wantCode(t, s.AddSigningKey(ctx, signingKey("k1b", t0)), hirebase.ECONFLICT)
	ks, err := s.SigningKeys(ctx, t0)
	check(t, err)
	wantEqual(t, "first key", ks, []*hirebase.SigningKey{signingKey("k1", t0)})

	t1, t2 := t0.Add(time.Hour), t0.Add(2*time.Hour)
	check(t, s.RotateSigningKey(ctx, signingKey("k2", t1)))
	check(t, s.RotateSigningKey(ctx, signingKey("k3", t2)))
	wantEqual(t, "keys after two rotations", keys(t0), []string{"k3", "k2", "k1"})
	wantEqual(t, "keys retired after t1", keys(t1), []string{"k3", "k2"})
	ks, err = s.SigningKeys(ctx, t2)
	check(t, err)
	if len(ks) != 1 || ks[0].RetiredAt != nil {
		t.Errorf("active key: %+v", ks)
	}
	// A key made in the same instant as the one it retires still comes
	// first: order is by retirement, not creation.
	check(t, s.RotateSigningKey(ctx, signingKey("k0", t2)))
	wantEqual(t, "keys after a same-instant rotation", keys(t0), []string{"k0", "k3", "k2", "k1"})
	check(t, s.PruneSigningKeys(ctx, t2))
	wantEqual(t, "keys after pruning", keys(t0), []string{"k0", "k3", "k2"})
}

// testSigningKeysConcurrent makes the first key from several replicas at
// once: one wins, the others see ECONFLICT, and one key is active.
func testSigningKeysConcurrent(t *testing.T, s AuthStore) {
	ctx := context.Background()
	errs := concurrently(6, func(i int) error {
		return s.AddSigningKey(ctx, signingKey(fmt.Sprintf("k%d", i), t0))
	})
	if ok := countNil(errs); ok != 1 {
		t.Fatalf("%d first keys made, want 1: %v", ok, errs)
	}
	errs = concurrently(6, func(i int) error {
		return s.RotateSigningKey(ctx, signingKey(fmt.Sprintf("r%d", i), t0.Add(time.Hour)))
	})
	for _, err := range errs {
		if err != nil && hirebase.ErrorCode(err) != hirebase.ECONFLICT {
			t.Errorf("concurrent rotation: %v, want success or ECONFLICT", err)
		}
	}
	ks, err := s.SigningKeys(ctx, t0.Add(2*time.Hour))
	check(t, err)
	if len(ks) != 1 || ks[0].RetiredAt != nil {
		t.Errorf("active keys after concurrent rotations: %d", len(ks))
	}
}

func testAudit(t *testing.T, s AuthStore) {
	ctx := context.Background()
	var made []*hirebase.AuditEvent
	for i := range 5 {
		e := &hirebase.AuditEvent{At: t0.Add(time.Duration(i) * time.Second), Type: hirebase.AuditLoginFailed,
			Subject: fmt.Sprintf("user%d@example.com", i), IP: "192.0.2.1", Detail: "wrong password"}
		if i%2 == 0 {
			e.ActorID, e.OrgID, e.Type, e.Detail = "actor", "org", hirebase.AuditRoleChanged, ""
		}
		check(t, s.AppendAudit(ctx, e))
		if e.ID <= 0 || (i > 0 && e.ID <= made[i-1].ID) {
			t.Fatalf("event %d got id %d", i, e.ID)
		}
		made = append(made, e)
	}
	page, more, err := s.FindAuditEvents(ctx, hirebase.AuditFilter{Limit: 2})
	check(t, err)
	wantEqual(t, "first page", page, []*hirebase.AuditEvent{made[4], made[3]})
	if !more {
		t.Error("first page: more = false")
	}
	page, more, err = s.FindAuditEvents(ctx, hirebase.AuditFilter{Before: made[3].ID, Limit: 3})
	check(t, err)
	wantEqual(t, "last page", page, []*hirebase.AuditEvent{made[2], made[1], made[0]})
	if more {
		t.Error("last page: more = true")
	}
	_, _, err = s.FindAuditEvents(ctx, hirebase.AuditFilter{Limit: hirebase.MaxPageLimit + 1})
	wantField(t, err, "limit")
}

func testLoginFailures(t *testing.T, s AuthStore) {
	ctx := context.Background()
	for i := range 4 {
		at := t0.Add(time.Duration(i) * time.Minute)
		check(t, s.RecordLoginFailure(ctx, []string{"account:a@example.com", "ip:192.0.2.1"}, at, at.Add(-15*time.Minute)))
	}
	got, err := s.RecentLoginFailures(ctx, "account:a@example.com", t0, 10)
	check(t, err)
	wantEqual(t, "failures after t0", got, []time.Time{t0.Add(3 * time.Minute), t0.Add(2 * time.Minute), t0.Add(time.Minute)})
	got, err = s.RecentLoginFailures(ctx, "ip:192.0.2.1", t0.Add(-time.Second), 2)
	check(t, err)
	wantEqual(t, "two newest", got, []time.Time{t0.Add(3 * time.Minute), t0.Add(2 * time.Minute)})

	check(t, s.ClearLoginFailures(ctx, "account:a@example.com"))
	got, err = s.RecentLoginFailures(ctx, "account:a@example.com", t0.Add(-time.Hour), 10)
	check(t, err)
	if len(got) != 0 {
		t.Errorf("failures after clearing: %v", got)
	}

	// Recording prunes failures older than the window, under every key.
	check(t, s.RecordLoginFailure(ctx, []string{"ip:198.51.100.7"}, t0.Add(time.Hour), t0.Add(2*time.Minute)))
	got, err = s.RecentLoginFailures(ctx, "ip:192.0.2.1", t0.Add(-time.Hour), 10)
	check(t, err)
	wantEqual(t, "after pruning", got, []time.Time{t0.Add(3 * time.Minute), t0.Add(2 * time.Minute)})
}
