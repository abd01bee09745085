package http

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

var funcs = template.FuncMap{
	"money":     money,
	"levelName": levelName,
	"years":     years,
	"percent":   func(f float64) string { return strconv.Itoa(int(f*100+0.5)) + "%" },
}

// Each page is the layout plus its own blocks, parsed once at start-up.
var (
	indexPage = template.Must(template.New("").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/index.html"))
	rolePage  = template.Must(template.New("").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/role.html"))
)

func (s *Server) pageRoutes() []route {
	return []route{
		{"GET", "/{$}", auth.ActionPublicRead, s.handleIndexPage},
		{"GET", "/roles/{slug}", auth.ActionRolesRead, s.handleRolePage},
		{"GET", "/static/{file}", auth.ActionPublicRead, s.handleStatic},
		{"GET", "/robots.txt", auth.ActionPublicRead, s.handleRobots},
		{"GET", "/sitemap.xml", auth.ActionPublicRead, s.handleSitemap},
	}
}

type indexData struct {
	Canonical string
	Query     string
	Searched  bool
	Matches   []TitleMatch
	Roles     []*hirebase.Role
}

func (s *Server) handleIndexPage(w http.ResponseWriter, r *http.Request) {
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
	snap := s.deps.Catalog.Snapshot()
	data := indexData{Canonical: s.canonical("/"), Roles: snap.Roles}
	if q == "" {
		e, err := s.renders.get(snap.Revision, "page:/", func() (*rendered, error) {
			return renderHTML(indexPage, data)
		})
		if err != nil {
			s.Error(w, r, err)
			return
		}
		s.serveRendered(w, r, e)
		return
	}
	data.Query, data.Searched = q, true
	data.Matches = s.resolveTitle(q, 5).Matches
	e, err := renderHTML(indexPage, data)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", e.contentType)
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(e.body)
}

type roleData struct {
	Canonical  string
	Role       *hirebase.Role
	JSONLD     template.JS
	Form       estimateForm
	FormErrors []hirebase.FieldError
	Estimate   *estimateView
}

func (s *Server) handleRolePage(w http.ResponseWriter, r *http.Request) {
	snap := s.deps.Catalog.Snapshot()
	role, err := snap.Role(r.PathValue("slug"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	e, err := s.renders.get(snap.Revision, "page:"+role.Slug, func() (*rendered, error) {
		return s.renderRoleData(role, roleData{Canonical: s.canonical("/roles/" + role.Slug), Role: role})
	})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.serveRendered(w, r, e)
}

// renderRoleData renders a role page; data carries the estimator's form and
// answer when there is one.
func (s *Server) renderRoleData(role *hirebase.Role, data roleData) (*rendered, error) {
	ld, err := json.Marshal(occupationLD(role, data.Canonical))
	if err != nil {
		return nil, err
	}
	// json.Marshal escapes <, > and &, so the block cannot close the script
	// element early.
	data.JSONLD = template.JS(ld)
	return renderHTML(rolePage, data)
}

func renderHTML(t *template.Template, data any) (*rendered, error) {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		return nil, fmt.Errorf("render page: %w", err)
	}
	return &rendered{contentType: "text/html; charset=utf-8", body: buf.Bytes()}, nil
}

func (s *Server) canonical(path string) string {
	if s.cfg.PublicURL == "" {
		return ""
	}
	return strings.TrimSuffix(s.cfg.PublicURL, "/") + path
}

func (s *Server) handleStatic(w http.ResponseWriter, r *http.Request) {
	e, ok := s.static["static/"+r.PathValue("file")]
	if !ok {
		s.Error(w, r, hirebase.Errorf(hirebase.ENOTFOUND, "No static file %q.", r.PathValue("file")))
		return
	}
	s.serveRendered(w, r, e)
}

// staticFiles prepares the files that never change while the process runs.
func staticFiles() map[string]*rendered {
	m := map[string]*rendered{
		"openapi.json": (&rendered{contentType: "application/json", body: openAPIDocument}).seal(),
	}
	entries, _ := staticFS.ReadDir("static")
	for _, e := range entries {
		b, err := staticFS.ReadFile("static/" + e.Name())
		if err != nil {
			panic(err) // embedded at build time: cannot fail
		}
		ct := "text/css; charset=utf-8"
		if !strings.HasSuffix(e.Name(), ".css") {
			ct = http.DetectContentType(b)
		}
		m["static/"+e.Name()] = (&rendered{contentType: ct, body: b}).seal()
	}
	return m
}

func (s *Server) handleRobots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	body := "User-agent: *\nAllow: /\nDisallow: /api/\n"
	if s.cfg.PublicURL != "" {
		body += "Sitemap: " + s.canonical("/sitemap.xml") + "\n"
	}
	_, _ = w.Write([]byte(body))
}

// handleSitemap lists the role pages for crawlers. Without a configured
// public URL it uses the request's host, which a proxy may have rewritten.
func (s *Server) handleSitemap(w http.ResponseWriter, r *http.Request) {
	base := strings.TrimSuffix(s.cfg.PublicURL, "/")
	if base == "" {
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		base = scheme + "://" + r.Host
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	fmt.Fprintf(&b, "<url><loc>%s/</loc></url>\n", template.HTMLEscapeString(base))
	for _, role := range s.deps.Catalog.Snapshot().Roles {
		fmt.Fprintf(&b, "<url><loc>%s/roles/%s</loc></url>\n", template.HTMLEscapeString(base), role.Slug)
	}
	b.WriteString("</urlset>\n")
	w.Header().Set("Content-Type", "application/xml")
	_, _ = w.Write([]byte(b.String()))
}

// money formats whole dollars with thousands separators.
func money(n int) string {
	s := strconv.Itoa(n)
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return "$" + string(out)
}

func levelName(k any) string {
	if p, ok := k.(*string); ok && p != nil {
		k = *p
	}
	switch fmt.Sprint(k) {
	case "junior":
		return "Junior"
	case "mid":
		return "Mid-level"
	case "senior":
		return "Senior"
	}
	return fmt.Sprint(k)
}

func years(y hirebase.YearsRange) string {
	if y.Max == nil {
		return fmt.Sprintf("%d+ years", y.Min)
	}
	return fmt.Sprintf("%d–%d years", y.Min, *y.Max)
}
