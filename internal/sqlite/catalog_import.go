package sqlite

import (
	"context"
	"fmt"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/sqlstore"
)

// ImportCatalog creates or replaces c's skills and roles in one transaction:
// on any error nothing is written. Skills come first, so roles can be tagged
// with them; roles are written in two passes, rows then lists, so related
// roles in c may point to each other in any order. Roles whose content is
// unchanged are not rewritten, and the catalog revision moves only if
// something changed.
func (s *RoleStore) ImportCatalog(ctx context.Context, c *hirebase.Catalog) (hirebase.ImportResult, error) {
	if err := sqlstore.ValidateCatalog(c); err != nil {
		return hirebase.ImportResult{}, fmt.Errorf("import catalog: %w", err)
	}
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return hirebase.ImportResult{}, fmt.Errorf("import catalog: %w", err)
	}
	defer tx.Rollback()
	now := s.db.now()

	res, err := catalog.ImportCatalog(ctx, tx, c, now)
	if err != nil {
		return hirebase.ImportResult{}, fmt.Errorf("import catalog: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return hirebase.ImportResult{}, fmt.Errorf("import catalog: %w", err)
	}
	return res, nil
}
