package http

import (
	"net/http"
	"slices"
	"strings"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// Values of the CORS response headers. Credentials are never allowed: the
// API authenticates with bearer tokens a script sends itself, not with
// cookies, so a browser never needs to attach any.
const (
	corsMethods = "GET, POST, PUT, DELETE"
	corsHeaders = "Authorization, Content-Type, If-None-Match"
	corsExpose  = "ETag, Location, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, " +
		"RateLimit-Policy, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, WWW-Authenticate"
	corsMaxAge = "600"
)

// cors lets the browser scripts of the configured origins call the API. With
// no origins configured it does nothing, and browsers keep their same-origin
// default. Origins are compared exactly (scheme, host and port); an allowed
// origin is echoed back, never a wildcard. Preflight requests are answered
// here, before authentication, since browsers send them without credentials;
// a preflight from an origin not on the list is refused with 403.
func (s *Server) cors(next http.Handler) http.Handler {
	if len(s.cfg.CORSOrigins) == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Add("Vary", "Origin")
		origin := r.Header.Get("Origin")
		allowed := origin != "" && slices.Contains(s.cfg.CORSOrigins, origin)
		preflight := r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
		if preflight {
			h.Add("Vary", "Access-Control-Request-Method")
			h.Add("Vary", "Access-Control-Request-Headers")
			if !allowed {
				s.Error(w, r, hirebase.Errorf(hirebase.EFORBIDDEN, "Origin %q may not call this API.", origin))
				return
			}
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Allow-Methods", corsMethods)
			h.Set("Access-Control-Allow-Headers", corsHeaders)
			h.Set("Access-Control-Max-Age", corsMaxAge)
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if allowed {
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Expose-Headers", corsExpose)
		}
		next.ServeHTTP(w, r)
	})
}

// ValidOrigin reports whether s is an origin as browsers send it: a scheme,
// a host and an optional port, with no path, so configuration typos are
// caught at start-up rather than as silently refused requests.
func ValidOrigin(s string) bool {
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok || (scheme != "https" && scheme != "http") || rest == "" {
		return false
	}
	return !strings.ContainsAny(rest, "/?#@ *")
}
