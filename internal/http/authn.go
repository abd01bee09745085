package http

import (
	"context"
	"net/http"
	"strings"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// Authenticator turns a bearer token into the principal of a request.
type Authenticator interface {
	Authenticate(ctx context.Context, bearer string) (auth.Principal, error)
}

// principalKey is the context key of the request's principal.
type principalKey struct{}

// PrincipalFrom returns the caller of the request whose context ctx is:
// auth.Anonymous unless the authentication middleware verified a token.
func PrincipalFrom(ctx context.Context) auth.Principal {
	if p, ok := ctx.Value(principalKey{}).(auth.Principal); ok {
		return p
	}
	return auth.Anonymous
}

// Challenges sent with 401 responses (RFC 6750 section 3). A request
// without credentials gets the bare challenge, a refused token the
// invalid_token one, so a client knows to get a new token rather than
// to sign in for the first time.
const (
	bearerChallenge       = `Bearer realm="hirebase"`
	invalidTokenChallenge = `Bearer realm="hirebase", error="invalid_token"`
)

// authenticate verifies the bearer token of every request that has one and
// puts its principal in the context. A request without an Authorization
// header, or with another scheme (Basic, for the OAuth endpoints), stays
// anonymous; a bearer token that does not verify is refused with 401 at
// once, never downgraded to anonymous, so a client with an expired token
// learns it even on a public route. Nothing is cached: Authenticate's one
// indexed query is what lets logout, disabling and revocation bite on the
// very next request, and the benchmark shows it is cheap next to the rest.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		if h == "" {
			next.ServeHTTP(w, r)
			return
		}
		scheme, token, _ := strings.Cut(h, " ")
		if !strings.EqualFold(scheme, "Bearer") {
			next.ServeHTTP(w, r)
			return
		}
		p, err := s.deps.Auth.Authenticate(r.Context(), strings.TrimSpace(token))
		if err != nil {
			if hirebase.ErrorCode(err) == hirebase.EUNAUTHORIZED {
				w.Header().Set("WWW-Authenticate", invalidTokenChallenge)
			}
			s.Error(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), principalKey{}, p)))
	})
}

// guard wraps a route's handler in the chain every route shares: the
// per-principal allowance on API routes, then the policy check of the
// route's action, then the handler. Object-level checks (another
// organisation's object answers 404) stay in the service methods, which
// know the object.
func (s *Server) guard(rt route) http.HandlerFunc {
	action, next := rt.action, rt.handler
	h := func(w http.ResponseWriter, r *http.Request) {
		p := PrincipalFrom(r.Context())
		if err := auth.Authorize(p, action, ""); err != nil {
			s.denied(w, r, p, action, err)
			return
		}
		next(w, r)
	}
	if !isAPI(rt.pattern) {
		return h
	}
	limited := s.rateLimited("api", s.cfg.APILimit, s.principalKey, h)
	if !publicDocuments[rt.method+" "+rt.pattern] {
		return limited
	}
	return func(w http.ResponseWriter, r *http.Request) {
		if PrincipalFrom(r.Context()).Kind == auth.KindAnonymous {
			h(w, r)
			return
		}
		limited(w, r)
	}
}

// publicDocuments are the API routes that answer anonymous callers with a
// public, cacheable document rendered once per catalog revision and served
// from memory, exactly as the role pages are. Like the pages, they are not
// counted against an anonymous address's allowance: serving them costs a
// copy of bytes, and they are meant to sit behind shared caches whose one
// address would otherwise be throttled for everyone behind it. Signed-in
// callers are counted on them as everywhere, so their allowance headers
// stay truthful.
var publicDocuments = map[string]bool{
	"GET /api/v1/roles/{slug}":         true,
	"GET /api/v1/roles/{slug}/related": true,
	"GET /api/v1/openapi.json":         true,
}

// denied answers a request the policy refused, with the challenge RFC 6750
// asks for: a bare one for an anonymous caller, insufficient_scope naming
// the scope for an API client that lacks it.
func (s *Server) denied(w http.ResponseWriter, r *http.Request, p auth.Principal, action string, err error) {
	switch hirebase.ErrorCode(err) {
	case hirebase.EUNAUTHORIZED:
		w.Header().Set("WWW-Authenticate", bearerChallenge)
	case hirebase.EFORBIDDEN:
		if rule, _ := auth.RuleFor(action); p.Kind == auth.KindClient && rule.Scope != "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="hirebase", error="insufficient_scope", scope="`+rule.Scope+`"`)
		}
	}
	s.Error(w, r, err)
}

// isAPI reports whether a route is part of the API, which the per-principal
// allowance covers; pages and health checks are not.
func isAPI(pattern string) bool {
	return strings.HasPrefix(pattern, "/api/") || strings.HasPrefix(pattern, "/oauth/")
}

// principalKey keys the per-principal allowance: the user or API client
// when signed in, so one caller gets one allowance from every address, and
// the client address otherwise.
func (s *Server) principalKey(r *http.Request) string {
	p := PrincipalFrom(r.Context())
	switch p.Kind {
	case auth.KindUser:
		return "user:" + p.UserID
	case auth.KindClient:
		return "client:" + p.ClientID
	}
	return "ip:" + s.clientIP(r)
}

// limitRoute wraps rt's handler in the named allowance, keyed by key, and
// records the name so Routes reports it.
func (s *Server) limitRoute(rt route, name string, limit hirebase.Limit, key func(*http.Request) string) route {
	rt.handler = s.rateLimited(name, limit, key, rt.handler)
	if s.limitNames == nil {
		s.limitNames = map[string][]string{}
	}
	id := rt.method + " " + rt.pattern
	s.limitNames[id] = append(s.limitNames[id], name)
	return rt
}

// credentialRoute counts a route that takes a password or a client secret
// against the tighter per-address allowance, so guessing costs the guesser
// time whichever account or client it aims at.
func (s *Server) credentialRoute(rt route) route {
	return s.limitRoute(rt, "credentials", s.cfg.CredentialLimit, s.clientIP)
}

// limitsOf names the allowances a route counts against, for Routes.
func (s *Server) limitsOf(rt route) []string {
	var out []string
	switch {
	case publicDocuments[rt.method+" "+rt.pattern]:
		out = append(out, "api (signed-in callers)")
	case isAPI(rt.pattern):
		out = append(out, "api")
	}
	return append(out, s.limitNames[rt.method+" "+rt.pattern]...)
}
