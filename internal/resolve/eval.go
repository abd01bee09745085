package resolve

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// Report is the outcome of resolving a labelled set of titles: top-1
// accuracy per kind of category (strict categories name one role family,
// broad ones a language several roles use), per category, the misses, and
// how often a stated seniority agrees with the posting's required experience.
type Report struct {
	Kinds      map[string]*Tally
	Categories map[string]*CategoryTally
	Misses     []Miss
	// Unmapped counts titles whose category the mapping does not list; they
	// are left out of every figure.
	Unmapped int
	// LevelN counts titles with a stated level and a required experience;
	// LevelCorrect those whose level matches the experience's tier.
	LevelN, LevelCorrect int
}

// Tally counts resolutions and correct ones.
type Tally struct {
	N, Correct int
}

// Accuracy is Correct/N, 0 for an empty tally.
func (t *Tally) Accuracy() float64 {
	if t == nil || t.N == 0 {
		return 0
	}
	return float64(t.Correct) / float64(t.N)
}

// CategoryTally is the tally of one board category.
type CategoryTally struct {
	Kind string
	Tally
}

// Miss is a title whose top match was not an accepted role; Got is "" when
// nothing matched.
type Miss struct {
	Title, Category, Kind, Got string
}

// LevelAccuracy is LevelCorrect/LevelN, 0 when no level was stated.
func (rep *Report) LevelAccuracy() float64 {
	return (&Tally{N: rep.LevelN, Correct: rep.LevelCorrect}).Accuracy()
}

// Summary is the one-line figure the eval command prints.
func (rep *Report) Summary() string {
	return fmt.Sprintf("title-eval: strict_n=%d strict_top1=%.3f broad_n=%d broad_top1=%.3f level_n=%d level_acc=%.3f",
		rep.Kinds["strict"].count(), rep.Kinds["strict"].Accuracy(),
		rep.Kinds["broad"].count(), rep.Kinds["broad"].Accuracy(),
		rep.LevelN, rep.LevelAccuracy())
}

func (t *Tally) count() int {
	if t == nil {
		return 0
	}
	return t.N
}

// CategoryNames returns the categories in a stable order, by kind then name,
// for a verbose listing.
func (rep *Report) CategoryNames() []string {
	var ns []string
	for n := range rep.Categories {
		ns = append(ns, n)
	}
	sort.Slice(ns, func(i, j int) bool {
		a, b := rep.Categories[ns[i]], rep.Categories[ns[j]]
		if a.Kind != b.Kind {
			return a.Kind > b.Kind
		}
		return ns[i] < ns[j]
	})
	return ns
}

// Evaluate resolves every title of a labelled file and scores the top match
// against the categories' accepted roles. Both inputs are tab-separated with
// a header row; lines starting with # are comments. titles needs the columns
// title and category, and may have experience_months; mapping needs
// category, kind and accepted_roles (comma-separated slugs).
func Evaluate(titles, mapping io.Reader, r *Resolver) (*Report, error) {
	type accept struct {
		kind  string
		roles map[string]bool
	}
	cats := map[string]accept{}
	err := readTSV(mapping, []string{"category", "kind", "accepted_roles"}, func(f []string) error {
		a := accept{kind: f[1], roles: map[string]bool{}}
		for _, s := range strings.Split(f[2], ",") {
			if s = strings.TrimSpace(s); s != "" {
				a.roles[s] = true
			}
		}
		cats[f[0]] = a
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read mapping: %w", err)
	}

	rep := &Report{Kinds: map[string]*Tally{}, Categories: map[string]*CategoryTally{}}
	err = readTSV(titles, []string{"title", "category", "experience_months?"}, func(f []string) error {
		title, category := f[0], f[1]
		acc, ok := cats[category]
		if !ok {
			rep.Unmapped++
			return nil
		}
		res := r.Resolve(title, 1)
		got := ""
		if len(res.Matches) > 0 {
			got = res.Matches[0].Role
		}
		hit := acc.roles[got]
		k := rep.Kinds[acc.kind]
		if k == nil {
			k = &Tally{}
			rep.Kinds[acc.kind] = k
		}
		c := rep.Categories[category]
		if c == nil {
			c = &CategoryTally{Kind: acc.kind}
			rep.Categories[category] = c
		}
		k.N++
		c.N++
		if hit {
			k.Correct++
			c.Correct++
		} else {
			rep.Misses = append(rep.Misses, Miss{Title: title, Category: category, Kind: acc.kind, Got: got})
		}
		if months, err := strconv.Atoi(strings.TrimSpace(f[2])); err == nil && res.Level != "" {
			rep.LevelN++
			if res.Level == levelForMonths(months) {
				rep.LevelCorrect++
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read titles: %w", err)
	}
	return rep, nil
}

// levelForMonths is the tier a required experience implies: under three
// years junior, under six mid, then senior.
func levelForMonths(m int) hirebase.LevelKey {
	switch {
	case m < 36:
		return hirebase.Junior
	case m < 72:
		return hirebase.Mid
	}
	return hirebase.Senior
}

// readTSV calls fn with the named columns of every data row, in the order
// asked. A column name ending in "?" may be missing and then reads as "".
func readTSV(rd io.Reader, cols []string, fn func([]string) error) error {
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var idx []int
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if idx == nil {
			pos := map[string]int{}
			for i, h := range fields {
				pos[strings.TrimSpace(h)] = i
			}
			for _, c := range cols {
				name, optional := strings.CutSuffix(c, "?")
				i, ok := pos[name]
				if !ok && !optional {
					return fmt.Errorf("line %d: header has no column %q", line, name)
				}
				if !ok {
					i = -1
				}
				idx = append(idx, i)
			}
			continue
		}
		row := make([]string, len(idx))
		for i, j := range idx {
			if j >= 0 && j < len(fields) {
				row[i] = fields[j]
			}
		}
		if err := fn(row); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if idx == nil {
		return fmt.Errorf("no header row")
	}
	return nil
}
