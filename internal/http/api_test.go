package http_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	hbhttp "github.com/hirebase/hirebase/internal/http"
)

// scenario is one request and what its answer must and must not hold.
type scenario struct {
	name        string
	method      string
	url         string
	body        string
	header      map[string]string
	status      int
	contentType string
	contains    []string
	notContains []string
}

func catalogScenarios() []scenario {
	long := strings.Repeat("a", 201)
	return []scenario{
		{name: "healthz", method: "GET", url: "/healthz", status: 200, contentType: "application/json", contains: []string{`"ok"`}},
		{name: "readyz", method: "GET", url: "/readyz", status: 200, contains: []string{`"ready"`}},
		{name: "list roles", method: "GET", url: "/api/v1/roles", status: 200, contentType: "application/json",
			contains: []string{`"items"`, `"next_cursor"`, `"slug":"ai-engineer"`}},
		{name: "list roles limit 0", method: "GET", url: "/api/v1/roles?limit=0", status: 400,
			contentType: "application/problem+json", contains: []string{`"field":"limit"`}},
		{name: "list roles limit 101", method: "GET", url: "/api/v1/roles?limit=101", status: 400, contains: []string{`"field":"limit"`}},
		{name: "list roles limit not a number", method: "GET", url: "/api/v1/roles?limit=ten", status: 400, contains: []string{`"field":"limit"`}},
		{name: "list roles bad cursor", method: "GET", url: "/api/v1/roles?cursor=%21%21nope", status: 400,
			contentType: "application/problem+json", contains: []string{`"field":"cursor"`}},
		{name: "list roles forged cursor", method: "GET", url: "/api/v1/roles?cursor=" + hbhttp.EncodeCursor("x") + "AA", status: 400, contains: []string{`"field":"cursor"`}},
		{name: "list roles q too long", method: "GET", url: "/api/v1/roles?q=" + long, status: 400, contains: []string{`"field":"q"`}},
		{name: "list roles invalid utf-8", method: "GET", url: "/api/v1/roles?q=%ff%fe", status: 400, contains: []string{`"field":"q"`, "UTF-8"}},
		{name: "list roles malformed escape", method: "GET", url: "/api/v1/roles?q=%zz", status: 400, contains: []string{`"field":"query"`}},
		{name: "list roles by q", method: "GET", url: "/api/v1/roles?q=kubernetes&limit=100", status: 200},
		{name: "list roles by skill alias", method: "GET", url: "/api/v1/roles?skill=golang&limit=100", status: 200,
			contains: []string{`"slug":"back-end-developer"`}, notContains: []string{`"slug":"ui-ux-designer"`}},
		{name: "get role", method: "GET", url: "/api/v1/roles/back-end-developer", status: 200, contentType: "application/json",
			contains: []string{`"name":"Back End Developer"`, `"levels"`, `"key":"junior"`, `"currency":"USD"`, `"period":"month"`,
				"Experience working with US-based companies", "Server-Side Developer", `"related"`, `"reason"`}},
		{name: "get missing role", method: "GET", url: "/api/v1/roles/nurse", status: 404,
			contentType: "application/problem+json", contains: []string{`"status":404`, `"code":"not_found"`}},
		{name: "related roles", method: "GET", url: "/api/v1/roles/back-end-developer/related", status: 200,
			contains: []string{`"slug":"full-stack-developer"`, `"reason"`}},
		{name: "related of missing role", method: "GET", url: "/api/v1/roles/nope/related", status: 404},
		{name: "skills autocomplete alias", method: "GET", url: "/api/v1/skills?q=golang", status: 200, contains: []string{`"slug":"go"`}},
		{name: "skills autocomplete k8s", method: "GET", url: "/api/v1/skills?q=k8s", status: 200, contains: []string{`"slug":"kubernetes"`}},
		{name: "skills without q", method: "GET", url: "/api/v1/skills?limit=3", status: 200, contains: []string{`"items"`}},
		{name: "skills limit too big", method: "GET", url: "/api/v1/skills?limit=51", status: 400, contains: []string{`"field":"limit"`}},
		{name: "resolve senior backend", method: "GET", url: "/api/v1/titles/resolve?q=" + url.QueryEscape("Sr. Backend Engineer (Remote)"), status: 200,
			contains: []string{`"slug":"back-end-developer"`, `"level":"senior"`}},
		{name: "resolve spanish", method: "GET", url: "/api/v1/titles/resolve?q=" + url.QueryEscape("Desarrollador Frontend Ssr"), status: 200,
			contains: []string{`"slug":"front-end-developer"`, `"level":"mid"`}},
		{name: "resolve nurse", method: "GET", url: "/api/v1/titles/resolve?q=Registered+Nurse", status: 200,
			contains: []string{`"matches":[]`}},
		{name: "resolve without q", method: "GET", url: "/api/v1/titles/resolve", status: 400, contains: []string{`"field":"q"`}},
		{name: "resolve q too long", method: "GET", url: "/api/v1/titles/resolve?q=" + long, status: 400, contains: []string{`"field":"q"`}},
		{name: "resolve invalid utf-8", method: "GET", url: "/api/v1/titles/resolve?q=%c3%28", status: 400, contains: []string{`"field":"q"`}},
		{name: "openapi", method: "GET", url: "/api/v1/openapi.json", status: 200, contains: []string{`"openapi": "3.1.0"`}},
		{name: "unknown route", method: "GET", url: "/api/v1/nothing", status: 404, contentType: "application/problem+json"},
		{name: "method not allowed", method: "DELETE", url: "/healthz", status: 405, contentType: "application/problem+json"},
		{name: "index page", method: "GET", url: "/", status: 200, contentType: "text/html",
			contains: []string{`<form`, `name="q"`, `href="/roles/back-end-developer"`}},
		{name: "index search", method: "GET", url: "/?q=" + url.QueryEscape("Desenvolvedor Back-end Pleno"), status: 200,
			contains: []string{`href="/roles/back-end-developer"`, "Mid-level"}},
		{name: "index search no match", method: "GET", url: "/?q=truck+driver", status: 200, contains: []string{"No catalog role fits"}},
		{name: "role page", method: "GET", url: "/roles/back-end-developer", status: 200, contentType: "text/html",
			contains: []string{"<h1>Back End Developer</h1>", `application/ld+json`, `"@type":"Occupation"`}},
		{name: "missing role page", method: "GET", url: "/roles/truck-driver", status: 404},
		{name: "stylesheet", method: "GET", url: "/static/site.css", status: 200, contentType: "text/css"},
		{name: "missing static", method: "GET", url: "/static/nope.js", status: 404},
		{name: "robots", method: "GET", url: "/robots.txt", status: 200, contains: []string{"User-agent"}},
		{name: "sitemap", method: "GET", url: "/sitemap.xml", status: 200, contains: []string{"/roles/back-end-developer</loc>"}},
	}
}

var jsonHeader = map[string]string{"Content-Type": "application/json"}

func estimateScenarios() []scenario {
	return []scenario{
		{name: "estimate", method: "POST", url: "/api/v1/estimate", header: jsonHeader, status: 200, contentType: "application/json",
			body: `{"role": "back-end-developer", "years_experience": 4, "factors": {"us_companies": true, "large_scale_cloud": false,
				"security_performance": false, "leadership": false, "devops_automation": false}, "skills": ["Go"], "country": "AR"}`,
			contains: []string{`"tier":{"key":"mid"`, `"probabilities"`, `"p10"`, `"p90"`, `"currency":"USD"`, `"period":"month"`,
				`"factor":"us_companies"`, `"sample_size"`, `"as_of"`, `"source"`, `"confidence"`}},
		{name: "estimate with evidence", method: "POST", url: "/api/v1/estimate", header: jsonHeader, status: 200,
			body:     `{"role": "data-engineer", "years_experience": 8, "factors": {"leadership": {"present": true, "evidence": "led a team of 4"}}}`,
			contains: []string{`"tier":{"key":"senior"`}},
		{name: "estimate by title", method: "POST", url: "/api/v1/estimate", header: jsonHeader, status: 200,
			body:     `{"role": "Sr. Desarrollador Backend", "years_experience": 7}`,
			contains: []string{`"role":"back-end-developer"`, `"matched_title"`}},
		{name: "estimate unknown role", method: "POST", url: "/api/v1/estimate", header: jsonHeader, status: 400,
			body: `{"role": "Registered Nurse", "years_experience": 3}`, contains: []string{`"field":"role"`}},
		{name: "estimate without years", method: "POST", url: "/api/v1/estimate", header: jsonHeader, status: 400,
			body: `{"role": "qa-engineer"}`, contains: []string{`"field":"years_experience"`}},
		{name: "estimate negative years", method: "POST", url: "/api/v1/estimate", header: jsonHeader, status: 400,
			body: `{"role": "qa-engineer", "years_experience": -1}`, contains: []string{`"field":"years_experience"`}},
		{name: "estimate years as text", method: "POST", url: "/api/v1/estimate", header: jsonHeader, status: 400,
			body: `{"role": "qa-engineer", "years_experience": "four"}`, contains: []string{`"field":"years_experience"`}},
		{name: "estimate unknown factor", method: "POST", url: "/api/v1/estimate", header: jsonHeader, status: 400,
			body: `{"role": "qa-engineer", "years_experience": 2, "factors": {"charisma": true}}`, contains: []string{`"field":"factors.charisma"`}},
		{name: "estimate unknown field", method: "POST", url: "/api/v1/estimate", header: jsonHeader, status: 400,
			body: `{"role": "qa-engineer", "years_experience": 2, "salary": 9000}`, contains: []string{`"field":"salary"`}},
		{name: "estimate bad country", method: "POST", url: "/api/v1/estimate", header: jsonHeader, status: 400,
			body: `{"role": "qa-engineer", "years_experience": 2, "country": "Argentina"}`, contains: []string{`"field":"country"`}},
		{name: "estimate malformed", method: "POST", url: "/api/v1/estimate", header: jsonHeader, status: 400,
			body: `{"role": "qa-engineer", `, contains: []string{`"field":"body"`}},
		{name: "estimate two objects", method: "POST", url: "/api/v1/estimate", header: jsonHeader, status: 400,
			body: `{"role": "qa-engineer", "years_experience": 2} {}`, contains: []string{`"field":"body"`}},
		{name: "estimate not json", method: "POST", url: "/api/v1/estimate", header: map[string]string{"Content-Type": "text/plain"},
			status: 415, body: `role=qa`, contains: []string{`"field":"Content-Type"`}},
		{name: "estimate too large", method: "POST", url: "/api/v1/estimate", header: jsonHeader, status: 413,
			body: `{"role": "qa-engineer", "years_experience": 2, "skills": ["` + strings.Repeat("x", 20000) + `"]}`},
		{name: "estimate page", method: "GET", url: "/roles/back-end-developer/estimate?years=4&factor=us_companies&skills=Go,+PostgreSQL&country=AR",
			status: 200, contentType: "text/html", contains: []string{"What would this cost?", "<svg", "What each key factor adds",
				"Experience working with US-based companies", `value="us_companies" checked`}},
		{name: "estimate page bad years", method: "GET", url: "/roles/back-end-developer/estimate?years=lots", status: 400,
			contentType: "text/html", contains: []string{"Please correct the form", "years"}},
		{name: "estimate page missing role", method: "GET", url: "/roles/astronaut/estimate?years=3", status: 404},
	}
}

// TestScenarios runs every catalog scenario on each configured engine.
func TestScenarios(t *testing.T) {
	for _, e := range engines(t) {
		t.Run(e.name, func(t *testing.T) {
			srv := newServer(t, e)
			for _, sc := range append(catalogScenarios(), estimateScenarios()...) {
				t.Run(sc.name, func(t *testing.T) {
					res := doBody(t, srv, sc.method, sc.url, sc.body, sc.header)
					got := body(t, res)
					if res.StatusCode != sc.status {
						t.Fatalf("status %d, want %d; body %s", res.StatusCode, sc.status, got)
					}
					if sc.contentType != "" && !strings.HasPrefix(res.Header.Get("Content-Type"), sc.contentType) {
						t.Errorf("content type %q, want %q", res.Header.Get("Content-Type"), sc.contentType)
					}
					for _, want := range sc.contains {
						if !strings.Contains(got, want) {
							t.Errorf("body lacks %q:\n%.600s", want, got)
						}
					}
					for _, bad := range sc.notContains {
						if strings.Contains(got, bad) {
							t.Errorf("body holds %q", bad)
						}
					}
				})
			}
		})
	}
}

// TestPagination walks every page and checks the catalog comes back whole,
// in order, without repeats.
func TestPagination(t *testing.T) {
	srv := sqliteServer(t)
	seen := map[string]bool{}
	var order []string
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > 20 {
			t.Fatal("pagination does not end")
		}
		u := "/api/v1/roles?limit=7"
		if cursor != "" {
			u += "&cursor=" + url.QueryEscape(cursor)
		}
		res := do(t, srv, "GET", u, nil)
		if res.StatusCode != 200 {
			t.Fatalf("GET %s: %d", u, res.StatusCode)
		}
		var page hbhttp.RolePage
		if err := json.NewDecoder(res.Body).Decode(&page); err != nil {
			t.Fatal(err)
		}
		if len(page.Items) > 7 {
			t.Fatalf("page of %d items, limit 7", len(page.Items))
		}
		for _, r := range page.Items {
			if seen[r.Slug] {
				t.Fatalf("role %s on two pages", r.Slug)
			}
			seen[r.Slug] = true
			order = append(order, r.Slug)
		}
		if page.NextCursor == "" {
			break
		}
		cursor = page.NextCursor
	}
	if len(seen) != 36 {
		t.Errorf("walked %d roles, want 36", len(seen))
	}
	for i := 1; i < len(order); i++ {
		if order[i-1] >= order[i] {
			t.Errorf("roles out of order: %s before %s", order[i-1], order[i])
		}
	}
}

// TestCaching checks validators, conditional requests and precompressed
// bodies on the hot catalog responses.
func TestCaching(t *testing.T) {
	srv := sqliteServer(t)
	for _, path := range []string{"/api/v1/roles/data-engineer", "/roles/data-engineer", "/"} {
		res := do(t, srv, "GET", path, nil)
		plain := body(t, res)
		etag := res.Header.Get("ETag")
		if etag == "" || !strings.Contains(res.Header.Get("Cache-Control"), "max-age=") {
			t.Fatalf("%s: ETag %q, Cache-Control %q", path, etag, res.Header.Get("Cache-Control"))
		}
		if res := do(t, srv, "GET", path, map[string]string{"If-None-Match": etag}); res.StatusCode != http.StatusNotModified {
			t.Errorf("%s: conditional GET gave %d, want 304", path, res.StatusCode)
		}
		res = do(t, srv, "GET", path, map[string]string{"Accept-Encoding": "gzip, br"})
		if res.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
			t.Fatalf("%s: Content-Encoding %q, Vary %q", path, res.Header.Get("Content-Encoding"), res.Header.Get("Vary"))
		}
		if got := gunzip(t, res); got != plain {
			t.Errorf("%s: gzip body differs from the plain one", path)
		}
	}
	// Dynamic responses are compressed on the fly.
	res := do(t, srv, "GET", "/api/v1/roles?limit=100", map[string]string{"Accept-Encoding": "gzip"})
	if res.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("listing not compressed: %q", res.Header.Get("Content-Encoding"))
	}
	if !strings.Contains(gunzip(t, res), `"items"`) {
		t.Error("compressed listing does not decode")
	}
}

// TestSecurityHeaders checks the headers every response carries.
func TestSecurityHeaders(t *testing.T) {
	srv := sqliteServer(t)
	for _, path := range []string{"/", "/api/v1/roles", "/api/v1/roles/nope"} {
		res := do(t, srv, "GET", path, nil)
		for h, want := range map[string]string{
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "strict-origin-when-cross-origin",
			"Content-Security-Policy": "frame-ancestors 'none'",
		} {
			if !strings.Contains(res.Header.Get(h), want) {
				t.Errorf("%s: %s = %q, want it to hold %q", path, h, res.Header.Get(h), want)
			}
		}
		if res.Header.Get("Strict-Transport-Security") != "" {
			t.Errorf("%s: HSTS sent over plain HTTP", path)
		}
	}
	res := do(t, srv, "GET", "/", map[string]string{"X-Forwarded-Proto": "https"})
	if res.Header.Get("Strict-Transport-Security") == "" {
		t.Error("no HSTS behind a TLS-terminating proxy")
	}
}
