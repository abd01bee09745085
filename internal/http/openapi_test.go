package http_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"

	"github.com/hirebase/hirebase/internal/auth"
	hbhttp "github.com/hirebase/hirebase/internal/http"
)

// TestOpenAPIComplete checks that every registered route is documented and
// that the document documents nothing that is not registered.
func TestOpenAPIComplete(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(hbhttp.OpenAPIDocument(), &doc); err != nil {
		t.Fatal(err)
	}
	srv := sqliteServer(t)
	registered := map[string]bool{}
	for _, r := range srv.Routes() {
		method, pattern := r.Method, strings.TrimSuffix(r.Pattern, "{$}")
		registered[strings.ToLower(method)+" "+pattern] = true
		op, ok := doc.Paths[pattern][strings.ToLower(method)]
		if !ok {
			t.Errorf("route %s is not in the OpenAPI document", r)
			continue
		}
		if m, _ := op.(map[string]any); m["operationId"] == nil || m["responses"] == nil {
			t.Errorf("route %s has no operationId or responses", r)
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if method == "parameters" {
				continue
			}
			if !registered[method+" "+path] {
				t.Errorf("OpenAPI documents %s %s, which is not registered", method, path)
			}
		}
	}
}

// TestOpenAPIResponses validates every scenario's request and response
// against the document with an independent validator.
func TestOpenAPIResponses(t *testing.T) {
	doc, err := libopenapi.NewDocument(hbhttp.OpenAPIDocument())
	if err != nil {
		t.Fatal(err)
	}
	v, errs := validator.NewValidator(doc)
	if len(errs) > 0 {
		t.Fatalf("validator: %v", errs)
	}
	if ok, verrs := v.ValidateDocument(); !ok {
		for _, e := range verrs {
			t.Errorf("document: %s: %s", e.Message, e.Reason)
		}
	}
	srv := sqliteServer(t)
	for _, sc := range append(catalogScenarios(), estimateScenarios()...) {
		if sc.status == http.StatusMethodNotAllowed || sc.name == "unknown route" {
			continue // not documented operations, by definition
		}
		t.Run(sc.name, func(t *testing.T) {
			req := httptest.NewRequest(sc.method, sc.url, strings.NewReader(sc.body))
			for k, v := range sc.header {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			res := rec.Result()
			if res.StatusCode != sc.status {
				t.Fatalf("status %d, want %d", res.StatusCode, sc.status)
			}
			// The response is checked against the operation's declared
			// status, media type and schema.
			if ok, verrs := v.ValidateHttpResponse(req, res); !ok {
				for _, e := range verrs {
					t.Errorf("%s %s -> %d: %s: %s", sc.method, sc.url, res.StatusCode, e.Message, e.Reason)
					for _, se := range e.SchemaValidationErrors {
						t.Errorf("  at %s: %s", se.FieldPath, se.Reason)
					}
				}
			}
		})
	}
}

// TestOpenAPISecurity checks each operation's security requirements
// against the policy action of its route: a protected action documents no
// anonymous alternative, an open one documents it, and an action an API
// client may perform names its scope under oauth2.
func TestOpenAPISecurity(t *testing.T) {
	t.Parallel()
	var doc struct {
		Paths map[string]map[string]struct {
			Security []map[string][]string `json:"security"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(hbhttp.OpenAPIDocument(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, r := range sqliteServer(t).Routes() {
		op := doc.Paths[strings.TrimSuffix(r.Pattern, "{$}")][strings.ToLower(r.Method)]
		rule, ok := auth.RuleFor(r.Action)
		if !ok || op.Security == nil {
			t.Errorf("%s: action %q known %v, security %v", r, r.Action, ok, op.Security)
			continue
		}
		anonymous, scoped := false, false
		for _, req := range op.Security {
			if len(req) == 0 {
				anonymous = true
			}
			if slices.Contains(req["oauth2"], rule.Scope) {
				scoped = true
			}
		}
		if anonymous != rule.Anonymous {
			t.Errorf("%s: documented anonymous access %v, policy %v", r, anonymous, rule.Anonymous)
		}
		if rule.Scope != "" && !scoped {
			t.Errorf("%s: the policy grants scope %s, which the document does not name", r, rule.Scope)
		}
	}
}
