package postgres_test

import (
	"testing"

	"github.com/hirebase/hirebase/internal/postgres"
	"github.com/hirebase/hirebase/internal/storetest"
)

// TestPostgresAuth runs the auth suite in a database of its own, each test
// in a schema of its own.
func TestPostgresAuth(t *testing.T) {
	dbURL := createDatabase(t)
	storetest.AuthStores(t, func(t *testing.T) storetest.AuthStore {
		return postgres.NewAuthStore(open(t, createSchema(t, dbURL)))
	})
}
