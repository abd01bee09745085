// Package auth decides who a caller is and what they may do: password
// hashing and policy, login throttling, access tokens (EdDSA-signed JWTs) and
// their signing keys, rotating refresh tokens, OAuth 2.0 client credentials,
// invites and accounts, the audit log, and the one authorisation policy every
// handler consults.
//
// It depends on the domain package and on libraries for cryptography only:
// never on http, sqlite or postgres. Storage comes in through the store
// interfaces of package hirebase; the HTTP layer calls the Service from thin
// handlers and maps its hirebase errors to statuses.
package auth

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// Config holds the security settings. Zero values are not defaults: start
// from DefaultConfig.
type Config struct {
	// Issuer is the iss of every access token and the OAuth issuer
	// identifier; Audience the aud tokens are minted for and required to
	// carry.
	Issuer   string
	Audience string
	// FirstPartyClientID is the client_id of tokens from password logins,
	// which have no registered API client.
	FirstPartyClientID string

	// AccessTTL is how long an access token lives; at most an hour, because
	// revocation of a signed token is only as quick as its expiry unless the
	// per-request check catches it.
	AccessTTL time.Duration
	// RefreshIdleTTL is how long an unused refresh token lives;
	// RefreshAbsoluteTTL how long a session lives however often it is
	// refreshed.
	RefreshIdleTTL     time.Duration
	RefreshAbsoluteTTL time.Duration
	InviteTTL          time.Duration
	// ClockSkew is the leeway allowed between replicas' clocks when
	// checking exp, nbf and iat.
	ClockSkew time.Duration
	// KeyRefresh is how often a replica rereads the signing keys, so a
	// rotation made elsewhere (hirebase keys rotate) reaches every replica.
	KeyRefresh time.Duration

	Password PasswordParams

	// At most AccountFailures failed logins per account and IPFailures per
	// client address within FailureWindow; past that logins are refused
	// with a retry-after.
	AccountFailures int
	IPFailures      int
	FailureWindow   time.Duration
}

// DefaultConfig returns the defaults: 15-minute access tokens, sessions idle
// for up to 14 days and at most 30, OWASP's minimum Argon2id cost, and 10
// failures per account and 50 per address each 15 minutes.
func DefaultConfig() Config {
	return Config{
		Issuer:             "hirebase",
		Audience:           "hirebase-api",
		FirstPartyClientID: "hirebase",
		AccessTTL:          15 * time.Minute,
		RefreshIdleTTL:     14 * 24 * time.Hour,
		RefreshAbsoluteTTL: 30 * 24 * time.Hour,
		InviteTTL:          7 * 24 * time.Hour,
		ClockSkew:          30 * time.Second,
		KeyRefresh:         time.Minute,
		Password:           MinPasswordParams,
		AccountFailures:    10,
		IPFailures:         50,
		FailureWindow:      15 * time.Minute,
	}
}

// Validate checks the settings once, at start-up.
func (c Config) Validate() error {
	switch {
	case c.Issuer == "" || c.Audience == "" || c.FirstPartyClientID == "":
		return errors.New("auth: issuer, audience and first-party client ID are required")
	case c.AccessTTL < time.Minute || c.AccessTTL > time.Hour:
		return errors.New("auth: access token lifetime must be between 1m and 1h")
	case c.RefreshIdleTTL < c.AccessTTL || c.RefreshIdleTTL > c.RefreshAbsoluteTTL:
		return errors.New("auth: refresh idle lifetime must be between the access lifetime and the absolute lifetime")
	case c.RefreshAbsoluteTTL > 365*24*time.Hour:
		return errors.New("auth: refresh absolute lifetime must be at most a year")
	case c.InviteTTL < time.Hour || c.InviteTTL > 30*24*time.Hour:
		return errors.New("auth: invite lifetime must be between 1h and 30 days")
	case c.ClockSkew < 0 || c.ClockSkew > 5*time.Minute:
		return errors.New("auth: clock skew must be between 0 and 5m")
	case c.KeyRefresh < time.Second || c.KeyRefresh > 10*time.Minute:
		return errors.New("auth: key refresh must be between 1s and 10m")
	case c.Password.Memory < MinPasswordParams.Memory || c.Password.Time < MinPasswordParams.Time ||
		c.Password.Threads < 1 || c.Password.Memory > maxMemoryKiB || c.Password.Time > maxTime:
		return fmt.Errorf("auth: Argon2id parameters must be at least m=%d KiB, t=%d, p=%d",
			MinPasswordParams.Memory, MinPasswordParams.Time, MinPasswordParams.Threads)
	case c.AccountFailures < 1 || c.IPFailures < 1 || c.FailureWindow < time.Minute:
		return errors.New("auth: login failure limits must be positive and the window at least 1m")
	}
	return nil
}

// Stores are the storage interfaces the service uses. Each engine's
// AuthStore implements all of them; StoresOf fills every field from one.
type Stores struct {
	Orgs     hirebase.OrgStore
	Users    hirebase.UserStore
	Invites  hirebase.InviteStore
	Clients  hirebase.ClientStore
	Tokens   hirebase.TokenStore
	Keys     hirebase.KeyStore
	Audit    hirebase.AuditStore
	Throttle hirebase.LoginThrottleStore
}

// AllStores is one value implementing every store the service needs.
type AllStores interface {
	hirebase.OrgStore
	hirebase.UserStore
	hirebase.InviteStore
	hirebase.ClientStore
	hirebase.TokenStore
	hirebase.KeyStore
	hirebase.AuditStore
	hirebase.LoginThrottleStore
}

// StoresOf returns Stores with every field set to s.
func StoresOf(s AllStores) Stores {
	return Stores{Orgs: s, Users: s, Invites: s, Clients: s, Tokens: s, Keys: s, Audit: s, Throttle: s}
}

// Options are the service's collaborators; zero values take defaults.
type Options struct {
	// Clock returns the current time; tests replace it. Default time.Now.
	Clock func() time.Time
	// Mailer sends invites. Default: a LogMailer on Logger.
	Mailer Mailer
	// Logger receives internal errors that do not fail the request, such
	// as a failed audit write. Default: slog.Default().
	Logger *slog.Logger
}

// Service is the security core: every operation the HTTP layer's auth,
// account, organisation, invite, API-client and audit routes need, each one
// call. Methods that act for a caller take its Principal and apply the
// policy themselves, object-level checks included.
type Service struct {
	cfg    Config
	st     Stores
	keys   *Keys
	verify *verifier
	mailer Mailer
	logger *slog.Logger
	clock  func() time.Time
	// dummyHash is verified against when a login names no account, so an
	// unknown email costs what a wrong password does.
	dummyHash string
	// lastPrune is when this replica last pruned expired rows (Unix ns).
	lastPrune atomic.Int64
}

// New returns a service. It hashes one throwaway password to build the dummy
// hash, so it takes as long as one login; it does not touch the database.
func New(cfg Config, st Stores, opt Options) (*Service, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if st.Orgs == nil || st.Users == nil || st.Invites == nil || st.Clients == nil || st.Tokens == nil ||
		st.Keys == nil || st.Audit == nil || st.Throttle == nil {
		return nil, errors.New("auth: every store is required")
	}
	if opt.Clock == nil {
		opt.Clock = time.Now
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	if opt.Mailer == nil {
		opt.Mailer = LogMailer{Logger: opt.Logger}
	}
	s := &Service{cfg: cfg, st: st, mailer: opt.Mailer, logger: opt.Logger, clock: opt.Clock}
	s.keys = NewKeys(st.Keys, cfg, opt.Clock)
	s.verify = newVerifier(cfg, s.keys, s.now)
	dummy, err := HashPassword(randomToken(""), cfg.Password)
	if err != nil {
		return nil, err
	}
	s.dummyHash = dummy
	return s, nil
}

// Keys returns the signing keys, for the JWKS route and `keys rotate`.
func (s *Service) Keys() *Keys { return s.keys }

// Config returns the settings, for the OAuth metadata route.
func (s *Service) Config() Config { return s.cfg }

// now returns the service's clock in UTC, to the microsecond: the finest
// time both engines store, so what is written reads back equal.
func (s *Service) now() time.Time {
	return s.clock().UTC().Truncate(time.Microsecond)
}

// pruneEvery is how often a replica deletes expired sessions and keys as a
// side effect of logins.
const pruneEvery = 10 * time.Minute

// maybePrune prunes expired rows if this replica has not for pruneEvery, so
// tables stay bounded without a scheduler.
func (s *Service) maybePrune(ctx context.Context, now time.Time) {
	last := s.lastPrune.Load()
	if now.UnixNano()-last < int64(pruneEvery) || !s.lastPrune.CompareAndSwap(last, now.UnixNano()) {
		return
	}
	if err := s.Prune(ctx); err != nil {
		s.logger.ErrorContext(ctx, "prune expired sessions", slog.Any("err", err))
	}
}

// Prune deletes sessions past their absolute end (kept one access-token
// lifetime longer, so the per-request check still finds their tokens'
// family), expired revocation-list entries and keys no token can need.
func (s *Service) Prune(ctx context.Context) error {
	now := s.now()
	if err := s.st.Tokens.PruneTokens(ctx, now.Add(-s.cfg.AccessTTL-s.cfg.ClockSkew), now); err != nil {
		return err
	}
	return s.st.Keys.PruneSigningKeys(ctx, now.Add(-s.keys.grace))
}

// RotateKeys makes a new signing key active and records the rotation in the
// audit log; tokens signed with the old key stay valid until they expire.
// It returns the new kid.
func (s *Service) RotateKeys(ctx context.Context) (string, error) {
	kid, err := s.keys.Rotate(ctx)
	if err != nil {
		return "", err
	}
	s.audit(ctx, hirebase.AuditEvent{Type: hirebase.AuditKeyRotated, Subject: kid})
	return kid, nil
}
