package http_test

import (
	"encoding/json"
	"html"
	"os"
	"regexp"
	"strings"
	"testing"
)

var tagRE = regexp.MustCompile(`<[^>]*>`)

// pageText returns the visible text of an HTML page, one line per element.
func pageText(page string) string {
	page = regexp.MustCompile(`(?s)<script.*?</script>`).ReplaceAllString(page, "")
	return html.UnescapeString(tagRE.ReplaceAllString(page, "\n"))
}

// TestRolePageCarriesSeed checks that the Back End Developer page shows every
// line of the role page it was modelled on, headings in the seed's order.
func TestRolePageCarriesSeed(t *testing.T) {
	seed, err := os.ReadFile("../catalog/testdata/back-end-developer-role-page.txt")
	if err != nil {
		t.Fatal(err)
	}
	srv := sqliteServer(t)
	page := body(t, do(t, srv, "GET", "/roles/back-end-developer", nil))
	text := pageText(page)
	for _, line := range strings.Split(string(seed), "\n") {
		line = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(line), " -"))
		// The first line is the publishing site's own tagline, and "-" a
		// separator; neither belongs to the role.
		if line == "" || line == "-" || line == "Grow faster with Proppel" {
			continue
		}
		for _, part := range strings.SplitAfter(line, "?") {
			if part = strings.TrimSpace(part); part != "" && !strings.Contains(text, part) {
				t.Errorf("page lacks seed text %q", part)
			}
		}
	}
	headings := []string{"Salary Ranges", "Key Responsibilities", "Autonomy & Decision-Making", "Tools & Skills",
		"Ideal For", "Key Factors that impact Salary and Seniority", "Alternative names for this role",
		"Looking for a different role?"}
	at := 0
	for _, h := range headings {
		i := strings.Index(text[at:], h)
		if i < 0 {
			t.Fatalf("heading %q missing or out of order", h)
		}
		at += i
	}
}

// TestRolePageStructuredData checks the schema.org Occupation block.
func TestRolePageStructuredData(t *testing.T) {
	srv := sqliteServer(t)
	page := body(t, do(t, srv, "GET", "/roles/data-engineer", nil))
	m := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no JSON-LD block")
	}
	var ld struct {
		Type                 string `json:"@type"`
		Name                 string `json:"name"`
		Description          string `json:"description"`
		AlternateName        []string
		OccupationalCategory []struct {
			CodeValue string `json:"codeValue"`
		} `json:"occupationalCategory"`
		Skills           []string `json:"skills"`
		Responsibilities []string `json:"responsibilities"`
		EstimatedSalary  []struct {
			Type         string  `json:"@type"`
			Currency     string  `json:"currency"`
			Duration     string  `json:"duration"`
			Percentile25 float64 `json:"percentile25"`
			Percentile75 float64 `json:"percentile75"`
		} `json:"estimatedSalary"`
	}
	if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
		t.Fatalf("JSON-LD does not parse: %v", err)
	}
	if ld.Type != "Occupation" || ld.Name != "Data Engineer" || ld.Description == "" || len(ld.AlternateName) < 4 ||
		len(ld.OccupationalCategory) == 0 || len(ld.Skills) == 0 || len(ld.Responsibilities) == 0 {
		t.Errorf("incomplete Occupation: %+v", ld)
	}
	if len(ld.EstimatedSalary) != 3 {
		t.Fatalf("estimatedSalary has %d tiers, want 3", len(ld.EstimatedSalary))
	}
	for i, s := range ld.EstimatedSalary {
		if s.Type != "MonetaryAmountDistribution" || s.Currency != "USD" || s.Duration != "P1M" ||
			s.Percentile25 <= 0 || s.Percentile75 <= s.Percentile25 {
			t.Errorf("tier %d: %+v", i, s)
		}
		if i > 0 && s.Percentile75 <= ld.EstimatedSalary[i-1].Percentile75 {
			t.Errorf("tier %d does not pay more than the one below", i)
		}
	}
}

// TestPagesAccessible checks the markup habits that make pages usable
// without sight or a mouse.
func TestPagesAccessible(t *testing.T) {
	srv := sqliteServer(t)
	for _, path := range []string{"/", "/roles/ui-ux-designer", "/?q=qa"} {
		page := body(t, do(t, srv, "GET", path, nil))
		for _, want := range []string{`<html lang="en">`, `<main id="main">`, `<h1>`, `href="#main"`, `<meta name="viewport"`} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", path, want)
			}
		}
		if strings.Count(page, "<h1") != 1 {
			t.Errorf("%s has %d h1 elements, want 1", path, strings.Count(page, "<h1"))
		}
		// Every input has a label.
		for _, id := range regexp.MustCompile(`<input[^>]* id="([^"]+)"`).FindAllStringSubmatch(page, -1) {
			if !strings.Contains(page, `for="`+id[1]+`"`) {
				t.Errorf("%s: input %s has no label", path, id[1])
			}
		}
	}
}
