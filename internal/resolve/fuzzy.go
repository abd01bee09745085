package resolve

// minFuzzyLen is the shortest word that is corrected for typos. Shorter words
// ("java", "ios", "sql") are one edit away from too many others.
const minFuzzyLen = 5

// maxFuzzyLen bounds the words the corrector looks at; longer ones are not
// job-title vocabulary.
const maxFuzzyLen = 24

// maxEdits allows one edit up to eight letters and two beyond, where a
// second slip ("Developper", "Infrastucture") still leaves the word
// unmistakable.
func maxEdits(n int) int {
	if n >= 9 {
		return 2
	}
	return 1
}

// fuzzyIndex finds vocabulary words within a small edit distance by the
// symmetric-deletion method: every word is stored under each form it takes
// with up to maxEdits letters deleted, so a lookup only generates the
// deletions of the query instead of comparing it with the whole vocabulary.
type fuzzyIndex struct {
	dels map[string][]string
	// alone marks words that mean something by themselves ("engineer"), as
	// opposed to only inside a phrase ("engine" of "Unreal Engine"); they
	// win ties.
	alone map[string]bool
}

func newFuzzyIndex(vocab, alone map[string]bool) fuzzyIndex {
	f := fuzzyIndex{dels: map[string][]string{}, alone: alone}
	for w := range vocab {
		if len(w) < minFuzzyLen || len(w) > maxFuzzyLen || !isLetters(w) {
			continue
		}
		seen := map[string]bool{}
		forDeletions([]byte(w), maxEdits(len(w)), func(d []byte) {
			if s := string(d); !seen[s] {
				seen[s] = true
				f.dels[s] = append(f.dels[s], w)
			}
		})
	}
	return f
}

// forDeletions calls fn with w and every form of w with up to n letters
// deleted (n <= 2). Forms may repeat; fn's slice is only valid during the call.
func forDeletions(w []byte, n int, fn func([]byte)) {
	var buf [maxFuzzyLen]byte
	fn(w)
	for i := range w {
		d1 := append(append(buf[:0], w[:i]...), w[i+1:]...)
		fn(d1)
		if n < 2 {
			continue
		}
		var buf2 [maxFuzzyLen]byte
		for j := range d1 {
			fn(append(append(buf2[:0], d1[:j]...), d1[j+1:]...))
		}
	}
}

// lookup returns the vocabulary word closest to q, preferring the smaller
// distance, then a word that stands alone, then one with the same first
// letter, then the alphabetically first, so the answer never depends on map
// order.
func (f fuzzyIndex) lookup(q string) (string, bool) {
	if len(q) > maxFuzzyLen {
		return "", false
	}
	var best string
	bestD := 99
	limit := maxEdits(len(q))
	forDeletions([]byte(q), limit, func(d []byte) {
		for _, w := range f.dels[string(d)] {
			lim := min(limit, maxEdits(len(w)))
			dist := editDistance(q, w)
			if dist > lim || dist == 0 || len(q) == minFuzzyLen && !swapped(q, w) {
				continue
			}
			if dist < bestD || dist == bestD && f.better(q, w, best) {
				best, bestD = w, dist
			}
		}
	})
	return best, best != ""
}

// swapped reports whether b is a with two neighbouring letters exchanged,
// the only slip trusted in a five-letter word: any other edit of one too
// often lands on a different real word ("Movie" and "movil").
func swapped(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

func (f fuzzyIndex) better(q, w, cur string) bool {
	if f.alone[w] != f.alone[cur] {
		return f.alone[w]
	}
	if (w[0] == q[0]) != (cur[0] == q[0]) {
		return w[0] == q[0]
	}
	return w < cur
}

// editDistance is the optimal-string-alignment distance: insertions,
// deletions, substitutions and swaps of neighbouring letters ("Pyhton") each
// cost one.
func editDistance(a, b string) int {
	if len(a) > maxFuzzyLen || len(b) > maxFuzzyLen {
		return 99
	}
	var rows [3][maxFuzzyLen + 1]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
