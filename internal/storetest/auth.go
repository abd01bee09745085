package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// AuthStore is what the auth suite exercises: every store package auth uses,
// which each engine implements on one type.
type AuthStore interface {
	hirebase.OrgStore
	hirebase.UserStore
	hirebase.InviteStore
	hirebase.ClientStore
	hirebase.TokenStore
	hirebase.KeyStore
	hirebase.AuditStore
	hirebase.LoginThrottleStore
}

// OpenAuth returns an empty, migrated auth store of its own for the test t
// and closes it when t ends. Tests calling it run in parallel.
type OpenAuth func(t *testing.T) AuthStore

// AuthStores tests the auth half of a store: organisations, users, invites,
// API clients, refresh rotation (concurrent presentations included), token
// state, signing keys, the audit log and login failures.
func AuthStores(t *testing.T, open OpenAuth) {
	tests := map[string]func(t *testing.T, s AuthStore){
		"Orgs":                  testOrgs,
		"Users":                 testUsers,
		"UserSessionsEnd":       testUserSessionsEnd,
		"Invites":               testInvites,
		"InviteAcceptedOnce":    testInviteAcceptedOnce,
		"Clients":               testClients,
		"RefreshRotation":       testRefreshRotation,
		"RefreshExpiry":         testRefreshExpiry,
		"RefreshConcurrent":     testRefreshConcurrent,
		"TokenState":            testTokenState,
		"PruneTokens":           testPruneTokens,
		"SigningKeys":           testSigningKeys,
		"SigningKeysConcurrent": testSigningKeysConcurrent,
		"Audit":                 testAudit,
		"LoginFailures":         testLoginFailures,
	}
	names := make([]string, 0, len(tests))
	for name := range tests {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tests[name](t, open(t))
		})
	}
}

// t0 is the suites' clock: microseconds, the finest time both engines keep.
var t0 = time.Date(2026, 3, 4, 5, 6, 7, 891011000, time.UTC)

// org creates an organisation of kind.
func org(t *testing.T, s AuthStore, kind hirebase.OrgKind) *hirebase.Org {
	t.Helper()
	o := &hirebase.Org{ID: hirebase.NewID(), Name: "Org " + string(kind), Kind: kind, CreatedAt: t0}
	check(t, s.CreateOrg(context.Background(), o))
	return o
}

// user creates a user of role in orgID with password hash "hash-" + email.
func user(t *testing.T, s AuthStore, role hirebase.UserRole, orgID string) *hirebase.User {
	t.Helper()
	id := hirebase.NewID()
	u := &hirebase.User{
		ID: id, Email: id + "@example.com", Name: "User " + id[:4], Role: role, OrgID: orgID,
		CreatedAt: t0, PasswordChangedAt: t0, SessionsValidAfter: t0,
	}
	check(t, s.CreateUser(context.Background(), u, "hash-"+u.Email))
	return u
}

// family starts a session for userID whose first token has hash.
func family(t *testing.T, s AuthStore, userID, hash string) *hirebase.RefreshFamily {
	t.Helper()
	f := &hirebase.RefreshFamily{ID: hirebase.NewID(), UserID: userID, ClientID: "hirebase",
		CreatedAt: t0, ExpiresAt: t0.Add(30 * 24 * time.Hour)}
	check(t, s.CreateRefreshFamily(context.Background(), f, hash, t0.Add(14*24*time.Hour)))
	return f
}

func testOrgs(t *testing.T, s AuthStore) {
	ctx := context.Background()
	_, err := s.AgencyOrg(ctx)
	wantCode(t, err, hirebase.ENOTFOUND)

	agency := org(t, s, hirebase.OrgAgency)
	got, err := s.AgencyOrg(ctx)
	check(t, err)
	wantEqual(t, "agency", got, agency)
	second := &hirebase.Org{ID: hirebase.NewID(), Name: "Another agency", Kind: hirebase.OrgAgency, CreatedAt: t0}
	wantCode(t, s.CreateOrg(ctx, second), hirebase.ECONFLICT)

	client := org(t, s, hirebase.OrgClient)
	got, err = s.FindOrgByID(ctx, client.ID)
	check(t, err)
	wantEqual(t, "client org", got, client)
	_, err = s.FindOrgByID(ctx, "missing")
	wantCode(t, err, hirebase.ENOTFOUND)
	wantField(t, s.CreateOrg(ctx, &hirebase.Org{ID: "x", Kind: hirebase.OrgClient}), "name")
}

func testUsers(t *testing.T, s AuthStore) {
	ctx := context.Background()
	agency := org(t, s, hirebase.OrgAgency)
	admin := user(t, s, hirebase.RoleAdmin, agency.ID)
	candidate := user(t, s, hirebase.RoleCandidate, "")

	got, err := s.FindUserByID(ctx, admin.ID)
	check(t, err)
	wantEqual(t, "admin by id", got, admin)
	got, hash, err := s.FindUserByEmail(ctx, candidate.Email)
	check(t, err)
	wantEqual(t, "candidate by email", got, candidate)
	if hash != "hash-"+candidate.Email {
		t.Errorf("hash = %q", hash)
	}
	_, err = s.FindUserByID(ctx, "missing")
	wantCode(t, err, hirebase.ENOTFOUND)
	_, _, err = s.FindUserByEmail(ctx, "missing@example.com")
	wantCode(t, err, hirebase.ENOTFOUND)

	dup := *candidate
	dup.ID = hirebase.NewID()
	wantCode(t, s.CreateUser(ctx, &dup, "h"), hirebase.ECONFLICT)
	bad := *candidate
	bad.ID, bad.Email, bad.OrgID = hirebase.NewID(), "other@example.com", agency.ID
	wantField(t, s.CreateUser(ctx, &bad, "h"), "org_id")

	check(t, s.UpdatePasswordHash(ctx, admin.ID, "rehashed"))
	_, hash, err = s.FindUserByEmail(ctx, admin.Email)
	check(t, err)
	if hash != "rehashed" {
		t.Errorf("hash after update = %q", hash)
	}
	check(t, s.SetUserRole(ctx, admin.ID, hirebase.RoleRecruiter))
	got, err = s.FindUserByID(ctx, admin.ID)
	check(t, err)
	if got.Role != hirebase.RoleRecruiter {
		t.Errorf("role after change = %q", got.Role)
	}
	wantCode(t, s.SetUserRole(ctx, "missing", hirebase.RoleAdmin), hirebase.ENOTFOUND)
	wantCode(t, s.UpdatePasswordHash(ctx, "missing", "h"), hirebase.ENOTFOUND)
	wantCode(t, s.SetPassword(ctx, "missing", "h", t0), hirebase.ENOTFOUND)
	wantCode(t, s.SetUserDisabled(ctx, "missing", true, t0), hirebase.ENOTFOUND)
}

// testUserSessionsEnd checks that a password change and disabling end every
// session of the user and move SessionsValidAfter, and nobody else's.
func testUserSessionsEnd(t *testing.T, s AuthStore) {
	ctx := context.Background()
	u := user(t, s, hirebase.RoleCandidate, "")
	other := user(t, s, hirebase.RoleCandidate, "")
	f1, f2 := family(t, s, u.ID, "u-1"), family(t, s, u.ID, "u-2")
	fo := family(t, s, other.ID, "o-1")

	later := t0.Add(time.Hour)
	check(t, s.SetPassword(ctx, u.ID, "new-hash", later))
	got, hash, err := s.FindUserByEmail(ctx, u.Email)
	check(t, err)
	if hash != "new-hash" || !got.PasswordChangedAt.Equal(later) || !got.SessionsValidAfter.Equal(later) {
		t.Errorf("after password change: hash %q, changed %v, valid after %v", hash, got.PasswordChangedAt, got.SessionsValidAfter)
	}
	for _, f := range []*hirebase.RefreshFamily{f1, f2} {
		if st := tokenState(t, s, u.ID, f.ID, ""); st.SessionActive {
			t.Errorf("family %s live after password change", f.ID)
		}
	}
	if st := tokenState(t, s, other.ID, fo.ID, ""); !st.SessionActive {
		t.Error("another user's family ended by a password change")
	}

	f3 := family(t, s, u.ID, "u-3")
	evenLater := later.Add(time.Hour)
	check(t, s.SetUserDisabled(ctx, u.ID, true, evenLater))
	st := tokenState(t, s, u.ID, f3.ID, "")
	if !st.Disabled || st.SessionActive || !st.SessionsValidAfter.Equal(evenLater) {
		t.Errorf("after disabling: %+v", st)
	}
	check(t, s.SetUserDisabled(ctx, u.ID, false, evenLater.Add(time.Hour)))
	got, err = s.FindUserByID(ctx, u.ID)
	check(t, err)
	if got.Disabled || !got.SessionsValidAfter.Equal(evenLater) {
		t.Errorf("after enabling: disabled %v, valid after %v", got.Disabled, got.SessionsValidAfter)
	}
}

func tokenState(t *testing.T, s AuthStore, userID, familyID, jti string) *hirebase.TokenState {
	t.Helper()
	st, err := s.UserTokenState(context.Background(), userID, familyID, jti)
	check(t, err)
	return st
}

func testInvites(t *testing.T, s AuthStore) {
	ctx := context.Background()
	client := org(t, s, hirebase.OrgClient)
	inv := &hirebase.Invite{ID: hirebase.NewID(), OrgID: client.ID, Email: "new@example.com",
		Role: hirebase.RoleClientAdmin, InvitedBy: "someone", CreatedAt: t0, ExpiresAt: t0.Add(time.Hour)}
	check(t, s.CreateInvite(ctx, inv, "invite-hash"))
	got, err := s.FindInviteByTokenHash(ctx, "invite-hash")
	check(t, err)
	wantEqual(t, "invite", got, inv)
	_, err = s.FindInviteByTokenHash(ctx, "other")
	wantCode(t, err, hirebase.ENOTFOUND)

	// An email in use leaves the invite unused.
	taken := user(t, s, hirebase.RoleCandidate, "")
	u := &hirebase.User{ID: hirebase.NewID(), Email: taken.Email, Role: inv.Role, OrgID: client.ID,
		CreatedAt: t0, PasswordChangedAt: t0, SessionsValidAfter: t0}
	wantCode(t, s.AcceptInvite(ctx, "invite-hash", u, "h", t0.Add(time.Minute)), hirebase.ECONFLICT)

	u.Email = inv.Email
	check(t, s.AcceptInvite(ctx, "invite-hash", u, "h", t0.Add(time.Minute)))
	got, err = s.FindInviteByTokenHash(ctx, "invite-hash")
	check(t, err)
	if got.AcceptedAt == nil || !got.AcceptedAt.Equal(t0.Add(time.Minute)) {
		t.Errorf("accepted at = %v", got.AcceptedAt)
	}
	created, err := s.FindUserByID(ctx, u.ID)
	check(t, err)
	wantEqual(t, "invited user", created, u)

	u2 := *u
	u2.ID, u2.Email = hirebase.NewID(), "again@example.com"
	wantCode(t, s.AcceptInvite(ctx, "invite-hash", &u2, "h", t0.Add(2*time.Minute)), hirebase.ENOTFOUND)

	expired := &hirebase.Invite{ID: hirebase.NewID(), OrgID: client.ID, Email: "late@example.com",
		Role: hirebase.RoleClientMember, InvitedBy: "someone", CreatedAt: t0, ExpiresAt: t0.Add(time.Hour)}
	check(t, s.CreateInvite(ctx, expired, "expired-hash"))
	u2.Email = expired.Email
	wantCode(t, s.AcceptInvite(ctx, "expired-hash", &u2, "h", t0.Add(time.Hour)), hirebase.ENOTFOUND)
}

// testInviteAcceptedOnce accepts one invite from several goroutines at once:
// exactly one account is created.
func testInviteAcceptedOnce(t *testing.T, s AuthStore) {
	ctx := context.Background()
	client := org(t, s, hirebase.OrgClient)
	inv := &hirebase.Invite{ID: hirebase.NewID(), OrgID: client.ID, Email: "race@example.com",
		Role: hirebase.RoleClientMember, InvitedBy: "someone", CreatedAt: t0, ExpiresAt: t0.Add(time.Hour)}
	check(t, s.CreateInvite(ctx, inv, "race-hash"))
	errs := concurrently(8, func(i int) error {
		u := &hirebase.User{ID: hirebase.NewID(), Email: inv.Email, Role: inv.Role, OrgID: client.ID,
			CreatedAt: t0, PasswordChangedAt: t0, SessionsValidAfter: t0}
		return s.AcceptInvite(ctx, "race-hash", u, "h", t0.Add(time.Minute))
	})
	if ok := countNil(errs); ok != 1 {
		t.Fatalf("%d accepts succeeded, want 1: %v", ok, errs)
	}
	for _, err := range errs {
		if err != nil && hirebase.ErrorCode(err) != hirebase.ENOTFOUND {
			t.Errorf("losing accept: %v, want ENOTFOUND", err)
		}
	}
}

func testClients(t *testing.T, s AuthStore) {
	ctx := context.Background()
	client, other := org(t, s, hirebase.OrgClient), org(t, s, hirebase.OrgClient)
	var made []*hirebase.APIClient
	for i, scopes := range [][]string{{hirebase.ScopeRolesRead}, {hirebase.ScopeRequestsRead, hirebase.ScopeRequestsWrite}} {
		c := &hirebase.APIClient{ClientID: fmt.Sprintf("client-%d", i), OrgID: client.ID, Name: fmt.Sprintf("ATS %d", i),
			Scopes: scopes, CreatedBy: "someone", CreatedAt: t0.Add(time.Duration(i) * time.Second)}
		check(t, s.CreateClient(ctx, c, fmt.Sprintf("secret-hash-%d", i)))
		made = append(made, c)
	}
	got, hash, err := s.FindClient(ctx, "client-1")
	check(t, err)
	wantEqual(t, "client", got, made[1])
	if hash != "secret-hash-1" {
		t.Errorf("secret hash = %q", hash)
	}
	_, _, err = s.FindClient(ctx, "missing")
	wantCode(t, err, hirebase.ENOTFOUND)
	list, err := s.ListClients(ctx, client.ID)
	check(t, err)
	wantEqual(t, "clients", list, made)
	list, err = s.ListClients(ctx, other.ID)
	check(t, err)
	if len(list) != 0 {
		t.Errorf("other org lists %d clients", len(list))
	}
	wantField(t, s.CreateClient(ctx, &hirebase.APIClient{ClientID: "bad", OrgID: client.ID, Name: "Bad",
		Scopes: []string{"admin:all"}, CreatedAt: t0}, "h"), "scopes")

	st, err := s.ClientTokenState(ctx, "client-0", "jti-1")
	check(t, err)
	wantEqual(t, "client state", st, &hirebase.TokenState{OrgID: client.ID, SessionActive: true})
	check(t, s.RevokeClient(ctx, "client-0", t0.Add(time.Hour)))
	check(t, s.RevokeClient(ctx, "client-0", t0.Add(2*time.Hour)))
	got, _, err = s.FindClient(ctx, "client-0")
	check(t, err)
	if got.RevokedAt == nil || !got.RevokedAt.Equal(t0.Add(time.Hour)) {
		t.Errorf("revoked at = %v, want the first revocation", got.RevokedAt)
	}
	st, err = s.ClientTokenState(ctx, "client-0", "jti-1")
	check(t, err)
	if !st.Disabled {
		t.Error("revoked client's state is not disabled")
	}
	wantCode(t, s.RevokeClient(ctx, "missing", t0), hirebase.ENOTFOUND)
	_, err = s.ClientTokenState(ctx, "missing", "jti")
	wantCode(t, err, hirebase.ENOTFOUND)
}
