package resolve

import (
	"maps"
	"slices"
	"strings"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// roleID indexes Resolver.slugs; noRole and blocked are the two sentinels.
type roleID int16

const (
	noRole  roleID = -1
	blocked roleID = -2
)

// entry is one compiled phrase of the lexicon.
type entry struct {
	text     string // the phrase, as matched
	noun     bool
	class    nounClass // for nouns
	post     bool      // a Spanish or Portuguese noun: modifiers follow it
	leadWord bool      // a bare "lead": a noun only when no noun follows
	role     roleID    // a noun's own role
	roles    [numClasses]roleID
	kind     modKind
	strength float64
	also     roleID
	flags    modFlag
}

// exactName is a catalog or lexicon name a whole title can equal.
type exactName struct {
	role roleID
	name string
}

// build compiles the lexicon and the catalog names into r.
func (r *Resolver) build(roles []*hirebase.Role) {
	r.roleIndex = map[string]roleID{}
	r.phrases = map[string]*entry{}
	r.words = map[string]wordKind{}
	r.known = map[string]bool{}
	r.exact = map[string]exactName{}
	r.levels = levelWords

	for _, w := range strings.Fields(stopWords) {
		r.words[w] = wkStop
	}
	for _, w := range strings.Fields(ofWords) {
		r.words[w] = wkOf
	}
	for _, w := range strings.Fields(connectors) {
		r.words[w] = wkConnect
	}
	r.noise = map[string]bool{}
	for _, w := range strings.Fields(noiseWords) {
		r.noise[w] = true
		r.known[w] = true
	}
	for w := range levelWords {
		r.known[w] = true
	}
	for _, w := range strings.Fields(plainWords) {
		r.known[w] = true
	}

	for _, n := range nouns {
		e := entry{noun: true, class: n.class, post: n.post, role: r.id(n.role), strength: n.strength,
			also: r.id(n.also)}
		r.addPhrases(n.phrases, e)
	}
	lead := *r.phrases["lead"]
	lead.leadWord = true
	r.phrases["lead"] = &lead

	for _, m := range modifiers {
		e := entry{kind: m.kind, strength: m.strength, flags: m.flags, also: r.id(m.also)}
		for c := range e.roles {
			e.roles[c] = noRole
		}
		def := r.id(m.role)
		switch m.kind {
		case mDomain:
			for c := range e.roles {
				e.roles[c] = def
			}
		case mTech:
			for _, c := range techClasses {
				e.roles[c] = def
			}
			if m.strength == sPlatform {
				// An ecosystem is the job even of an architect: a "Java
				// Architect" is a software architect, a "SAP Architect" an
				// ERP specialist.
				e.roles[cArchitect] = def
			}
		case mBlock:
			for c := range e.roles {
				e.roles[c] = blocked
			}
			e.roles[cDev] = noRole
			e.strength = sStrong
		}
		for _, kv := range strings.Fields(m.except) {
			k, v, _ := strings.Cut(kv, "=")
			for c, name := range classNames {
				if name == k {
					e.roles[c] = r.id(v)
				}
			}
		}
		e.roles[cNonTech] = noRole
		if m.kind == mBlock {
			e.roles[cNonTech] = blocked
		}
		r.addPhrases(m.phrases, e)
	}

	// The catalog's names come first for exact matches, then the lexicon's.
	// A catalog name the lexicon reads as another role, or not at all
	// ("Agilista", "Analista de Produto"), becomes a phrase of its own, so
	// the catalog has the last word on its own names.
	type named struct {
		slug, name string
	}
	var all []named
	for _, role := range roles {
		if role == nil || role.Slug == "" {
			continue
		}
		r.id(role.Slug)
		r.display[r.roleIndex[role.Slug]] = role.Name
		all = append(all, named{role.Slug, role.Name})
		for _, a := range role.AlternativeNames {
			all = append(all, named{role.Slug, a.Name})
		}
	}
	for _, slug := range slices.Sorted(maps.Keys(names)) {
		for _, n := range names[slug] {
			all = append(all, named{slug, n})
		}
	}
	r.indexVocabulary()
	var add []named
	for _, n := range all {
		if top, _ := r.readName(n.name); top != r.roleIndex[n.slug] {
			add = append(add, n)
		}
	}
names:
	for _, n := range add {
		toks := r.prepare(n.name)
		var words []string
		for _, t := range toks {
			if t.seg != toks[0].seg {
				continue names // "Manager, Software Engineering": matched whole only
			}
			if !t.level && !r.noise[t.text] {
				words = append(words, t.text)
			}
		}
		if len(words) == 0 || r.phrases[strings.Join(words, " ")] != nil && len(words) == 1 {
			continue
		}
		e := entry{noun: true, class: cSpecialist, role: r.roleIndex[n.slug], strength: sStrong, also: noRole}
		r.addPhrases(strings.Join(words, " "), e)
	}
	r.indexVocabulary()
	for _, n := range all {
		top, key := r.readName(n.name)
		if _, dup := r.exact[key]; dup || key == "" || top == noRole {
			continue
		}
		r.exact[key] = exactName{role: r.roleIndex[n.slug], name: n.name}
	}
}

// readName analyses a catalog name as a title and returns the role it reads
// as and its exact-match key. A name that reads only as a generic developer
// gets no key: a bare "Programador" is a guess, never an exact match.
func (r *Resolver) readName(name string) (roleID, string) {
	a := r.analyse(name)
	if len(a.cands) == 0 || a.cands[0].strength <= sGeneric {
		return noRole, ""
	}
	return a.cands[0].role, a.key
}

// id returns the index of a slug, adding it if new; "" and "-" are none.
func (r *Resolver) id(slug string) roleID {
	if slug == "" || slug == "-" {
		return noRole
	}
	if id, ok := r.roleIndex[slug]; ok {
		return id
	}
	id := roleID(len(r.slugs))
	r.roleIndex[slug] = id
	r.slugs = append(r.slugs, slug)
	r.display = append(r.display, "")
	return id
}

// addPhrases registers e under each "|"-separated phrase, as written and,
// for multi-word phrases, with the words run together ("machinelearning").
func (r *Resolver) addPhrases(phrases string, e entry) {
	for _, p := range strings.Split(phrases, "|") {
		p = strings.Join(strings.Fields(p), " ")
		if p == "" {
			continue
		}
		for _, key := range []string{p, strings.ReplaceAll(p, " ", "")} {
			ce := e
			ce.text = key
			r.phrases[key] = &ce
			n := strings.Count(key, " ") + 1
			r.maxPhrase = max(r.maxPhrase, n)
		}
	}
}

// indexVocabulary rebuilds the set of known words and the typo index from
// the phrases.
func (r *Resolver) indexVocabulary() {
	for key := range r.phrases {
		for _, w := range strings.Fields(key) {
			r.known[w] = true
		}
	}
	// Words of non-tech jobs are matched only as written: correcting
	// "Execution" to "executive" would block a tech title, and a misspelt
	// non-tech title resolves to nothing either way.
	targets := map[string]bool{}
	alone := map[string]bool{}
	for key, e := range r.phrases {
		alone[key] = !strings.Contains(key, " ")
		if e.noun && e.class == cNonTech || !e.noun && e.kind == mBlock {
			continue
		}
		for _, w := range strings.Fields(key) {
			targets[w] = true
		}
	}
	for w := range r.levels {
		targets[w] = true
	}
	for w := range r.levels {
		alone[w] = true
	}
	r.fuzzy = newFuzzyIndex(targets, alone)
}
