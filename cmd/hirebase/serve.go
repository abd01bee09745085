package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/catalog"
	"github.com/hirebase/hirebase/internal/catalogcache"
	"github.com/hirebase/hirebase/internal/hirebase"
	hbhttp "github.com/hirebase/hirebase/internal/http"
	"github.com/hirebase/hirebase/internal/redis"
)

func runServe(ctx context.Context, cfg Config, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	cfg.bindServe(fs)
	if _, err := parse(fs, &cfg, args, stderr); err != nil {
		return err
	}
	logger := newLogger(cfg, stderr)
	logger.Info("starting", slog.String("db", maskedDB(cfg.DB)), slog.String("addr", cfg.Addr))

	store, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := seedIfEmpty(ctx, store, logger); err != nil {
		return err
	}

	var limiter hirebase.RateLimiter
	if cfg.RedisURL != "" {
		rdb, err := redis.Open(ctx, cfg.RedisURL)
		if err != nil {
			return err
		}
		defer rdb.Close()
		limiter = redis.NewRateLimiter(rdb, "hirebase:rl:")
		logger.Info("rate limits shared through redis", slog.String("redis", maskedURL(cfg.RedisURL)))
	}
	proxies, err := cfg.proxies()
	if err != nil {
		return err
	}

	cache := catalogcache.New(store, cfg.CacheRefresh, logger)
	if err := cache.Load(ctx); err != nil {
		return err
	}
	go cache.Run(ctx)
	authSvc, err := startAuth(ctx, cfg, store, logger)
	if err != nil {
		return err
	}
	origins, err := cfg.corsOrigins()
	if err != nil {
		return err
	}

	srv := hbhttp.NewServer(hbhttp.Config{
		Addr:            cfg.Addr,
		MaxBodyBytes:    cfg.MaxBodyBytes,
		AccessLog:       cfg.AccessLog,
		PublicURL:       cfg.PublicURL,
		TrustedProxies:  proxies,
		EstimateLimit:   perMinute(cfg.EstimatesPerMinute),
		APILimit:        perMinute(cfg.APIRequestsPerMinute),
		CredentialLimit: perMinute(cfg.CredentialRequestsPerMinute),
		CORSOrigins:     origins,
	}, hbhttp.Deps{
		Roles:      store,
		Catalog:    cache,
		Ready:      store.Ping,
		Limiter:    limiter,
		Auth:       authSvc,
		RoleWriter: store,
		Loader:     cache,
	}, logger)
	return srv.ListenAndServe(ctx)
}

// perMinute is an allowance of n requests a minute, a third of them in a
// burst.
func perMinute(n int) hirebase.Limit {
	return hirebase.Limit{Rate: n, Period: time.Minute, Burst: max(n/3, 1)}
}

// seedIfEmpty imports the embedded catalog and its calibration into an empty
// database, so a fresh install serves the whole catalog with no other step.
// A database that has any role is left alone: its catalog is its owner's.
func seedIfEmpty(ctx context.Context, store Store, logger *slog.Logger) error {
	// One role is enough to know; the cache loads them all right after.
	roles, _, err := store.FindRoles(ctx, hirebase.RoleFilter{Limit: 1})
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	if len(roles) > 0 {
		return nil
	}
	cal, err := catalog.DefaultCalibration()
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	c, err := catalog.Default(cal)
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	if err := store.PutCalibration(ctx, cal); err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	res, err := store.ImportCatalog(ctx, c)
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	logger.Info("seeded the default catalog", slog.Int("roles", res.RolesCreated),
		slog.Int("skills", res.SkillsCreated), slog.String("calibration", cal.ID))
	return nil
}

func runMigrate(ctx context.Context, cfg Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	cfg.bindDB(fs)
	if _, err := parse(fs, &cfg, args, stderr); err != nil {
		return err
	}
	store, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	fmt.Fprintf(stdout, "migrated %s\n", maskedDB(cfg.DB))
	return nil
}

// Store is everything the program needs from either engine.
type Store interface {
	hirebase.RoleStore
	hirebase.CalibrationStore
	// Auth returns the engine's security stores on the same database.
	Auth() auth.AllStores
	Ping(ctx context.Context) error
	Close() error
}

// startAuth builds the security service on the store, makes sure a signing
// key exists (so a broken key table stops start-up instead of the first
// login) and prunes expired sessions and keys every interval until ctx ends.
func startAuth(ctx context.Context, cfg Config, st Store, logger *slog.Logger) (*auth.Service, error) {
	ac, err := cfg.authConfig()
	if err != nil {
		return nil, err
	}
	svc, err := auth.New(ac, auth.StoresOf(st.Auth()), auth.Options{Logger: logger})
	if err != nil {
		return nil, err
	}
	if err := svc.Keys().Ensure(ctx); err != nil {
		return nil, err
	}
	go func() {
		t := time.NewTicker(cfg.PruneInterval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if err := svc.Prune(ctx); err != nil && ctx.Err() == nil {
					logger.Warn("prune expired sessions", slog.Any("err", err))
				}
			}
		}
	}()
	logger.Info("auth ready", slog.String("issuer", ac.Issuer), slog.Duration("access_ttl", ac.AccessTTL),
		slog.Duration("refresh_ttl", ac.RefreshAbsoluteTTL))
	return svc, nil
}
