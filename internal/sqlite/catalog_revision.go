package sqlite

import (
	"context"
	"database/sql"
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

// bumpCatalogRevision records, inside the transaction that made it, that the
// catalog changed.
func bumpCatalogRevision(ctx context.Context, tx *sql.Tx, now string) error {
	_, err := tx.ExecContext(ctx, bumpCatalogRevisionQuery, now)
	return err
}
