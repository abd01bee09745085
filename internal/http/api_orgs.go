package http

import (
	"context"
	"net/http"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// OrgService is what the organisation, invite, API-client, user and audit
// routes need from the auth service. Every method applies the policy to
// the object it loads, so another organisation's object answers ENOTFOUND
// exactly as a missing one does.
type OrgService interface {
	CreateOrg(ctx context.Context, p auth.Principal, name string) (*hirebase.Org, error)
	GetOrg(ctx context.Context, p auth.Principal, id string) (*hirebase.Org, error)
	CreateInvite(ctx context.Context, p auth.Principal, orgID, email string, role hirebase.UserRole) (*auth.InviteResult, error)
	CreateClient(ctx context.Context, p auth.Principal, orgID, name string, scopes []string) (*auth.NewClient, error)
	ListClients(ctx context.Context, p auth.Principal, orgID string) ([]*hirebase.APIClient, error)
	RevokeClient(ctx context.Context, p auth.Principal, orgID, clientID string) error
	SetUserRole(ctx context.Context, p auth.Principal, userID string, role hirebase.UserRole) error
	SetUserDisabled(ctx context.Context, p auth.Principal, userID string, disabled bool) error
	ListAudit(ctx context.Context, p auth.Principal, cursor string, limit int) (*auth.AuditPage, error)
}

// maxSmallBody bounds the bodies of the organisation routes: a name, an
// email and a role, or a list of five scopes, fit in well under a kilobyte.
const maxSmallBody = 4 << 10

func (s *Server) orgRoutes() []route {
	return []route{
		{"POST", "/api/v1/orgs", auth.ActionOrgsCreate, s.handleCreateOrg},
		{"GET", "/api/v1/orgs/{id}", auth.ActionOrgsRead, s.handleGetOrg},
		{"POST", "/api/v1/orgs/{id}/invites", auth.ActionInvitesCreate, s.handleCreateInvite},
		{"POST", "/api/v1/orgs/{id}/clients", auth.ActionClientsCreate, s.handleCreateClient},
		{"GET", "/api/v1/orgs/{id}/clients", auth.ActionClientsRead, s.handleListClients},
		{"DELETE", "/api/v1/orgs/{id}/clients/{client_id}", auth.ActionClientsRevoke, s.handleRevokeClient},
		{"PUT", "/api/v1/users/{id}/role", auth.ActionUsersWrite, s.handleSetUserRole},
		{"PUT", "/api/v1/users/{id}/disabled", auth.ActionUsersWrite, s.handleSetUserDisabled},
		{"GET", "/api/v1/audit", auth.ActionAuditRead, s.handleListAudit},
	}
}

// OrgRequest is the body of POST /api/v1/orgs.
type OrgRequest struct {
	Name string `json:"name"`
}

// InviteRequest is the body of POST /api/v1/orgs/{id}/invites.
type InviteRequest struct {
	Email string            `json:"email"`
	Role  hirebase.UserRole `json:"role"`
}

// ClientRequest is the body of POST /api/v1/orgs/{id}/clients.
type ClientRequest struct {
	Name   string   `json:"name"`
	Scopes []string `json:"scopes"`
}

// UserRoleRequest is the body of PUT /api/v1/users/{id}/role.
type UserRoleRequest struct {
	Role hirebase.UserRole `json:"role"`
}

// UserDisabledRequest is the body of PUT /api/v1/users/{id}/disabled; a
// pointer, so a body without the field is refused rather than read as
// false.
type UserDisabledRequest struct {
	Disabled *bool `json:"disabled"`
}

// ClientList is the answer of GET /api/v1/orgs/{id}/clients.
type ClientList struct {
	Items []*hirebase.APIClient `json:"items"`
}

func (s *Server) handleCreateOrg(w http.ResponseWriter, r *http.Request) {
	var req OrgRequest
	if err := decodeBody(w, r, maxSmallBody, &req); err != nil {
		s.Error(w, r, err)
		return
	}
	o, err := s.deps.Auth.CreateOrg(r.Context(), PrincipalFrom(r.Context()), req.Name)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/orgs/"+o.ID)
	writeJSON(w, http.StatusCreated, o)
}

func (s *Server) handleGetOrg(w http.ResponseWriter, r *http.Request) {
	o, err := s.deps.Auth.GetOrg(r.Context(), PrincipalFrom(r.Context()), r.PathValue("id"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, o)
}

func (s *Server) handleCreateInvite(w http.ResponseWriter, r *http.Request) {
	var req InviteRequest
	if err := decodeBody(w, r, maxSmallBody, &req); err != nil {
		s.Error(w, r, err)
		return
	}
	inv, err := s.deps.Auth.CreateInvite(r.Context(), PrincipalFrom(r.Context()), r.PathValue("id"), req.Email, req.Role)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeSecret(w, http.StatusCreated, inv)
}

func (s *Server) handleCreateClient(w http.ResponseWriter, r *http.Request) {
	var req ClientRequest
	if err := decodeBody(w, r, maxSmallBody, &req); err != nil {
		s.Error(w, r, err)
		return
	}
	c, err := s.deps.Auth.CreateClient(r.Context(), PrincipalFrom(r.Context()), r.PathValue("id"), req.Name, req.Scopes)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeSecret(w, http.StatusCreated, c)
}

func (s *Server) handleListClients(w http.ResponseWriter, r *http.Request) {
	cs, err := s.deps.Auth.ListClients(r.Context(), PrincipalFrom(r.Context()), r.PathValue("id"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if cs == nil {
		cs = []*hirebase.APIClient{}
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, ClientList{Items: cs})
}

func (s *Server) handleRevokeClient(w http.ResponseWriter, r *http.Request) {
	err := s.deps.Auth.RevokeClient(r.Context(), PrincipalFrom(r.Context()), r.PathValue("id"), r.PathValue("client_id"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handleSetUserRole(w http.ResponseWriter, r *http.Request) {
	var req UserRoleRequest
	if err := decodeBody(w, r, maxSmallBody, &req); err != nil {
		s.Error(w, r, err)
		return
	}
	if err := s.deps.Auth.SetUserRole(r.Context(), PrincipalFrom(r.Context()), r.PathValue("id"), req.Role); err != nil {
		s.Error(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handleSetUserDisabled(w http.ResponseWriter, r *http.Request) {
	var req UserDisabledRequest
	if err := decodeBody(w, r, maxSmallBody, &req); err != nil {
		s.Error(w, r, err)
		return
	}
	if req.Disabled == nil {
		s.Error(w, r, hirebase.Invalid("disabled", "is required"))
		return
	}
	if err := s.deps.Auth.SetUserDisabled(r.Context(), PrincipalFrom(r.Context()), r.PathValue("id"), *req.Disabled); err != nil {
		s.Error(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handleListAudit(w http.ResponseWriter, r *http.Request) {
	v, err := query(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	limit, err := intParam(v, "limit", hirebase.DefaultPageLen, 1, hirebase.MaxPageLimit)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	page, err := s.deps.Auth.ListAudit(r.Context(), PrincipalFrom(r.Context()), v.Get("cursor"), limit)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if page.Events == nil {
		page.Events = []*hirebase.AuditEvent{}
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, page)
}
