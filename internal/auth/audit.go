package auth

import (
	"context"
	"log/slog"
	"strconv"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// audit records e. A failed write is logged, not returned: the event it
// describes has already happened and its caller must learn the outcome.
func (s *Service) audit(ctx context.Context, e hirebase.AuditEvent) {
	if e.At.IsZero() {
		e.At = s.now()
	}
	if len(e.Subject) > hirebase.MaxEmailLen {
		e.Subject = e.Subject[:hirebase.MaxEmailLen]
	}
	if err := s.st.Audit.AppendAudit(ctx, &e); err != nil {
		s.logger.ErrorContext(ctx, "audit write failed", slog.String("type", e.Type),
			slog.String("subject", e.Subject), slog.Any("err", err))
	}
}

// AuditPage is one page of the audit log, newest first. Next is the cursor
// of the following page, empty on the last.
type AuditPage struct {
	Events []*hirebase.AuditEvent `json:"events"`
	Next   string                 `json:"next,omitempty"`
}

// ListAudit returns a page of the audit log, newest first, for admins.
// cursor is "" for the first page, then a previous page's Next; a malformed
// cursor is EINVALID naming "cursor", limit 0 means the default page length.
func (s *Service) ListAudit(ctx context.Context, p Principal, cursor string, limit int) (*AuditPage, error) {
	if err := Authorize(p, ActionAuditRead, ""); err != nil {
		return nil, err
	}
	before, err := ParseAuditCursor(cursor)
	if err != nil {
		return nil, err
	}
	es, more, err := s.st.Audit.FindAuditEvents(ctx, hirebase.AuditFilter{Before: before, Limit: limit})
	if err != nil {
		return nil, err
	}
	page := &AuditPage{Events: es}
	if more && len(es) > 0 {
		page.Next = strconv.FormatInt(es[len(es)-1].ID, 10)
	}
	return page, nil
}

// ParseAuditCursor reads a cursor from a query string: "" for the first
// page, else the positive event ID the previous page ended on.
func ParseAuditCursor(cursor string) (int64, error) {
	if cursor == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(cursor, 10, 64)
	if err != nil || id <= 0 || len(cursor) > 19 {
		return 0, hirebase.Invalid("cursor", "must be the next value of a previous page")
	}
	return id, nil
}
