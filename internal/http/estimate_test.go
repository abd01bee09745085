package http_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
	hbhttp "github.com/hirebase/hirebase/internal/http"
)

// limitedServer is a server whose estimate limit is three requests a minute.
func limitedServer(t testing.TB, trusted bool) *hbhttp.Server {
	t.Helper()
	return newStack(t, engines(t)[0], func(cfg *hbhttp.Config) {
		cfg.EstimateLimit = hirebase.Limit{Rate: 3, Period: time.Minute, Burst: 3}
		if trusted {
			cfg.TrustedProxies = mustPrefixes(t, "10.0.0.0/8")
		}
	}).srv
}

func estimateFrom(t *testing.T, srv http.Handler, remote, forwarded string) *http.Response {
	t.Helper()
	req := httptest.NewRequest("POST", "/api/v1/estimate", bytes.NewBufferString(`{"role":"qa-engineer","years_experience":2}`))
	req.Header.Set("Content-Type", "application/json")
	req.RemoteAddr = remote
	if forwarded != "" {
		req.Header.Set("X-Forwarded-For", forwarded)
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	return rec.Result()
}

// TestEstimateRateLimit checks the allowance headers, the 429 with
// Retry-After once it is spent, and that clients are counted apart.
func TestEstimateRateLimit(t *testing.T) {
	srv := limitedServer(t, false)
	for i := 0; i < 3; i++ {
		res := estimateFrom(t, srv, "192.0.2.1:1234", "")
		if res.StatusCode != 200 {
			t.Fatalf("request %d: %d", i, res.StatusCode)
		}
		if got := res.Header.Get("RateLimit-Remaining"); got != strconv.Itoa(2-i) {
			t.Errorf("request %d: RateLimit-Remaining %q, want %d", i, got, 2-i)
		}
		if res.Header.Get("X-RateLimit-Limit") != "3" || res.Header.Get("RateLimit-Limit") != "3" {
			t.Errorf("request %d: limit headers %q %q", i, res.Header.Get("RateLimit-Limit"), res.Header.Get("X-RateLimit-Limit"))
		}
	}
	res := estimateFrom(t, srv, "192.0.2.1:1234", "")
	if res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("fourth request: %d, want 429", res.StatusCode)
	}
	if ra, err := strconv.Atoi(res.Header.Get("Retry-After")); err != nil || ra < 1 || ra > 20 {
		t.Errorf("Retry-After %q, want 1..20 seconds", res.Header.Get("Retry-After"))
	}
	if res.Header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("429 content type %q", res.Header.Get("Content-Type"))
	}
	// An untrusted peer cannot pick a fresh key with X-Forwarded-For.
	if res := estimateFrom(t, srv, "192.0.2.1:1234", "198.51.100.7"); res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("spoofed X-Forwarded-For escaped the limit: %d", res.StatusCode)
	}
	if res := estimateFrom(t, srv, "192.0.2.2:1234", ""); res.StatusCode != 200 {
		t.Errorf("another client was limited: %d", res.StatusCode)
	}
}

// TestEstimateRateLimitBehindProxy checks that clients behind a trusted
// proxy are counted by the address the proxy recorded.
func TestEstimateRateLimitBehindProxy(t *testing.T) {
	srv := limitedServer(t, true)
	for i := 0; i < 3; i++ {
		estimateFrom(t, srv, "10.0.0.5:80", "203.0.113.9")
	}
	if res := estimateFrom(t, srv, "10.0.0.5:80", "203.0.113.9"); res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("client behind proxy not limited: %d", res.StatusCode)
	}
	if res := estimateFrom(t, srv, "10.0.0.5:80", "203.0.113.10"); res.StatusCode != 200 {
		t.Errorf("a second client behind the proxy was limited: %d", res.StatusCode)
	}
}

// TestEstimateMonotoneOverHTTP checks, end to end, that switching a factor on
// never lowers the median.
func TestEstimateMonotoneOverHTTP(t *testing.T) {
	srv := sqliteServer(t)
	p50 := func(factors string) int {
		res := doBody(t, srv, "POST", "/api/v1/estimate",
			`{"role":"devops-engineer","years_experience":5,"factors":`+factors+`}`, jsonHeader)
		var out struct {
			Salary struct{ P50 int } `json:"salary"`
		}
		if err := json.NewDecoder(res.Body).Decode(&out); err != nil || res.StatusCode != 200 {
			t.Fatalf("status %d: %v", res.StatusCode, err)
		}
		return out.Salary.P50
	}
	base := p50(`{}`)
	for _, f := range hirebase.FactorKeys {
		if got := p50(`{"` + f + `":true}`); got < base {
			t.Errorf("%s on lowers the median from %d to %d", f, base, got)
		}
	}
	if all := p50(`{"us_companies":true,"large_scale_cloud":true,"leadership":true,"devops_automation":true}`); all <= base {
		t.Errorf("all measurable factors on: median %d, want above %d", all, base)
	}
}

// FuzzEstimateBody checks that no request body panics the decoder or the
// estimator and that every refusal is a client error.
func FuzzEstimateBody(f *testing.F) {
	f.Add(`{"role":"back-end-developer","years_experience":4,"factors":{"us_companies":true},"skills":["Go"],"country":"AR"}`)
	f.Add(`{"role":"x","years_experience":1e308}`)
	f.Add(`{"factors":{"leadership":{"present":true,"evidence":"x"}}}`)
	f.Add(`[]`)
	f.Add(`{"years_experience":NaN}`)
	srv := sqliteServer(f)
	f.Fuzz(func(t *testing.T, body string) {
		res := doBody(t, srv, "POST", "/api/v1/estimate", body, jsonHeader)
		switch res.StatusCode {
		case 200, 400, 413:
		default:
			t.Fatalf("status %d for %q", res.StatusCode, body)
		}
	})
}
