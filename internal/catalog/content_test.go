package catalog_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hirebase/hirebase/internal/catalog"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// catalogSlugs is the catalog the product promises.
var catalogSlugs = strings.Fields(`back-end-developer front-end-developer full-stack-developer mobile-developer
ios-developer android-developer devops-engineer site-reliability-engineer cloud-engineer qa-engineer
qa-automation-engineer data-engineer data-analyst data-scientist machine-learning-engineer ai-engineer
security-engineer database-administrator system-administrator embedded-engineer game-developer
blockchain-developer salesforce-developer wordpress-developer erp-developer software-architect tech-lead
engineering-manager ui-ux-designer product-designer product-manager project-manager scrum-master
business-analyst technical-writer technical-support-engineer`)

var socRE = regexp.MustCompile(`^\d{2}-\d{4}\.\d{2}$`)

// TestContent checks that every promised role is present and complete, before
// any salary band is applied.
func TestContent(t *testing.T) {
	c, err := catalog.Content()
	if err != nil {
		t.Fatal(err)
	}
	bySlug := map[string]*hirebase.Role{}
	for _, r := range c.Roles {
		bySlug[r.Slug] = r
	}
	for _, slug := range catalogSlugs {
		if bySlug[slug] == nil {
			t.Errorf("role %s is missing", slug)
		}
	}
	if len(c.Roles) != len(catalogSlugs) {
		t.Errorf("catalog has %d roles, want %d", len(c.Roles), len(catalogSlugs))
	}
	skills := map[string]bool{}
	aliases := map[string]string{}
	for _, s := range c.Skills {
		if err := s.Validate(); err != nil {
			t.Errorf("skill %s: %v %v", s.Slug, err, hirebase.ErrorFields(err))
		}
		if skills[s.Slug] {
			t.Errorf("skill %s is defined twice", s.Slug)
		}
		skills[s.Slug] = true
		for _, a := range append([]string{s.Name}, s.Aliases...) {
			k := strings.ToLower(a)
			if other, ok := aliases[k]; ok && other != s.Slug {
				t.Errorf("name or alias %q belongs to both %s and %s", a, other, s.Slug)
			}
			aliases[k] = s.Slug
		}
	}
	for _, r := range c.Roles {
		checkRoleContent(t, r, bySlug, skills)
	}
}

func checkRoleContent(t *testing.T, r *hirebase.Role, roles map[string]*hirebase.Role, skills map[string]bool) {
	t.Helper()
	where := r.Slug
	if r.Name == "" || len(r.Summary) < 40 {
		t.Errorf("%s: name and a summary sentence are required", where)
	}
	if len(r.Levels) != 3 {
		t.Fatalf("%s: has %d levels, want 3", where, len(r.Levels))
	}
	prevMin := -1
	for i, l := range r.Levels {
		if l.Key != hirebase.LevelKeys[i] {
			t.Errorf("%s: level %d is %q, want %q", where, i, l.Key, hirebase.LevelKeys[i])
		}
		if l.Experience == "" || l.Autonomy == "" || l.IdealFor == "" {
			t.Errorf("%s/%s: experience, autonomy and ideal_for are required", where, l.Key)
		}
		if len(l.Responsibilities) < 4 || len(l.Skills) < 4 {
			t.Errorf("%s/%s: want at least 4 responsibilities and 4 tools & skills, have %d and %d",
				where, l.Key, len(l.Responsibilities), len(l.Skills))
		}
		if l.Years.Min <= prevMin {
			t.Errorf("%s/%s: years must rise with the tier", where, l.Key)
		}
		prevMin = l.Years.Min
	}
	if len(r.KeyFactors) != len(hirebase.FactorKeys) {
		t.Errorf("%s: has %d key factors, want one per factor key", where, len(r.KeyFactors))
	}
	for i, f := range r.KeyFactors {
		if i < len(hirebase.FactorKeys) && f.Key != hirebase.FactorKeys[i] {
			t.Errorf("%s: key factor %d is %q, want %q", where, i, f.Key, hirebase.FactorKeys[i])
		}
		if f.Name == "" {
			t.Errorf("%s: key factor %s has no wording", where, f.Key)
		}
	}
	langs := map[string]int{}
	for _, a := range r.AlternativeNames {
		langs[a.Lang]++
		if strings.EqualFold(a.Name, r.Name) {
			t.Errorf("%s: alternative name %q repeats the role name", where, a.Name)
		}
	}
	if langs["en"] < 4 || langs["es"] < 1 || langs["pt"] < 1 {
		t.Errorf("%s: alternative names by language %v, want >= 4 en and >= 1 each of es, pt", where, langs)
	}
	if len(r.Related) < 3 {
		t.Errorf("%s: has %d related roles, want >= 3", where, len(r.Related))
	}
	for _, rel := range r.Related {
		if roles[rel.Slug] == nil || rel.Slug == r.Slug {
			t.Errorf("%s: related %q is not another catalog role", where, rel.Slug)
		}
		if len(rel.Reason) < 20 {
			t.Errorf("%s: related %s needs a reason", where, rel.Slug)
		}
	}
	for _, o := range r.Occupations {
		if !socRE.MatchString(o.Code) || o.Title == "" {
			t.Errorf("%s: occupation %+v is not an O*NET-SOC code with title", where, o)
		}
	}
	if len(r.SkillTags) < 3 {
		t.Errorf("%s: has %d skill tags, want >= 3", where, len(r.SkillTags))
	}
	for _, s := range r.SkillTags {
		if !skills[s.Slug] {
			t.Errorf("%s: skill tag %q is not a catalog skill", where, s.Slug)
		}
	}
}

// TestSeedPage checks that the Back End Developer role carries every line of
// the role page it was written from. The first line is the publishing site's
// own tagline and the two "Looking for a different role?" lines are the page
// template's, rendered by the HTTP package for every role.
func TestSeedPage(t *testing.T) {
	seed, err := os.ReadFile("testdata/back-end-developer-role-page.txt")
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Content()
	if err != nil {
		t.Fatal(err)
	}
	var r *hirebase.Role
	for _, x := range c.Roles {
		if x.Slug == "back-end-developer" {
			r = x
		}
	}
	if r == nil {
		t.Fatal("back-end-developer is missing")
	}
	var texts []string
	texts = append(texts, r.Name, r.Summary)
	for _, l := range r.Levels {
		texts = append(texts, l.Experience, l.Autonomy, l.IdealFor)
		texts = append(texts, l.Responsibilities...)
		texts = append(texts, l.Skills...)
	}
	for _, f := range r.KeyFactors {
		texts = append(texts, f.Name)
	}
	for _, a := range r.AlternativeNames {
		texts = append(texts, a.Name)
	}
	have := map[string]bool{}
	for _, s := range texts {
		have[strings.TrimSpace(s)] = true
	}
	template := map[string]bool{
		"Grow faster with Proppel": true, "Salary Ranges": true, "-": true,
		"Key Responsibilities": true, "Autonomy & Decision-Making": true, "Tools & Skills": true,
		"Ideal For": true, "Key Factors that impact Salary and Seniority": true,
		"Alternative names for this role": true, "Looking for a different role?": true,
	}
	for _, line := range strings.Split(string(seed), "\n") {
		line = strings.TrimSpace(line)
		// The page glues a separator and the next heading onto some lines.
		line = strings.TrimSpace(strings.TrimSuffix(line, " -"))
		line = strings.TrimSuffix(line, "Here are some alternative roles that may suit your requirements.")
		if line == "" || template[line] {
			continue
		}
		if !have[line] {
			t.Errorf("seed line not carried by the role: %q", line)
		}
	}
}
