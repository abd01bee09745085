package resolve_test

import (
	"strings"
	"testing"

	"github.com/hirebase/hirebase/internal/catalog"
	"github.com/hirebase/hirebase/internal/resolve"
)

// FuzzResolve feeds arbitrary strings, invalid UTF-8 included: resolution
// must never panic, scores stay within [0,1] and in falling order, no role
// repeats, and there are never more matches than asked for.
func FuzzResolve(f *testing.F) {
	for _, title := range benchTitles {
		f.Add(title, 3)
	}
	f.Add("", 0)
	f.Add("\xff\xfe\xfd Senior \xc3 Developer", 5)
	f.Add("C++ C# .NET Node.js F# ++ .. -- // \\\\", 10)
	f.Add(strings.Repeat("Senior Backend Developer / ", 50), 7)
	f.Add("Júnior Desenvolvedor ação 🚀🚀 Ünïcödé", -3)
	c, err := catalog.Content()
	if err != nil {
		f.Fatal(err)
	}
	r := resolve.New(c.Roles)
	f.Fuzz(func(t *testing.T, title string, limit int) {
		limit %= 40
		res := r.Resolve(title, limit)
		if len(res.Matches) > max(limit, 0) {
			t.Fatalf("Resolve(%q, %d) returned %d matches", title, limit, len(res.Matches))
		}
		if res.Level != "" && !res.Level.Valid() {
			t.Fatalf("Resolve(%q): invalid level %q", title, res.Level)
		}
		seen := map[string]bool{}
		for i, m := range res.Matches {
			if m.Score < 0 || m.Score > 1 {
				t.Fatalf("Resolve(%q): score %v out of [0,1]", title, m.Score)
			}
			if i > 0 && m.Score > res.Matches[i-1].Score {
				t.Fatalf("Resolve(%q): matches not sorted: %+v", title, res.Matches)
			}
			if seen[m.Role] || m.Role == "" {
				t.Fatalf("Resolve(%q): bad or repeated role in %+v", title, res.Matches)
			}
			seen[m.Role] = true
		}
	})
}
