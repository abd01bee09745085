package hirebase

import (
	"context"
	"net/mail"
	"strings"
	"time"
)

// UserRole is what a person may do. It is not a catalog Role: those are jobs
// the agency staffs, these are permissions.
type UserRole string

// The five user roles. Admins and recruiters belong to the agency, client
// admins and members to a client organisation, candidates to none.
const (
	RoleAdmin        UserRole = "admin"
	RoleRecruiter    UserRole = "recruiter"
	RoleClientAdmin  UserRole = "client_admin"
	RoleClientMember UserRole = "client_member"
	RoleCandidate    UserRole = "candidate"
)

// UserRoles lists every role, agency first.
var UserRoles = []UserRole{RoleAdmin, RoleRecruiter, RoleClientAdmin, RoleClientMember, RoleCandidate}

// Valid reports whether r is one of the five roles.
func (r UserRole) Valid() bool {
	_, ok := r.OrgKind()
	return ok || r == RoleCandidate
}

// OrgKind returns the kind of organisation a user of role r belongs to; ok
// is false for candidates, who belong to none, and for unknown roles.
func (r UserRole) OrgKind() (kind OrgKind, ok bool) {
	switch r {
	case RoleAdmin, RoleRecruiter:
		return OrgAgency, true
	case RoleClientAdmin, RoleClientMember:
		return OrgClient, true
	}
	return "", false
}

// MaxEmailLen is the longest address SMTP can carry (RFC 5321 path limit).
const MaxEmailLen = 254

// User is a person who signs in. The password hash is not part of it: only
// the stores and package auth ever see a hash, so it cannot leak through an
// encoder by accident.
type User struct {
	ID    string   `json:"id"`
	Email string   `json:"email"`
	Name  string   `json:"name"`
	Role  UserRole `json:"role"`
	// OrgID is empty for candidates.
	OrgID             string    `json:"org_id,omitempty"`
	Disabled          bool      `json:"disabled"`
	CreatedAt         time.Time `json:"created_at"`
	PasswordChangedAt time.Time `json:"password_changed_at"`
	// SessionsValidAfter is when the user's sessions were last ended as a
	// whole (password change, disabling): access tokens issued before it are
	// refused.
	SessionsValidAfter time.Time `json:"-"`
}

// Validate checks the user's fields, naming the JSON field at fault. The
// email must already be normalised.
func (u *User) Validate() error {
	if e, err := NormalizeEmail(u.Email); err != nil {
		return err
	} else if e != u.Email {
		return Invalid("email", "must be normalised to lower case")
	}
	if err := validName("name", u.Name, false); err != nil {
		return err
	}
	if !u.Role.Valid() {
		return Invalid("role", "must be admin, recruiter, client_admin, client_member or candidate")
	}
	if _, needsOrg := u.Role.OrgKind(); needsOrg != (u.OrgID != "") {
		if needsOrg {
			return Invalid("org_id", "is required for role "+string(u.Role))
		}
		return Invalid("org_id", "must be empty for candidates")
	}
	return nil
}

// NormalizeEmail trims and lower-cases an address and checks it is a bare
// address (no display name, no quoting) with a dotted domain, so one mailbox
// maps to one account whatever case it was typed in.
func NormalizeEmail(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return "", Invalid("email", "is required")
	}
	if len(s) > MaxEmailLen {
		return "", Invalid("email", "must be at most 254 bytes")
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s {
		return "", Invalid("email", "must be an email address")
	}
	_, domain, _ := strings.Cut(s, "@")
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") {
		return "", Invalid("email", "must be an email address")
	}
	return s, nil
}

// UserStore persists users and their password hashes.
type UserStore interface {
	// CreateUser stores u with its password hash; an email in use is
	// ECONFLICT.
	CreateUser(ctx context.Context, u *User, passwordHash string) error
	// FindUserByID returns the user or ENOTFOUND.
	FindUserByID(ctx context.Context, id string) (*User, error)
	// FindUserByEmail returns the user with the normalised email and its
	// password hash, or ENOTFOUND.
	FindUserByEmail(ctx context.Context, email string) (*User, string, error)
	// UpdatePasswordHash replaces the hash of an unchanged password, after
	// a login rehashed it with stronger parameters; sessions stay.
	UpdatePasswordHash(ctx context.Context, id, passwordHash string) error
	// SetPassword stores a new password's hash and, in the same
	// transaction, ends every session of the user: refresh families are
	// revoked and SessionsValidAfter and PasswordChangedAt become now.
	SetPassword(ctx context.Context, id, passwordHash string, now time.Time) error
	// SetUserRole changes the user's role; the organisation stays.
	SetUserRole(ctx context.Context, id string, role UserRole) error
	// SetUserDisabled disables or re-enables the user; disabling also ends
	// every session, as SetPassword does.
	SetUserDisabled(ctx context.Context, id string, disabled bool, now time.Time) error
}
