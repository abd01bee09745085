package resolve

import "sort"

// evalPart reads one part of a title. Each noun gathers its modifiers into a
// group: an English noun takes the words before it ("Senior Data Engineer"),
// a Spanish or Portuguese noun, or one followed by "of"/"de", the words
// after it ("Ingeniero de Datos", "Head of Data"); leftovers join the
// nearest noun ("Team Lead DevOps (AWS)"). A part without a noun is one group
// ("Sr. DevOps", "React Native app"). It returns the evidence of every group
// and whether a group was stopped by a non-tech word.
func (r *Resolver) evalPart(part []term, group *int) (cs []cand, stopped bool) {
	var nounAt []int
	for i, t := range part {
		if t.e.noun {
			nounAt = append(nounAt, i)
		}
	}
	if len(nounAt) == 0 {
		mods := make([]int, 0, len(part))
		for i := range part {
			mods = append(mods, i)
		}
		gc, stop := r.evalGroup(part, -1, mods)
		*group++
		for i := range gc {
			gc[i].group = *group
		}
		return gc, stop
	}

	owner := make([]int, len(part))
	for i := range owner {
		owner[i] = -1
	}
	for _, n := range nounAt {
		owner[n] = n
	}
	for _, n := range nounAt {
		if part[n].e.post || n+1 < len(part) && !part[n+1].e.noun && part[n+1].of {
			for j := n + 1; j < len(part) && !part[j].e.noun; j++ {
				if owner[j] < 0 {
					owner[j] = n
				}
			}
		}
	}
	for _, n := range nounAt {
		if part[n].e.post {
			continue
		}
		for j := n - 1; j >= 0 && !part[j].e.noun; j-- {
			if owner[j] < 0 {
				owner[j] = n
			}
		}
	}
	for j := range part {
		if owner[j] >= 0 {
			continue
		}
		best := -1
		for _, n := range nounAt {
			if best < 0 || abs(n-j) < abs(best-j) {
				best = n
			}
		}
		owner[j] = best
	}

	for k, n := range nounAt {
		var mods []int
		for j := range part {
			if owner[j] == n && j != n {
				mods = append(mods, j)
			}
		}
		gc, stop := r.evalGroup(part, n, mods)
		*group++
		for i := range gc {
			gc[i].group = *group
			if k+1 < len(nounAt) && part[n].e.class == cLead && gc[i].role == part[n].e.role &&
				!slashBetween(part, n, nounAt[k+1]) && part[nounAt[k+1]].e.class != cLead {
				// "Team Lead Full Stack Developer" is a full-stack developer
				// who leads, as "Lead Data Engineer" is a data engineer; the
				// lead role stays as a fallback ("Tech Lead Engineer").
				gc[i].strength = sInfra
			}
		}
		stopped = stopped || stop
		cs = append(cs, gc...)
	}
	return cs, stopped
}

// evalGroup weighs a noun (n < 0 for none) and its modifiers. The strongest
// evidence wins, and among equals the modifier nearest the noun: in "Mobile
// QA Engineer" it is QA, in "Frontend / Full Stack Engineer" full stack.
func (r *Resolver) evalGroup(part []term, n int, mods []int) ([]cand, bool) {
	class := cNone
	var noun *term
	if n >= 0 {
		noun = &part[n]
		class = noun.e.class
	}
	if class == cNonTech {
		// "Accountant (SAP)", "Recruiter (IT, Python)": a job outside the
		// catalog, whatever technology surrounds it.
		return nil, true
	}
	var cs []cand
	add := func(c cand) {
		cs = append(cs, c)
	}
	if noun != nil && noun.e.role >= 0 {
		add(cand{role: noun.e.role, strength: noun.e.strength, matched: noun.e.text, fuzzy: noun.fuzzy})
		if noun.e.also >= 0 {
			add(cand{role: noun.e.also, strength: noun.e.strength - 1.5, matched: noun.e.text, fuzzy: noun.fuzzy})
		}
	}
	// Full stack and mobile by combination: the best front-end and back-end
	// evidence of the group, kept apart for role words and technologies.
	var fe, be, feTech, beTech float64
	var feText, beText, feTechText, beTechText string
	feOnlyJS, beOnlyNode := true, true
	var hasIOS, hasAndroid bool
	for _, j := range mods {
		m := part[j]
		role := m.e.roles[class]
		if role == noRole {
			continue
		}
		dist := 0
		if noun != nil {
			if j < n {
				dist = noun.start - m.end
			} else {
				dist = m.start - noun.end
			}
		} else {
			// Without a noun the last word is the head, as in any English
			// compound: "Mobile Games" is games, "Embedded Systems QA" is QA.
			dist = part[mods[len(mods)-1]].start - m.start
		}
		text := m.e.text
		if noun != nil && j < n {
			text = m.e.text + " " + noun.e.text
		} else if noun != nil {
			// Spanish and Portuguese put the modifier after the noun.
			text = noun.e.text + " " + m.e.text
		}
		tech := m.e.kind == mTech
		add(cand{role: role, strength: m.e.strength, dist: dist, matched: text, fuzzy: m.fuzzy || noun != nil && noun.fuzzy,
			tech: tech, layer: m.e.flags&fLayer != 0, platform: tech && m.e.strength == sPlatform, stack: stackOf(m.e)})
		if role == blocked {
			continue
		}
		if m.e.also >= 0 {
			add(cand{role: m.e.also, strength: m.e.strength - 1.5, dist: dist, matched: text, tech: tech})
		}
		f := m.e.flags
		switch {
		case f&fFront != 0 && tech:
			if m.e.strength > feTech {
				feTech, feTechText = m.e.strength, m.e.text
			}
			feOnlyJS = feOnlyJS && f&fJSLang != 0
		case f&fFront != 0:
			fe, feText = m.e.strength, m.e.text
		case f&fBack != 0 && tech:
			if m.e.strength > beTech {
				beTech, beTechText = m.e.strength, m.e.text
			}
			beOnlyNode = beOnlyNode && f&fNode != 0
		case f&fBack != 0:
			be, beText = m.e.strength, m.e.text
		}
		hasIOS = hasIOS || f&fIOS != 0
		hasAndroid = hasAndroid || f&fAndroid != 0
	}
	if len(cs) == 0 {
		return nil, false
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].strength != cs[j].strength {
			return cs[i].strength > cs[j].strength
		}
		return cs[i].dist < cs[j].dist
	})
	top := cs[0]
	if top.role == blocked {
		return nil, true
	}
	if top.layer && noun != nil {
		// A layer ("Full-stack", "Backend") says less than the ecosystem the
		// work is in: a "Full-stack WordPress Engineer" is a WordPress
		// developer, an "SAP Frontend Developer" an ERP one. A list of
		// technologies without a noun ("Fullstack PHP + WordPress") is not.
		for i, c := range cs {
			if c.platform {
				cs[0].strength, cs[i].strength = cs[i].strength, cs[0].strength
				cs[0], cs[i] = cs[i], cs[0]
				top = cs[0]
				break
			}
		}
	}
	// Drop blockers that lost, and the generic guess when anything more
	// specific was found.
	out := cs[:0]
	for i, c := range cs {
		if c.role != blocked && (i == 0 || c.strength > sGeneric) {
			out = append(out, c)
		}
	}
	cs = out

	// "React + Node.js Developer" is full stack, as is "Frontend/Backend
	// Developer"; "Backend Developer (React)" is not, because the role word
	// outranks the technology. TypeScript with Node.js stays back end.
	slug := r.slugs[top.role]
	switch {
	case !top.tech && fe > 0 && be > 0 && (slug == rFrontEnd || slug == rBackEnd):
		cs = append([]cand{{role: r.roleIndex[rFullStack], strength: top.strength + 0.25,
			matched: feText + " + " + beText}}, cs...)
	case top.tech && feTech > 0 && beTech > 0 && !(feOnlyJS && beOnlyNode) &&
		(slug == rFrontEnd || slug == rBackEnd):
		cs = append([]cand{{role: r.roleIndex[rFullStack], strength: max(feTech, beTech) + 0.25,
			matched: feTechText + " + " + beTechText, tech: true, stack: fFront | fBack}}, cs...)
	case !top.tech && hasIOS && hasAndroid && (slug == rIOS || slug == rAndroid):
		cs = append([]cand{{role: r.roleIndex[rMobile], strength: top.strength + 0.25,
			matched: "ios + android"}}, cs...)
	}
	return cs, false
}

// slashBetween reports whether a slash separates terms i and j of a part.
func slashBetween(part []term, i, j int) bool {
	for k := i + 1; k <= j; k++ {
		if part[k].alt {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
