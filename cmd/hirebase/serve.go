package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

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

	srv := hbhttp.NewServer(hbhttp.Config{
		Addr:           cfg.Addr,
		MaxBodyBytes:   cfg.MaxBodyBytes,
		AccessLog:      cfg.AccessLog,
		PublicURL:      cfg.PublicURL,
		TrustedProxies: proxies,
		EstimateLimit:  hirebase.Limit{Rate: cfg.EstimatesPerMinute, Period: time.Minute, Burst: max(cfg.EstimatesPerMinute/3, 1)},
	}, hbhttp.Deps{
		Roles:   store,
		Catalog: cache,
		Ready:   store.Ping,
		Limiter: limiter,
	}, logger)
	return srv.ListenAndServe(ctx)
}

// seedIfEmpty imports the embedded catalog and its calibration into an empty
// database, so a fresh install serves the whole catalog with no other step.
// A database that has any role is left alone: its catalog is its owner's.
func seedIfEmpty(ctx context.Context, store Store, logger *slog.Logger) error {
	roles, err := store.ListRoles(ctx)
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
	Ping(ctx context.Context) error
	Close() error
}
