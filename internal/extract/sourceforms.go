package extract

import (
	"strings"
	"unicode"

	"github.com/echotrace/echotrace/internal/doc"
)

// Source phrases that news uses beyond the plain noun phrases of
// speakers.go: a relative pronoun standing for the name before it ("…,
// who said"), the writer's "I" and an organisation's or document's "it",
// descriptions by party and place ("said a Vermont Republican"), by age
// ("said the 63-year-old"), and names preceded by a place and a role
// ("said Dakota delegate Tom Reyes").

// writerPronouns name a source that is no person named in the text: the
// writer ("I said") or an organisation or document ("it said"). They
// are never resolved to a name.
var writerPronouns = set(`i it`)

// relativePronouns stand for the noun phrase before them ("Ann Roe, who
// said", "the report, which notes").
var relativePronouns = set(`who which`)

// pronounSourceBefore parses a pronoun subject at token e that
// personPronouns and pluralPronouns do not cover: "I" and "it", and a
// relative pronoun, whose source is its antecedent (the mention stays the
// pronoun, the name is the antecedent's).
func (a *analysis) pronounSourceBefore(e int) (source, bool) {
	t := a.toks[e]
	k := t.Key
	span := doc.Span{Begin: t.Begin, End: t.End}
	if writerPronouns[k] {
		if k == "i" && (a.text[t.Begin:t.End] != "I" || !a.nextToQuotation(e)) {
			// The writer is a source only next to what they quote
			// ("“…,” I said", "I said: “…”"); elsewhere "I think" is
			// mostly a transcript's speaker, named elsewhere.
			return source{}, false
		}
		if k == "it" && !a.speechCueAfter(e) {
			// "it’s unrealistic to think": an organisation or document
			// says, writes or reads; it does not think.
			return source{}, false
		}
		return source{Span: span, Kind: srcOrgRole, Run: -1, Head: k}, true
	}
	if !relativePronouns[k] || e == 0 {
		return source{}, false
	}
	// The antecedent ends right before the pronoun, after a comma or a
	// space ("Odo Frayne, who lamented", "this tweet from Ann Roe who
	// wrote").
	g := strings.TrimSpace(gap(a.text, a.toks, e))
	if g != "," && g != "" || a.inQuote[e-1] || a.tokSent[e-1] != a.tokSent[e] {
		return source{}, false
	}
	p := e - 1
	// "Sen. Ann Roe (R-Fla.), who said": skip the parenthesis.
	if strings.HasSuffix(strings.TrimSpace(gap(a.text, a.toks, e)), ")") || strings.HasPrefix(strings.TrimLeft(a.text[a.toks[p].End:t.Begin], " "), ")") {
		if o := a.parenthesisOpen(p); o > 0 {
			p = o - 1
		}
	}
	ant, ok := a.npBefore(p)
	if !ok || ant.Kind == srcName && ant.Type == Place {
		return source{}, false
	}
	if k == "who" && ant.Kind == srcName && ant.Type == Org {
		return source{}, false // "who" stands for people
	}
	ant.Span = span
	return ant, true
}

// describedSourceAfter parses a source after its cue that is named by a
// description with capitalised words or an age: a determiner, then
// names and modifiers, ending in a party or people ("a Vermont Republican",
// "another Ohio Democrat", "one Maine Democrat") or an age
// ("the 63-year-old"). An indefinite description is someone new, never
// resolved; a definite one refers back like a role.
func (a *analysis) describedSourceAfter(b int) (source, bool) {
	k := a.toks[b].Key
	if !determiners[k] || k == "that" || k == "this" || k == "these" || k == "those" {
		return source{}, false
	}
	indefinite := k != "the"
	end := -1
	for j := b + 1; j < len(a.toks) && j <= b+6; j++ {
		g := gap(a.text, a.toks, j)
		if !isBlank(g) && !(g == "-" && j > b+1) {
			break
		}
		if a.inQuote[j] || a.tokSent[j] != a.tokSent[b] {
			break
		}
		w := a.text[a.toks[j].Begin:a.toks[j].End]
		kj := a.toks[j].Key
		if a.isAgeAt(j) {
			end = j + 2 // N - year - old
			break
		}
		if !isUpperStart(w) {
			if !isModifier(kj, w) || determiners[kj] {
				break
			}
			continue
		}
		if demonyms[kj] || demonyms[singular(kj)] {
			end = j
			// "a Vermont Republican", not "a Democratic senator": the
			// party is the head only when nothing lower-case follows.
			if j+1 < len(a.toks) && isBlank(gap(a.text, a.toks, j+1)) && a.tokSent[j+1] == a.tokSent[j] {
				if nw := a.text[a.toks[j+1].Begin:a.toks[j+1].End]; !isUpperStart(nw) && isDescriptionHead(a.toks[j+1].Key, nw) {
					end = -1
				}
			}
		}
	}
	if end < 0 || end >= len(a.toks) {
		return source{}, false
	}
	kind := srcRole
	if indefinite {
		kind = srcPlural // someone new: never resolved to a name
	}
	return source{Span: doc.Span{Begin: a.toks[b].Begin, End: a.toks[end].End}, Kind: kind, Run: -1, Head: a.toks[end].Key}, true
}

// isAgeAt reports whether tokens j… spell an age used as a noun:
// "63-year-old".
func (a *analysis) isAgeAt(j int) bool {
	if j+2 >= len(a.toks) {
		return false
	}
	k := a.toks[j].Key
	for _, r := range k {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	if a.toks[j+1].Key != "year" || a.toks[j+2].Key != "old" {
		return false
	}
	return gap(a.text, a.toks, j+1) == "-" && gap(a.text, a.toks, j+2) == "-"
}

// describedNameAfter finds the person's name that a few describing words
// introduce after a cue: lower-case modifiers and names of places,
// parties or organisations, possessives included ("former Sen. Evan
// Bayh", "longtime adviser Ann Oyler", "Dakota delegate Tom Reyes",
// "Oregon’s Ann Wick"). It returns the token where the name's run
// begins, or -1.
func (a *analysis) describedNameAfter(b int) int {
	for j := b; j < len(a.toks) && j <= b+6; j++ {
		// "Dover-based strategist X": a hyphen joins a lower-case word to
		// the name before it in one modifier.
		if j > b && !isBlank(gap(a.text, a.toks, j)) && !(gap(a.text, a.toks, j) == "-" && !isUpperStart(a.text[a.toks[j].Begin:a.toks[j].End])) {
			return -1
		}
		if ri := a.runAt[j]; ri >= 0 {
			r := a.runs[ri]
			if r.First != j {
				return -1
			}
			if r.Type == Person && j > b {
				return j
			}
			// "said retired neurosurgeon Ben Carson, asked …": a name of
			// two words or more that ends the phrase, its type unknown,
			// is the person the words before it describe.
			if r.Type == Unknown && !r.None && r.Last > r.First && r.NameFirst == r.First && j > b && (r.Last+1 >= len(a.toks) || !isBlank(gap(a.text, a.toks, r.Last+1))) {
				return j
			}
			// A place, party, organisation or person describing the
			// person, possibly in the possessive ("Oregon’s", "Harlow
			// campaign manager Ann Oyler").
			if r.Last+1 >= len(a.toks) {
				return -1
			}
			j = r.Last
			if n := j + 1; n+1 < len(a.toks) && a.toks[n].Key == "s" && (gap(a.text, a.toks, n) == "’" || gap(a.text, a.toks, n) == "'") {
				j = n
			} else if r.Type == Person && strings.HasSuffix(a.toks[n].Key, "ed") {
				// "Ada Quill attacked Odo Vane": a past tense after a
				// person's name is their verb, not a word describing
				// the next name.
				return -1
			}
			continue
		}
		k := a.toks[j].Key
		// "former secretary of state Ada Quill": an office in lower case
		// with its "of".
		if k == "of" && j > b && a.is(j-1, wcRoleNoun) && j+1 < len(a.toks) && isBlank(gap(a.text, a.toks, j+1)) && !a.is(j+1, wcDeterminer) && !isUpperStart(a.text[a.toks[j+1].Begin:a.toks[j+1].End]) {
			j++ // the office's field, whatever word it is ("state")
			continue
		}
		if determiners[k] || !isModifier(k, a.text[a.toks[j].Begin:a.toks[j].End]) {
			return -1
		}
	}
	return -1
}

// isCueNoun reports whether a cue word can be a noun that names what
// speaks ("report", "statement", "post", "tweet"): a lower-case base or
// plural form, not a participle.
func isCueNoun(k, w string) bool {
	return cueVerbs[k] && !isUpperStart(w) && len(k) > 3 && !strings.HasSuffix(k, "ed") && !strings.HasSuffix(k, "ing")
}

// isRelativeMention reports whether a source is mentioned by a relative
// pronoun ("which notes"): what follows it is a verb.
func (a *analysis) isRelativeMention(s source) bool {
	t := a.tokenStartingAt(s.Span.Begin)
	return t < len(a.toks) && a.toks[t].End == s.Span.End && relativePronouns[a.toks[t].Key]
}

// nextToQuotation reports whether the subject at token e follows a
// quotation ("“…,” I said") or its clause introduces one within a few
// words with a colon or comma ("I said: “…”").
func (a *analysis) nextToQuotation(e int) bool {
	if a.afterClosingQuote(a.toks[e].Begin) {
		return true
	}
	for j := e + 1; j < len(a.toks) && j <= e+3; j++ {
		if a.inQuote[j] {
			g := strings.TrimRight(gap(a.text, a.toks, j), " \u00a0\"“'‘")
			return strings.HasSuffix(g, ":") || strings.HasSuffix(g, ",")
		}
		if g := gap(a.text, a.toks, j); strings.ContainsAny(g, ".;!?") {
			return false
		}
	}
	return false
}

// cognitionCues are cue verbs of thinking and feeling, said of people.
var cognitionCues = set(`think thinks thought believe believes believed hope hopes hoped fear fears feared
	worry worries worried wonder wonders wondered reckon reckons reckoned regret regrets regretted
	speculate speculates speculated surmise surmises surmised theorize theorizes theorized muse muses mused`)

// speechCueAfter reports whether the word right after token e is a cue
// of speaking or writing ("it said", "it reads"), not of thinking.
func (a *analysis) speechCueAfter(e int) bool {
	n := e + 1
	return n < len(a.toks) && isBlank(gap(a.text, a.toks, n)) && (a.is(n, wcCueVerb) && !cognitionCues[a.toks[n].Key] || a.inscriptionCue(n))
}

// personFrom parses "NAME of PLACE", "NAME from PLACE" or "NAME of (the)
// BODY" whose preposition is token p and which runs to byte end ("Jed
// Marrin of Florida", "Ann Roe from Dover", "Ada Quill of the Harbour
// Institute", "Odo Vane of The Tide"): the person's name, where they
// come from or work included in the mention. The body alone (any name
// but a person's, whatever its type) is no subject: the person before
// it speaks.
func (a *analysis) personFrom(p, end int) (source, bool) {
	k := a.toks[p].Key
	if k != "of" && k != "from" || p+1 >= len(a.toks) {
		return source{}, false
	}
	q := p + 1
	if a.toks[q].Key == "the" && q+1 < len(a.toks) && isBlank(gap(a.text, a.toks, q+1)) {
		q++
	}
	place := a.runAt[q]
	if place < 0 || a.runs[place].First != q || a.runs[place].Type == Person || a.runs[place].None || a.toks[a.runs[place].Last].End != end {
		return source{}, false
	}
	ri := a.runAt[p-1]
	if ri < 0 || a.runs[ri].Last != p-1 || a.runs[ri].Type != Person || a.runs[ri].NameFirst > a.runs[ri].Last {
		return source{}, false
	}
	r := a.runs[ri]
	return source{Span: doc.Span{Begin: a.toks[r.NameFirst].Begin, End: end}, Kind: srcName, Run: ri, Type: Person}, true
}

// roleOfWord reports whether token j is one lower-case word after "of"
// that follows a role noun ("secretary of state", "chief of staff").
func (a *analysis) roleOfWord(j int) bool {
	w := a.text[a.toks[j].Begin:a.toks[j].End]
	return j >= 2 && a.toks[j-1].Key == "of" && isBlank(gap(a.text, a.toks, j)) && isBlank(gap(a.text, a.toks, j-1)) &&
		!isUpperStart(w) && isWordKey(a.toks[j].Key) && a.is(j-2, wcRoleNoun)
}

// endsRoleOf reports whether the token before b is "of" or the word
// after it in a role with one word after "of" that ends at e or before
// "and" ("secretary of state said", "secretary of state and …").
func (a *analysis) endsRoleOf(b, e int) bool {
	w := b - 1
	if a.toks[w].Key == "of" {
		w = b
	}
	return w <= e && a.roleOfWord(w) && (w == e || isBlank(gap(a.text, a.toks, w+1)) && a.toks[w+1].Key == "and")
}

// isWordKey reports whether k is a content word of letters only.
func isWordKey(k string) bool {
	if len(k) < 2 || functionWords[k] || prepositions[k] || determiners[k] {
		return false
	}
	for _, r := range k {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// joinedDescriptionBefore parses a description ending at head e whose
// modifiers are joined once by "and" or by a comma, opened by a
// determiner: "the independent Vermont senator and party candidate",
// "the bespectacled, 71-year-old diplomat" — one person described
// twice; its head is a role. Without the determiner the words may be a
// list or the end of another clause, so none is taken.
func (a *analysis) joinedDescriptionBefore(e int) (source, bool) {
	k := a.toks[e].Key
	if !isDescriptionHead(k, a.text[a.toks[e].Begin:a.toks[e].End]) && !a.roleOfWord(e) {
		return source{}, false
	}
	if !roleNouns[k] && !roleNouns[singular(k)] && !a.roleOfWord(e) {
		return source{}, false // a person's role heads it: "the biggest and least" is no one
	}
	joined := false
	for b, i := e, 0; b > 0 && i < 10; i++ {
		if d := a.dottedAbbreviationBefore(b); d >= 0 {
			b = d // "U.S. senator"
			continue
		}
		g := gap(a.text, a.toks, b)
		pk := a.toks[b-1].Key
		pw := a.text[a.toks[b-1].Begin:a.toks[b-1].End]
		if a.inQuote[b-1] {
			return source{}, false
		}
		switch {
		case isBlank(g) && a.endsRoleOf(b, e):
			// "the former secretary of state and current nominee":
			// a role with one word after "of" ends a conjunct.
		case isBlank(g) && determiners[pk] && pk != "that":
			// The object of a preposition is no subject.
			if !joined || b >= 2 && a.is(b-2, wcPreposition) && isBlank(gap(a.text, a.toks, b-1)) {
				return source{}, false
			}
			return source{Span: doc.Span{Begin: a.toks[b-1].Begin, End: a.toks[e].End}, Kind: srcOrgRole, Run: -1, Head: k}, true
		case !joined && isBlank(g) && pk == "and" && b >= 2 && (isDescriptionHead(a.toks[b-2].Key, a.text[a.toks[b-2].Begin:a.toks[b-2].End]) || a.roleOfWord(b-2)):
			joined = true
		case !joined && strings.TrimSpace(g) == "," && b < e && !isUpperStart(pw) && isModifier(pk, pw):
			joined = true
		case !isBlank(g) && g != "-" || !isModifier(pk, pw):
			return source{}, false
		}
		b--
	}
	return source{}, false
}
