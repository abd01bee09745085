package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/hirebase/hirebase/internal/hirebase"
)

const (
	insertAuditQuery = `
INSERT INTO audit_events (at, type, actor_id, org_id, subject, ip, detail) VALUES (?, ?, ?, ?, ?, ?, ?)`
	// findAuditQuery pages newest first; ?1 is the cursor, 0 for the first
	// page.
	findAuditQuery = `
SELECT id, at, type, actor_id, org_id, subject, ip, detail
FROM audit_events
WHERE ?1 = 0 OR id < ?1
ORDER BY id DESC
LIMIT ?2`
)

// AppendAudit stores e and sets its ID.
func (s *AuthStore) AppendAudit(ctx context.Context, e *hirebase.AuditEvent) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("append audit: %w", err)
	}
	defer tx.Rollback()

	res, err := tx.ExecContext(ctx, insertAuditQuery, formatTime(e.At), e.Type, e.ActorID, e.OrgID, e.Subject, e.IP, e.Detail)
	if err != nil {
		return fmt.Errorf("append audit: %w", err)
	}
	id, err := res.LastInsertId()
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
	limit, err := pageLimit(f.Limit)
	if err != nil {
		return nil, false, fmt.Errorf("find audit events: %w", err)
	}
	if f.Before < 0 {
		return nil, false, fmt.Errorf("find audit events: %w", hirebase.Invalid("cursor", "must not be negative"))
	}
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("find audit events: %w", err)
	}
	defer tx.Rollback()

	es := []*hirebase.AuditEvent{}
	err = queryEach(ctx, tx, findAuditQuery, []any{f.Before, limit + 1}, func(rows *sql.Rows) error {
		var e hirebase.AuditEvent
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Type, &e.ActorID, &e.OrgID, &e.Subject, &e.IP, &e.Detail); err != nil {
			return err
		}
		var err error
		e.At, err = parseTime(at)
		es = append(es, &e)
		return err
	})
	if err != nil {
		return nil, false, fmt.Errorf("find audit events: %w", err)
	}
	more := len(es) > limit
	if more {
		es = es[:limit]
	}
	return es, more, nil
}
