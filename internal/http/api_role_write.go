package http

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// RoleWriter is what the admin-only catalog routes need from the role
// store.
type RoleWriter interface {
	FindRoleBySlug(ctx context.Context, slug string) (*hirebase.Role, error)
	PutRole(ctx context.Context, r *hirebase.Role) (created bool, err error)
	CreateRole(ctx context.Context, r *hirebase.Role) error
	DeleteRole(ctx context.Context, slug string) error
}

// CatalogLoader reloads the in-memory catalog (catalogcache.Cache.Load), so
// a write is served by this replica at once instead of after the next poll.
type CatalogLoader interface {
	Load(ctx context.Context) error
}

// maxRoleBody bounds a role document. The default catalog's largest is
// under 6 KB; 256 KB leaves room for long lists while keeping a hostile
// body from costing more than a moment to decode.
const maxRoleBody = 256 << 10

func (s *Server) roleWriteRoutes() []route {
	return []route{
		{"POST", "/api/v1/roles", auth.ActionRolesWrite, s.handleCreateRole},
		{"PUT", "/api/v1/roles/{slug}", auth.ActionRolesWrite, s.handlePutRole},
		{"DELETE", "/api/v1/roles/{slug}", auth.ActionRolesWrite, s.handleDeleteRole},
	}
}

// handleCreateRole creates a role; a slug that exists is 409, so a client
// that meant to create never replaces someone else's role by accident.
func (s *Server) handleCreateRole(w http.ResponseWriter, r *http.Request) {
	var role hirebase.Role
	if err := decodeBody(w, r, maxRoleBody, &role); err != nil {
		s.Error(w, r, err)
		return
	}
	if err := role.Validate(); err != nil {
		s.Error(w, r, err)
		return
	}
	stored, _, err := s.writeRole(r.Context(), &role, true)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/roles/"+stored.Slug)
	writeJSON(w, http.StatusCreated, stored)
}

// handlePutRole creates or replaces the role named by the path, which the
// body's slug must repeat, so a document is never stored under a name it
// does not carry.
func (s *Server) handlePutRole(w http.ResponseWriter, r *http.Request) {
	var role hirebase.Role
	if err := decodeBody(w, r, maxRoleBody, &role); err != nil {
		s.Error(w, r, err)
		return
	}
	if role.Slug != r.PathValue("slug") {
		s.Error(w, r, hirebase.Invalid("slug", "must match the slug in the path"))
		return
	}
	if err := role.Validate(); err != nil {
		s.Error(w, r, err)
		return
	}
	stored, created, err := s.writeRole(r.Context(), &role, false)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
		w.Header().Set("Location", "/api/v1/roles/"+stored.Slug)
	}
	writeJSON(w, status, stored)
}

func (s *Server) handleDeleteRole(w http.ResponseWriter, r *http.Request) {
	if err := s.deps.RoleWriter.DeleteRole(r.Context(), r.PathValue("slug")); err != nil {
		s.Error(w, r, err)
		return
	}
	s.reloadCatalog(r.Context())
	w.WriteHeader(http.StatusNoContent)
}

// writeRole stores role (refusing an existing slug if createOnly, in the
// same transaction as the write, so two concurrent creates cannot both
// win), reloads this replica's catalog and returns the role as stored, in
// the shape GET /api/v1/roles/{slug} answers.
func (s *Server) writeRole(ctx context.Context, role *hirebase.Role, createOnly bool) (*hirebase.Role, bool, error) {
	created := true
	var err error
	if createOnly {
		err = s.deps.RoleWriter.CreateRole(ctx, role)
		if hirebase.ErrorCode(err) == hirebase.ECONFLICT {
			err = hirebase.Errorf(hirebase.ECONFLICT, "Role %q exists; PUT /api/v1/roles/%s replaces it.", role.Slug, role.Slug)
		}
	} else {
		created, err = s.deps.RoleWriter.PutRole(ctx, role)
	}
	if err != nil {
		return nil, false, err
	}
	s.reloadCatalog(ctx)
	stored, err := s.deps.RoleWriter.FindRoleBySlug(ctx, role.Slug)
	return stored, created, err
}

// reloadCatalog refreshes the snapshot after a committed write. A failure
// is logged, not returned: the write stands, and the poll catches up.
func (s *Server) reloadCatalog(ctx context.Context) {
	if s.deps.Loader == nil {
		return
	}
	if err := s.deps.Loader.Load(ctx); err != nil {
		s.logger.WarnContext(ctx, "reload catalog after a write", slog.Any("err", err))
	}
}
