package http

import (
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// rateLimited counts each request against limit under the key keyFn gives,
// publishes the allowance in RateLimit-* and X-RateLimit-* headers, and
// refuses with 429 and Retry-After once it is spent. When the limiter itself
// fails (Redis unreachable) the request passes and the failure is logged:
// an outage of the limiter must not become an outage of the API.
func (s *Server) rateLimited(name string, limit hirebase.Limit, keyFn func(*http.Request) string, next http.HandlerFunc) http.HandlerFunc {
	// The values that never change are built once; the keys are written in
	// their canonical form straight into the map, so a request pays only
	// for the two numbers that vary.
	prefix := name + ":"
	limitValue := []string{strconv.Itoa(limit.Burst)}
	policyValue := []string{strconv.Itoa(limit.Burst) + ";w=" + strconv.Itoa(int(limit.Period/time.Second))}
	return func(w http.ResponseWriter, r *http.Request) {
		d, err := s.deps.Limiter.Allow(r.Context(), prefix+keyFn(r), limit)
		if err != nil {
			s.logger.WarnContext(r.Context(), "rate limiter unavailable", slog.Any("err", err))
			next(w, r)
			return
		}
		h := w.Header()
		remaining := []string{itoa(d.Remaining)}
		reset := []string{itoa(ceilSeconds(d.ResetAfter))}
		h["Ratelimit-Limit"] = limitValue
		h["Ratelimit-Remaining"] = remaining
		h["Ratelimit-Reset"] = reset
		h["Ratelimit-Policy"] = policyValue
		h["X-Ratelimit-Limit"] = limitValue
		h["X-Ratelimit-Remaining"] = remaining
		h["X-Ratelimit-Reset"] = reset
		if !d.Allowed {
			s.Error(w, r, hirebase.TooMany(d.RetryAfter, "Too many requests; retry later."))
			return
		}
		next(w, r)
	}
}

// smallInts holds the decimal forms of the numbers rate-limit headers
// usually carry, so formatting them does not allocate.
var smallInts = func() []string {
	out := make([]string, 1024)
	for i := range out {
		out[i] = strconv.Itoa(i)
	}
	return out
}()

func itoa(n int) string {
	if n >= 0 && n < len(smallInts) {
		return smallInts[n]
	}
	return strconv.Itoa(n)
}

func ceilSeconds(d time.Duration) int {
	if d <= 0 {
		return 0
	}
	return int((d + time.Second - 1) / time.Second)
}

// clientIP is the address of the client: the connection's peer, or, when
// the peer is a trusted proxy, the nearest untrusted address it recorded in
// X-Forwarded-For. Untrusted peers cannot choose their own key that way.
func (s *Server) clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil || !s.trusted(peer) {
		return host
	}
	hops := strings.Split(r.Header.Get("X-Forwarded-For"), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}
		if !s.trusted(a) {
			return a.String()
		}
	}
	return host
}

func (s *Server) trusted(a netip.Addr) bool {
	for _, p := range s.cfg.TrustedProxies {
		if p.Contains(a.Unmap()) {
			return true
		}
	}
	return false
}
