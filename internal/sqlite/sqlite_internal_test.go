package sqlite

import (
	"context"
	"path/filepath"
	"testing"
)

// TestPragmas checks the settings on the writer and on every reader, and that
// a reader cannot write.
func TestPragmas(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "hirebase.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	if err := checkPragmas(ctx, db.write, writePragmas); err != nil {
		t.Errorf("writer: %v", err)
	}
	// Hold several readers at once so the check covers more than one.
	for i := range 3 {
		conn, err := db.read.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		for _, p := range readPragmas {
			var got string
			if err := conn.QueryRowContext(ctx, "PRAGMA "+p.name).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != p.want {
				t.Errorf("reader %d: pragma %s = %q, want %q", i, p.name, got, p.want)
			}
		}
		if _, err := conn.ExecContext(ctx, `UPDATE catalog_revision SET revision = 99`); err == nil {
			t.Errorf("reader %d wrote to the database", i)
		}
	}
}

// TestMigrationsOnce reopens a database: every migration is recorded once.
func TestMigrationsOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "hirebase.db")
	for range 2 {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	var n, max int
	if err := db.read.QueryRowContext(ctx, `SELECT count(*), max(version) FROM schema_migrations`).Scan(&n, &max); err != nil {
		t.Fatal(err)
	}
	if n != len(ms) || max != len(ms) {
		t.Errorf("schema_migrations has %d rows up to version %d, want %d", n, max, len(ms))
	}
}
