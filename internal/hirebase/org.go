package hirebase

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// OrgKind says which side of a placement an organisation is on.
type OrgKind string

// The two kinds of organisation: the agency that runs the installation and
// places engineers, and the client companies it places them with.
const (
	OrgAgency OrgKind = "agency"
	OrgClient OrgKind = "client"
)

// Valid reports whether k is one of the two kinds.
func (k OrgKind) Valid() bool { return k == OrgAgency || k == OrgClient }

// Org is an organisation users and API clients belong to. Every object that is
// not public belongs to exactly one, and the authorisation policy keeps each
// organisation's objects invisible to the others.
type Org struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Kind      OrgKind   `json:"kind"`
	CreatedAt time.Time `json:"created_at"`
}

// Validate checks the organisation's fields, naming the JSON field at fault.
func (o *Org) Validate() error {
	if err := validName("name", o.Name, true); err != nil {
		return err
	}
	if !o.Kind.Valid() {
		return Invalid("kind", "must be agency or client")
	}
	return nil
}

// validName checks a display name: valid UTF-8, no control characters, at
// most MaxNameLen characters, and present if required.
func validName(field, v string, required bool) error {
	switch {
	case required && strings.TrimSpace(v) == "":
		return Invalid(field, "is required")
	case !utf8.ValidString(v):
		return Invalid(field, "must be valid UTF-8")
	case utf8.RuneCountInString(v) > MaxNameLen:
		return Invalid(field, fmt.Sprintf("must be at most %d characters", MaxNameLen))
	case strings.IndexFunc(v, unicode.IsControl) >= 0:
		return Invalid(field, "must not contain control characters")
	}
	return nil
}

// OrgStore persists organisations.
type OrgStore interface {
	// CreateOrg stores o; a second agency organisation is ECONFLICT.
	CreateOrg(ctx context.Context, o *Org) error
	// FindOrgByID returns the organisation or ENOTFOUND.
	FindOrgByID(ctx context.Context, id string) (*Org, error)
	// AgencyOrg returns the agency organisation or ENOTFOUND before the
	// first one is made.
	AgencyOrg(ctx context.Context) (*Org, error)
}
