package http

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// codes maps domain error codes to HTTP status codes. It is the only place
// where that mapping lives.
var codes = map[string]int{
	hirebase.ECONFLICT:     http.StatusConflict,
	hirebase.EINVALID:      http.StatusBadRequest,
	hirebase.ENOTFOUND:     http.StatusNotFound,
	hirebase.EUNAUTHORIZED: http.StatusUnauthorized,
	hirebase.EFORBIDDEN:    http.StatusForbidden,
	hirebase.ETOOMANY:      http.StatusTooManyRequests,
	hirebase.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	hirebase.EUNSUPPORTED:  http.StatusUnsupportedMediaType,
	hirebase.EINTERNAL:     http.StatusInternalServerError,
}

// ErrorStatus returns the HTTP status for a domain error code.
func ErrorStatus(code string) int {
	if s, ok := codes[code]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// Problem is an RFC 9457 problem details document. Errors lists the inputs
// at fault for validation problems.
type Problem struct {
	Type     string                `json:"type"`
	Title    string                `json:"title"`
	Status   int                   `json:"status"`
	Detail   string                `json:"detail,omitempty"`
	Instance string                `json:"instance,omitempty"`
	Code     string                `json:"code"`
	Errors   []hirebase.FieldError `json:"errors,omitempty"`
}

// Error writes err as application/problem+json. Internal errors are logged
// with the request and answered with a generic message.
func (s *Server) Error(w http.ResponseWriter, r *http.Request, err error) {
	code := hirebase.ErrorCode(err)
	status := ErrorStatus(code)
	if d, ok := hirebase.RetryAfter(err); ok {
		w.Header().Set("Retry-After", strconv.Itoa(ceilSeconds(d)))
	}
	if status == http.StatusUnauthorized && w.Header().Get("WWW-Authenticate") == "" {
		// Every 401 carries a challenge (RFC 9110 section 15.5.2).
		w.Header().Set("WWW-Authenticate", bearerChallenge)
	}
	if code == hirebase.EINTERNAL {
		s.logger.ErrorContext(r.Context(), "internal error", slog.String("method", r.Method),
			slog.String("path", redactPath(r.URL.Path)), slog.Any("err", err))
	}
	writeProblem(w, r, Problem{
		Type:   "about:blank",
		Title:  http.StatusText(status),
		Status: status,
		Detail: hirebase.ErrorMessage(err),
		Code:   code,
		Errors: hirebase.ErrorFields(err),
	})
}

func writeProblem(w http.ResponseWriter, r *http.Request, p Problem) {
	p.Instance = r.URL.Path
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(p)
}

// redactPath hides the one credential that travels in a path, an invite
// token, from logs.
func redactPath(p string) string {
	if rest, ok := strings.CutPrefix(p, "/api/v1/invites/"); ok {
		if _, tail, ok := strings.Cut(rest, "/"); ok {
			return "/api/v1/invites/(token)/" + tail
		}
		return "/api/v1/invites/(token)"
	}
	return p
}
