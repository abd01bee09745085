package resolve_test

import (
	"strings"
	"testing"

	"github.com/hirebase/hirebase/internal/resolve"
)

// Made-up titles in the job-board format: title, category, months of
// experience and columns the evaluation ignores.
const evalTitles = `title	category	experience_months	salary_min
Senior Backend Engineer (Go)	Golang	72	5000
Junior Data Analyst	Data Analyst	12	
Middle QA Engineer	QA	24	
Registered Nurse	QA	36	
React Developer	Fullstack	48	
Lead iOS Developer	iOS		
Cook	Bakery	12	
`

const evalMapping = `# category -> kind -> accepted slugs
category	kind	accepted_roles
Golang	broad	back-end-developer,tech-lead
Data Analyst	strict	data-analyst,business-analyst
QA	strict	qa-engineer,qa-automation-engineer
Fullstack	strict	full-stack-developer
iOS	strict	ios-developer,mobile-developer
`

func TestEvaluate(t *testing.T) {
	t.Parallel()
	rep, err := resolve.Evaluate(strings.NewReader(evalTitles), strings.NewReader(evalMapping), resolve.New(nil))
	if err != nil {
		t.Fatal(err)
	}
	// Strict: analyst, QA and iOS right; the nurse (no match) and the
	// React developer (front end) wrong. Levels: senior at 72 months and
	// junior at 12 agree, mid at 24 does not; the iOS lead has no months.
	want := "title-eval: strict_n=5 strict_top1=0.600 broad_n=1 broad_top1=1.000 level_n=3 level_acc=0.667"
	if got := rep.Summary(); got != want {
		t.Errorf("Summary() =\n%s\nwant\n%s", got, want)
	}
	if rep.Unmapped != 1 {
		t.Errorf("Unmapped = %d, want 1 (the bakery)", rep.Unmapped)
	}
	if ct := rep.Categories["QA"]; ct == nil || ct.N != 2 || ct.Correct != 1 || ct.Kind != "strict" {
		t.Errorf("QA tally = %+v, want 1 of 2, strict", ct)
	}
	if len(rep.Misses) != 2 || rep.Misses[0].Title != "Registered Nurse" || rep.Misses[0].Got != "" ||
		rep.Misses[1].Got != "front-end-developer" {
		t.Errorf("Misses = %+v", rep.Misses)
	}
	if names := rep.CategoryNames(); len(names) != 5 || names[0] != "Data Analyst" || names[4] != "Golang" {
		t.Errorf("CategoryNames() = %v", names)
	}
}

func TestEvaluateBadInput(t *testing.T) {
	t.Parallel()
	r := resolve.New(nil)
	for name, c := range map[string]struct{ titles, mapping string }{
		"titles without category": {"title\texperience_months\nDev\t12\n", evalMapping},
		"mapping without kind":    {evalTitles, "category\taccepted_roles\nQA\tqa-engineer\n"},
		"empty titles":            {"# only a comment\n", evalMapping},
	} {
		if _, err := resolve.Evaluate(strings.NewReader(c.titles), strings.NewReader(c.mapping), r); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
}
