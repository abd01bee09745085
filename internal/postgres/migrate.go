package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// migrationFS holds the schema as numbered files, 0001_name.sql and on,
// applied in order and never edited once released: a change is a new file.
//
//go:embed migration/*.sql
var migrationFS embed.FS

// migrationLock is the advisory lock key migrations hold: "hirebase" in
// ASCII. Every replica migrating at start-up waits for it in turn.
const migrationLock int64 = 0x6869726562617365

// migration is one numbered schema file.
type migration struct {
	version int
	name    string
	sql     string
}

const (
	lockMigrationsQuery   = `SELECT pg_advisory_xact_lock($1)`
	createMigrationsTable = `
CREATE TABLE IF NOT EXISTS schema_migrations (
	version    integer PRIMARY KEY,
	name       text NOT NULL,
	applied_at timestamptz NOT NULL DEFAULT now()
)`
	migrationAppliedQuery = `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = $1)`
	insertMigrationQuery  = `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`
)

// migrations returns the embedded migrations in version order, refusing gaps
// and duplicate numbers.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migration/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a number and an underscore", base)
		}
		b, err := migrationFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	// fs.Glob returns names sorted, and numbers are zero-padded.
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: want version %d", m.name, i+1)
		}
	}
	return ms, nil
}

// migrate applies every migration not yet recorded, each in its own
// transaction holding the migration lock, so replicas starting at once take
// turns and each finds the others' versions recorded.
func migrate(ctx context.Context, db *sql.DB) error {
	ms, err := migrations()
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for _, m := range ms {
		if err := applyMigration(ctx, db, m); err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
	}
	return nil
}

func applyMigration(ctx context.Context, db *sql.DB, m migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	if _, err := tx.ExecContext(ctx, lockMigrationsQuery, migrationLock); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, createMigrationsTable); err != nil {
		return err
	}
	var applied bool
	if err := tx.QueryRowContext(ctx, migrationAppliedQuery, m.version).Scan(&applied); err != nil {
		return err
	}
	if applied {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, insertMigrationQuery, m.version, m.name); err != nil {
		return err
	}
	return tx.Commit()
}
