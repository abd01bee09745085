package auth_test

import (
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// principals are one caller of every kind: agency staff, users of client
// organisation "org-a", a candidate, an API client of "org-a" holding every
// scope, and nobody.
var principals = map[string]auth.Principal{
	"anonymous":     auth.Anonymous,
	"admin":         {Kind: auth.KindUser, UserID: "u1", OrgID: "agency", Role: hirebase.RoleAdmin},
	"recruiter":     {Kind: auth.KindUser, UserID: "u2", OrgID: "agency", Role: hirebase.RoleRecruiter},
	"client_admin":  {Kind: auth.KindUser, UserID: "u3", OrgID: "org-a", Role: hirebase.RoleClientAdmin},
	"client_member": {Kind: auth.KindUser, UserID: "u4", OrgID: "org-a", Role: hirebase.RoleClientMember},
	"candidate":     {Kind: auth.KindUser, UserID: "u5", Role: hirebase.RoleCandidate},
	"api_client":    {Kind: auth.KindClient, ClientID: "hbc_1", OrgID: "org-a", Scopes: hirebase.Scopes},
}

// TestPolicyTable checks the table itself: every action is named
// resource.verb and grants something, every scope maps onto an action, and
// an action missing from the table is an error, never an allow.
func TestPolicyTable(t *testing.T) {
	t.Parallel()
	actions := auth.Actions()
	if len(actions) < 20 || !slices.IsSorted(actions) {
		t.Fatalf("actions: %v", actions)
	}
	name := regexp.MustCompile(`^[a-z]+\.[a-z]+$`)
	for _, a := range actions {
		r, ok := auth.RuleFor(a)
		if !ok || !name.MatchString(a) {
			t.Errorf("action %q: rule %v, well named %v", a, ok, name.MatchString(a))
		}
		if !r.Anonymous && len(r.Roles) == 0 && len(r.AnyOrg) == 0 && r.Scope == "" {
			t.Errorf("action %q grants nobody", a)
		}
		if r.Scope != "" && !hirebase.ValidScope(r.Scope) {
			t.Errorf("action %q names unknown scope %q", a, r.Scope)
		}
	}
	for _, sc := range hirebase.Scopes {
		mapped := false
		for _, a := range actions {
			r, _ := auth.RuleFor(a)
			mapped = mapped || r.Scope == sc
		}
		if !mapped {
			t.Errorf("scope %s maps onto no action", sc)
		}
	}
	for _, p := range principals {
		if err := auth.Authorize(p, "roles.destroy", ""); err == nil || hirebase.ErrorCode(err) != hirebase.EINTERNAL {
			t.Errorf("unknown action allowed or mis-coded: %v", err)
		}
	}
}

// TestOtherOrgIsNotFound checks, for every action and every caller, that an
// object of another organisation answers either what the caller's own
// organisation's object answers (allowed for agency staff, refused alike for
// a caller who may never act) or ENOTFOUND: never a different refusal that
// would tell "exists elsewhere" from "missing".
func TestOtherOrgIsNotFound(t *testing.T) {
	t.Parallel()
	for _, a := range auth.Actions() {
		for name, p := range principals {
			own := p.OrgID
			if own == "" {
				own = "own-org"
			}
			errOwn := auth.Authorize(p, a, own)
			errOther := auth.Authorize(p, a, "org-b")
			if errOwn != nil && hirebase.ErrorCode(errOther) != hirebase.ErrorCode(errOwn) {
				t.Errorf("%s by %s: own org %v, other org %v", a, name, errOwn, errOther)
			}
			if errOwn == nil && errOther != nil && hirebase.ErrorCode(errOther) != hirebase.ENOTFOUND {
				t.Errorf("%s by %s on another org: %v, want nil or ENOTFOUND", a, name, errOther)
			}
		}
	}
}

// TestAuthorizeMatrix spells out who may do what for the actions the
// issue names, on no object, on org-a (the client users' own) and on org-b.
func TestAuthorizeMatrix(t *testing.T) {
	t.Parallel()
	const (
		ok = ""
		u  = hirebase.EUNAUTHORIZED
		f  = hirebase.EFORBIDDEN
		nf = hirebase.ENOTFOUND
	)
	order := []string{"anonymous", "admin", "recruiter", "client_admin", "client_member", "candidate", "api_client"}
	tests := []struct {
		action, org string
		want        [7]string // in the order above
	}{
		{auth.ActionPublicRead, "", [7]string{ok, ok, ok, ok, ok, ok, ok}},
		{auth.ActionRolesRead, "", [7]string{ok, ok, ok, ok, ok, ok, ok}},
		{auth.ActionRolesWrite, "", [7]string{u, ok, f, f, f, f, f}},
		{auth.ActionAuthLogin, "", [7]string{ok, ok, ok, ok, ok, ok, ok}},
		{auth.ActionMeRead, "", [7]string{u, ok, ok, ok, ok, ok, f}},
		{auth.ActionOrgsCreate, "", [7]string{u, ok, f, f, f, f, f}},
		{auth.ActionOrgsRead, "org-a", [7]string{u, ok, ok, ok, ok, f, f}},
		{auth.ActionOrgsRead, "org-b", [7]string{u, ok, ok, nf, nf, f, f}},
		{auth.ActionInvitesCreate, "org-a", [7]string{u, ok, f, ok, f, f, f}},
		{auth.ActionInvitesCreate, "org-b", [7]string{u, ok, f, nf, f, f, f}},
		{auth.ActionClientsCreate, "org-b", [7]string{u, ok, f, nf, f, f, f}},
		{auth.ActionUsersWrite, "org-b", [7]string{u, ok, f, nf, f, f, f}},
		{auth.ActionAuditRead, "", [7]string{u, ok, f, f, f, f, f}},
		{auth.ActionRequestsRead, "org-a", [7]string{u, ok, ok, ok, ok, f, ok}},
		{auth.ActionRequestsRead, "org-b", [7]string{u, ok, ok, nf, nf, f, nf}},
		{auth.ActionRequestsWrite, "org-b", [7]string{u, ok, ok, nf, nf, f, nf}},
		{auth.ActionCandidatesRead, "org-b", [7]string{u, ok, ok, nf, nf, f, nf}},
		{auth.ActionWebhooksWrite, "org-a", [7]string{u, ok, f, ok, f, f, ok}},
	}
	for _, tt := range tests {
		for i, name := range order {
			t.Run(fmt.Sprintf("%s/%s/%s", tt.action, tt.org, name), func(t *testing.T) {
				err := auth.Authorize(principals[name], tt.action, tt.org)
				if got := hirebase.ErrorCode(err); got != tt.want[i] {
					t.Errorf("got %q (%v), want %q", got, err, tt.want[i])
				}
			})
		}
	}
	// A client holding only roles:read is refused the rest.
	narrow := auth.Principal{Kind: auth.KindClient, ClientID: "hbc_2", OrgID: "org-a", Scopes: []string{hirebase.ScopeRolesRead}}
	wantCode(t, auth.Authorize(narrow, auth.ActionRequestsRead, "org-a"), hirebase.EFORBIDDEN)
}
