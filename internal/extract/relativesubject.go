package extract

// relativeSubjectBefore finds the subject of a cue whose subject is
// followed by a restrictive relative clause, no comma between: "A city
// official who spoke on condition of anonymity said, “…”", "One of the
// witnesses who told the same story but asked not to be named said",
// "Another voter who came with her son and who did not give her name
// said". i is the cue, in lower case, and j the last word before it (and
// its adverbs), no determiner. The words between "who" (or "whose") and
// the cue hold no punctuation, pronoun, subordinator or "that", and the
// phrase before "who" opens its clause — the sentence, or a comma or
// "that" before it — so the object of another verb ("Quill thanked the
// ushers who …") is not taken for the subject. It looks back at most
// relativeReach words.
func (a *analysis) relativeSubjectBefore(i, j int) (source, bool) {
	const relativeReach = 24
	if j < 0 || isUpperStart(a.text[a.toks[i].Begin:a.toks[i].End]) || a.is(j, wcDeterminer) {
		return source{}, false
	}
	si := a.tokSent[j]
	for k := j; k > 0 && j-k < relativeReach; k-- {
		if a.inQuote[k] || a.tokSent[k] != si {
			return source{}, false
		}
		if key := a.toks[k].Key; key == "who" || key == "whose" {
			if k == j || !isBlank(gap(a.text, a.toks, k)) || a.tokSent[k-1] != si || a.inQuote[k-1] {
				return source{}, false
			}
			if a.toks[k-1].Key == "and" || a.toks[k-1].Key == "but" {
				// "… and who did not give her name": an earlier "who"
				// opens the first of the joined clauses.
				k--
				continue
			}
			s, ok := a.npBefore(k - 1)
			if !ok || s.Kind == srcPronoun || !a.opensClause(a.tokenStartingAt(a.phraseBegin(s))) {
				return source{}, false
			}
			return s, true
		}
		if key := a.toks[k].Key; (key == "and" || key == "but") && k < j && a.joinsVerbs(k+1) && isBlank(gap(a.text, a.toks, k)) {
			continue // "who told the story but asked not to be named said"
		}
		if key := a.toks[k].Key; a.is(k, wcPersonPronoun|wcPluralPronoun) || key == "i" || a.is(k, wcSubordinator) && key != "asked" && key != "speaking" || key == "that" || key == "which" || hasMarkOr(gap(a.text, a.toks, k), ",.;:!?()—–") {
			// A clause of its own inside the relative clause ("who
			// gained attention when he yelled", "who helped write a plan
			// that portrayed her"): the cue may be its verb.
			return source{}, false
		}
	}
	return source{}, false
}

// opensClause reports whether token b opens a clause: the first word of
// its sentence, or a word after a comma, a colon or "that".
func (a *analysis) opensClause(b int) bool {
	if b <= 0 || a.tokSent[b-1] != a.tokSent[b] {
		return true
	}
	if hasMarkOr(gap(a.text, a.toks, b), ",:;—–") {
		return true
	}
	return a.toks[b-1].Key == "that" && isBlank(gap(a.text, a.toks, b))
}

// joinsVerbs reports whether token n, after "and" or "but", goes on with
// a verb of the same subject rather than opening a new subject: a
// lower-case word that is no determiner, pronoun or number.
func (a *analysis) joinsVerbs(n int) bool {
	k := a.toks[n].Key
	w := a.text[a.toks[n].Begin:a.toks[n].End]
	return !isUpperStart(w) && !determiners[k] && !personPronouns[k] && !pluralPronouns[k] && !partitives[k] && (w[0] < '0' || w[0] > '9')
}
