package http_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// benchmarkGet serves one request per iteration in-process, without the
// network, so the figure is the handler's own cost.
func benchmarkGet(b *testing.B, target string, header map[string]string) {
	benchmarkServe(b, sqliteServer(b), target, header)
}

// benchmarkServe is benchmarkGet on a given server.
func benchmarkServe(b *testing.B, srv http.Handler, target string, header map[string]string) {
	req := httptest.NewRequest("GET", target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

func BenchmarkRoleJSON(b *testing.B) {
	benchmarkGet(b, "/api/v1/roles/back-end-developer", nil)
}

// BenchmarkRoleJSONAuthenticated is BenchmarkRoleJSON with a user's bearer
// token: the difference is what verifying a token (Ed25519 signature, claims,
// and the one query that checks the session) costs each request.
func BenchmarkRoleJSONAuthenticated(b *testing.B) {
	fx := newFixture(b, engines(b)[0], nil)
	benchmarkServe(b, fx.srv, "/api/v1/roles/back-end-developer", fx.bearer("candidate"))
}

// BenchmarkRoleJSONClientToken is the same with an API client's token.
func BenchmarkRoleJSONClientToken(b *testing.B) {
	fx := newFixture(b, engines(b)[0], nil)
	benchmarkServe(b, fx.srv, "/api/v1/roles/back-end-developer", fx.bearer("client+scope"))
}

func BenchmarkRoleJSONGzip(b *testing.B) {
	benchmarkGet(b, "/api/v1/roles/back-end-developer", map[string]string{"Accept-Encoding": "gzip"})
}

func BenchmarkRolePage(b *testing.B) {
	benchmarkGet(b, "/roles/back-end-developer", nil)
}

func BenchmarkRolePageGzip(b *testing.B) {
	benchmarkGet(b, "/roles/back-end-developer", map[string]string{"Accept-Encoding": "gzip"})
}

func BenchmarkResolveTitle(b *testing.B) {
	benchmarkGet(b, "/api/v1/titles/resolve?q=Sr.+Desarrollador+Backend+%28Remote%29", nil)
}

func BenchmarkListRoles(b *testing.B) {
	benchmarkGet(b, "/api/v1/roles?limit=20", nil)
}
