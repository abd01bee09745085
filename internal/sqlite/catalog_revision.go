package sqlite

import (
	"context"
	"fmt"
)

const (
	catalogRevisionQuery     = `SELECT revision FROM catalog_revision WHERE id = 1`
	bumpCatalogRevisionQuery = `UPDATE catalog_revision SET revision = revision + 1, updated_at = ? WHERE id = 1`
)

// CatalogRevision returns the number every catalog change increments, for
// caches to notice changes made by any process.
func (s *RoleStore) CatalogRevision(ctx context.Context) (int64, error) {
	rev, err := catalog.CatalogRevision(ctx, s.db.read)
	if err != nil {
		return 0, fmt.Errorf("catalog revision: %w", err)
	}
	return rev, nil
}
