// Package postgres stores hirebase data in PostgreSQL, for deployments that
// run several replicas against one database. It implements the storage
// interfaces of package hirebase with hand-written SQL.
//
// It keeps its SQL, its connections and transactions, and its driver's error
// codes; the Go around the SQL that both engines need is in package sqlstore.
// It may import only the domain package, sqlstore and its driver, pgx
// through database/sql: never http, never package sqlite, which implements
// the same interfaces.
package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// DB is an open PostgreSQL connection pool.
type DB struct {
	db *sql.DB

	// Now returns the current time; each write transaction reads it once.
	// Tests may replace it before the first write.
	Now func() time.Time
}

// Pool settings read from the connection string, under the names pgxpool
// uses, and removed before connecting. Each has a default.
const (
	paramMaxConns        = "pool_max_conns"          // open connections, default max(4, CPUs)
	paramMaxConnLifetime = "pool_max_conn_lifetime"  // e.g. "1h", default one hour
	paramMaxConnIdleTime = "pool_max_conn_idle_time" // e.g. "30m", default 30 minutes
)

// Open connects to the database at url, a postgres:// URL or key=value
// string, and applies pending migrations. Replicas may call it at once: they
// migrate one at a time.
func Open(ctx context.Context, url string) (*DB, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	maxConns, lifetime, idleTime, err := poolLimits(cfg.RuntimeParams)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}

	db := &DB{db: stdlib.OpenDB(*cfg), Now: time.Now}
	db.db.SetMaxOpenConns(maxConns)
	db.db.SetMaxIdleConns(maxConns)
	db.db.SetConnMaxLifetime(lifetime)
	db.db.SetConnMaxIdleTime(idleTime)

	if err := db.Ping(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := migrate(ctx, db.db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	return db, nil
}

// poolLimits takes the pool settings out of params, which pgx would
// otherwise send to the server as session settings.
func poolLimits(params map[string]string) (maxConns int, lifetime, idleTime time.Duration, err error) {
	maxConns, lifetime, idleTime = max(4, runtime.NumCPU()), time.Hour, 30*time.Minute
	if v, ok := params[paramMaxConns]; ok {
		delete(params, paramMaxConns)
		if maxConns, err = strconv.Atoi(v); err != nil || maxConns < 1 {
			return 0, 0, 0, fmt.Errorf("%s must be a positive number, not %q", paramMaxConns, v)
		}
	}
	if v, ok := params[paramMaxConnLifetime]; ok {
		delete(params, paramMaxConnLifetime)
		if lifetime, err = time.ParseDuration(v); err != nil || lifetime < 0 {
			return 0, 0, 0, fmt.Errorf("%s must be a duration, not %q", paramMaxConnLifetime, v)
		}
	}
	if v, ok := params[paramMaxConnIdleTime]; ok {
		delete(params, paramMaxConnIdleTime)
		if idleTime, err = time.ParseDuration(v); err != nil || idleTime < 0 {
			return 0, 0, 0, fmt.Errorf("%s must be a duration, not %q", paramMaxConnIdleTime, v)
		}
	}
	return maxConns, lifetime, idleTime, nil
}

// Close closes every connection.
func (db *DB) Close() error {
	return db.db.Close()
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.db.PingContext(ctx); err != nil {
		return fmt.Errorf("ping postgres: %w", err)
	}
	return nil
}

// beginWrite starts a read-committed transaction for a write.
func (db *DB) beginWrite(ctx context.Context) (*sql.Tx, error) {
	return db.db.BeginTx(ctx, nil)
}

// beginRead starts a read-only transaction on one snapshot, so a read of
// several queries never mixes two commits.
func (db *DB) beginRead(ctx context.Context) (*sql.Tx, error) {
	return db.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
}

// now returns the time a write transaction records, once per transaction.
func (db *DB) now() time.Time {
	return db.Now().UTC()
}
