package auth

import (
	"fmt"
	"maps"
	"slices"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// Actions the policy decides on. Every HTTP route names exactly one; several
// routes may share one (every catalog read is roles.read).
const (
	// Public pages, health checks, the OpenAPI document, the JWKS and the
	// OAuth metadata.
	ActionPublicRead = "public.read"
	// The catalog: roles, skills, title resolution and salary estimates.
	ActionRolesRead  = "roles.read"
	ActionRolesWrite = "roles.write"
	// Routes whose credential is in the request itself (a password, a
	// refresh token, an invite token, client credentials): anyone may call
	// them and the service checks the credential.
	ActionAuthLogin       = "auth.login"
	ActionAuthSignup      = "auth.signup"
	ActionInvitesAccept   = "invites.accept"
	ActionOAuthToken      = "oauth.token"
	ActionOAuthRevoke     = "oauth.revoke"
	ActionOAuthIntrospect = "oauth.introspect"
	// The signed-in user's own account.
	ActionMeRead     = "me.read"
	ActionMePassword = "me.password"
	// Organisations and their people and integrations.
	ActionOrgsCreate    = "orgs.create"
	ActionOrgsRead      = "orgs.read"
	ActionUsersWrite    = "users.write"
	ActionInvitesCreate = "invites.create"
	ActionClientsCreate = "clients.create"
	ActionClientsRead   = "clients.read"
	ActionClientsRevoke = "clients.revoke"
	ActionAuditRead     = "audit.read"
	// Staffing work that later issues build; decided here already so their
	// scopes mean something from the start.
	ActionRequestsRead   = "requests.read"
	ActionRequestsWrite  = "requests.write"
	ActionCandidatesRead = "candidates.read"
	ActionWebhooksWrite  = "webhooks.write"
)

// Rule says who may perform one action.
type Rule struct {
	// Anonymous lets anyone, signed in or not.
	Anonymous bool
	// Roles may perform the action on objects of their own organisation.
	Roles []hirebase.UserRole
	// AnyOrg may perform it on any organisation's objects: agency staff,
	// who work with every client. A role listed here need not be in Roles.
	AnyOrg []hirebase.UserRole
	// Scope lets API clients holding it perform the action on their own
	// organisation's objects.
	Scope string
}

var (
	agencyStaff = []hirebase.UserRole{hirebase.RoleAdmin, hirebase.RoleRecruiter}
	adminOnly   = []hirebase.UserRole{hirebase.RoleAdmin}
	clientAdmin = []hirebase.UserRole{hirebase.RoleClientAdmin}
	clientUsers = []hirebase.UserRole{hirebase.RoleClientAdmin, hirebase.RoleClientMember}
)

// policy is the whole authorisation policy: one rule per action.
var policy = map[string]Rule{
	ActionPublicRead: {Anonymous: true},
	// The catalog is public; roles:read is listed so a client asking for
	// it gets a scope that names what it does.
	ActionRolesRead:  {Anonymous: true, Scope: hirebase.ScopeRolesRead},
	ActionRolesWrite: {AnyOrg: adminOnly},

	ActionAuthLogin:       {Anonymous: true},
	ActionAuthSignup:      {Anonymous: true},
	ActionInvitesAccept:   {Anonymous: true},
	ActionOAuthToken:      {Anonymous: true},
	ActionOAuthRevoke:     {Anonymous: true},
	ActionOAuthIntrospect: {Anonymous: true},

	ActionMeRead:     {Roles: hirebase.UserRoles},
	ActionMePassword: {Roles: hirebase.UserRoles},

	ActionOrgsCreate:    {AnyOrg: adminOnly},
	ActionOrgsRead:      {Roles: clientUsers, AnyOrg: agencyStaff},
	ActionUsersWrite:    {Roles: clientAdmin, AnyOrg: adminOnly},
	ActionInvitesCreate: {Roles: clientAdmin, AnyOrg: adminOnly},
	ActionClientsCreate: {Roles: clientAdmin, AnyOrg: adminOnly},
	ActionClientsRead:   {Roles: clientAdmin, AnyOrg: adminOnly},
	ActionClientsRevoke: {Roles: clientAdmin, AnyOrg: adminOnly},
	ActionAuditRead:     {AnyOrg: adminOnly},

	ActionRequestsRead:   {Roles: clientUsers, AnyOrg: agencyStaff, Scope: hirebase.ScopeRequestsRead},
	ActionRequestsWrite:  {Roles: clientUsers, AnyOrg: agencyStaff, Scope: hirebase.ScopeRequestsWrite},
	ActionCandidatesRead: {Roles: clientUsers, AnyOrg: agencyStaff, Scope: hirebase.ScopeCandidatesRead},
	ActionWebhooksWrite:  {Roles: clientAdmin, AnyOrg: adminOnly, Scope: hirebase.ScopeWebhooksWrite},
}

// Actions returns every action the policy knows, sorted, so the HTTP
// layer's tests can check that each route names one.
func Actions() []string {
	return slices.Sorted(maps.Keys(policy))
}

// RuleFor returns the rule of action, for documentation and tests.
func RuleFor(action string) (Rule, bool) {
	r, ok := policy[action]
	return r, ok
}

// Authorize decides whether p may perform action on an object of the
// organisation objOrgID ("" when there is no object, or it belongs to no
// organisation). It answers:
//   - nil if allowed;
//   - EUNAUTHORIZED for an anonymous caller on a protected action;
//   - EFORBIDDEN if p may never perform the action;
//   - ENOTFOUND if p may perform it, but not on another organisation's
//     object: exactly what a missing object answers, so IDs of other
//     tenants cannot be probed.
//
// An unknown action is a programming error and returns an internal error.
func Authorize(p Principal, action string, objOrgID string) error {
	r, ok := policy[action]
	if !ok {
		return fmt.Errorf("authorize: no policy for action %q", action)
	}
	if r.Anonymous {
		return nil
	}
	anyOrg := false
	switch p.Kind {
	case KindUser:
		anyOrg = slices.Contains(r.AnyOrg, p.Role)
		if !anyOrg && !slices.Contains(r.Roles, p.Role) {
			return hirebase.Errorf(hirebase.EFORBIDDEN, "Your role may not do this.")
		}
	case KindClient:
		if r.Scope == "" || !slices.Contains(p.Scopes, r.Scope) {
			return hirebase.Errorf(hirebase.EFORBIDDEN, "The token's scope does not allow this.")
		}
	default:
		return hirebase.Errorf(hirebase.EUNAUTHORIZED, "Sign in to do this.")
	}
	if objOrgID == "" || anyOrg || objOrgID == p.OrgID {
		return nil
	}
	return hirebase.Errorf(hirebase.ENOTFOUND, "Not found.")
}
