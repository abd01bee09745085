package http

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// decodeBody reads a JSON request body into v: application/json, at most
// max bytes (each route sets its own cap, sized to what its request can
// legitimately hold), one object, no unknown fields.
func decodeBody(w http.ResponseWriter, r *http.Request, max int64, v any) error {
	if ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || ct != "application/json" {
		return &hirebase.Error{Code: hirebase.EUNSUPPORTED, Message: "The request body must be application/json.",
			Fields: []hirebase.FieldError{{Field: "Content-Type", Reason: "must be application/json"}}}
	}
	return decodeJSON(http.MaxBytesReader(w, r.Body, max), v)
}

// decodeJSON decodes exactly one JSON value into v, refusing unknown fields
// and trailing data, and turns decoder errors into field errors.
func decodeJSON(body io.Reader, v any) error {
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if dec.More() {
		return hirebase.Invalid("body", "must hold a single JSON object")
	}
	if _, err := dec.Token(); err != io.EOF {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return jsonError(err)
		}
		return hirebase.Invalid("body", "must hold a single JSON object")
	}
	return nil
}

func jsonError(err error) error {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return hirebase.Errorf(hirebase.ETOOLARGE, "The request body exceeds %d bytes.", tooLarge.Limit)
	case errors.As(err, &typeErr):
		field := typeErr.Field
		if field == "" {
			field = "body"
		}
		return hirebase.Invalid(field, "must be of type "+typeErr.Type.String())
	case errors.As(err, &syntaxErr), errors.Is(err, io.ErrUnexpectedEOF):
		return hirebase.Invalid("body", "is not well-formed JSON")
	case errors.Is(err, io.EOF):
		return hirebase.Invalid("body", "is required")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return hirebase.Invalid(name, "is not a known field")
	}
	return hirebase.Invalid("body", "is not a valid request: "+err.Error())
}

// renameField returns err with the field name from replaced by to, for a
// service that names an input differently from the route's body.
func renameField(err error, from, to string) error {
	var e *hirebase.Error
	if !errors.As(err, &e) || len(e.Fields) == 0 {
		return err
	}
	out := *e
	out.Fields = make([]hirebase.FieldError, len(e.Fields))
	for i, f := range e.Fields {
		if f.Field == from {
			f.Field = to
			out.Message = strings.Replace(out.Message, "invalid "+from+":", "invalid "+to+":", 1)
		}
		out.Fields[i] = f
	}
	return &out
}
