package http

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// writeJSON encodes v with the given status. Encoding errors can only come
// from the connection, so they are dropped.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func marshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// query parses the query string and refuses malformed escapes and invalid
// UTF-8, naming the parameter at fault.
func query(r *http.Request) (url.Values, error) {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, hirebase.Invalid("query", "is not a well-formed query string")
	}
	for k, vs := range v {
		if !utf8.ValidString(k) {
			return nil, hirebase.Invalid("query", "parameter names must be valid UTF-8")
		}
		for _, s := range vs {
			if !utf8.ValidString(s) {
				return nil, hirebase.Invalid(k, "must be valid UTF-8")
			}
		}
	}
	return v, nil
}

// intParam reads an optional integer parameter within [min, max].
func intParam(v url.Values, name string, def, min, max int) (int, error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > max {
		return 0, hirebase.Invalid(name, fmt.Sprintf("must be an integer between %d and %d", min, max))
	}
	return n, nil
}

// textParam reads an optional free-text parameter of at most max characters.
func textParam(v url.Values, name string, max int) (string, error) {
	s := strings.TrimSpace(v.Get(name))
	if utf8.RuneCountInString(s) > max {
		return "", hirebase.Invalid(name, fmt.Sprintf("must be at most %d characters", max))
	}
	return s, nil
}

// cursorPrefix versions the cursor format so it can change without old
// cursors being misread.
const cursorPrefix = "r1:"

// EncodeCursor returns the opaque cursor for the page after slug.
func EncodeCursor(slug string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + slug))
}

// DecodeCursor returns the slug a cursor points after, or an EINVALID error
// naming the cursor parameter.
func DecodeCursor(c string) (string, error) {
	bad := hirebase.Invalid("cursor", "is not a cursor this API returned")
	if len(c) > 200 {
		return "", bad
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return "", bad
	}
	slug, ok := strings.CutPrefix(string(b), cursorPrefix)
	if !ok || !hirebase.ValidSlug(slug) {
		return "", bad
	}
	return slug, nil
}

// rendered is a response body computed once per catalog revision, kept with
// its gzip form and validator so the hot path only copies bytes.
type rendered struct {
	contentType string
	etag        string
	body        []byte
	gz          []byte
	// Header values, built once so serving allocates none of them.
	hContentType, hETag, hLength, hGzipLength []string
}

// seal computes the validator and the compressed form of the body.
func (e *rendered) seal() *rendered {
	sum := sha256.Sum256(e.body)
	e.etag = `"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + `"`
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	_, _ = zw.Write(e.body)
	_ = zw.Close()
	e.gz = gz.Bytes()
	e.hContentType = []string{e.contentType}
	e.hETag = []string{e.etag}
	e.hLength = []string{strconv.Itoa(len(e.body))}
	e.hGzipLength = []string{strconv.Itoa(len(e.gz))}
	return e
}

// renderCache holds rendered bodies for one catalog revision; a new revision
// empties it.
type renderCache struct {
	mu  sync.RWMutex
	rev int64
	m   map[string]*rendered
}

func (c *renderCache) get(rev int64, key string, build func() (*rendered, error)) (*rendered, error) {
	c.mu.RLock()
	if c.rev == rev && c.m != nil {
		if e, ok := c.m[key]; ok {
			c.mu.RUnlock()
			return e, nil
		}
	}
	c.mu.RUnlock()

	e, err := build()
	if err != nil {
		return nil, err
	}
	e.seal()

	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rev != rev || c.m == nil {
		if rev < c.rev {
			return e, nil // a stale reader: serve, but do not cache
		}
		c.rev, c.m = rev, map[string]*rendered{}
	}
	// Bound the cache: keys come from catalog slugs, but a hostile client
	// could still ask for many distinct ones that exist only briefly.
	if len(c.m) < 10000 {
		c.m[key] = e
	}
	return e, nil
}

// serveRendered writes a cached body with its validators, answering
// conditional requests with 304 and gzip-capable clients with the
// precompressed form.
func (s *Server) serveRendered(w http.ResponseWriter, r *http.Request, e *rendered) {
	h := w.Header()
	h["Content-Type"] = e.hContentType
	h["Etag"] = e.hETag
	h["Cache-Control"] = s.hCacheControl
	if v := h["Vary"]; len(v) == 0 {
		h["Vary"] = varyAcceptEncoding
	} else {
		// CORS may have said Vary: Origin already; keep it.
		h["Vary"] = append(v[:len(v):len(v)], "Accept-Encoding")
	}
	if etagMatches(r.Header.Get("If-None-Match"), e.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := e.body
	h["Content-Length"] = e.hLength
	if acceptsGzip(r) {
		h["Content-Encoding"] = gzipEncoding
		h["Content-Length"] = e.hGzipLength
		body = e.gz
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

var (
	varyAcceptEncoding = []string{"Accept-Encoding"}
	gzipEncoding       = []string{"gzip"}
)

func etagMatches(header, etag string) bool {
	if header == "" {
		return false
	}
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}
