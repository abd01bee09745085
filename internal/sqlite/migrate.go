package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"time"
)

// migrationFS holds the schema as numbered files, 0001_name.sql and on,
// applied in order and never edited once released: a change is a new file.
//
//go:embed migration/*.sql
var migrationFS embed.FS

// migration is one numbered schema file.
type migration struct {
	version int
	name    string
	sql     string
}

const (
	createMigrationsTable = `
CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TEXT NOT NULL
)`
	migrationAppliedQuery = `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = ?)`
	insertMigrationQuery  = `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`
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
// transaction. Write transactions begin IMMEDIATE on the writer, so two
// processes opening the file at once take turns, and the second finds the
// first one's versions recorded and skips them.
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
	now := time.Now().UTC().Format(timeFormat)
	if _, err := tx.ExecContext(ctx, insertMigrationQuery, m.version, m.name, now); err != nil {
		return err
	}
	return tx.Commit()
}
