package postgres

import (
	"context"
	"database/sql"
	"fmt"
)

const (
	catalogRevisionQuery     = `SELECT revision FROM catalog_revision WHERE id = 1`
	lockCatalogQuery         = `SELECT revision FROM catalog_revision WHERE id = 1 FOR UPDATE`
	bumpCatalogRevisionQuery = `UPDATE catalog_revision SET revision = revision + 1, updated_at = $1 WHERE id = 1`
)

// CatalogRevision returns the number every catalog change increments, for
// caches to notice changes made by any replica.
func (s *RoleStore) CatalogRevision(ctx context.Context) (int64, error) {
	rev, err := catalog.CatalogRevision(ctx, s.db.db)
	if err != nil {
		return 0, fmt.Errorf("catalog revision: %w", err)
	}
	return rev, nil
}

// lockCatalog makes the transaction the only catalog writer until it ends.
// Every catalog write takes it first, so writers queue rather than deadlock
// or race on the same slugs and aliases.
func lockCatalog(ctx context.Context, tx *sql.Tx) error {
	var rev int64
	return tx.QueryRowContext(ctx, lockCatalogQuery).Scan(&rev)
}
