package main

import (
	"context"
	"io"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/postgres"
	"github.com/hirebase/hirebase/internal/sqlite"
)

// authStore is one engine's auth stores and the database they are on.
type authStore struct {
	auth.AllStores
	db interface{ Close() error }
}

func (s *authStore) Close() error { return s.db.Close() }

// openAuthStore opens the database named by dsn (SQLite for a path,
// PostgreSQL for a postgres:// URL), migrated, with its auth stores. SQLite
// takes its write lock per transaction and waits out others, so this works
// while `serve` runs on the same file.
func openAuthStore(ctx context.Context, dsn string) (*authStore, error) {
	if isPostgres(dsn) {
		db, err := postgres.Open(ctx, dsn)
		if err != nil {
			return nil, err
		}
		return &authStore{postgres.NewAuthStore(db), db}, nil
	}
	db, err := sqlite.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return &authStore{sqlite.NewAuthStore(db), db}, nil
}

// openAuthService opens the auth stores and builds the security service on
// them with the default security settings, which is all the sub-commands
// need: they neither issue nor verify tokens.
func openAuthService(ctx context.Context, cfg Config, stderr io.Writer) (*auth.Service, *authStore, error) {
	st, err := openAuthStore(ctx, cfg.DB)
	if err != nil {
		return nil, nil, err
	}
	svc, err := auth.New(auth.DefaultConfig(), auth.StoresOf(st), auth.Options{Logger: newLogger(cfg, stderr)})
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return svc, st, nil
}
