package sqlstore

import (
	"context"
	"database/sql"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// AuditQueries append to and page through the audit log.
type AuditQueries struct {
	// Insert takes at, type, actor_id, org_id, subject, ip and detail;
	// Dialect.InsertID returns the new id.
	Insert string
	// Find takes the cursor, 0 for the first page, and the row limit, and
	// selects id, at, type, actor_id, org_id, subject, ip and detail of the
	// events before the cursor, newest first.
	Find string
}

// AppendAudit stores e and returns its ID, for the caller to set once it has
// committed.
func (a *Auth) AppendAudit(ctx context.Context, tx *sql.Tx, e *hirebase.AuditEvent) (int64, error) {
	return a.Dialect.InsertID(ctx, tx, a.Audit.Insert, a.Dialect.Time(e.At), e.Type, e.ActorID, e.OrgID, e.Subject, e.IP, e.Detail)
}

// CheckAuditFilter returns f with its limit defaulted, or an EINVALID error.
// The engines call it before they begin a transaction for FindAuditEvents.
func CheckAuditFilter(f hirebase.AuditFilter) (hirebase.AuditFilter, error) {
	limit, err := pageLimit(f.Limit)
	if err != nil {
		return f, err
	}
	if f.Before < 0 {
		return f, hirebase.Invalid("cursor", "must not be negative")
	}
	f.Limit = limit
	return f, nil
}

// FindAuditEvents returns a page of events newest first, and whether more
// follow, for a filter CheckAuditFilter returned.
func (a *Auth) FindAuditEvents(ctx context.Context, q Querier, f hirebase.AuditFilter) ([]*hirebase.AuditEvent, bool, error) {
	es := []*hirebase.AuditEvent{}
	err := queryEach(ctx, q, a.Audit.Find, []any{f.Before, f.Limit + 1}, func(rows *sql.Rows) error {
		var e hirebase.AuditEvent
		if err := rows.Scan(&e.ID, a.Dialect.scanTime(&e.At), &e.Type, &e.ActorID, &e.OrgID, &e.Subject, &e.IP, &e.Detail); err != nil {
			return err
		}
		es = append(es, &e)
		return nil
	})
	if err != nil {
		return nil, false, err
	}
	more := len(es) > f.Limit
	if more {
		es = es[:f.Limit]
	}
	return es, more, nil
}
