package resolve

// stackMask is what a technology says about the layers of the stack.
const stackMask = fFront | fBack | fJSLang | fNode

// stackOf returns the layer flags of a technology, none for a role word:
// "Frontend" is a role, React a technology the combination rules may pair.
func stackOf(e *entry) modFlag {
	if e.kind != mTech {
		return 0
	}
	return e.flags & stackMask
}

// weighTail reads the title as a whole when its head is weak. Parentheses
// and the words after a dash count less than the head, but when the head
// names only a technology or a bare generic noun, the technology named
// anywhere else is evidence of the same kind and may decide:
//   - a front-end and a back-end technology anywhere in the title make a
//     full-stack developer ("JavaScript Developer (React/Node.js)");
//   - a stronger technology outside the head wins over a language or a
//     framework in it ("Python Engineer (Airflow)", "PHP Developer
//     (WordPress)").
//
// A role word in the head keeps the head ("Backend Engineer (Airflow)"), and
// a field named outside it does not count ("JavaScript Developer for an AI
// startup"), because it usually describes the company, not the job. The
// one role word that yields is a layer: it gives way to an ecosystem named
// in another group of the title, as it does to one in its own group, so a
// "Backend Developer (WordPress)" is a WordPress developer.
func (r *Resolver) weighTail(cs, all []cand) []cand {
	if len(cs) == 0 || cs[0].tail {
		return cs
	}
	top := cs[0]
	if top.layer {
		for _, c := range all {
			if c.platform && c.role != top.role && c.group != top.group {
				c.strength = top.strength
				return promote(cs, c)
			}
		}
		return cs
	}
	for _, c := range all {
		if !c.tail && !c.tech && c.strength > sGeneric {
			return cs // the head names a role
		}
	}
	if fs, ok := r.fullStackOf(top, all); ok {
		return promote(cs, fs)
	}
	best := -1
	for i, c := range all {
		if c.tail && c.tech && c.raw >= sFramework && c.raw > top.strength && (best < 0 || c.raw > all[best].raw) {
			best = i
		}
	}
	if best < 0 {
		return cs
	}
	c := all[best]
	c.strength = c.raw
	return promote(cs, c)
}

// fullStackOf pairs the front-end and back-end technologies of the whole
// title when the head's own evidence is one layer's technology or nothing
// specific. JavaScript or TypeScript with only Node.js stays back end.
func (r *Resolver) fullStackOf(top cand, all []cand) (cand, bool) {
	slug := r.slugs[top.role]
	if slug != rFrontEnd && slug != rBackEnd && slug != rFullStack {
		return cand{}, false
	}
	var fe, be float64
	var feText, beText string
	feOnlyJS, beOnlyNode := true, true
	for _, c := range all {
		if !c.tech || c.raw < sLanguage || c.stack&(fFront|fBack) == 0 {
			continue
		}
		if c.stack&fFront != 0 {
			if c.raw > fe {
				fe, feText = c.raw, c.matched
			}
			feOnlyJS = feOnlyJS && c.stack&fJSLang != 0
		}
		if c.stack&fBack != 0 {
			if c.raw > be {
				be, beText = c.raw, c.matched
			}
			beOnlyNode = beOnlyNode && c.stack&fNode != 0
		}
	}
	if fe == 0 || be == 0 || feOnlyJS && beOnlyNode || slug == rFullStack && top.strength >= max(fe, be) {
		return cand{}, false
	}
	return cand{role: r.roleIndex[rFullStack], strength: max(fe, be) + 0.25, matched: feText + " + " + beText,
		tech: true}, true
}
