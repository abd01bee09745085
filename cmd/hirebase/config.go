package main

import (
	"flag"
	"fmt"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hirebase/hirebase/internal/auth"
	hbhttp "github.com/hirebase/hirebase/internal/http"
)

// Config is every setting of the program: defaults here, then HIREBASE_*
// environment variables (secrets also from HIREBASE_*_FILE), then flags.
type Config struct {
	Addr         string
	DB           string
	PublicURL    string
	CacheRefresh time.Duration
	AccessLog    bool
	LogLevel     string
	LogFormat    string
	MaxBodyBytes int64
	// RedisURL, when set, shares rate limits across replicas.
	RedisURL string
	// TrustedProxies is a comma-separated list of CIDRs whose
	// X-Forwarded-For header is believed.
	TrustedProxies string
	// EstimatesPerMinute is each client address's allowance of estimates.
	EstimatesPerMinute int

	// AccessTTL is the lifetime of access tokens; RefreshIdleTTL how long
	// an unused session lives, RefreshTTL how long any session lives.
	AccessTTL      time.Duration
	RefreshIdleTTL time.Duration
	RefreshTTL     time.Duration
	// PruneInterval is how often expired sessions and keys are deleted.
	PruneInterval time.Duration
	// APIRequestsPerMinute is each principal's allowance on /api and
	// /oauth: a signed-in user or API client, else a client address.
	APIRequestsPerMinute int
	// CredentialRequestsPerMinute is each client address's allowance on
	// the routes that take a password or client secret.
	CredentialRequestsPerMinute int
	// CORSOrigins is a comma-separated list of exact origins whose scripts
	// may call the API; empty turns CORS off.
	CORSOrigins string
}

func defaultConfig() Config {
	return Config{
		Addr:               "127.0.0.1:8080",
		DB:                 "hirebase.db",
		CacheRefresh:       2 * time.Second,
		LogLevel:           "info",
		LogFormat:          "text",
		MaxBodyBytes:       1 << 20,
		EstimatesPerMinute: 60,

		AccessTTL:                   15 * time.Minute,
		RefreshIdleTTL:              14 * 24 * time.Hour,
		RefreshTTL:                  30 * 24 * time.Hour,
		PruneInterval:               10 * time.Minute,
		APIRequestsPerMinute:        600,
		CredentialRequestsPerMinute: 20,
	}
}

// bindDB registers the database flag every sub-command takes.
func (c *Config) bindDB(fs *flag.FlagSet) {
	fs.StringVar(&c.DB, "db", c.DB, "SQLite file path, or a postgres:// URL (env HIREBASE_DB, HIREBASE_DB_FILE)")
	fs.StringVar(&c.LogLevel, "log-level", c.LogLevel, "debug, info, warn or error (env HIREBASE_LOG_LEVEL)")
	fs.StringVar(&c.LogFormat, "log-format", c.LogFormat, "text or json (env HIREBASE_LOG_FORMAT)")
}

// bindServe registers the server's flags.
func (c *Config) bindServe(fs *flag.FlagSet) {
	c.bindDB(fs)
	fs.StringVar(&c.Addr, "addr", c.Addr, "listen address (env HIREBASE_ADDR)")
	fs.StringVar(&c.PublicURL, "public-url", c.PublicURL, "external base URL for canonical links and the sitemap (env HIREBASE_PUBLIC_URL)")
	fs.DurationVar(&c.CacheRefresh, "cache-refresh", c.CacheRefresh, "how often each replica checks the catalog for changes (env HIREBASE_CACHE_REFRESH)")
	fs.BoolVar(&c.AccessLog, "access-log", c.AccessLog, "log every request (env HIREBASE_ACCESS_LOG)")
	fs.Int64Var(&c.MaxBodyBytes, "max-body-bytes", c.MaxBodyBytes, "largest request body accepted (env HIREBASE_MAX_BODY_BYTES)")
	fs.StringVar(&c.RedisURL, "redis", c.RedisURL, "redis:// URL to share rate limits across replicas (env HIREBASE_REDIS_URL, HIREBASE_REDIS_URL_FILE)")
	fs.StringVar(&c.TrustedProxies, "trusted-proxies", c.TrustedProxies, "comma-separated CIDRs whose X-Forwarded-For is believed (env HIREBASE_TRUSTED_PROXIES)")
	fs.IntVar(&c.EstimatesPerMinute, "estimates-per-minute", c.EstimatesPerMinute, "estimates each client address may request per minute (env HIREBASE_ESTIMATES_PER_MINUTE)")
	fs.DurationVar(&c.AccessTTL, "access-ttl", c.AccessTTL, "lifetime of access tokens, 1m to 1h (env HIREBASE_ACCESS_TTL)")
	fs.DurationVar(&c.RefreshIdleTTL, "refresh-idle-ttl", c.RefreshIdleTTL, "how long an unused session lives (env HIREBASE_REFRESH_IDLE_TTL)")
	fs.DurationVar(&c.RefreshTTL, "refresh-ttl", c.RefreshTTL, "how long any session lives, however often refreshed (env HIREBASE_REFRESH_TTL)")
	fs.DurationVar(&c.PruneInterval, "prune-interval", c.PruneInterval, "how often expired sessions and keys are deleted (env HIREBASE_PRUNE_INTERVAL)")
	fs.IntVar(&c.APIRequestsPerMinute, "api-requests-per-minute", c.APIRequestsPerMinute, "API requests each user, API client or anonymous address may make per minute (env HIREBASE_API_REQUESTS_PER_MINUTE)")
	fs.IntVar(&c.CredentialRequestsPerMinute, "credential-requests-per-minute", c.CredentialRequestsPerMinute, "signup, login and token requests each client address may make per minute (env HIREBASE_CREDENTIAL_REQUESTS_PER_MINUTE)")
	fs.StringVar(&c.CORSOrigins, "cors-origins", c.CORSOrigins, "comma-separated exact origins whose scripts may call the API; empty turns CORS off (env HIREBASE_CORS_ORIGINS)")
}

// loadEnv overrides defaults from the environment.
func (c *Config) loadEnv(getenv func(string) string) error {
	str := func(name string, dst *string) error {
		if v := getenv(name); v != "" {
			*dst = v
		}
		if f := getenv(name + "_FILE"); f != "" {
			b, err := os.ReadFile(f)
			if err != nil {
				return fmt.Errorf("%s_FILE: %w", name, err)
			}
			*dst = strings.TrimSpace(string(b))
		}
		return nil
	}
	for name, dst := range map[string]*string{
		"HIREBASE_ADDR": &c.Addr, "HIREBASE_DB": &c.DB, "HIREBASE_PUBLIC_URL": &c.PublicURL,
		"HIREBASE_LOG_LEVEL": &c.LogLevel, "HIREBASE_LOG_FORMAT": &c.LogFormat,
		"HIREBASE_REDIS_URL": &c.RedisURL, "HIREBASE_TRUSTED_PROXIES": &c.TrustedProxies,
		"HIREBASE_CORS_ORIGINS": &c.CORSOrigins,
	} {
		if err := str(name, dst); err != nil {
			return err
		}
	}
	for name, dst := range map[string]*time.Duration{
		"HIREBASE_CACHE_REFRESH": &c.CacheRefresh, "HIREBASE_ACCESS_TTL": &c.AccessTTL,
		"HIREBASE_REFRESH_IDLE_TTL": &c.RefreshIdleTTL, "HIREBASE_REFRESH_TTL": &c.RefreshTTL,
		"HIREBASE_PRUNE_INTERVAL": &c.PruneInterval,
	} {
		if v := getenv(name); v != "" {
			d, err := time.ParseDuration(v)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			*dst = d
		}
	}
	if v := getenv("HIREBASE_ACCESS_LOG"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("HIREBASE_ACCESS_LOG: %w", err)
		}
		c.AccessLog = b
	}
	for name, dst := range map[string]*int{
		"HIREBASE_ESTIMATES_PER_MINUTE": &c.EstimatesPerMinute, "HIREBASE_API_REQUESTS_PER_MINUTE": &c.APIRequestsPerMinute,
		"HIREBASE_CREDENTIAL_REQUESTS_PER_MINUTE": &c.CredentialRequestsPerMinute,
	} {
		if v := getenv(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			*dst = n
		}
	}
	if v := getenv("HIREBASE_MAX_BODY_BYTES"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return fmt.Errorf("HIREBASE_MAX_BODY_BYTES: %w", err)
		}
		c.MaxBodyBytes = n
	}
	return nil
}

// validate checks the settings once, at start-up.
func (c *Config) validate() error {
	if c.DB == "" {
		return fmt.Errorf("--db is required")
	}
	if c.CacheRefresh < 100*time.Millisecond {
		return fmt.Errorf("--cache-refresh must be at least 100ms")
	}
	if c.MaxBodyBytes < 1024 {
		return fmt.Errorf("--max-body-bytes must be at least 1024")
	}
	switch c.LogFormat {
	case "text", "json":
	default:
		return fmt.Errorf("--log-format must be text or json")
	}
	if c.EstimatesPerMinute < 1 || c.APIRequestsPerMinute < 1 || c.CredentialRequestsPerMinute < 1 {
		return fmt.Errorf("--estimates-per-minute, --api-requests-per-minute and --credential-requests-per-minute must be at least 1")
	}
	if c.PruneInterval < time.Minute {
		return fmt.Errorf("--prune-interval must be at least 1m")
	}
	if _, err := c.authConfig(); err != nil {
		return err
	}
	if _, err := c.corsOrigins(); err != nil {
		return err
	}
	if _, err := c.proxies(); err != nil {
		return err
	}
	if c.RedisURL != "" && !strings.HasPrefix(c.RedisURL, "redis://") && !strings.HasPrefix(c.RedisURL, "rediss://") {
		return fmt.Errorf("--redis must be a redis:// or rediss:// URL")
	}
	if c.PublicURL != "" {
		u, err := url.Parse(c.PublicURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("--public-url must be an absolute http(s) URL")
		}
	}
	return nil
}

// authConfig returns the security settings: the package defaults with the
// token lifetimes configured here, the issuer being the public URL when
// there is one, so tokens name the server that minted them. Its check runs
// in validate, so a bad lifetime stops the program at start-up.
func (c *Config) authConfig() (auth.Config, error) {
	ac := auth.DefaultConfig()
	if c.PublicURL != "" {
		ac.Issuer = strings.TrimSuffix(c.PublicURL, "/")
	}
	ac.Audience = "hirebase-api"
	ac.AccessTTL, ac.RefreshIdleTTL, ac.RefreshAbsoluteTTL = c.AccessTTL, c.RefreshIdleTTL, c.RefreshTTL
	if err := ac.Validate(); err != nil {
		return ac, fmt.Errorf("--access-ttl, --refresh-idle-ttl, --refresh-ttl: %w", err)
	}
	return ac, nil
}

// corsOrigins parses CORSOrigins, refusing anything that is not an origin
// (a trailing slash, a path, a wildcard), which browsers would never send.
func (c *Config) corsOrigins() ([]string, error) {
	var out []string
	for _, s := range strings.Split(c.CORSOrigins, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		if !hbhttp.ValidOrigin(s) {
			return nil, fmt.Errorf("--cors-origins: %q is not an origin such as https://app.example.com", s)
		}
		out = append(out, s)
	}
	return out, nil
}

// isPostgres reports whether the database setting names PostgreSQL.
func isPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// maskedDB returns the database setting with any password hidden, for logs.
func maskedDB(db string) string {
	if !isPostgres(db) {
		return db
	}
	u, err := url.Parse(db)
	if err != nil {
		return "postgres://(unparseable)"
	}
	return u.Redacted()
}

// proxies parses TrustedProxies.
func (c *Config) proxies() ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, s := range strings.Split(c.TrustedProxies, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return nil, fmt.Errorf("--trusted-proxies: %q is not a CIDR", s)
		}
		out = append(out, p)
	}
	return out, nil
}

// maskedURL hides any password in a URL setting, for logs.
func maskedURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparseable)"
	}
	return u.Redacted()
}
