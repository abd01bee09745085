package auth_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
)

func TestSignup(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	u, err := e.svc.Signup(ctx, "  Ana.Gomez@Example.COM ", password, "Ana Gómez", "192.0.2.1")
	check(t, err)
	if u.Email != "ana.gomez@example.com" || u.Role != hirebase.RoleCandidate || u.OrgID != "" {
		t.Errorf("signed up %+v", u)
	}
	_, err = e.svc.Signup(ctx, "ana.gomez@example.com", password, "Again", "")
	wantCode(t, err, hirebase.ECONFLICT)
	for _, tt := range []struct{ email, password, name, field string }{
		{"not-an-email", password, "X", "email"},
		{"Ana <ana@example.com>", password, "X", "email"},
		{"x@example.com", "short", "X", "password"},
		{"x@example.com", "qwerty123456", "X", "password"},
		{"x@example.com", password, strings.Repeat("n", 200), "name"},
		{"x@example.com", password, "bell\a", "name"},
	} {
		_, err := e.svc.Signup(ctx, tt.email, tt.password, tt.name, "")
		wantCode(t, err, hirebase.EINVALID)
		if f := hirebase.ErrorFields(err); len(f) != 1 || f[0].Field != tt.field {
			t.Errorf("signup %q/%q: fields %v, want %s", tt.email, tt.name, f, tt.field)
		}
	}
	me, err := e.svc.Me(ctx, e.principal(t, e.login(t, "ana.gomez@example.com").AccessToken))
	check(t, err)
	if me.User.ID != u.ID || me.Org != nil {
		t.Errorf("me: %+v", me)
	}
}

// TestBootstrap adds users from the command line: the first agency user
// makes the agency, later ones join it, concurrent ones too.
func TestBootstrap(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	var wg sync.WaitGroup
	users := make([]*hirebase.User, 4)
	errs := make([]error, 4)
	for i := range users {
		wg.Go(func() {
			users[i], errs[i] = e.svc.AddUser(ctx, auth.NewUser{Email: string(rune('a'+i)) + "@agency.test",
				Role: hirebase.RoleAdmin, Password: password, AgencyName: "Talent Co"})
		})
	}
	wg.Wait()
	for i, err := range errs {
		check(t, err)
		if users[i].OrgID != users[0].OrgID {
			t.Fatalf("admins in two agencies: %s, %s", users[i].OrgID, users[0].OrgID)
		}
	}
	agency, err := e.store.AgencyOrg(ctx)
	check(t, err)
	if agency.ID != users[0].OrgID || agency.Name != "Talent Co" || agency.Kind != hirebase.OrgAgency {
		t.Errorf("agency %+v", agency)
	}
	_, err = e.svc.AddUser(ctx, auth.NewUser{Email: "a@agency.test", Role: hirebase.RoleRecruiter, Password: password})
	wantCode(t, err, hirebase.ECONFLICT)
	_, err = e.svc.AddUser(ctx, auth.NewUser{Email: "m@client.test", Role: hirebase.RoleClientMember, Password: password, OrgID: agency.ID})
	wantCode(t, err, hirebase.EINVALID)
	_, err = e.svc.AddUser(ctx, auth.NewUser{Email: "x@agency.test", Role: "root", Password: password})
	wantCode(t, err, hirebase.EINVALID)
}

// TestInviteFlow is the path of the closing note without HTTP: an
// admin creates a client organisation and invites its admin, who accepts,
// signs in, invites a member and registers an API client; nobody reaches
// another organisation.
func TestInviteFlow(t *testing.T) {
	t.Parallel()
	e, admin := adminEnv(t)
	ctx := context.Background()
	acme, err := e.svc.CreateOrg(ctx, admin, "Acme")
	check(t, err)
	globex, err := e.svc.CreateOrg(ctx, admin, "Globex")
	check(t, err)
	_, err = e.svc.CreateOrg(ctx, admin, "  ")
	wantCode(t, err, hirebase.EINVALID)

	inv, err := e.svc.CreateInvite(ctx, admin, acme.ID, "Boss@Acme.test", hirebase.RoleClientAdmin)
	check(t, err)
	if inv.Email != "boss@acme.test" || inv.Token == "" || len(e.mailer.sent) != 1 || e.mailer.sent[0].token != inv.Token {
		t.Fatalf("invite %+v, mailed %+v", inv, e.mailer.sent)
	}
	_, err = e.svc.CreateInvite(ctx, admin, acme.ID, "x@acme.test", hirebase.RoleRecruiter)
	wantCode(t, err, hirebase.EINVALID)

	_, err = e.svc.AcceptInvite(ctx, inv.Token, "short", "Boss", "")
	wantCode(t, err, hirebase.EINVALID)
	boss, err := e.svc.AcceptInvite(ctx, inv.Token, password, "The Boss", "")
	check(t, err)
	if boss.OrgID != acme.ID || boss.Role != hirebase.RoleClientAdmin {
		t.Errorf("accepted as %+v", boss)
	}
	_, err = e.svc.AcceptInvite(ctx, inv.Token, password, "Again", "")
	wantCode(t, err, hirebase.ENOTFOUND)
	_, err = e.svc.AcceptInvite(ctx, "hbi_forged", password, "X", "")
	wantCode(t, err, hirebase.ENOTFOUND)

	p := e.principal(t, e.login(t, boss.Email).AccessToken)
	me, err := e.svc.Me(ctx, p)
	check(t, err)
	if me.Org == nil || me.Org.ID != acme.ID {
		t.Errorf("me: %+v", me)
	}
	member, err := e.svc.CreateInvite(ctx, p, acme.ID, "dev@acme.test", hirebase.RoleClientMember)
	check(t, err)
	nc, err := e.svc.CreateClient(ctx, p, acme.ID, "Acme ATS", []string{hirebase.ScopeRequestsRead})
	check(t, err)
	list, err := e.svc.ListClients(ctx, p, acme.ID)
	check(t, err)
	if len(list) != 1 || list[0].ClientID != nc.ClientID {
		t.Errorf("clients: %+v", list)
	}

	// Another organisation answers exactly as a missing one.
	_, errOther := e.svc.GetOrg(ctx, p, globex.ID)
	_, errMissing := e.svc.GetOrg(ctx, p, "no-such-org")
	wantCode(t, errOther, hirebase.ENOTFOUND)
	if errOther.Error() != errMissing.Error() {
		t.Errorf("other org %v, missing org %v", errOther, errMissing)
	}
	for _, err := range []error{
		func() error {
			_, err := e.svc.CreateInvite(ctx, p, globex.ID, "x@globex.test", hirebase.RoleClientMember)
			return err
		}(),
		func() error {
			_, err := e.svc.CreateClient(ctx, p, globex.ID, "X", []string{hirebase.ScopeRolesRead})
			return err
		}(),
		func() error { _, err := e.svc.ListClients(ctx, p, globex.ID); return err }(),
	} {
		wantCode(t, err, hirebase.ENOTFOUND)
	}
	_, err = e.svc.CreateOrg(ctx, p, "Mine")
	wantCode(t, err, hirebase.EFORBIDDEN)
	_, err = e.svc.ListAudit(ctx, p, "", 0)
	wantCode(t, err, hirebase.EFORBIDDEN)

	dev, err := e.svc.AcceptInvite(ctx, member.Token, password, "Dev", "")
	check(t, err)
	devP := e.principal(t, e.login(t, dev.Email).AccessToken)
	_, err = e.svc.CreateInvite(ctx, devP, acme.ID, "y@acme.test", hirebase.RoleClientMember)
	wantCode(t, err, hirebase.EFORBIDDEN)
	// The client admin manages members of Acme, but no candidate.
	check(t, e.svc.SetUserRole(ctx, p, dev.ID, hirebase.RoleClientAdmin))
	cand, err := e.svc.Signup(ctx, "cand@example.com", password, "C", "")
	check(t, err)
	wantCode(t, e.svc.SetUserDisabled(ctx, p, cand.ID, true), hirebase.ENOTFOUND)
	check(t, e.svc.SetUserDisabled(ctx, admin, cand.ID, true))
}

func TestInviteExpires(t *testing.T) {
	t.Parallel()
	e, admin := adminEnv(t)
	ctx := context.Background()
	org, err := e.svc.CreateOrg(ctx, admin, "Acme")
	check(t, err)
	inv, err := e.svc.CreateInvite(ctx, admin, org.ID, "late@acme.test", hirebase.RoleClientMember)
	check(t, err)
	e.clock.Advance(e.cfg.InviteTTL)
	_, err = e.svc.AcceptInvite(ctx, inv.Token, password, "Late", "")
	wantCode(t, err, hirebase.ENOTFOUND)
}

// TestListAudit pages through the audit log as an admin.
func TestListAudit(t *testing.T) {
	t.Parallel()
	e, admin := adminEnv(t)
	ctx := context.Background()
	for range 3 {
		_, err := e.svc.CreateOrg(ctx, admin, "Org")
		check(t, err)
	}
	var all []*hirebase.AuditEvent
	cursor := ""
	for {
		page, err := e.svc.ListAudit(ctx, admin, cursor, 2)
		check(t, err)
		all = append(all, page.Events...)
		if page.Next == "" {
			break
		}
		cursor = page.Next
	}
	// user created, agency created, login, three orgs.
	if len(all) != 6 || all[0].Type != hirebase.AuditOrgCreated || all[5].Type != hirebase.AuditOrgCreated {
		t.Errorf("audit: %d events, newest %s", len(all), all[0].Type)
	}
	for i := 1; i < len(all); i++ {
		if all[i].ID >= all[i-1].ID {
			t.Fatalf("audit not newest first: %d after %d", all[i].ID, all[i-1].ID)
		}
	}
	for _, bad := range []string{"x", "-1", "0", "99999999999999999999"} {
		_, err := e.svc.ListAudit(ctx, admin, bad, 2)
		wantCode(t, err, hirebase.EINVALID)
	}
	_, err := e.svc.ListAudit(ctx, admin, "", 1000)
	wantCode(t, err, hirebase.EINVALID)
}
