package hirebase

import (
	"context"
	"time"
)

// Security event types the audit log records.
const (
	AuditLoginSucceeded   = "login.succeeded"
	AuditLoginFailed      = "login.failed"
	AuditLoginThrottled   = "login.throttled"
	AuditLogout           = "session.logout"
	AuditRefreshReused    = "session.refresh_reused"
	AuditUserCreated      = "user.created"
	AuditPasswordChanged  = "user.password_changed"
	AuditRoleChanged      = "user.role_changed"
	AuditUserDisabled     = "user.disabled"
	AuditUserEnabled      = "user.enabled"
	AuditOrgCreated       = "org.created"
	AuditInviteCreated    = "invite.created"
	AuditInviteAccepted   = "invite.accepted"
	AuditClientCreated    = "client.created"
	AuditClientRevoked    = "client.revoked"
	AuditClientAuthFailed = "client.auth_failed"
	AuditTokenRevoked     = "token.revoked"
	AuditKeyRotated       = "key.rotated"
)

// AuditEvent is one security-relevant thing that happened. IDs increase, so
// listing newest first pages by ID.
type AuditEvent struct {
	ID   int64     `json:"id"`
	At   time.Time `json:"at"`
	Type string    `json:"type"`
	// ActorID is the user or API client who acted, empty for an anonymous
	// caller (a failed login) or the command line.
	ActorID string `json:"actor_id,omitempty"`
	// OrgID is the organisation the event concerns, if any.
	OrgID string `json:"org_id,omitempty"`
	// Subject is what the event is about: a user ID, client ID, key ID, or
	// for failed logins the email that was tried.
	Subject string `json:"subject,omitempty"`
	IP      string `json:"ip,omitempty"`
	Detail  string `json:"detail,omitempty"`
}

// AuditFilter selects a page of events, newest first: those with an ID below
// Before (0 for the newest), at most Limit of them.
type AuditFilter struct {
	Before int64
	Limit  int
}

// AuditStore persists the audit log.
type AuditStore interface {
	// AppendAudit stores e; its ID is assigned by the store.
	AppendAudit(ctx context.Context, e *AuditEvent) error
	// FindAuditEvents returns a page of events newest first, and whether
	// more follow.
	FindAuditEvents(ctx context.Context, f AuditFilter) ([]*AuditEvent, bool, error)
}

// LoginThrottleStore counts failed logins per key (an account or an IP) in
// the database, so every replica sees the same counts.
type LoginThrottleStore interface {
	// RecentLoginFailures returns the times of the newest failures for key
	// after since, newest first, at most limit of them.
	RecentLoginFailures(ctx context.Context, key string, since time.Time, limit int) ([]time.Time, error)
	// RecordLoginFailure records one failure at at under every key, and
	// deletes failures older than pruneBefore, so the table stays small.
	RecordLoginFailure(ctx context.Context, keys []string, at, pruneBefore time.Time) error
	// ClearLoginFailures forgets key's failures, after a successful login.
	ClearLoginFailures(ctx context.Context, key string) error
}
