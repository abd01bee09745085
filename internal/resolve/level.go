package resolve

import "github.com/hirebase/hirebase/internal/hirebase"

// levelOf returns the seniority a title states, or "" when it states none.
// A title naming two tiers ("Junior/Middle", "Middle/Senior", "Senior\Regular")
// gets the lower one: the posting is open to that tier, and promising the
// higher one would overstate what the client asked for.
func levelOf(toks []token, levels map[string]hirebase.LevelKey) hirebase.LevelKey {
	var level hirebase.LevelKey
	for _, t := range toks {
		if !t.level {
			continue
		}
		l := levels[t.text]
		if level == "" || l.Rank() < level.Rank() {
			level = l
		}
	}
	return level
}
