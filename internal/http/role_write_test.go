package http_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// TestRoleWrites creates, replaces and deletes a role as an admin on every
// engine; each write is served by the same replica at once, in the shape
// GET /api/v1/roles/{slug} answers, and refusals name the field at fault.
func TestRoleWrites(t *testing.T) {
	t.Parallel()
	for _, e := range engines(t) {
		t.Run(e.name, func(t *testing.T) {
			fx := newFixture(t, e, nil)
			admin := with(jsonHeader, "Authorization", "Bearer "+fx.users["admin"].access)
			doc := fx.roleDoc(t, "reliability-analyst")

			res := doBody(t, fx.srv, "POST", "/api/v1/roles", doc, admin)
			wantStatus(t, res, 201, "create")
			created := body(t, res)
			if res.Header.Get("Location") != "/api/v1/roles/reliability-analyst" {
				t.Errorf("Location %q", res.Header.Get("Location"))
			}
			res = do(t, fx.srv, "GET", "/api/v1/roles/reliability-analyst", nil)
			wantStatus(t, res, 200, "read after create")
			if got := body(t, res); got != created {
				t.Errorf("GET differs from the create answer:\n%s\n%s", got, created)
			}
			wantStatus(t, doBody(t, fx.srv, "POST", "/api/v1/roles", doc, admin), 409, "create twice")

			var role hirebase.Role
			decodeString(t, doc, &role)
			role.Summary = "Keeps production up, and knows why it went down."
			res = doBody(t, fx.srv, "PUT", "/api/v1/roles/reliability-analyst", mustJSON(t, role), admin)
			wantStatus(t, res, 200, "replace")
			res = do(t, fx.srv, "GET", "/api/v1/roles/reliability-analyst", nil)
			if got := body(t, res); !strings.Contains(got, "knows why it went down") {
				t.Errorf("read after replace: %.200s", got)
			}
			role.Slug = "platform-builder"
			res = doBody(t, fx.srv, "PUT", "/api/v1/roles/platform-builder", mustJSON(t, role), admin)
			wantStatus(t, res, 201, "create by PUT")

			for _, tc := range []struct {
				name, method, url, body, field string
			}{
				{"slug differs from the path", "PUT", "/api/v1/roles/reliability-analyst", mustJSON(t, role), "slug"},
				{"no levels", "POST", "/api/v1/roles", strings.Replace(fx.roleDoc(t, "x-role"), `"levels":[`, `"levels":[],"x":[`, 1), "x"},
				{"bad slug", "POST", "/api/v1/roles", strings.Replace(fx.roleDoc(t, "x-role"), `"slug":"x-role"`, `"slug":"X Role"`, 1), "slug"},
				{"salary as text", "POST", "/api/v1/roles", strings.Replace(fx.roleDoc(t, "y-role"), `"min":`, `"min":"a",`+`"z":`, 1), "levels.years.min"},
			} {
				res := doBody(t, fx.srv, tc.method, tc.url, tc.body, admin)
				got := body(t, res)
				if res.StatusCode != 400 || !strings.Contains(got, `"field":"`+tc.field+`"`) {
					t.Errorf("%s: %d %.300s", tc.name, res.StatusCode, got)
				}
			}

			wantStatus(t, do(t, fx.srv, "DELETE", "/api/v1/roles/reliability-analyst", admin), 204, "delete")
			wantStatus(t, do(t, fx.srv, "GET", "/api/v1/roles/reliability-analyst", nil), 404, "read after delete")
			wantStatus(t, do(t, fx.srv, "DELETE", "/api/v1/roles/reliability-analyst", admin), 404, "delete twice")
			wantStatus(t, do(t, fx.srv, "DELETE", "/api/v1/roles/platform-builder", fx.bearer("recruiter")), 403, "delete as recruiter")
		})
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
