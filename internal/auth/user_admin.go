package auth

import (
	"context"
	"fmt"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// candidatePool stands for the organisation of candidates, who belong to
// none, in object-level checks: no real organisation ID equals it, so only
// roles allowed on any organisation (agency staff) reach candidates.
const candidatePool = "candidates"

// objectOrg returns the organisation to check a user object against.
func objectOrg(u *hirebase.User) string {
	if u.OrgID == "" {
		return candidatePool
	}
	return u.OrgID
}

// ChangePassword replaces the caller's password after checking the current
// one, ends every session of the user (refresh tokens revoked, access tokens
// refused from now on) and returns fresh tokens for the caller's new
// session. A wrong current password is EINVALID naming "current_password"
// and counts toward the login throttle, so a stolen access token is no
// better a password oracle than the login form; ETOOMANY then applies as
// for Login.
func (s *Service) ChangePassword(ctx context.Context, p Principal, current, next, ip string) (*TokenPair, error) {
	if err := Authorize(p, ActionMePassword, ""); err != nil {
		return nil, err
	}
	u, err := s.st.Users.FindUserByID(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	_, hash, err := s.st.Users.FindUserByEmail(ctx, u.Email)
	if err != nil {
		return nil, err
	}
	now := s.now()
	account, addr := throttleKeys(u.Email, ip)
	if err := s.checkThrottle(ctx, account, addr, now); err != nil {
		return nil, err
	}
	ok := false
	if len(current) <= MaxPasswordBytes {
		if ok, err = VerifyPassword(current, hash); err != nil {
			return nil, fmt.Errorf("change password: %w", err)
		}
	}
	if !ok {
		if err := s.recordFailure(ctx, account, addr, now); err != nil {
			return nil, err
		}
		return nil, hirebase.Invalid("current_password", "is wrong")
	}
	if err := CheckPassword(next, u.Email); err != nil {
		return nil, err
	}
	if current == next {
		return nil, hirebase.Invalid("password", "must differ from the current password")
	}
	newHash, err := HashPassword(next, s.cfg.Password)
	if err != nil {
		return nil, err
	}
	if err := s.st.Users.SetPassword(ctx, u.ID, newHash, now); err != nil {
		return nil, err
	}
	s.audit(ctx, hirebase.AuditEvent{At: now, Type: hirebase.AuditPasswordChanged, ActorID: u.ID, OrgID: u.OrgID, Subject: u.ID, IP: ip})
	return s.startSession(ctx, u, now)
}

// targetUser loads the user an administrative action is about and applies
// the policy to it: another organisation's user, or a candidate for a
// client admin, is ENOTFOUND; acting on oneself is EINVALID, so an admin
// cannot lock themselves out.
func (s *Service) targetUser(ctx context.Context, p Principal, userID string) (*hirebase.User, error) {
	if err := Authorize(p, ActionUsersWrite, ""); err != nil {
		return nil, err
	}
	u, err := s.st.Users.FindUserByID(ctx, userID)
	if err != nil {
		return nil, err
	}
	if err := Authorize(p, ActionUsersWrite, objectOrg(u)); err != nil {
		return nil, err
	}
	if p.Kind == KindUser && u.ID == p.UserID {
		return nil, hirebase.Invalid("user_id", "must be another user")
	}
	return u, nil
}

// SetUserRole changes a user's role within their kind of organisation:
// admin and recruiter swap, as do client_admin and client_member;
// candidates keep theirs. The user's access tokens carrying the old role
// stop working at once; refreshing gets tokens with the new one.
func (s *Service) SetUserRole(ctx context.Context, p Principal, userID string, role hirebase.UserRole) error {
	u, err := s.targetUser(ctx, p, userID)
	if err != nil {
		return err
	}
	oldKind, _ := u.Role.OrgKind()
	if newKind, ok := role.OrgKind(); !ok || newKind != oldKind {
		return hirebase.Invalid("role", "must be a role of the user's kind of organisation")
	}
	if role == u.Role {
		return nil
	}
	if err := s.st.Users.SetUserRole(ctx, u.ID, role); err != nil {
		return err
	}
	s.audit(ctx, hirebase.AuditEvent{Type: hirebase.AuditRoleChanged, ActorID: p.ActorID(), OrgID: u.OrgID,
		Subject: u.ID, Detail: string(u.Role) + " -> " + string(role)})
	return nil
}

// SetUserDisabled disables a user, ending every session at once, or
// enables them again (they then sign in anew).
func (s *Service) SetUserDisabled(ctx context.Context, p Principal, userID string, disabled bool) error {
	u, err := s.targetUser(ctx, p, userID)
	if err != nil {
		return err
	}
	if err := s.st.Users.SetUserDisabled(ctx, u.ID, disabled, s.now()); err != nil {
		return err
	}
	typ := hirebase.AuditUserEnabled
	if disabled {
		typ = hirebase.AuditUserDisabled
	}
	s.audit(ctx, hirebase.AuditEvent{Type: typ, ActorID: p.ActorID(), OrgID: u.OrgID, Subject: u.ID})
	return nil
}
