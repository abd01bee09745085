package auth

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// The answers to refused credentials. Login gives one answer for an unknown
// email, a wrong password and a disabled account, so it tells nobody which
// accounts exist.
var (
	errBadCredentials = hirebase.Errorf(hirebase.EUNAUTHORIZED, "Invalid email or password.")
	errBadRefresh     = hirebase.Errorf(hirebase.EUNAUTHORIZED, "The refresh token is invalid, expired or revoked.")
)

// Login checks an email and password and starts a session: a 15-minute
// access token and a refresh token. ip is the client's address, for the
// per-address throttle and the audit log.
//
// It answers EUNAUTHORIZED ("Invalid email or password.") for an unknown
// email, a wrong password or a disabled account alike, after the same Argon2id
// work (an unknown email is checked against a dummy hash); and ETOOMANY once
// the account or the address has failed too often, as a *hirebase.RetryError
// whose RetryAfter (read it with hirebase.RetryAfter) goes in Retry-After. A
// throttled attempt is refused before the password is checked.
func (s *Service) Login(ctx context.Context, email, password, ip string) (*TokenPair, error) {
	now := s.now()
	norm, err := hirebase.NormalizeEmail(email)
	valid := err == nil
	account, addr := throttleKeys(norm, ip)
	if !valid {
		account = ""
	}
	if err := s.checkThrottle(ctx, account, addr, now); err != nil {
		if hirebase.ErrorCode(err) == hirebase.ETOOMANY {
			s.audit(ctx, hirebase.AuditEvent{At: now, Type: hirebase.AuditLoginThrottled, Subject: norm, IP: ip})
		}
		return nil, err
	}

	var u *hirebase.User
	hash := s.dummyHash
	if valid {
		found, h, err := s.st.Users.FindUserByEmail(ctx, norm)
		switch {
		case err == nil:
			u, hash = found, h
		case hirebase.ErrorCode(err) != hirebase.ENOTFOUND:
			return nil, fmt.Errorf("login: %w", err)
		}
	}
	ok := false
	if len(password) <= MaxPasswordBytes {
		if ok, err = VerifyPassword(password, hash); err != nil {
			return nil, fmt.Errorf("login: stored hash of %s: %w", norm, err)
		}
	}
	if u == nil || !ok || u.Disabled {
		e := hirebase.AuditEvent{At: now, Type: hirebase.AuditLoginFailed, Subject: norm, IP: ip, Detail: "unknown email"}
		if u != nil {
			e.ActorID, e.OrgID, e.Detail = u.ID, u.OrgID, "wrong password"
			if ok {
				e.Detail = "account disabled"
			}
		}
		s.audit(ctx, e)
		if err := s.recordFailure(ctx, account, addr, now); err != nil {
			return nil, err
		}
		return nil, errBadCredentials
	}

	if NeedsRehash(hash, s.cfg.Password) {
		s.rehash(ctx, u, password)
	}
	if err := s.st.Throttle.ClearLoginFailures(ctx, account); err != nil {
		s.logger.ErrorContext(ctx, "clear login failures", slog.Any("err", err))
	}
	pair, err := s.startSession(ctx, u, now)
	if err != nil {
		return nil, fmt.Errorf("login: %w", err)
	}
	s.audit(ctx, hirebase.AuditEvent{At: now, Type: hirebase.AuditLoginSucceeded, ActorID: u.ID, OrgID: u.OrgID, Subject: u.ID, IP: ip})
	s.maybePrune(ctx, now)
	return pair, nil
}

// rehash stores a hash of password under the current parameters; a failure
// only delays the upgrade to the next login.
func (s *Service) rehash(ctx context.Context, u *hirebase.User, password string) {
	h, err := HashPassword(password, s.cfg.Password)
	if err == nil {
		err = s.st.Users.UpdatePasswordHash(ctx, u.ID, h)
	}
	if err != nil {
		s.logger.ErrorContext(ctx, "upgrade password hash", slog.String("user", u.ID), slog.Any("err", err))
	}
}

// startSession creates a refresh family for u and returns its first tokens.
func (s *Service) startSession(ctx context.Context, u *hirebase.User, now time.Time) (*TokenPair, error) {
	f := &hirebase.RefreshFamily{ID: hirebase.NewID(), UserID: u.ID, ClientID: s.cfg.FirstPartyClientID,
		CreatedAt: now, ExpiresAt: now.Add(s.cfg.RefreshAbsoluteTTL)}
	refresh := randomToken(prefixRefresh)
	if err := s.st.Tokens.CreateRefreshFamily(ctx, f, hashSecret(refresh), now.Add(s.cfg.RefreshIdleTTL)); err != nil {
		return nil, err
	}
	access, expiresIn, err := s.issueAccess(ctx, s.userClaims(u, f.ID), now, f.ExpiresAt)
	if err != nil {
		return nil, err
	}
	return &TokenPair{AccessToken: access, TokenType: "Bearer", ExpiresIn: expiresIn, RefreshToken: refresh}, nil
}

// userClaims are the claims of an access token for u in session sid.
func (s *Service) userClaims(u *hirebase.User, sid string) accessClaims {
	return accessClaims{RegisteredClaims: jwt.RegisteredClaims{Subject: u.ID}, ClientID: s.cfg.FirstPartyClientID,
		Roles: []string{string(u.Role)}, OrgID: u.OrgID, SessionID: sid}
}

// Refresh spends a refresh token and returns a new access token and a new
// refresh token in the same session. Presenting a token that was already
// spent revokes the whole session (whoever holds its newest token is shut
// out too) and is audited; of two concurrent refreshes with one token exactly
// one succeeds. Every refusal is EUNAUTHORIZED.
func (s *Service) Refresh(ctx context.Context, refreshToken, ip string) (*TokenPair, error) {
	if !looksLike(refreshToken, prefixRefresh) {
		return nil, errBadRefresh
	}
	now := s.now()
	next := randomToken(prefixRefresh)
	rot, err := s.st.Tokens.RotateRefreshToken(ctx, hashSecret(refreshToken), hashSecret(next), now, now.Add(s.cfg.RefreshIdleTTL))
	if hirebase.ErrorCode(err) == hirebase.ENOTFOUND {
		return nil, errBadRefresh
	} else if err != nil {
		return nil, fmt.Errorf("refresh: %w", err)
	}
	switch rot.Outcome {
	case hirebase.RefreshRotated:
	case hirebase.RefreshReused:
		s.audit(ctx, hirebase.AuditEvent{At: now, Type: hirebase.AuditRefreshReused, ActorID: rot.UserID,
			Subject: rot.FamilyID, IP: ip, Detail: "spent refresh token presented again; session revoked"})
		return nil, errBadRefresh
	default:
		return nil, errBadRefresh
	}
	u, err := s.st.Users.FindUserByID(ctx, rot.UserID)
	if err != nil {
		return nil, fmt.Errorf("refresh: %w", err)
	}
	if u.Disabled {
		return nil, errBadRefresh
	}
	access, expiresIn, err := s.issueAccess(ctx, s.userClaims(u, rot.FamilyID), now, rot.FamilyExpiresAt)
	if err != nil {
		return nil, fmt.Errorf("refresh: %w", err)
	}
	return &TokenPair{AccessToken: access, TokenType: "Bearer", ExpiresIn: expiresIn, RefreshToken: next}, nil
}

// Logout ends a session: the one refreshToken belongs to, if it is one of
// ours, and the one p's access token belongs to, if p is a signed-in user.
// Either may be empty. It answers nil whether or not the token was valid, so
// logout reveals nothing, and the session's access tokens stop working at
// once because each request checks its session.
func (s *Service) Logout(ctx context.Context, p Principal, refreshToken string) error {
	now := s.now()
	var families []string
	if looksLike(refreshToken, prefixRefresh) {
		t, err := s.st.Tokens.FindRefreshToken(ctx, hashSecret(refreshToken))
		if err == nil {
			families = append(families, t.FamilyID)
		} else if hirebase.ErrorCode(err) != hirebase.ENOTFOUND {
			return fmt.Errorf("logout: %w", err)
		}
	}
	if p.Kind == KindUser && p.SessionID != "" {
		families = append(families, p.SessionID)
	}
	for _, id := range families {
		err := s.st.Tokens.RevokeRefreshFamily(ctx, id, "logout", now)
		if err != nil && hirebase.ErrorCode(err) != hirebase.ENOTFOUND {
			return fmt.Errorf("logout: %w", err)
		}
		s.audit(ctx, hirebase.AuditEvent{At: now, Type: hirebase.AuditLogout, ActorID: p.ActorID(), OrgID: p.OrgID, Subject: id})
	}
	return nil
}
