package main

import (
	"context"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/postgres"
	"github.com/hirebase/hirebase/internal/sqlite"
)

// store joins one engine's stores behind the Store interface, all on one
// database handle, so SQLite keeps its single writer connection.
type store struct {
	roleStore
	calibrationStore
	auth auth.AllStores
	db   interface {
		Ping(context.Context) error
		Close() error
	}
}

type (
	roleStore        = hirebase.RoleStore
	calibrationStore = hirebase.CalibrationStore
)

func (s *store) Ping(ctx context.Context) error { return s.db.Ping(ctx) }
func (s *store) Close() error                   { return s.db.Close() }
func (s *store) Auth() auth.AllStores           { return s.auth }

// openStore opens SQLite for a path and PostgreSQL for a postgres:// URL,
// migrating either to the current schema.
func openStore(ctx context.Context, dsn string) (Store, error) {
	if isPostgres(dsn) {
		db, err := postgres.Open(ctx, dsn)
		if err != nil {
			return nil, err
		}
		return &store{postgres.NewRoleStore(db), postgres.NewCalibrationStore(db), postgres.NewAuthStore(db), db}, nil
	}
	db, err := sqlite.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return &store{sqlite.NewRoleStore(db), sqlite.NewCalibrationStore(db), sqlite.NewAuthStore(db), db}, nil
}
