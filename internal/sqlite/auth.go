package sqlite

import (
	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/sqlstore"
)

// AuthStore keeps everything that decides who a caller is and what they may
// reach: organisations, users, invites, API clients, sessions, signing keys,
// failed logins and the audit log. Callers pass the time of every write that
// depends on it, so one clock (package auth's) decides every expiry.
type AuthStore struct {
	db *DB
}

var (
	_ hirebase.OrgStore           = (*AuthStore)(nil)
	_ hirebase.UserStore          = (*AuthStore)(nil)
	_ hirebase.InviteStore        = (*AuthStore)(nil)
	_ hirebase.ClientStore        = (*AuthStore)(nil)
	_ hirebase.TokenStore         = (*AuthStore)(nil)
	_ hirebase.KeyStore           = (*AuthStore)(nil)
	_ hirebase.AuditStore         = (*AuthStore)(nil)
	_ hirebase.LoginThrottleStore = (*AuthStore)(nil)
)

// NewAuthStore returns an auth store on db.
func NewAuthStore(db *DB) *AuthStore {
	return &AuthStore{db: db}
}

// auth runs package sqlstore's auth logic on this package's queries.
var auth = &sqlstore.Auth{
	Dialect:       dialect,
	Orgs:          orgQueries,
	Users:         userQueries,
	Invites:       inviteQueries,
	Clients:       clientQueries,
	Tokens:        tokenQueries,
	Keys:          signingKeyQueries,
	Audit:         auditQueries,
	LoginFailures: loginFailureQueries,
}
