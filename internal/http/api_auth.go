package http

import (
	"context"
	"net/http"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// AccountService is what the sign-in and own-account routes need from the
// auth service. Each method applies the policy itself and says which field
// is at fault in its validation errors.
type AccountService interface {
	Signup(ctx context.Context, email, password, name, ip string) (*hirebase.User, error)
	Login(ctx context.Context, email, password, ip string) (*auth.TokenPair, error)
	Refresh(ctx context.Context, refreshToken, ip string) (*auth.TokenPair, error)
	Logout(ctx context.Context, p auth.Principal, refreshToken string) error
	Me(ctx context.Context, p auth.Principal) (*auth.Me, error)
	ChangePassword(ctx context.Context, p auth.Principal, current, next, ip string) (*auth.TokenPair, error)
	AcceptInvite(ctx context.Context, token, password, name, ip string) (*hirebase.User, error)
}

// maxCredentialsBody bounds a body carrying an email, a password (at most
// auth.MaxPasswordBytes, which JSON escaping can grow sixfold) and a name.
const maxCredentialsBody = 8 << 10

// maxTokenBody bounds a body carrying one refresh token.
const maxTokenBody = 1 << 10

func (s *Server) authRoutes() []route {
	return []route{
		s.credentialRoute(route{"POST", "/api/v1/auth/signup", auth.ActionAuthSignup, s.handleSignup}),
		s.credentialRoute(route{"POST", "/api/v1/auth/login", auth.ActionAuthLogin, s.handleLogin}),
		{"POST", "/api/v1/auth/refresh", auth.ActionAuthLogin, s.handleRefresh},
		{"POST", "/api/v1/auth/logout", auth.ActionAuthLogin, s.handleLogout},
		{"GET", "/api/v1/me", auth.ActionMeRead, s.handleMe},
		{"POST", "/api/v1/me/password", auth.ActionMePassword, s.handleChangePassword},
		{"POST", "/api/v1/invites/{token}/accept", auth.ActionInvitesAccept, s.handleAcceptInvite},
	}
}

// SignupRequest is the body of POST /api/v1/auth/signup.
type SignupRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
	Name     string `json:"name"`
}

// LoginRequest is the body of POST /api/v1/auth/login.
type LoginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// RefreshRequest is the body of POST /api/v1/auth/refresh and, optionally,
// of POST /api/v1/auth/logout.
type RefreshRequest struct {
	RefreshToken string `json:"refresh_token"`
}

// PasswordRequest is the body of POST /api/v1/me/password.
type PasswordRequest struct {
	CurrentPassword string `json:"current_password"`
	NewPassword     string `json:"new_password"`
}

// AcceptInviteRequest is the body of POST /api/v1/invites/{token}/accept.
type AcceptInviteRequest struct {
	Password string `json:"password"`
	Name     string `json:"name"`
}

// writeTokens answers with a token response, which no cache may keep
// (RFC 6749 section 5.1).
func writeTokens(w http.ResponseWriter, pair *auth.TokenPair) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Pragma", "no-cache")
	writeJSON(w, http.StatusOK, pair)
}

// writeSecret answers with a body that holds a credential shown only once
// (an invite token, a client secret), which no cache may keep.
func writeSecret(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, status, v)
}

func (s *Server) handleSignup(w http.ResponseWriter, r *http.Request) {
	var req SignupRequest
	if err := decodeBody(w, r, maxCredentialsBody, &req); err != nil {
		s.Error(w, r, err)
		return
	}
	u, err := s.deps.Auth.Signup(r.Context(), req.Email, req.Password, req.Name, s.clientIP(r))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, u)
}

func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	var req LoginRequest
	if err := decodeBody(w, r, maxCredentialsBody, &req); err != nil {
		s.Error(w, r, err)
		return
	}
	pair, err := s.deps.Auth.Login(r.Context(), req.Email, req.Password, s.clientIP(r))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeTokens(w, pair)
}

func (s *Server) handleRefresh(w http.ResponseWriter, r *http.Request) {
	var req RefreshRequest
	if err := decodeBody(w, r, maxTokenBody, &req); err != nil {
		s.Error(w, r, err)
		return
	}
	if req.RefreshToken == "" {
		s.Error(w, r, hirebase.Invalid("refresh_token", "is required"))
		return
	}
	pair, err := s.deps.Auth.Refresh(r.Context(), req.RefreshToken, s.clientIP(r))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeTokens(w, pair)
}

// handleLogout ends the session of the bearer token, of the refresh token
// in the body, or both; the body may be left out. It answers 204 whatever
// the tokens were, so it reveals nothing about them.
func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	var req RefreshRequest
	if r.ContentLength != 0 && r.Body != nil && r.Body != http.NoBody {
		if err := decodeBody(w, r, maxTokenBody, &req); err != nil {
			s.Error(w, r, err)
			return
		}
	}
	if err := s.deps.Auth.Logout(r.Context(), PrincipalFrom(r.Context()), req.RefreshToken); err != nil {
		s.Error(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handleMe(w http.ResponseWriter, r *http.Request) {
	me, err := s.deps.Auth.Me(r.Context(), PrincipalFrom(r.Context()))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, me)
}

// handleChangePassword answers with tokens for a new session: every other
// session of the user, the caller's current one included, has just ended.
func (s *Server) handleChangePassword(w http.ResponseWriter, r *http.Request) {
	var req PasswordRequest
	if err := decodeBody(w, r, maxCredentialsBody, &req); err != nil {
		s.Error(w, r, err)
		return
	}
	pair, err := s.deps.Auth.ChangePassword(r.Context(), PrincipalFrom(r.Context()), req.CurrentPassword, req.NewPassword, s.clientIP(r))
	if err != nil {
		// The service names the new password "password".
		s.Error(w, r, renameField(err, "password", "new_password"))
		return
	}
	writeTokens(w, pair)
}

func (s *Server) handleAcceptInvite(w http.ResponseWriter, r *http.Request) {
	var req AcceptInviteRequest
	if err := decodeBody(w, r, maxCredentialsBody, &req); err != nil {
		s.Error(w, r, err)
		return
	}
	u, err := s.deps.Auth.AcceptInvite(r.Context(), r.PathValue("token"), req.Password, req.Name, s.clientIP(r))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, u)
}
