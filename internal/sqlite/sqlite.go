// Package sqlite stores hirebase data in an embedded SQLite database file, for
// deployments without a database server. It implements the storage interfaces
// of package hirebase with hand-written SQL.
//
// It keeps its SQL, its connections and transactions, and its driver's error
// codes; the Go around the SQL that both engines need is in package sqlstore.
// It may import only the domain package, sqlstore and its driver,
// modernc.org/sqlite: never http, never package postgres, which implements
// the same interfaces.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// busyTimeout is how long a connection waits for another connection's lock,
// in this process or another (a CLI sub-command beside the server), before
// giving up with SQLITE_BUSY.
const busyTimeout = 10 * time.Second

// timeFormat stores times as fixed-width UTC text, so they sort as text.
const timeFormat = "2006-01-02T15:04:05.000000000Z"

// DB is an open SQLite database: a single writer connection, so writers queue
// in Go instead of failing with SQLITE_BUSY, beside a pool of query-only
// readers that WAL lets run while the writer works.
type DB struct {
	write *sql.DB
	read  *sql.DB

	// Now returns the current time; each write transaction reads it once.
	// Tests may replace it before the first write.
	Now func() time.Time
}

// pragma is a connection setting and the value it must read back as.
type pragma struct {
	name, set, want string
}

// writePragmas apply to the writer connection. busy_timeout comes first so the
// others, journal_mode in particular, wait for locks instead of failing.
var writePragmas = []pragma{
	{"busy_timeout", strconv.Itoa(int(busyTimeout.Milliseconds())), strconv.Itoa(int(busyTimeout.Milliseconds()))},
	{"journal_mode", "WAL", "wal"},
	{"foreign_keys", "ON", "1"},
	{"synchronous", "FULL", "2"},
	{"query_only", "OFF", "0"},
}

// readPragmas apply to every reader. journal_mode is a property of the file,
// set by the writer, and is only read back.
var readPragmas = []pragma{
	{"busy_timeout", strconv.Itoa(int(busyTimeout.Milliseconds())), strconv.Itoa(int(busyTimeout.Milliseconds()))},
	{"journal_mode", "", "wal"},
	{"foreign_keys", "ON", "1"},
	{"query_only", "ON", "1"},
}

// Open opens the database file at path, creating it and its directory if
// needed, checks that every connection setting took effect, and applies
// pending migrations.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" || path == ":memory:" {
		return nil, fmt.Errorf("open sqlite: a file path is required")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	db := &DB{Now: time.Now}

	var err error
	// _txlock=immediate makes every write transaction take the write lock
	// at BEGIN, so it waits out another process's writer under busy_timeout
	// rather than failing when it first writes.
	if db.write, err = sql.Open("sqlite", dsn(path, writePragmas, "_txlock=immediate")); err != nil {
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	db.write.SetMaxOpenConns(1)
	db.write.SetMaxIdleConns(1)
	db.write.SetConnMaxIdleTime(0)
	db.write.SetConnMaxLifetime(0)
	if err := checkPragmas(ctx, db.write, writePragmas); err != nil {
		db.write.Close()
		return nil, fmt.Errorf("open sqlite writer: %w", err)
	}
	if err := migrate(ctx, db.write); err != nil {
		db.write.Close()
		return nil, fmt.Errorf("open sqlite: %w", err)
	}

	if db.read, err = sql.Open("sqlite", dsn(path, readPragmas, "")); err != nil {
		db.write.Close()
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	readers := max(4, runtime.NumCPU())
	db.read.SetMaxOpenConns(readers)
	db.read.SetMaxIdleConns(readers)
	if err := checkPragmas(ctx, db.read, readPragmas); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite readers: %w", err)
	}
	return db, nil
}

// dsn builds a driver URI for path that sets the given pragmas on every new
// connection. The driver runs busy_timeout before the other pragmas.
func dsn(path string, pragmas []pragma, extra string) string {
	q := url.Values{}
	for _, p := range pragmas {
		if p.set != "" {
			q.Add("_pragma", p.name+"("+p.set+")")
		}
	}
	s := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	if extra != "" {
		s += "&" + extra
	}
	return s
}

// checkPragmas reads every pragma back on one connection of the pool, because
// a driver may ignore a setting it does not understand without saying so.
func checkPragmas(ctx context.Context, db *sql.DB, pragmas []pragma) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, p := range pragmas {
		var got string
		if err := conn.QueryRowContext(ctx, "PRAGMA "+p.name).Scan(&got); err != nil {
			return fmt.Errorf("read pragma %s: %w", p.name, err)
		}
		if got != p.want {
			return fmt.Errorf("pragma %s is %q, want %q", p.name, got, p.want)
		}
	}
	return nil
}

// Close closes the readers and then the writer.
func (db *DB) Close() error {
	var errs []error
	if db.read != nil {
		errs = append(errs, db.read.Close())
	}
	if db.write != nil {
		errs = append(errs, db.write.Close())
	}
	return errors.Join(errs...)
}

// Ping checks that both the writer and a reader answer.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.write.PingContext(ctx); err != nil {
		return fmt.Errorf("ping sqlite writer: %w", err)
	}
	if err := db.read.PingContext(ctx); err != nil {
		return fmt.Errorf("ping sqlite readers: %w", err)
	}
	return nil
}

// beginWrite starts a transaction on the writer connection, holding SQLite's
// write lock until Commit or Rollback.
func (db *DB) beginWrite(ctx context.Context) (*sql.Tx, error) {
	return db.write.BeginTx(ctx, nil)
}

// beginRead starts a transaction on a reader, so a read of several queries
// sees one snapshot even while the writer commits.
func (db *DB) beginRead(ctx context.Context) (*sql.Tx, error) {
	return db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
}

// now returns the time a write transaction records, once per transaction.
func (db *DB) now() time.Time {
	return db.Now().UTC()
}
