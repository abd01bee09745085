package auth_test

import (
	"context"
	"slices"
	"testing"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// wantOAuth fails t unless err is an OAuth error with code.
func wantOAuth(t *testing.T, err error, code string) {
	t.Helper()
	oe, ok := auth.OAuthErrorOf(err)
	if !ok || oe.Code != code {
		t.Fatalf("error %v, want OAuth %s", err, code)
	}
}

// TestClientCredentials registers an API client and runs the grant: scopes
// default to all the client's, may be narrowed, never widened; bad
// credentials are invalid_client; the token's principal acts within its
// organisation and scopes.
func TestClientCredentials(t *testing.T) {
	t.Parallel()
	e, admin := adminEnv(t)
	ctx := context.Background()
	org, err := e.svc.CreateOrg(ctx, admin, "Acme")
	check(t, err)
	other, err := e.svc.CreateOrg(ctx, admin, "Globex")
	check(t, err)
	nc, err := e.svc.CreateClient(ctx, admin, org.ID, "Acme ATS", []string{hirebase.ScopeRolesRead, hirebase.ScopeRequestsRead})
	check(t, err)
	if nc.ClientSecret == "" || nc.ClientID == "" {
		t.Fatalf("new client: %+v", nc)
	}
	_, hash, err := e.store.FindClient(ctx, nc.ClientID)
	check(t, err)
	if hash == nc.ClientSecret || len(hash) != 64 {
		t.Errorf("stored secret %q is not a SHA-256 hash", hash)
	}

	all, err := e.svc.IssueClientToken(ctx, nc.ClientID, nc.ClientSecret, nil, "")
	check(t, err)
	if all.Scope != "roles:read requests:read" || all.RefreshToken != "" || all.TokenType != "Bearer" {
		t.Errorf("token answer: %+v", all)
	}
	p := e.principal(t, all.AccessToken)
	if p.Kind != auth.KindClient || p.ClientID != nc.ClientID || p.OrgID != org.ID || p.UserID != "" {
		t.Errorf("principal: %+v", p)
	}
	check(t, auth.Authorize(p, auth.ActionRequestsRead, org.ID))
	wantCode(t, auth.Authorize(p, auth.ActionRequestsRead, other.ID), hirebase.ENOTFOUND)
	wantCode(t, auth.Authorize(p, auth.ActionRequestsWrite, org.ID), hirebase.EFORBIDDEN)
	wantCode(t, auth.Authorize(p, auth.ActionRolesWrite, ""), hirebase.EFORBIDDEN)
	_, err = e.svc.Me(ctx, p)
	wantCode(t, err, hirebase.EFORBIDDEN)

	narrow, err := e.svc.IssueClientToken(ctx, nc.ClientID, nc.ClientSecret, []string{hirebase.ScopeRequestsRead}, "")
	check(t, err)
	if narrow.Scope != "requests:read" {
		t.Errorf("narrowed scope %q", narrow.Scope)
	}
	_, err = e.svc.IssueClientToken(ctx, nc.ClientID, nc.ClientSecret, []string{hirebase.ScopeWebhooksWrite}, "")
	wantOAuth(t, err, auth.OAuthInvalidScope)
	wantCode(t, err, hirebase.EINVALID)

	for _, creds := range [][2]string{
		{nc.ClientID, nc.ClientSecret + "x"},
		{nc.ClientID, "hbs_" + "wrong"},
		{"hbc_unknown", nc.ClientSecret},
		{"", ""},
		{nc.ClientID, all.AccessToken},
	} {
		_, err := e.svc.IssueClientToken(ctx, creds[0], creds[1], nil, "")
		wantOAuth(t, err, auth.OAuthInvalidClient)
		wantCode(t, err, hirebase.EUNAUTHORIZED)
	}
	if !slices.Contains(auditTypes(t, e), hirebase.AuditClientAuthFailed) {
		t.Error("client authentication failure not audited")
	}

	// Revoking the client ends its tokens and its grant.
	check(t, e.svc.RevokeClient(ctx, admin, org.ID, nc.ClientID))
	_, err = e.svc.Authenticate(ctx, all.AccessToken)
	wantCode(t, err, hirebase.EUNAUTHORIZED)
	_, err = e.svc.IssueClientToken(ctx, nc.ClientID, nc.ClientSecret, nil, "")
	wantOAuth(t, err, auth.OAuthInvalidClient)
	wantCode(t, e.svc.RevokeClient(ctx, admin, other.ID, nc.ClientID), hirebase.ENOTFOUND)
}

// TestRevokeAndIntrospect revokes tokens as RFC 7009 asks and describes
// them as RFC 7662 does, to their own client only.
func TestRevokeAndIntrospect(t *testing.T) {
	t.Parallel()
	e, admin := adminEnv(t)
	ctx := context.Background()
	org, err := e.svc.CreateOrg(ctx, admin, "Acme")
	check(t, err)
	a, err := e.svc.CreateClient(ctx, admin, org.ID, "A", []string{hirebase.ScopeRolesRead})
	check(t, err)
	b, err := e.svc.CreateClient(ctx, admin, org.ID, "B", []string{hirebase.ScopeRolesRead})
	check(t, err)
	tok, err := e.svc.IssueClientToken(ctx, a.ClientID, a.ClientSecret, nil, "")
	check(t, err)

	in, err := e.svc.Introspect(ctx, a.ClientID, tok.AccessToken)
	check(t, err)
	if !in.Active || in.ClientID != a.ClientID || in.Scope != "roles:read" || in.Sub != a.ClientID ||
		in.Iss != e.cfg.Issuer || in.Exp == 0 || in.Jti == "" || in.OrgID != org.ID {
		t.Errorf("introspection: %+v", in)
	}
	if in, err := e.svc.Introspect(ctx, b.ClientID, tok.AccessToken); err != nil || in.Active {
		t.Errorf("another client sees the token: %+v, %v", in, err)
	}
	if in, err := e.svc.Introspect(ctx, a.ClientID, "garbage"); err != nil || in.Active {
		t.Errorf("garbage introspected: %+v, %v", in, err)
	}

	// Another client's revocation is a silent no-op; the owner's bites.
	check(t, e.svc.Revoke(ctx, b.ClientID, tok.AccessToken))
	e.principal(t, tok.AccessToken)
	check(t, e.svc.Revoke(ctx, a.ClientID, tok.AccessToken))
	_, err = e.svc.Authenticate(ctx, tok.AccessToken)
	wantCode(t, err, hirebase.EUNAUTHORIZED)
	if in, _ := e.svc.Introspect(ctx, a.ClientID, tok.AccessToken); in.Active {
		t.Error("revoked token introspects active")
	}
	check(t, e.svc.Revoke(ctx, a.ClientID, "not a token"))

	// First-party tokens: the refresh token is revocable by the public
	// client, which ends the session.
	pair := e.login(t, "admin@agency.test")
	fp := e.cfg.FirstPartyClientID
	if in, err := e.svc.Introspect(ctx, fp, pair.RefreshToken); err != nil || !in.Active || in.TokenType != "refresh_token" {
		t.Errorf("refresh token introspection: %+v, %v", in, err)
	}
	if in, err := e.svc.Introspect(ctx, fp, pair.AccessToken); err != nil || !in.Active || in.Roles[0] != "admin" {
		t.Errorf("user token introspection: %+v, %v", in, err)
	}
	check(t, e.svc.Revoke(ctx, a.ClientID, pair.RefreshToken))
	e.principal(t, pair.AccessToken)
	check(t, e.svc.Revoke(ctx, fp, pair.RefreshToken))
	_, err = e.svc.Authenticate(ctx, pair.AccessToken)
	wantCode(t, err, hirebase.EUNAUTHORIZED)
	if in, _ := e.svc.Introspect(ctx, fp, pair.RefreshToken); in.Active {
		t.Error("revoked refresh token introspects active")
	}
}

func TestParseScope(t *testing.T) {
	t.Parallel()
	got, err := auth.ParseScope("roles:read  requests:read roles:read")
	check(t, err)
	if !slices.Equal(got, []string{"roles:read", "requests:read"}) {
		t.Errorf("scopes %v", got)
	}
	if got, err := auth.ParseScope(""); err != nil || got != nil {
		t.Errorf("empty scope: %v, %v", got, err)
	}
	for _, bad := range []string{"admin", "roles:read\trequests:read", "roles:read,requests:read", string(make([]byte, 600))} {
		_, err := auth.ParseScope(bad)
		wantOAuth(t, err, auth.OAuthInvalidScope)
	}
}
