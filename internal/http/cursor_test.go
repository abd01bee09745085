package http_test

import (
	"testing"

	"github.com/hirebase/hirebase/internal/hirebase"
	hbhttp "github.com/hirebase/hirebase/internal/http"
)

func TestCursorRoundTrip(t *testing.T) {
	for _, slug := range []string{"a", "back-end-developer", "x1-y2"} {
		got, err := hbhttp.DecodeCursor(hbhttp.EncodeCursor(slug))
		if err != nil || got != slug {
			t.Errorf("round trip of %q gave %q, %v", slug, got, err)
		}
	}
	for _, bad := range []string{"", "!!", "cjE6", hbhttp.EncodeCursor("Not A Slug"), "cjI6YWJj"} {
		if _, err := hbhttp.DecodeCursor(bad); hirebase.ErrorCode(err) != hirebase.EINVALID {
			t.Errorf("DecodeCursor(%q) = %v, want EINVALID", bad, err)
		}
	}
}

// FuzzDecodeCursor checks that no input panics and that whatever decodes is
// a valid slug that encodes back to a cursor decoding to itself.
func FuzzDecodeCursor(f *testing.F) {
	f.Add(hbhttp.EncodeCursor("back-end-developer"))
	f.Add("")
	f.Add("cjE6")
	f.Add("%%%")
	f.Fuzz(func(t *testing.T, c string) {
		slug, err := hbhttp.DecodeCursor(c)
		if err != nil {
			if hirebase.ErrorCode(err) != hirebase.EINVALID {
				t.Fatalf("error code %q, want invalid", hirebase.ErrorCode(err))
			}
			return
		}
		if !hirebase.ValidSlug(slug) {
			t.Fatalf("decoded invalid slug %q", slug)
		}
		again, err := hbhttp.DecodeCursor(hbhttp.EncodeCursor(slug))
		if err != nil || again != slug {
			t.Fatalf("re-encoding %q gave %q, %v", slug, again, err)
		}
	})
}
