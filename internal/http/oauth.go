package http

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// OAuthService is what the OAuth 2.0 endpoints need from the auth service.
// Its refusals are *auth.OAuthError values, answered as RFC 6749 error
// bodies rather than problem documents, because OAuth clients read those.
type OAuthService interface {
	AuthenticateClient(ctx context.Context, clientID, secret, ip string) (*hirebase.APIClient, error)
	IssueClientToken(ctx context.Context, clientID, secret string, scopes []string, ip string) (*auth.TokenPair, error)
	Revoke(ctx context.Context, clientID, token string) error
	Introspect(ctx context.Context, clientID, token string) (*auth.Introspection, error)
	Keys() *auth.Keys
	Config() auth.Config
}

// maxFormBody bounds an OAuth request: a grant type, a client ID and
// secret, a scope list or a token of a few kilobytes at most.
const maxFormBody = 8 << 10

// basicChallenge is sent with every invalid_client answer, so a client that
// tried the form learns Basic is accepted too (RFC 6749 section 5.2).
const basicChallenge = `Basic realm="hirebase", charset="UTF-8"`

func (s *Server) oauthRoutes() []route {
	return []route{
		s.credentialRoute(route{"POST", "/oauth/token", auth.ActionOAuthToken, s.handleToken}),
		{"POST", "/oauth/revoke", auth.ActionOAuthRevoke, s.handleRevoke},
		{"POST", "/oauth/introspect", auth.ActionOAuthIntrospect, s.handleIntrospect},
		{"GET", "/.well-known/oauth-authorization-server", auth.ActionPublicRead, s.handleOAuthMetadata},
		{"GET", "/.well-known/jwks.json", auth.ActionPublicRead, s.handleJWKS},
	}
}

// oauthError is an error the HTTP layer finds in an OAuth request before
// the service sees it (a malformed body, two authentication methods).
type oauthError struct{ code, description string }

func (e *oauthError) Error() string { return e.code + ": " + e.description }

// OAuthErrorBody is an RFC 6749 section 5.2 error response.
type OAuthErrorBody struct {
	Error            string `json:"error"`
	ErrorDescription string `json:"error_description,omitempty"`
}

// writeOAuthError answers err as an RFC 6749 error body: invalid_client is
// 401 with a Basic challenge, the other codes 400. Errors that are not
// OAuth errors (the database failed) are problem documents, as elsewhere.
func (s *Server) writeOAuthError(w http.ResponseWriter, r *http.Request, err error) {
	body := OAuthErrorBody{}
	if e, ok := err.(*oauthError); ok {
		body.Error, body.ErrorDescription = e.code, e.description
	} else if e, ok := auth.OAuthErrorOf(err); ok {
		body.Error, body.ErrorDescription = e.Code, e.Description
	} else {
		s.Error(w, r, err)
		return
	}
	status := http.StatusBadRequest
	if body.Error == auth.OAuthInvalidClient {
		status = http.StatusUnauthorized
		w.Header().Set("WWW-Authenticate", basicChallenge)
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Pragma", "no-cache")
	writeJSON(w, status, body)
}

// oauthForm reads an OAuth request's parameters from its body, which must be
// application/x-www-form-urlencoded and may name each parameter once (RFC
// 6749 section 3.2). Parameters in the query string are ignored, so a
// secret put there by mistake is never used.
func oauthForm(w http.ResponseWriter, r *http.Request) (url.Values, error) {
	if ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || ct != "application/x-www-form-urlencoded" {
		return nil, &oauthError{auth.OAuthInvalidRequest, "The body must be application/x-www-form-urlencoded."}
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxFormBody))
	if err != nil {
		return nil, &oauthError{auth.OAuthInvalidRequest, fmt.Sprintf("The body must be at most %d bytes.", maxFormBody)}
	}
	form, err := url.ParseQuery(string(b))
	if err != nil {
		return nil, &oauthError{auth.OAuthInvalidRequest, "The body is not a well-formed form."}
	}
	for k, vs := range form {
		if len(vs) > 1 {
			return nil, &oauthError{auth.OAuthInvalidRequest, fmt.Sprintf("The parameter %q appears more than once.", k)}
		}
		if !utf8.ValidString(k) || !utf8.ValidString(vs[0]) {
			return nil, &oauthError{auth.OAuthInvalidRequest, "Parameters must be valid UTF-8."}
		}
	}
	return form, nil
}

// clientCredentials returns the client ID and secret from HTTP Basic
// (client_secret_basic, whose parts are form-encoded first, RFC 6749 section
// 2.3.1) or from the form (client_secret_post). A request using both is
// invalid_request; one using neither is invalid_client.
func clientCredentials(r *http.Request, form url.Values) (id, secret string, err error) {
	user, pass, basic := r.BasicAuth()
	if !basic {
		id, secret = form.Get("client_id"), form.Get("client_secret")
		if id == "" || secret == "" {
			return "", "", &oauthError{auth.OAuthInvalidClient, "Client authentication is required."}
		}
		return id, secret, nil
	}
	if form.Has("client_secret") {
		return "", "", &oauthError{auth.OAuthInvalidRequest, "Use one client authentication method, not two."}
	}
	id, err1 := url.QueryUnescape(user)
	secret, err2 := url.QueryUnescape(pass)
	if err1 != nil || err2 != nil {
		return "", "", &oauthError{auth.OAuthInvalidClient, "Client authentication failed."}
	}
	if form.Has("client_id") && form.Get("client_id") != id {
		return "", "", &oauthError{auth.OAuthInvalidRequest, "client_id differs from the authenticated client."}
	}
	return id, secret, nil
}

// handleToken is the token endpoint (RFC 6749 section 4.4): the client
// credentials grant only, and no refresh token.
func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	form, err := oauthForm(w, r)
	if err != nil {
		s.writeOAuthError(w, r, err)
		return
	}
	switch gt := form.Get("grant_type"); gt {
	case "client_credentials":
	case "":
		s.writeOAuthError(w, r, &oauthError{auth.OAuthInvalidRequest, "grant_type is required."})
		return
	default:
		s.writeOAuthError(w, r, &oauthError{auth.OAuthUnsupportedGrantType, "Only client_credentials is supported."})
		return
	}
	id, secret, err := clientCredentials(r, form)
	if err != nil {
		s.writeOAuthError(w, r, err)
		return
	}
	scopes, err := auth.ParseScope(form.Get("scope"))
	if err != nil {
		s.writeOAuthError(w, r, err)
		return
	}
	pair, err := s.deps.Auth.IssueClientToken(r.Context(), id, secret, scopes, s.clientIP(r))
	if err != nil {
		s.writeOAuthError(w, r, err)
		return
	}
	writeTokens(w, pair)
}

// tokenParam reads the token an RFC 7009 or RFC 7662 request is about,
// after authenticating the client that asks.
func (s *Server) tokenParam(w http.ResponseWriter, r *http.Request) (clientID, token string, err error) {
	form, err := oauthForm(w, r)
	if err != nil {
		return "", "", err
	}
	id, secret, err := clientCredentials(r, form)
	if err != nil {
		return "", "", err
	}
	c, err := s.deps.Auth.AuthenticateClient(r.Context(), id, secret, s.clientIP(r))
	if err != nil {
		return "", "", err
	}
	if token = form.Get("token"); token == "" {
		return "", "", &oauthError{auth.OAuthInvalidRequest, "token is required."}
	}
	return c.ClientID, token, nil
}

// handleRevoke revokes a token the client holds (RFC 7009). The answer is
// 200 whether or not the token was valid or the client's, so it reveals
// nothing; the type hint is not needed, the two kinds differ in form.
func (s *Server) handleRevoke(w http.ResponseWriter, r *http.Request) {
	clientID, token, err := s.tokenParam(w, r)
	if err != nil {
		s.writeOAuthError(w, r, err)
		return
	}
	if err := s.deps.Auth.Revoke(r.Context(), clientID, token); err != nil {
		s.writeOAuthError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
}

// handleIntrospect describes a token to the client it was issued to (RFC
// 7662); anyone else learns only that it is not active.
func (s *Server) handleIntrospect(w http.ResponseWriter, r *http.Request) {
	clientID, token, err := s.tokenParam(w, r)
	if err != nil {
		s.writeOAuthError(w, r, err)
		return
	}
	in, err := s.deps.Auth.Introspect(r.Context(), clientID, token)
	if err != nil {
		s.writeOAuthError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, in)
}

// ServerMetadata is the RFC 8414 authorization server metadata document.
type ServerMetadata struct {
	Issuer                                    string   `json:"issuer"`
	TokenEndpoint                             string   `json:"token_endpoint"`
	JWKSURI                                   string   `json:"jwks_uri"`
	RevocationEndpoint                        string   `json:"revocation_endpoint"`
	IntrospectionEndpoint                     string   `json:"introspection_endpoint"`
	GrantTypesSupported                       []string `json:"grant_types_supported"`
	ResponseTypesSupported                    []string `json:"response_types_supported"`
	TokenEndpointAuthMethodsSupported         []string `json:"token_endpoint_auth_methods_supported"`
	RevocationEndpointAuthMethodsSupported    []string `json:"revocation_endpoint_auth_methods_supported"`
	IntrospectionEndpointAuthMethodsSupported []string `json:"introspection_endpoint_auth_methods_supported"`
	ScopesSupported                           []string `json:"scopes_supported"`
}

// clientAuthMethods are the client authentication methods every endpoint
// accepts.
var clientAuthMethods = []string{"client_secret_basic", "client_secret_post"}

// handleOAuthMetadata publishes the server's OAuth metadata (RFC 8414).
// Endpoint URLs are built on --public-url; without one (a development
// server) they follow the request's host, and then nothing may cache them,
// because the Host header is the caller's to choose.
func (s *Server) handleOAuthMetadata(w http.ResponseWriter, r *http.Request) {
	base := strings.TrimSuffix(s.cfg.PublicURL, "/")
	if base == "" {
		scheme := "http"
		if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
			scheme = "https"
		}
		base = scheme + "://" + r.Host
		w.Header().Set("Cache-Control", "no-store")
	} else {
		w.Header().Set("Cache-Control", "public, max-age=3600")
	}
	writeJSON(w, http.StatusOK, ServerMetadata{
		Issuer:                s.deps.Auth.Config().Issuer,
		TokenEndpoint:         base + "/oauth/token",
		JWKSURI:               base + "/.well-known/jwks.json",
		RevocationEndpoint:    base + "/oauth/revoke",
		IntrospectionEndpoint: base + "/oauth/introspect",
		GrantTypesSupported:   []string{"client_credentials"},
		// No authorization endpoint: integrations use client
		// credentials, people sign in through the JSON API.
		ResponseTypesSupported:                    []string{},
		TokenEndpointAuthMethodsSupported:         clientAuthMethods,
		RevocationEndpointAuthMethodsSupported:    clientAuthMethods,
		IntrospectionEndpointAuthMethodsSupported: clientAuthMethods,
		ScopesSupported:                           hirebase.Scopes,
	})
}

// handleJWKS publishes the keys that verify access tokens. Caches may keep
// it no longer than a replica keeps its keys (at most a minute), so a
// rotated-in key is fetched before tokens it signed are seen.
func (s *Server) handleJWKS(w http.ResponseWriter, r *http.Request) {
	doc, err := s.deps.Auth.Keys().JWKS(r.Context())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	maxAge := min(60*time.Second, s.deps.Auth.Config().KeyRefresh)
	w.Header().Set("Cache-Control", fmt.Sprintf("public, max-age=%d", int(maxAge/time.Second)))
	writeJSON(w, http.StatusOK, doc)
}
