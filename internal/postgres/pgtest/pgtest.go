// Package pgtest gives tests a fresh PostgreSQL database on the server named
// by HIREBASE_TEST_POSTGRES_URL, dropped when the test ends. Tests that need
// PostgreSQL call it and are skipped, with the reason, where the variable is
// unset.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// URLVar names the environment variable holding the URL of a PostgreSQL
// server the tests may create and drop databases on.
const URLVar = "HIREBASE_TEST_POSTGRES_URL"

// NewDatabase creates a randomly named database, drops it when tb ends, and
// returns its URL. It skips tb if URLVar is unset.
func NewDatabase(tb testing.TB) string {
	tb.Helper()
	admin := os.Getenv(URLVar)
	if admin == "" {
		tb.Skipf("set %s to a PostgreSQL URL (e.g. postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable) to run the PostgreSQL tests", URLVar)
	}
	u, err := url.Parse(admin)
	if err != nil {
		tb.Fatalf("%s: %v", URLVar, err)
	}
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		tb.Fatal(err)
	}
	name := "hirebase_test_" + hex.EncodeToString(b)

	db, err := sql.Open("pgx", admin)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := db.ExecContext(context.Background(), "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("create test database: %v", err)
	}
	tb.Cleanup(func() {
		if _, err := db.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			tb.Errorf("drop test database: %v", err)
		}
	})
	u.Path = "/" + name
	return u.String()
}
