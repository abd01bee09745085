// Package http serves hirebase over HTTP: the JSON API under /api/v1, the
// OAuth 2.0 endpoints, the server-rendered role pages, health checks and the
// OpenAPI document. Handlers decode and validate input, make one call to a
// service declared here as an interface, and encode the answer; they hold no
// SQL and no business rules. Every route names one policy action of package
// auth, which the chain checks before the handler runs.
package http

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"strings"
	"time"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/catalogcache"
	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/ratelimit"
)

// RoleFinder is what the API needs from the role store for listings and
// autocomplete, which query the database directly.
type RoleFinder interface {
	FindRoles(ctx context.Context, f hirebase.RoleFilter) ([]*hirebase.Role, bool, error)
	FindSkills(ctx context.Context, q string, limit int) ([]*hirebase.Skill, error)
	ListSkills(ctx context.Context) ([]*hirebase.Skill, error)
}

// CatalogView serves the in-memory catalog snapshot that role pages and
// title resolution read.
type CatalogView interface {
	Snapshot() *catalogcache.Snapshot
}

// AuthService is the security service as the server uses it: every route
// that authenticates, signs in or manages accounts goes through it.
type AuthService interface {
	Authenticator
	AccountService
	OrgService
	OAuthService
}

var _ AuthService = (*auth.Service)(nil)

// Config holds the server's settings; zero values take the defaults.
type Config struct {
	Addr         string
	MaxBodyBytes int64
	// CacheMaxAge is the max-age, in seconds, of cacheable catalog responses.
	CacheMaxAge int
	AccessLog   bool
	// PublicURL is the site's external base URL, for canonical links and
	// the sitemap; empty leaves canonical links out.
	PublicURL string
	// TrustedProxies are the networks whose X-Forwarded-For is believed.
	TrustedProxies []netip.Prefix
	// EstimateLimit bounds public estimates per client address.
	EstimateLimit hirebase.Limit
	// APILimit bounds every /api and /oauth request per principal: the
	// user or API client when signed in, the client address otherwise.
	APILimit hirebase.Limit
	// CredentialLimit bounds, per client address, the routes that take a
	// password or a client secret (signup, login, token), on top of APILimit
	// and of the auth service's per-account failure throttle.
	CredentialLimit hirebase.Limit
	// CORSOrigins are the exact origins ("https://app.example.com") whose
	// browser scripts may call the API; empty turns CORS off.
	CORSOrigins []string
}

// Deps are the services the server calls.
type Deps struct {
	Roles   RoleFinder
	Catalog CatalogView
	// Ready reports whether the database is reachable.
	Ready func(ctx context.Context) error
	// Limiter counts rate-limited requests; nil keeps counts in the process.
	Limiter hirebase.RateLimiter
	// Auth is the security service: it authenticates every request with a
	// bearer token and serves the account, organisation and OAuth routes.
	// It is required.
	Auth AuthService
	// RoleWriter writes the catalog for the admin-only role routes.
	RoleWriter RoleWriter
	// Loader reloads the catalog snapshot after a write, so the writer
	// reads its write at once; nil leaves it to the cache's poll.
	Loader CatalogLoader
}

// Server is the HTTP front of hirebase.
type Server struct {
	cfg     Config
	deps    Deps
	logger  *slog.Logger
	mux     *http.ServeMux
	handler http.Handler
	renders renderCache
	static  map[string]*rendered
	routes  []route
	// limitNames lists the allowances each route ("METHOD pattern") counts
	// against beyond the per-principal one, as limitRoute added them.
	limitNames map[string][]string
	// cacheControl is the Cache-Control value of cacheable catalog responses.
	cacheControl  string
	hCacheControl []string
}

// route is one registered endpoint; the table of routes is what the OpenAPI
// completeness test and the authorisation matrix walk. action is the policy
// action the chain authorises before handler runs.
type route struct {
	method  string
	pattern string
	action  string
	handler http.HandlerFunc
}

// NewServer wires routes and middleware. It panics without deps.Auth: a
// server that cannot check tokens must not start.
func NewServer(cfg Config, deps Deps, logger *slog.Logger) *Server {
	if deps.Auth == nil {
		panic("http: NewServer needs Deps.Auth")
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = 1 << 20
	}
	if cfg.CacheMaxAge <= 0 {
		cfg.CacheMaxAge = 60
	}
	if cfg.EstimateLimit.Rate <= 0 {
		cfg.EstimateLimit = hirebase.Limit{Rate: 60, Period: time.Minute, Burst: 20}
	}
	if cfg.APILimit.Rate <= 0 {
		cfg.APILimit = hirebase.Limit{Rate: 600, Period: time.Minute, Burst: 120}
	}
	if cfg.CredentialLimit.Rate <= 0 {
		cfg.CredentialLimit = hirebase.Limit{Rate: 20, Period: time.Minute, Burst: 10}
	}
	if deps.Limiter == nil {
		deps.Limiter = ratelimit.NewMemory()
	}
	s := &Server{cfg: cfg, deps: deps, logger: logger, mux: http.NewServeMux(),
		cacheControl: fmt.Sprintf("public, max-age=%d, stale-while-revalidate=%d", cfg.CacheMaxAge, 5*cfg.CacheMaxAge)}
	s.hCacheControl = []string{s.cacheControl}
	s.static = staticFiles()
	s.routes = append(s.routes, s.healthRoutes()...)
	s.routes = append(s.routes, s.catalogRoutes()...)
	s.routes = append(s.routes, s.roleWriteRoutes()...)
	s.routes = append(s.routes, s.estimateRoutes()...)
	s.routes = append(s.routes, s.pageRoutes()...)
	s.routes = append(s.routes, s.authRoutes()...)
	s.routes = append(s.routes, s.orgRoutes()...)
	s.routes = append(s.routes, s.oauthRoutes()...)
	for _, rt := range s.routes {
		s.mux.HandleFunc(rt.method+" "+rt.pattern, s.guard(rt))
	}
	s.mux.HandleFunc("/", s.routeMiss)
	s.handler = s.recoverer(s.securityHeaders(s.cors(s.limitBody(s.authenticate(s.compress(s.mux))))))
	if cfg.AccessLog {
		s.handler = s.accessLog(s.handler)
	}
	return s
}

// ServeHTTP makes the server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// Route describes one registered route, for tests and documentation.
type Route struct {
	Method  string
	Pattern string
	// Action is the policy action the route is authorised under.
	Action string
	// Limits names the rate limits the route counts against.
	Limits []string
}

func (r Route) String() string { return r.Method + " " + r.Pattern }

// Routes lists every registered route with its action and rate limits.
func (s *Server) Routes() []Route {
	out := make([]Route, 0, len(s.routes))
	for _, rt := range s.routes {
		out = append(out, Route{Method: rt.method, Pattern: rt.pattern, Action: rt.action, Limits: s.limitsOf(rt)})
	}
	return out
}

// ListenAndServe serves on cfg.Addr until ctx ends, then drains in-flight
// requests for up to ten seconds.
func (s *Server) ListenAndServe(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return err
	}
	return s.Serve(ctx, ln)
}

// Serve is ListenAndServe on an existing listener.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.logger.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	s.logger.Info("listening", slog.String("addr", ln.Addr().String()))
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// routeMiss answers requests no route matched, with problem documents
// instead of the mux's plain-text ones: 405 with an Allow header when the
// path exists under other methods, 404 otherwise. It is registered as the
// catch-all "/" so matched requests are routed once.
func (s *Server) routeMiss(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE"} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := s.mux.Handler(probe); pattern != "/" && pattern != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		if slices.Contains(allow, "GET") {
			allow = append(allow, "HEAD")
		}
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeProblem(w, r, Problem{Type: "about:blank", Title: "Method Not Allowed", Status: http.StatusMethodNotAllowed,
			Detail: fmt.Sprintf("%s is not allowed on %s.", r.Method, r.URL.Path), Code: "method_not_allowed"})
		return
	}
	s.Error(w, r, hirebase.Errorf(hirebase.ENOTFOUND, "No route for %s %s.", r.Method, r.URL.Path))
}

func (s *Server) healthRoutes() []route {
	return []route{
		{"GET", "/healthz", auth.ActionPublicRead, s.handleHealthz},
		{"GET", "/readyz", auth.ActionPublicRead, s.handleReadyz},
	}
}

// handleHealthz answers while the process is up.
func (s *Server) handleHealthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// handleReadyz answers 200 only while the database is reachable, so a load
// balancer stops sending traffic to a replica that lost it.
func (s *Server) handleReadyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.deps.Ready(ctx); err != nil {
		s.logger.Warn("not ready", slog.Any("err", err))
		writeProblem(w, r, Problem{Type: "about:blank", Title: "Service Unavailable",
			Status: http.StatusServiceUnavailable, Detail: "The database is not reachable.", Code: "unavailable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}
