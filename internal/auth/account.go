package auth

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// errInviteGone answers an invite token that is unknown, used or expired
// alike.
var errInviteGone = hirebase.Errorf(hirebase.ENOTFOUND, "Invite not found, used or expired.")

// newUser returns a user created now, with every timestamp set.
func (s *Service) newUser(email, name string, role hirebase.UserRole, orgID string) *hirebase.User {
	now := s.now()
	return &hirebase.User{ID: hirebase.NewID(), Email: email, Name: strings.TrimSpace(name), Role: role, OrgID: orgID,
		CreatedAt: now, PasswordChangedAt: now, SessionsValidAfter: now}
}

// Signup registers a candidate: someone looking for work, who belongs to no
// organisation. It answers EINVALID naming "email", "name" or "password"
// (too short, too long, too common), or ECONFLICT if the email has an
// account. It does not sign in: the caller logs in next.
func (s *Service) Signup(ctx context.Context, email, password, name, ip string) (*hirebase.User, error) {
	norm, err := hirebase.NormalizeEmail(email)
	if err != nil {
		return nil, err
	}
	u := s.newUser(norm, name, hirebase.RoleCandidate, "")
	if err := u.Validate(); err != nil {
		return nil, err
	}
	if err := s.createUser(ctx, u, password); err != nil {
		return nil, err
	}
	s.audit(ctx, hirebase.AuditEvent{Type: hirebase.AuditUserCreated, ActorID: u.ID, Subject: u.ID, IP: ip, Detail: "signup"})
	return u, nil
}

// createUser checks and hashes password and stores u with it.
func (s *Service) createUser(ctx context.Context, u *hirebase.User, password string) error {
	if err := CheckPassword(password, u.Email); err != nil {
		return err
	}
	hash, err := HashPassword(password, s.cfg.Password)
	if err != nil {
		return err
	}
	return s.st.Users.CreateUser(ctx, u, hash)
}

// NewUser is a user made from the command line.
type NewUser struct {
	Email    string
	Name     string
	Role     hirebase.UserRole
	Password string
	// OrgID is the client organisation of a client role; agency roles join
	// the agency, made on first use with AgencyName.
	OrgID      string
	AgencyName string
}

// AddUser creates a user for the operator at the command line, with no
// principal: it bootstraps the first admin. Agency roles join the agency
// organisation, which is created on first use.
func (s *Service) AddUser(ctx context.Context, nu NewUser) (*hirebase.User, error) {
	norm, err := hirebase.NormalizeEmail(nu.Email)
	if err != nil {
		return nil, err
	}
	kind, hasOrg := nu.Role.OrgKind()
	switch {
	case !nu.Role.Valid():
		return nil, hirebase.Invalid("role", "must be admin, recruiter, client_admin, client_member or candidate")
	case kind == hirebase.OrgAgency:
		agency, err := s.EnsureAgency(ctx, nu.AgencyName)
		if err != nil {
			return nil, err
		}
		nu.OrgID = agency.ID
	case hasOrg:
		o, err := s.st.Orgs.FindOrgByID(ctx, nu.OrgID)
		if err != nil {
			return nil, err
		}
		if o.Kind != kind {
			return nil, hirebase.Invalid("org_id", "must be a client organisation for role "+string(nu.Role))
		}
	}
	u := s.newUser(norm, nu.Name, nu.Role, nu.OrgID)
	if err := u.Validate(); err != nil {
		return nil, err
	}
	if err := s.createUser(ctx, u, nu.Password); err != nil {
		return nil, err
	}
	s.audit(ctx, hirebase.AuditEvent{Type: hirebase.AuditUserCreated, OrgID: u.OrgID, Subject: u.ID, Detail: "command line, role " + string(u.Role)})
	return u, nil
}

// EnsureAgency returns the agency organisation, creating it with name if
// there is none; two processes racing both get the one that won.
func (s *Service) EnsureAgency(ctx context.Context, name string) (*hirebase.Org, error) {
	o, err := s.st.Orgs.AgencyOrg(ctx)
	if hirebase.ErrorCode(err) != hirebase.ENOTFOUND {
		return o, err
	}
	if strings.TrimSpace(name) == "" {
		name = "Agency"
	}
	o = &hirebase.Org{ID: hirebase.NewID(), Name: strings.TrimSpace(name), Kind: hirebase.OrgAgency, CreatedAt: s.now()}
	if err := s.st.Orgs.CreateOrg(ctx, o); hirebase.ErrorCode(err) == hirebase.ECONFLICT {
		return s.st.Orgs.AgencyOrg(ctx)
	} else if err != nil {
		return nil, err
	}
	s.audit(ctx, hirebase.AuditEvent{Type: hirebase.AuditOrgCreated, OrgID: o.ID, Subject: o.ID, Detail: "agency"})
	return o, nil
}

// CreateOrg creates a client organisation; admins only. It answers
// EINVALID naming "name".
func (s *Service) CreateOrg(ctx context.Context, p Principal, name string) (*hirebase.Org, error) {
	if err := Authorize(p, ActionOrgsCreate, ""); err != nil {
		return nil, err
	}
	o := &hirebase.Org{ID: hirebase.NewID(), Name: strings.TrimSpace(name), Kind: hirebase.OrgClient, CreatedAt: s.now()}
	if err := s.st.Orgs.CreateOrg(ctx, o); err != nil {
		return nil, err
	}
	s.audit(ctx, hirebase.AuditEvent{Type: hirebase.AuditOrgCreated, ActorID: p.ActorID(), OrgID: o.ID, Subject: o.ID})
	return o, nil
}

// GetOrg returns an organisation: any one to agency staff, their own to
// client users. Another organisation is ENOTFOUND, as a missing one is.
func (s *Service) GetOrg(ctx context.Context, p Principal, id string) (*hirebase.Org, error) {
	if err := Authorize(p, ActionOrgsRead, id); err != nil {
		return nil, err
	}
	return s.st.Orgs.FindOrgByID(ctx, id)
}

// Me is the signed-in user and their organisation, if any.
type Me struct {
	User *hirebase.User `json:"user"`
	Org  *hirebase.Org  `json:"org,omitempty"`
}

// Me returns the signed-in user; API clients and anonymous callers are
// refused by the policy.
func (s *Service) Me(ctx context.Context, p Principal) (*Me, error) {
	if err := Authorize(p, ActionMeRead, ""); err != nil {
		return nil, err
	}
	u, err := s.st.Users.FindUserByID(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	me := &Me{User: u}
	if u.OrgID != "" {
		if me.Org, err = s.st.Orgs.FindOrgByID(ctx, u.OrgID); err != nil {
			return nil, err
		}
	}
	return me, nil
}

// InviteResult is a new invite with its token, which is shown only here
// (and to the mailer).
type InviteResult struct {
	*hirebase.Invite
	Token string `json:"token"`
}

// CreateInvite invites email to organisation orgID with role, which must fit
// the organisation's kind (admin or recruiter for the agency, client_admin or
// client_member for a client). Admins may invite to any organisation, client
// admins to their own; another organisation is ENOTFOUND. Whether the email
// already has an account is not checked here, so inviting reveals nothing
// about other people; accepting such an invite is ECONFLICT.
func (s *Service) CreateInvite(ctx context.Context, p Principal, orgID, email string, role hirebase.UserRole) (*InviteResult, error) {
	if err := Authorize(p, ActionInvitesCreate, orgID); err != nil {
		return nil, err
	}
	o, err := s.st.Orgs.FindOrgByID(ctx, orgID)
	if err != nil {
		return nil, err
	}
	norm, err := hirebase.NormalizeEmail(email)
	if err != nil {
		return nil, err
	}
	if kind, ok := role.OrgKind(); !ok || kind != o.Kind {
		if o.Kind == hirebase.OrgAgency {
			return nil, hirebase.Invalid("role", "must be admin or recruiter for the agency")
		}
		return nil, hirebase.Invalid("role", "must be client_admin or client_member for a client organisation")
	}
	now := s.now()
	token := randomToken(prefixInvite)
	inv := &hirebase.Invite{ID: hirebase.NewID(), OrgID: o.ID, Email: norm, Role: role, InvitedBy: p.ActorID(),
		CreatedAt: now, ExpiresAt: now.Add(s.cfg.InviteTTL)}
	if err := s.st.Invites.CreateInvite(ctx, inv, hashSecret(token)); err != nil {
		return nil, err
	}
	if err := s.mailer.SendInvite(ctx, inv, o, token); err != nil {
		// The inviter has the token in the response and can pass it on.
		s.logger.ErrorContext(ctx, "send invite", slog.String("invite", inv.ID), slog.Any("err", err))
	}
	s.audit(ctx, hirebase.AuditEvent{At: now, Type: hirebase.AuditInviteCreated, ActorID: p.ActorID(), OrgID: o.ID,
		Subject: norm, Detail: "role " + string(role)})
	return &InviteResult{Invite: inv, Token: token}, nil
}

// AcceptInvite creates the invited account with password and name. An
// unknown, used or expired token is ENOTFOUND; a weak password EINVALID
// naming "password"; an email that has an account meanwhile ECONFLICT. Of
// two concurrent accepts one succeeds. It does not sign in.
func (s *Service) AcceptInvite(ctx context.Context, token, password, name, ip string) (*hirebase.User, error) {
	if !looksLike(token, prefixInvite) {
		return nil, errInviteGone
	}
	hash := hashSecret(token)
	inv, err := s.st.Invites.FindInviteByTokenHash(ctx, hash)
	if hirebase.ErrorCode(err) == hirebase.ENOTFOUND {
		return nil, errInviteGone
	} else if err != nil {
		return nil, fmt.Errorf("accept invite: %w", err)
	}
	now := s.now()
	if inv.AcceptedAt != nil || !now.Before(inv.ExpiresAt) {
		return nil, errInviteGone
	}
	u := s.newUser(inv.Email, name, inv.Role, inv.OrgID)
	if err := u.Validate(); err != nil {
		return nil, err
	}
	if err := CheckPassword(password, u.Email); err != nil {
		return nil, err
	}
	pwHash, err := HashPassword(password, s.cfg.Password)
	if err != nil {
		return nil, err
	}
	if err := s.st.Invites.AcceptInvite(ctx, hash, u, pwHash, now); hirebase.ErrorCode(err) == hirebase.ENOTFOUND {
		return nil, errInviteGone
	} else if err != nil {
		return nil, err
	}
	s.audit(ctx, hirebase.AuditEvent{At: now, Type: hirebase.AuditInviteAccepted, ActorID: u.ID, OrgID: u.OrgID,
		Subject: u.ID, IP: ip, Detail: "invite " + inv.ID + ", role " + string(u.Role)})
	return u, nil
}
