package postgres

import (
	"context"
	"fmt"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/sqlstore"
)

const (
	insertAuditQuery = `
INSERT INTO audit_events (at, type, actor_id, org_id, subject, ip, detail)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id`
	// findAuditQuery pages newest first; $1 is the cursor, 0 for the first
	// page.
	findAuditQuery = `
SELECT id, at, type, actor_id, org_id, subject, ip, detail
FROM audit_events
WHERE $1::bigint = 0 OR id < $1::bigint
ORDER BY id DESC
LIMIT $2`
)

// auditQueries are the audit log queries for package sqlstore.
var auditQueries = sqlstore.AuditQueries{
	Insert: insertAuditQuery,
	Find:   findAuditQuery,
}

// AppendAudit stores e and sets its ID.
func (s *AuthStore) AppendAudit(ctx context.Context, e *hirebase.AuditEvent) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("append audit: %w", err)
	}
	defer tx.Rollback()

	id, err := auth.AppendAudit(ctx, tx, e)
	if err != nil {
		return fmt.Errorf("append audit: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("append audit: %w", err)
	}
	e.ID = id
	return nil
}

// FindAuditEvents returns a page of events newest first, and whether more
// follow.
func (s *AuthStore) FindAuditEvents(ctx context.Context, f hirebase.AuditFilter) ([]*hirebase.AuditEvent, bool, error) {
	f, err := sqlstore.CheckAuditFilter(f)
	if err != nil {
		return nil, false, fmt.Errorf("find audit events: %w", err)
	}
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("find audit events: %w", err)
	}
	defer tx.Rollback()

	es, more, err := auth.FindAuditEvents(ctx, tx, f)
	if err != nil {
		return nil, false, fmt.Errorf("find audit events: %w", err)
	}
	return es, more, nil
}
