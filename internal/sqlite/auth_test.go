package sqlite_test

import (
	"testing"

	"github.com/hirebase/hirebase/internal/sqlite"
	"github.com/hirebase/hirebase/internal/storetest"
)

func TestAuthStore(t *testing.T) {
	t.Parallel()
	storetest.AuthStores(t, func(t *testing.T) storetest.AuthStore {
		return sqlite.NewAuthStore(open(t))
	})
}
