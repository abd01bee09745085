package http_test

import (
	"compress/gzip"
	"io"
	"net/http"
	"testing"
)

func gunzip(t *testing.T, res *http.Response) string {
	t.Helper()
	zr, err := gzip.NewReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
