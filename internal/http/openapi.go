package http

import (
	_ "embed"
	"net/http"
)

// openAPIDocument describes every route; a test keeps it complete and checks
// responses against it.
//
//go:embed openapi.json
var openAPIDocument []byte

// OpenAPIDocument returns the OpenAPI 3.1 document served at
// /api/v1/openapi.json.
func OpenAPIDocument() []byte { return openAPIDocument }

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	s.serveRendered(w, r, s.static["openapi.json"])
}
