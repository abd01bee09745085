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
	return func(w http.ResponseWriter, r *http.Request) {
		d, err := s.deps.Limiter.Allow(r.Context(), name+":"+keyFn(r), limit)
		if err != nil {
			s.logger.WarnContext(r.Context(), "rate limiter unavailable", slog.Any("err", err))
			next(w, r)
			return
		}
		h := w.Header()
		reset := strconv.Itoa(ceilSeconds(d.ResetAfter))
		h.Set("RateLimit-Limit", strconv.Itoa(limit.Burst))
		h.Set("RateLimit-Remaining", strconv.Itoa(d.Remaining))
		h.Set("RateLimit-Reset", reset)
		h.Set("RateLimit-Policy", strconv.Itoa(limit.Burst)+";w="+strconv.Itoa(int(limit.Period/time.Second)))
		h.Set("X-RateLimit-Limit", strconv.Itoa(limit.Burst))
		h.Set("X-RateLimit-Remaining", strconv.Itoa(d.Remaining))
		h.Set("X-RateLimit-Reset", reset)
		if !d.Allowed {
			s.Error(w, r, hirebase.TooMany(d.RetryAfter, "Too many requests; retry later."))
			return
		}
		next(w, r)
	}
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
