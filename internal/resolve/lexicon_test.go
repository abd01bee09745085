package resolve

import (
	"slices"
	"strings"
	"testing"
)

// catalogSlugs are the roles the product promises; the lexicon must reach
// every one of them without the catalog files and nothing else.
var catalogSlugs = strings.Fields(`back-end-developer front-end-developer full-stack-developer mobile-developer
ios-developer android-developer devops-engineer site-reliability-engineer cloud-engineer qa-engineer
qa-automation-engineer data-engineer data-analyst data-scientist machine-learning-engineer ai-engineer
security-engineer database-administrator system-administrator embedded-engineer game-developer
blockchain-developer salesforce-developer wordpress-developer erp-developer software-architect tech-lead
engineering-manager ui-ux-designer product-designer product-manager project-manager scrum-master
business-analyst technical-writer technical-support-engineer`)

// TestLexiconReachesEverySlug resolves each role's own lexicon names with no
// catalog at all, so a missing role file never makes a role unreachable.
func TestLexiconReachesEverySlug(t *testing.T) {
	r := New(nil)
	for _, slug := range catalogSlugs {
		ns := names[slug]
		if len(ns) == 0 {
			t.Errorf("%s has no lexicon names", slug)
		}
		for _, n := range ns {
			res := r.Resolve(n, 1)
			if len(res.Matches) == 0 || res.Matches[0].Role != slug || res.Matches[0].Score != 1 {
				t.Errorf("lexicon name %q of %s resolves to %+v", n, slug, res.Matches)
			}
		}
	}
	for _, s := range r.slugs {
		if !slices.Contains(catalogSlugs, s) {
			t.Errorf("lexicon names unknown role %q", s)
		}
	}
}

// TestLexiconPhrasesUnique fails when a phrase is defined twice, where the
// later definition would silently replace the earlier one.
func TestLexiconPhrasesUnique(t *testing.T) {
	seen := map[string]string{}
	check := func(phrases, where string) {
		for _, p := range strings.Split(phrases, "|") {
			p = strings.Join(strings.Fields(p), " ")
			for _, key := range []string{p, strings.ReplaceAll(p, " ", "")} {
				if prev, ok := seen[key]; ok && prev != where {
					t.Errorf("phrase %q is in %q and in %q", key, prev, where)
				}
				seen[key] = where
			}
		}
	}
	for _, n := range nouns {
		check(n.phrases, "noun "+strings.SplitN(n.phrases, "|", 2)[0])
	}
	for _, m := range modifiers {
		check(m.phrases, "modifier "+strings.SplitN(m.phrases, "|", 2)[0])
		for _, kv := range strings.Fields(m.except) {
			k, _, _ := strings.Cut(kv, "=")
			if !slices.Contains(classNames[:], k) {
				t.Errorf("modifier %q overrides unknown noun class %q", m.phrases, k)
			}
		}
	}
}
