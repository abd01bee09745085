package resolve

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTitleBytes bounds the part of a title that is read, so one pasted
// paragraph cannot cost more than a title; real titles are far shorter.
const maxTitleBytes = 400

// token is one ASCII-folded, lower-case word of a title. seg numbers the
// parts of the title: a bracket, comma, dash between spaces or a connector
// such as "at", "for" or "with" starts a new part, because what follows is
// usually a company, a project or a stack rather than the job itself.
type token struct {
	text string
	seg  int
	// of is set when the word followed "of", "de", "da" or "do": such a
	// word modifies the noun before it ("Head of Data", "Analista de Datos").
	of bool
	// comma is set on the first word of a part that a comma opened.
	comma bool
	// alt is set when a slash came before the word: "Data Scientist / ML
	// Engineer" names alternatives, "Team Lead Full Stack Developer" does not.
	alt bool
	// fuzzy is set when the word was corrected for a typo or a plural.
	fuzzy bool
	// level is set when the word is a seniority word.
	level bool
}

// foldTable maps accented Latin letters to ASCII, so "Júnior", "Sênior" and
// "Diseñador" meet the lexicon's plain spelling.
var foldTable = func() map[rune]string {
	m := map[rune]string{}
	for _, p := range [][2]string{
		{"àáâãäåāăą", "a"}, {"çćĉċč", "c"}, {"ďđ", "d"}, {"èéêëēĕėęě", "e"},
		{"ĝğġģ", "g"}, {"ĥħ", "h"}, {"ìíîïĩīĭįı", "i"}, {"ĵ", "j"}, {"ķ", "k"},
		{"ĺļľŀł", "l"}, {"ñńņňŉ", "n"}, {"òóôõöøōŏő", "o"}, {"ŕŗř", "r"},
		{"śŝşšș", "s"}, {"ţťŧț", "t"}, {"ùúûüũūŭůűų", "u"}, {"ŵ", "w"},
		{"ýÿŷ", "y"}, {"źżž", "z"}, {"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"},
		{"þ", "th"}, {"ð", "d"},
	} {
		for _, r := range p[0] {
			m[r] = p[1]
		}
	}
	return m
}()

// runeClass says what a character does to tokenisation.
type runeClass uint8

const (
	rcSpace runeClass = iota // separates words
	rcWord                   // part of a word
	rcSkip                   // ignored: accents in decomposed form, apostrophes
	rcBreak                  // separates parts of the title
)

func classify(r rune) runeClass {
	switch {
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return rcWord
	case r == '\'' || r == '’' || r == '‘' || r == '`' || r == '´':
		return rcSkip
	case strings.ContainsRune("()[]{},;:!?|\"“”«»–—‒―•·", r):
		return rcBreak
	case r < utf8.RuneSelf:
		return rcSpace
	case unicode.Is(unicode.Mn, r):
		return rcSkip
	}
	if _, ok := foldTable[r]; ok {
		return rcWord
	}
	return rcSpace
}

// lexer splits a title into raw words and part numbers.
type lexer struct {
	toks  []token
	word  []byte
	seg   int
	slash bool
	comma bool
}

func (l *lexer) flush() {
	if len(l.word) > 0 {
		l.toks = append(l.toks, token{text: string(l.word), seg: l.seg, alt: l.slash, comma: l.comma})
		l.word = l.word[:0]
		l.slash = false
		l.comma = false
	}
}

func (l *lexer) brk() {
	l.flush()
	if len(l.toks) > 0 && l.toks[len(l.toks)-1].seg == l.seg {
		l.seg++
	}
}

// lex turns a title into lower-case ASCII words. It keeps the few spellings
// where punctuation is the word: "C#", "C++", ".NET" and "Node.js" become
// csharp, cpp, dotnet and nodejs. Invalid UTF-8 reads as spaces.
func lex(title string) []token {
	if len(title) > maxTitleBytes {
		cut := maxTitleBytes
		for cut > 0 && !utf8.RuneStart(title[cut]) {
			cut--
		}
		title = title[:cut]
	}
	l := lexer{word: make([]byte, 0, 32), toks: make([]token, 0, 16)}
	prevSpace := true
	for i := 0; i < len(title); {
		r, size := utf8.DecodeRuneInString(title[i:])
		i += size
		if r == utf8.RuneError {
			l.flush()
			prevSpace = true
			continue
		}
		if r < utf8.RuneSelf {
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			r = unicode.ToLower(r)
		}
		switch r {
		case '#':
			if w := string(l.word); w == "c" || w == "f" {
				l.word = append(l.word[:0], w+"sharp"...)
				prevSpace = false
				continue
			}
		case '+':
			if string(l.word) == "c" && i < len(title) && title[i] == '+' {
				i++
				l.word = append(l.word[:0], "cpp"...)
				prevSpace = false
				continue
			}
		case '.':
			if hasWordAt(title, i, "net") {
				l.flush()
				l.word = append(l.word, "dotnet"...)
				i += 3
				prevSpace = false
				continue
			}
			if len(l.word) > 0 && hasWordAt(title, i, "js") {
				l.word = append(l.word, "js"...)
				i += 2
				prevSpace = false
				continue
			}
		case '-':
			// A dash between spaces separates parts ("Engineer - Acme"); a
			// dash inside a word joins ("Full-Stack").
			nextSpace := i >= len(title) || title[i] == ' '
			if prevSpace || nextSpace {
				l.brk()
			} else {
				l.flush()
			}
			prevSpace = true
			continue
		}
		if r == '/' || r == '\\' {
			l.flush()
			l.slash = true
			prevSpace = true
			continue
		}
		switch classify(r) {
		case rcWord:
			if r < utf8.RuneSelf {
				l.word = append(l.word, byte(r))
			} else {
				l.word = append(l.word, foldTable[r]...)
			}
			prevSpace = false
		case rcSkip:
		case rcBreak:
			l.brk()
			l.comma = r == ','
			prevSpace = true
		default:
			l.flush()
			prevSpace = true
		}
	}
	l.flush()
	return l.toks
}

// hasWordAt reports whether s holds word (case-insensitively) at i, followed
// by the end or a character that cannot continue a word.
func hasWordAt(s string, i int, word string) bool {
	if i+len(word) > len(s) || !strings.EqualFold(s[i:i+len(word)], word) {
		return false
	}
	j := i + len(word)
	if j == len(s) {
		return true
	}
	c := s[j]
	return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
}

// wordKind is what the lexicon says a single word does before phrases are
// matched.
type wordKind uint8

const (
	wkStop    wordKind = iota + 1 // dropped: "and", "the", "y"
	wkOf                          // dropped, marks the next word as a post-modifier
	wkConnect                     // dropped, starts a new part: "at", "for", "with"
)

// compounds joins words that titles write apart or hyphenated into the one
// spelling the lexicon uses ("back end" -> "backend").
var compounds = map[[2]string]string{
	{"back", "end"}: "backend", {"front", "end"}: "frontend", {"full", "stack"}: "fullstack",
	{"dev", "ops"}: "devops", {"sec", "ops"}: "secops", {"ml", "ops"}: "mlops",
	{"dev", "secops"}: "devsecops", {"word", "press"}: "wordpress", {"java", "script"}: "javascript",
	{"type", "script"}: "typescript", {"data", "base"}: "database", {"data", "bases"}: "databases",
	{"help", "desk"}: "helpdesk", {"web", "site"}: "website", {"game", "dev"}: "gamedev",
	{"sys", "admin"}: "sysadmin", {"sys", "ops"}: "sysops",
	{"gen", "ai"}: "genai", {"react", "js"}: "reactjs",
	{"vue", "js"}: "vuejs", {"node", "js"}: "nodejs", {"next", "js"}: "nextjs", {"nest", "js"}: "nestjs",
	{"team", "lead"}: "teamlead", {"tech", "lead"}: "techlead", {"semi", "senior"}: "semisenior",
	{"semi", "sr"}: "semisenior", {"mid", "level"}: "midlevel", {"entry", "level"}: "entrylevel",
	{"auto", "test"}: "autotest", {"power", "bi"}: "powerbi", {"i", "os"}: "ios", {"q", "a"}: "qa",
}

// prepare lexes a title and applies what needs no phrase lookup: compounds,
// stop words, connectors, plurals, typos and seniority words.
func (r *Resolver) prepare(title string) []token {
	raw := lex(title)
	out := raw[:0]
	ofSeg := -1 // the part in which the last "of" or "de" stood
	segShift := 0
	for i := 0; i < len(raw); i++ {
		t := raw[i]
		t.seg += segShift
		if i+1 < len(raw) && raw[i+1].seg == raw[i].seg {
			if c, ok := compounds[[2]string{t.text, raw[i+1].text}]; ok {
				t.text = c
				i++
			}
		}
		switch r.words[t.text] {
		case wkStop:
			continue
		case wkOf:
			ofSeg = t.seg
			continue
		case wkConnect:
			// Everything after "at", "for" or "with" is a new part.
			segShift++
			ofSeg = -1
			continue
		}
		t.of = ofSeg == t.seg
		ofSeg = -1
		r.correct(&t)
		if isDigits(t.text) {
			continue
		}
		_, t.level = r.levels[t.text]
		out = append(out, t)
	}
	return out
}

// correct maps a word the lexicon does not know to one it does: a plural
// ("Developers") or a typo ("Devloper", "Pyhton", "Andriod") within a small
// edit distance. Short words are left alone, because one slip in them too
// often makes another real word; see fuzzy.go for the bounds.
func (r *Resolver) correct(t *token) {
	if r.known[t.text] {
		return
	}
	if n := len(t.text); n > 3 && t.text[n-1] == 's' && r.known[t.text[:n-1]] {
		t.text = t.text[:n-1]
		return
	}
	if len(t.text) < minFuzzyLen || !isLetters(t.text) {
		return
	}
	if w, ok := r.fuzzy.lookup(t.text); ok {
		t.text = w
		t.fuzzy = true
	}
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}
