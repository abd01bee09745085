package storetest_test

import (
	"testing"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/storetest"
)

// TestCatalogValid keeps the fixture honest: the suites assume it passes the
// domain's own validation.
func TestCatalogValid(t *testing.T) {
	c := storetest.Catalog()
	if err := c.Validate(); err != nil {
		t.Fatalf("fixture catalog: %v %v", err, hirebase.ErrorFields(err))
	}
	for _, r := range c.Roles {
		if err := r.Validate(); err != nil {
			t.Fatalf("fixture role %s: %v %v", r.Slug, err, hirebase.ErrorFields(err))
		}
	}
}
