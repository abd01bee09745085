// Package resolve maps free-text job titles, in English, Spanish or
// Portuguese, to a catalog role and a seniority tier, or honestly to no
// match. It is pure logic over the domain types: it must not depend on
// storage, HTTP or files, so every layer can call it and tests need nothing
// but titles.
package resolve

import (
	"sort"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// Result is the resolution of one title.
type Result struct {
	Query string
	// Level is the seniority the title states, "" when it states none.
	Level hirebase.LevelKey
	// Matches are the candidate roles, best first; empty when nothing fits
	// with confidence.
	Matches []Match
}

// Match is one candidate role for a title.
type Match struct {
	Role  string // catalog slug
	Name  string
	Level hirebase.LevelKey
	// Score is 1 for a title equal to a catalog name or alternative name
	// and lower the less direct the evidence: a role word in the title's
	// head, a technology, a word in parentheses, a bare generic noun.
	Score float64
	// Matched is the catalog name, phrase or keyword that decided.
	Matched string
}

// Resolver holds the compiled lexicon and catalog names. It is immutable
// after New and safe for concurrent use.
type Resolver struct {
	slugs     []string
	display   []string
	roleIndex map[string]roleID
	phrases   map[string]*entry
	maxPhrase int
	words     map[string]wordKind
	known     map[string]bool
	noise     map[string]bool
	levels    map[string]hirebase.LevelKey
	exact     map[string]exactName
	fuzzy     fuzzyIndex
}

// New builds a resolver from the built-in lexicon and the catalog roles'
// names and alternative names. Roles may be nil or partial: the lexicon
// alone reaches every catalog slug, and a role it does not know is reached
// through its catalog names only.
func New(roles []*hirebase.Role) *Resolver {
	r := &Resolver{}
	r.build(roles)
	return r
}

// Resolve returns the roles title may mean, at most limit of them, best
// first; a limit below one returns no matches but still the level.
func (r *Resolver) Resolve(title string, limit int) Result {
	res := Result{Query: title}
	a := r.analyse(title)
	res.Level = a.level
	for i, c := range a.cands {
		if i >= limit {
			break
		}
		res.Matches = append(res.Matches, Match{
			Role:    r.slugs[c.role],
			Name:    r.name(c.role),
			Level:   a.level,
			Score:   c.score,
			Matched: c.matched,
		})
	}
	return res
}

func (r *Resolver) name(id roleID) string {
	if n := r.display[id]; n != "" {
		return n
	}
	if ns := names[r.slugs[id]]; len(ns) > 0 {
		return ns[0]
	}
	return r.slugs[id]
}

// term is a matched phrase of the title.
type term struct {
	e          *entry
	start, end int // token span
	seg        int
	of         bool
	alt        bool // a slash before it: "Team Lead / Web Developer"
	fuzzy      bool
}

// cand is one piece of evidence for a role.
type cand struct {
	role     roleID
	strength float64
	group    int // order of the noun group within the title
	dist     int // words between modifier and noun
	matched  string
	fuzzy    bool
	tech     bool    // decided by a technology rather than a role word
	layer    bool    // a layer word: front end, back end, full stack
	platform bool    // an ecosystem: WordPress, SAP, Salesforce, Unity
	stack    modFlag // fFront, fBack, fJSLang, fNode of a technology
	tail     bool    // found outside the title's head
	raw      float64 // strength before the discount outside the head
	score    float64
}

// analysis is everything read from one title.
type analysis struct {
	level hirebase.LevelKey
	cands []cand
	key   string // the title as compared with exact names
}

// partFactor discounts evidence outside the title's head: "(with DevOps
// experience)" or "for an AI platform" says less about the job than the
// words before it. At 0.4 a role word in parentheses (5 -> 2) only ties a
// language in the head, and the head wins the tie; weighTail lets the
// technologies there decide when the head names no role.
const partFactor = 0.4

func (r *Resolver) analyse(title string) analysis {
	toks := r.prepare(title)
	a := analysis{level: levelOf(toks, r.levels)}
	terms := r.match(toks)
	if len(terms) == 0 {
		return a
	}
	joinCommaTail(toks, terms)
	var auto, manual bool
	for _, t := range terms {
		auto = auto || t.e.flags&fAuto != 0 || t.e.noun && t.e.role >= 0 && r.slugs[t.e.role] == rQAAuto
		manual = manual || t.e.flags&fManual != 0
	}

	// The head is the first part with a role word in it; the rest only
	// adds evidence at a discount.
	head := -1
	var all []cand
	group := 0
	for lo := 0; lo < len(terms); {
		hi := lo
		for hi < len(terms) && terms[hi].seg == terms[lo].seg {
			hi++
		}
		part := terms[lo:hi]
		lo = hi
		if !hasRoleTerm(part) {
			continue
		}
		factor := 1.0
		if head < 0 {
			head = part[0].seg
		} else {
			factor = partFactor
		}
		cs, stopped := r.evalPart(part, &group)
		if part[0].seg == head && len(cs) == 0 && stopped {
			// "Sales Executive (Google Cloud)": a non-tech job whose
			// parentheses must not make it a tech one.
			return a
		}
		for _, c := range cs {
			c.raw = c.strength
			c.tail = factor != 1
			c.strength *= factor
			all = append(all, c)
		}
	}
	// Real evidence comes in the order the title names it, so "Python
	// Developer / Data Engineer" is first a developer; a bare generic noun
	// or a passing infrastructure word only counts when nothing else does.
	sort.SliceStable(all, func(i, j int) bool {
		x, y := all[i], all[j]
		rx, ry := x.strength >= sLanguage, y.strength >= sLanguage
		if rx != ry {
			return rx
		}
		if rx && x.group != y.group {
			return x.group < y.group
		}
		if x.strength != y.strength {
			return x.strength > y.strength
		}
		return x.dist < y.dist
	})
	seen := map[roleID]bool{}
	for _, c := range all {
		if !seen[c.role] {
			seen[c.role] = true
			a.cands = append(a.cands, c)
		}
	}
	a.cands = r.weighTail(a.cands, all)
	a.cands = r.upgradeQA(a.cands, auto, manual)

	a.key = r.exactKey(toks, terms, head)
	for i := range a.cands {
		c := &a.cands[i]
		c.score = min(0.95, 0.3+0.13*c.strength)
		if c.fuzzy {
			c.score *= 0.9
		}
	}
	if ex, ok := r.exact[a.key]; ok {
		a.cands = promote(a.cands, cand{role: ex.role, strength: sExact, matched: ex.name, score: 1})
	}
	for i := 1; i < len(a.cands); i++ {
		// Ties in strength were ordered by position; keep scores in step.
		a.cands[i].score = min(a.cands[i].score, a.cands[i-1].score)
	}
	return a
}

// joinCommaTail reads "Manager, Software Engineering" or "Engineer, Python"
// as one part: when a title opens with a bare noun and a comma follows, what
// comes next qualifies that noun, as "of" would.
func joinCommaTail(toks []token, terms []term) {
	if len(terms) < 2 || !terms[0].e.noun || terms[1].seg == terms[0].seg {
		return
	}
	next := terms[1].seg
	first := -1
	for i, t := range toks {
		if t.seg == next {
			first = i
			break
		}
	}
	if first < 0 || !toks[first].comma || next != terms[0].seg+1 {
		return
	}
	for i := 1; i < len(terms) && terms[i].seg == next; i++ {
		terms[i].seg = terms[0].seg
		terms[i].of = i == 1
	}
}

// hasRoleTerm reports whether a part holds a noun or a modifier that can
// name a role, as opposed to only flags such as "manual".
func hasRoleTerm(part []term) bool {
	for _, t := range part {
		if t.e.noun || t.e.kind != mMark {
			return true
		}
	}
	return false
}

// promote puts c first and drops any other evidence for its role.
func promote(cs []cand, c cand) []cand {
	out := make([]cand, 0, len(cs)+1)
	out = append(out, c)
	for _, x := range cs {
		if x.role != c.role {
			out = append(out, x)
		}
	}
	return out
}

// upgradeQA makes a QA title with automation evidence anywhere in it ("QA
// Engineer (Selenium)", "Automation QA") a QA automation one, unless it
// also says manual.
func (r *Resolver) upgradeQA(cs []cand, auto, manual bool) []cand {
	if len(cs) == 0 || !auto || manual || r.slugs[cs[0].role] != rQA {
		return cs
	}
	up := cs[0]
	up.role = r.roleIndex[rQAAuto]
	up.matched += " + automation"
	return promote(cs, up) // QA stays second
}

// match finds the lexicon's phrases in the title, longest first, never
// across parts. A bare "lead" followed by a noun is only a seniority word
// ("Lead BI Analyst"); at the end it is the noun ("QA Lead, Mobile").
func (r *Resolver) match(toks []token) []term {
	var terms []term
	buf := make([]byte, 0, 64)
	for i := 0; i < len(toks); {
		end := i + 1
		for end < len(toks) && end-i < r.maxPhrase && toks[end].seg == toks[i].seg {
			end++
		}
		var found *entry
		n := 0
		for j := end; j > i; j-- {
			buf = buf[:0]
			for k := i; k < j; k++ {
				if k > i {
					buf = append(buf, ' ')
				}
				buf = append(buf, toks[k].text...)
			}
			if e := r.phrases[string(buf)]; e != nil {
				found, n = e, j-i
				break
			}
		}
		if found == nil {
			i++
			continue
		}
		t := term{e: found, start: i, end: i + n, seg: toks[i].seg, of: toks[i].of}
		for k := i; k >= 0 && (len(terms) == 0 || k >= terms[len(terms)-1].end); k-- {
			t.alt = t.alt || toks[k].alt // a slash since the previous term
		}
		for k := i; k < i+n; k++ {
			t.fuzzy = t.fuzzy || toks[k].fuzzy
		}
		terms = append(terms, t)
		i += n
	}
	out := terms[:0]
	for i, t := range terms {
		if t.e.leadWord && nounFollows(terms[i+1:], t.seg) {
			continue
		}
		out = append(out, t)
	}
	return out
}

func nounFollows(terms []term, seg int) bool {
	for _, t := range terms {
		if t.seg != seg {
			return false
		}
		if t.e.noun {
			return true
		}
	}
	return false
}

// exactKey is the title as compared with catalog names: the head's words
// without seniority, noise or ticket numbers, plus the role words of the
// other parts, so "Sr Backend Developer (Remote)" equals "Backend Developer".
func (r *Resolver) exactKey(toks []token, terms []term, head int) string {
	covered := make([]bool, len(toks))
	for _, t := range terms {
		if t.e.noun || t.e.kind != mMark {
			for k := t.start; k < t.end; k++ {
				covered[k] = true
			}
		}
	}
	buf := make([]byte, 0, 64)
	for i, t := range toks {
		keep := covered[i] || t.seg == head && !t.level && !r.noise[t.text] && isLetters(t.text)
		if !keep {
			continue
		}
		if len(buf) > 0 {
			buf = append(buf, ' ')
		}
		buf = append(buf, t.text...)
	}
	return string(buf)
}
