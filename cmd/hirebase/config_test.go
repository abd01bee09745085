package main

import (
	"strings"
	"testing"
	"time"
)

// TestSecurityConfig reads the security settings from the environment and
// refuses bad ones at start-up, naming the setting.
func TestSecurityConfig(t *testing.T) {
	t.Parallel()
	env := map[string]string{
		"HIREBASE_ACCESS_TTL": "5m", "HIREBASE_REFRESH_IDLE_TTL": "24h", "HIREBASE_REFRESH_TTL": "168h",
		"HIREBASE_API_REQUESTS_PER_MINUTE": "90", "HIREBASE_CREDENTIAL_REQUESTS_PER_MINUTE": "6",
		"HIREBASE_CORS_ORIGINS": "https://app.example.com, http://localhost:5173", "HIREBASE_PUBLIC_URL": "https://hire.example.com/",
	}
	cfg := defaultConfig()
	if err := cfg.loadEnv(func(k string) string { return env[k] }); err != nil {
		t.Fatal(err)
	}
	if err := cfg.validate(); err != nil {
		t.Fatal(err)
	}
	ac, err := cfg.authConfig()
	if err != nil {
		t.Fatal(err)
	}
	if ac.AccessTTL != 5*time.Minute || ac.RefreshIdleTTL != 24*time.Hour || ac.RefreshAbsoluteTTL != 168*time.Hour ||
		ac.Issuer != "https://hire.example.com" || ac.Audience != "hirebase-api" {
		t.Errorf("auth config %+v", ac)
	}
	origins, _ := cfg.corsOrigins()
	if len(origins) != 2 || origins[1] != "http://localhost:5173" || cfg.APIRequestsPerMinute != 90 || cfg.CredentialRequestsPerMinute != 6 {
		t.Errorf("origins %v, limits %d %d", origins, cfg.APIRequestsPerMinute, cfg.CredentialRequestsPerMinute)
	}

	// With nothing configured the issuer is the bare default, so `serve`
	// works with no setup.
	def := defaultConfig()
	if ac, err := def.authConfig(); err != nil || ac.Issuer != "hirebase" {
		t.Errorf("default issuer %q, %v", ac.Issuer, err)
	}

	for _, tc := range []struct{ name, value, want string }{
		{"HIREBASE_ACCESS_TTL", "2h", "access-ttl"},
		{"HIREBASE_REFRESH_IDLE_TTL", "1s", "refresh-idle-ttl"},
		{"HIREBASE_CORS_ORIGINS", "https://app.example.com/", "cors-origins"},
		{"HIREBASE_CORS_ORIGINS", "*", "cors-origins"},
		{"HIREBASE_API_REQUESTS_PER_MINUTE", "0", "api-requests-per-minute"},
		{"HIREBASE_PRUNE_INTERVAL", "1s", "prune-interval"},
	} {
		cfg := defaultConfig()
		if err := cfg.loadEnv(func(k string) string {
			if k == tc.name {
				return tc.value
			}
			return ""
		}); err != nil {
			t.Fatal(err)
		}
		if err := cfg.validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s=%s: %v, want an error naming %s", tc.name, tc.value, err, tc.want)
		}
	}
}
