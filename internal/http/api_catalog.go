package http

import (
	"net/http"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
)

func (s *Server) catalogRoutes() []route {
	return []route{
		{"GET", "/api/v1/roles", auth.ActionRolesRead, s.handleListRoles},
		{"GET", "/api/v1/roles/{slug}", auth.ActionRolesRead, s.handleGetRole},
		{"GET", "/api/v1/roles/{slug}/related", auth.ActionRolesRead, s.handleRelatedRoles},
		{"GET", "/api/v1/skills", auth.ActionRolesRead, s.handleListSkills},
		{"GET", "/api/v1/titles/resolve", auth.ActionRolesRead, s.handleResolveTitle},
		{"GET", "/api/v1/openapi.json", auth.ActionPublicRead, s.handleOpenAPI},
	}
}

// RolePage is the listing envelope: items and the cursor of the next page,
// empty on the last one.
type RolePage struct {
	Items      []hirebase.RoleSummary `json:"items"`
	NextCursor string                 `json:"next_cursor"`
}

func (s *Server) handleListRoles(w http.ResponseWriter, r *http.Request) {
	v, err := query(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	f := hirebase.RoleFilter{}
	if f.Limit, err = intParam(v, "limit", hirebase.DefaultPageLen, 1, hirebase.MaxPageLimit); err != nil {
		s.Error(w, r, err)
		return
	}
	if c := v.Get("cursor"); c != "" {
		if f.After, err = DecodeCursor(c); err != nil {
			s.Error(w, r, err)
			return
		}
	}
	if f.Q, err = textParam(v, "q", hirebase.MaxQueryLen); err != nil {
		s.Error(w, r, err)
		return
	}
	if f.Skill, err = textParam(v, "skill", hirebase.MaxNameLen); err != nil {
		s.Error(w, r, err)
		return
	}
	roles, more, err := s.deps.Roles.FindRoles(r.Context(), f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	page := RolePage{Items: make([]hirebase.RoleSummary, 0, len(roles))}
	for _, role := range roles {
		page.Items = append(page.Items, role.Summarize())
	}
	if more && len(roles) > 0 {
		page.NextCursor = EncodeCursor(roles[len(roles)-1].Slug)
	}
	writeJSON(w, http.StatusOK, page)
}

func (s *Server) handleGetRole(w http.ResponseWriter, r *http.Request) {
	snap := s.deps.Catalog.Snapshot()
	role, err := snap.Role(r.PathValue("slug"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	e, err := s.renders.get(snap.Revision, "json:"+role.Slug, func() (*rendered, error) {
		b, err := marshalJSON(role)
		return &rendered{contentType: "application/json", body: b}, err
	})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.serveRendered(w, r, e)
}

// RelatedPage lists the roles related to one role.
type RelatedPage struct {
	Items []hirebase.RelatedRole `json:"items"`
}

func (s *Server) handleRelatedRoles(w http.ResponseWriter, r *http.Request) {
	role, err := s.deps.Catalog.Snapshot().Role(r.PathValue("slug"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	items := role.Related
	if items == nil {
		items = []hirebase.RelatedRole{}
	}
	w.Header().Set("Cache-Control", s.cacheControl)
	writeJSON(w, http.StatusOK, RelatedPage{Items: items})
}

// SkillPage lists skills for autocomplete.
type SkillPage struct {
	Items []*hirebase.Skill `json:"items"`
}

func (s *Server) handleListSkills(w http.ResponseWriter, r *http.Request) {
	v, err := query(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	q, err := textParam(v, "q", hirebase.MaxQueryLen)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	limit, err := intParam(v, "limit", 10, 1, 50)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	var skills []*hirebase.Skill
	if q == "" {
		skills, err = s.deps.Roles.ListSkills(r.Context())
		if len(skills) > limit {
			skills = skills[:limit]
		}
	} else {
		skills, err = s.deps.Roles.FindSkills(r.Context(), q, limit)
	}
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if skills == nil {
		skills = []*hirebase.Skill{}
	}
	writeJSON(w, http.StatusOK, SkillPage{Items: skills})
}

// TitleResolution is the answer to a title query: the matches best first,
// empty when nothing fits with confidence.
type TitleResolution struct {
	Query   string       `json:"query"`
	Matches []TitleMatch `json:"matches"`
}

// TitleMatch is one candidate role for a title.
type TitleMatch struct {
	Role    RoleRef `json:"role"`
	Level   *string `json:"level"`
	Score   float64 `json:"score"`
	Matched string  `json:"matched"`
}

func (s *Server) handleResolveTitle(w http.ResponseWriter, r *http.Request) {
	v, err := query(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if _, ok := v["q"]; !ok {
		s.Error(w, r, hirebase.Invalid("q", "is required"))
		return
	}
	q, err := textParam(v, "q", hirebase.MaxQueryLen)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	limit, err := intParam(v, "limit", 5, 1, 10)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, s.resolveTitle(q, limit))
}

func (s *Server) resolveTitle(q string, limit int) TitleResolution {
	res := s.deps.Catalog.Snapshot().Resolver.Resolve(q, limit)
	out := TitleResolution{Query: q, Matches: make([]TitleMatch, 0, len(res.Matches))}
	for _, m := range res.Matches {
		tm := TitleMatch{Role: RoleRef{Slug: m.Role, Name: m.Name}, Score: m.Score, Matched: m.Matched}
		if m.Level != "" {
			l := string(m.Level)
			tm.Level = &l
		}
		out.Matches = append(out.Matches, tm)
	}
	return out
}

// RoleRef names a catalog role.
type RoleRef struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}
