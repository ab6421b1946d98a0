package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/normalize"
)

// srcKind says how a source is named in the text.
type srcKind uint8

const (
	srcName    srcKind = iota + 1 // a capitalised name
	srcPronoun                    // he, she, он, …
	srcRole                       // the expert, RT's interlocutor, the head of …
	srcPlural                     // journalists, sources, they: several, never one name
	srcOrgRole                    // the newspaper, the ministry
)

// source is the mention that names or refers to who said something.
type source struct {
	Span doc.Span
	Kind srcKind
	Run  int // index of the name run for srcName, else -1
	Head string
	Name string // resolved name, "" when unknown
	Type EntityType
}

// attribution ties a source to a cue word and (after findContent) to
// what was said.
type attribution struct {
	Cue      doc.Span
	CueTok   int
	Src      source
	Pre      bool // source and cue come before the content
	Parenth  bool // ", he notes," inside the sentence it attributes
	Passive  bool // the source follows the cue and what was said follows the source: "voiced by X", "Said X, “…”"
	Accord   bool // "according to X"
	Sentence int
	Content  doc.Span
	Quote    int // index of the adjacent quotation, -1 when none
	Block    bool
	Fixed    bool // the content was set where the cue was found (naming verbs, headlines)
	Nested   bool // the cue stands inside another claim's content: no claim of its own
	Label    bool // a transcript's speaker label ("PENCE:") opening the paragraph
}

// analysis holds what extraction knows about one document while it works.
type analysis struct {
	text     string
	toks     []normalize.Token
	tokIndex tokenIndex // the token at a byte offset (tokenStartingAt, tokenAt)
	paras    []doc.Span
	quotes   []rawQuote
	qspans   []doc.Span // quotation content spans (marks included), top level
	sents    []doc.Span
	tokSent  []int
	starts   []bool
	runs     []nameRun
	runAt    []int // token -> run index, -1
	inQuote  []bool
	class    []wordClass  // token -> the word lists its key is in (wordclass.go)
	wordID   []int32      // token -> number of its key among the document's distinct keys
	words    int          // how many distinct keys
	keyHash  []uint64     // key number -> its keyHash
	lower    lowerCase    // whether the document writes a token's word in lower case anywhere
	titles   []titleCount // counts of isTitleCase's words before each token (analyse)
	scratch  *scratch     // where the per-token tables come from and go back to (scratch.go)
	gaz      *Gazetteer
	people   *people
	attrs    []attribution
	top      topQuotes  // the top-level quotations, indexed by position
	blocks   blockSpans // statements attributed as blocks so far
}

// npBefore parses the noun phrase that ends at token e and is the subject
// of a verb after it.
func (a *analysis) npBefore(e int) (source, bool) {
	if e < 0 {
		return source{}, false
	}
	t := a.toks[e]
	k := t.Key
	word := a.text[t.Begin:t.End]
	if personPronouns[k] && k != "him" && k != "her" {
		return source{Span: doc.Span{Begin: t.Begin, End: t.End}, Kind: srcPronoun, Run: -1, Head: k}, true
	}
	if pluralPronouns[k] {
		return source{Span: doc.Span{Begin: t.Begin, End: t.End}, Kind: srcPlural, Run: -1, Head: k}, true
	}
	if s, ok := a.pronounSourceBefore(e); ok {
		return s, true
	}
	if ri := a.runAt[e]; ri >= 0 && a.runs[ri].Last == e {
		r := a.runs[ri]
		if r.None {
			// "a spokesman for committee Democrats said": a people or
			// party after a preposition completes the role before it.
			if p := a.prepositionBefore(r.First); p > 0 {
				if rs, ok := a.headBeforePreposition(p, t.End); ok {
					return rs, true
				}
			}
			if s, ok := a.demonymSource(r); ok {
				return s, true
			}
			return a.kindNameSource(r)
		}
		if r.NameFirst > r.Last {
			// Only titles ("the MP"): a role.
			return a.roleBefore(e)
		}
		// "the head of the French Foreign Ministry": a role described
		// by the organisation it belongs to.
		if r.First >= 2 && r.Type != Person {
			p := r.First - 1
			if a.is(p, wcDeterminer) && p > 0 {
				p--
			}
			if a.toks[p].Key == "of" && p > 0 && a.is(p-1, wcRoleNoun) {
				if rs, ok := a.roleBefore(p - 1); ok {
					rs.Span.End = a.toks[e].End
					return rs, true
				}
			}
		}
		if r.First > 0 && isBlank(gap(a.text, a.toks, r.First)) {
			pk := a.toks[r.First-1].Key
			// "a spokesman for Disney said": the subject is the role the
			// name completes.
			if prepositions[pk] && !subordinators[pk] && r.First >= 2 && isBlank(gap(a.text, a.toks, r.First-1)) {
				if rs, ok := a.headBeforePreposition(r.First-1, a.toks[e].End); ok {
					return rs, true
				}
			}
			// "sources close to X claim": X is not the subject. "the
			// Ukrainian state": a person's name takes no article; "a
			// Washington think tank": after "a" a name is a modifier.
			// But a capitalised office with "of" before a person's name
			// is a title ("Secretary of State John Kerry said").
			// "the White House said", "the Elysee said": a name of two
			// capitalised words after "the" that speaks is no person's
			// but a seat standing for the body in it.
			// "Ada Quill of the Harbour Institute said": the person.
			if pk == "the" && r.First >= 3 && isBlank(gap(a.text, a.toks, r.First-1)) {
				if s, ok := a.personFrom(r.First-2, t.End); ok {
					return s, true
				}
			}
			if pk == "the" && a.seatSpeaks(r, e) {
				a.runs[ri].Type = Org
				r = a.runs[ri]
			}
			// "so heated that Ada Quill said, “…”": "that" before a name
			// whose cue introduces a quotation is the conjunction opening
			// the clause, not a demonstrative (nor the relative pronoun of
			// "the plan that Quill posted", whose verb has its object).
			if prepositions[pk] && !subordinators[pk] && !a.officeOfBefore(r) || determiners[pk] && !(pk == "that" && a.verbGroupIntroducesQuote(e+1)) && r.Type != Org && r.Type != Place && !theTitled(pk, r) || pk == "a" || pk == "an" {
				return source{}, false
			}
		}
		b := a.toks[r.NameFirst].Begin
		return source{Span: doc.Span{Begin: b, End: t.End}, Kind: srcName, Run: ri, Type: r.Type}, true
	}
	if isUpperStart(word) && !roleNouns[k] && !plurals(k) {
		return source{}, false
	}
	if rs, ok := a.roleBefore(e); ok {
		return rs, true
	}
	if s, ok := a.descriptionBefore(e); ok {
		return s, true
	}
	return a.joinedDescriptionBefore(e)
}

// descriptionBefore parses a noun phrase that names a source by
// description, ending at its head noun e: a determiner or possessive,
// up to four modifiers and the head ("the narrator", "the CNN host",
// "Clinton's campaign", "the report"), or a bare plural at the start of
// its clause ("participants said"). Such a source is never resolved to
// a person's name.
func (a *analysis) descriptionBefore(e int) (source, bool) {
	k := a.toks[e].Key
	w := a.text[a.toks[e].Begin:a.toks[e].End]
	// "the report said", "the statement notes": a cue word is a noun
	// after a determiner (only then: no bare plural below).
	nounCue := !isDescriptionHead(k, w) && isCueNoun(k, w)
	if !isDescriptionHead(k, w) && !nounCue {
		return source{}, false
	}
	b := e
	for i := 0; i < 5 && b > 0; i++ {
		g := gap(a.text, a.toks, b)
		pk := a.toks[b-1].Key
		if isBlank(g) && determiners[pk] && pk != "that" {
			src := source{Span: doc.Span{Begin: a.toks[b-1].Begin, End: a.toks[e].End}, Kind: srcOrgRole, Run: -1, Head: k}
			// "the foreign ministers of the Baltic countries", "some
			// delegates at the convention": the head is before the
			// preposition; the object of a preposition is no subject.
			if b >= 2 && a.is(b-2, wcPreposition) && !a.is(b-2, wcSubordinator) && isBlank(gap(a.text, a.toks, b-1)) {
				if outer, ok := a.headBeforePreposition(b-2, src.Span.End); ok {
					return outer, true
				}
				return source{}, false
			}
			return src, true
		}
		if isBlank(g) && pk == "s" && b >= 2 && (gap(a.text, a.toks, b-1) == "’" || gap(a.text, a.toks, b-1) == "'") {
			p := b - 2
			if ri := a.runAt[p]; ri >= 0 {
				p = a.runs[ri].First
			}
			if p > 0 && isBlank(gap(a.text, a.toks, p)) && a.is(p-1, wcDeterminer) {
				p-- // "the paper's editorial board"
			}
			if p >= 2 && a.toks[p-1].Key == "of" && partitives[a.toks[p-2].Key] && isBlank(gap(a.text, a.toks, p)) && isBlank(gap(a.text, a.toks, p-1)) {
				// "one of Trump's advisers"
				return source{Span: doc.Span{Begin: a.toks[p-2].Begin, End: a.toks[e].End}, Kind: srcPlural, Run: -1, Head: k}, true
			}
			return source{Span: doc.Span{Begin: a.toks[p].Begin, End: a.toks[e].End}, Kind: srcOrgRole, Run: -1, Head: k}, true
		}
		// A hyphen joins the words of one modifier ("union-backed").
		if !isBlank(g) && g != "-" || a.inQuote[b-1] || !isModifier(pk, a.text[a.toks[b-1].Begin:a.toks[b-1].End]) {
			break
		}
		b--
	}
	if nounCue {
		return source{}, false
	}
	// A quantified plural, with its modifiers: "some delegates", "many
	// voters", "several Clinton supporters".
	if q := a.countBefore(b, e); q >= 0 && singular(k) != "" && !timeUnits[singular(k)] {
		return source{Span: doc.Span{Begin: a.toks[q].Begin, End: a.toks[e].End}, Kind: srcPlural, Run: -1, Head: k}, true
	}
	// A bare plural opening its clause, with its modifiers: "Participants
	// said", "Republican primary voters said", "… while protest groups say".
	if strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "ss") && len(k) > 3 && (b == 0 || a.starts[b] || strings.ContainsAny(gap(a.text, a.toks, b), ",;—–") ||
		b < e && isBlank(gap(a.text, a.toks, b)) && a.is(b-1, wcSubordinator) && !a.inQuote[b-1]) {
		return source{Span: doc.Span{Begin: a.toks[b].Begin, End: a.toks[e].End}, Kind: srcPlural, Run: -1, Head: k}, true
	}
	return source{}, false
}

// countBefore returns the first token of a count that ends right before
// token b or opens the modifiers from b to the head e ("some", "200",
// "about 200", "1,200", "hundreds of", "dozens of"), or -1. A year is no
// count ("In 2014 voters said").
func (a *analysis) countBefore(b, e int) int {
	q := -1
	switch {
	case b < e && a.isNumber(b) && !isYear(a.toks[b].Key):
		q = b // the modifiers began with the number
	case b < 1 || !isBlank(gap(a.text, a.toks, b)):
		return -1
	case a.toks[b-1].Key == "of" && b >= 2 && groupCounts[a.toks[b-2].Key] && isBlank(gap(a.text, a.toks, b-1)):
		q = b - 2 // "hundreds of protesters"
	case quantifiers[a.toks[b-1].Key] || a.isNumber(b-1) && !isYear(a.toks[b-1].Key):
		q = b - 1
	default:
		return -1
	}
	for q >= 1 && a.isNumber(q-1) && gap(a.text, a.toks, q) == "," {
		q-- // "1,200"
	}
	if q >= 1 && approximators[a.toks[q-1].Key] && isBlank(gap(a.text, a.toks, q)) {
		q-- // "about 200 protesters"
	}
	return q
}

// isDescriptionHead reports whether a word can head a descriptive noun
// phrase: a lower-case content word that is not a pronoun, function
// word, cue verb, adverb or number.
func isDescriptionHead(k, w string) bool {
	if isUpperStart(w) || len(k) < 2 {
		return false
	}
	const notDescribing = wcFunctionWord | wcAdverbial | wcPreposition | wcDeterminer | wcCueVerb | wcPersonPronoun | wcPluralPronoun | wcNotHead
	if c := keyClass(k); c&notDescribing != 0 || strings.HasSuffix(k, "ly") && c&wcNotAdverb == 0 {
		return false
	}
	for _, r := range k {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return true
}

// isModifier reports whether a word may stand between a determiner and
// the head of a descriptive noun phrase.
func isModifier(k, w string) bool {
	c := keyClass(k)
	if c&wcOrdinal != 0 {
		return true // "the first lady", "a second official"
	}
	if c&wcFunctionWord != 0 && !isAllCaps(w) || c&wcPreposition != 0 || c&wcCueVerb != 0 && !isUpperStart(w) || c&wcNotHead != 0 {
		return false
	}
	for _, r := range k {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' {
			return false
		}
	}
	return true
}

// dottedAbbreviationBefore is the first token of an abbreviation of
// capital letters with full stops ("U.S.", "U.N.") that ends right before
// token b as its modifier ("U.S. official"), or -1.
func (a *analysis) dottedAbbreviationBefore(b int) int {
	if b < 2 || gap(a.text, a.toks, b) != ". " {
		return -1
	}
	d := b - 1
	for d >= 0 && len(a.toks[d].Key) == 1 && isUpperStart(a.text[a.toks[d].Begin:a.toks[d].End]) {
		if d == 0 || gap(a.text, a.toks, d) != "." {
			break
		}
		d--
	}
	if d == b-1 || len(a.toks[d].Key) != 1 || !isUpperStart(a.text[a.toks[d].Begin:a.toks[d].End]) {
		return -1
	}
	return d
}

// inDottedAbbreviation reports whether the gap before token j is a full
// stop inside or after an abbreviation of capital letters ("U.S.
// official").
func (a *analysis) inDottedAbbreviation(j int) bool {
	g := gap(a.text, a.toks, j)
	return (g == "." || g == ". ") && len(a.toks[j-1].Key) == 1 && isUpperStart(a.text[a.toks[j-1].Begin:a.toks[j-1].End])
}

// theTitled reports whether run r after the word k is a person's name
// with a title that takes "the" ("the Rev. Tom Quill", "the Very Rev.
// …"): "the" is part of the title, not an article making the name a
// thing's.
func theTitled(k string, r nameRun) bool {
	return k == "the" && r.Type == Person && r.NameFirst > r.First && r.NameFirst < r.Last
}

// ordinals describe the noun after them, though they are also adverbs.
var ordinals = set(`first second third fourth fifth`)

// demonymSource is the source named by a people or party ("the
// Republican said", "Democrats say"): a description, not a name. Runs
// that name no entity otherwise are no source.
func (a *analysis) demonymSource(r nameRun) (source, bool) {
	if !r.Demonym {
		return source{}, false
	}
	b := a.toks[r.First].Begin
	if r.First > 0 && a.is(r.First-1, wcDeterminer) && isBlank(gap(a.text, a.toks, r.First)) {
		b = a.toks[r.First-1].Begin
	}
	k := a.toks[r.Last].Key
	kind := srcOrgRole
	if strings.HasSuffix(k, "s") {
		kind = srcPlural
	}
	return source{Span: doc.Span{Begin: b, End: a.toks[r.Last].End}, Kind: kind, Run: -1, Head: k}, true
}

// kindNameSource is the source a name of a kind of body gives after
// "the" ("the State Department said", "the City Council voted"): no
// entity of its own, but the body the text speaks of, as "the
// department" is.
func (a *analysis) kindNameSource(r nameRun) (source, bool) {
	k := a.toks[r.Last].Key
	if r.First == 0 || a.toks[r.First-1].Key != "the" || !isBlank(gap(a.text, a.toks, r.First)) || !genericNouns[k] || !a.is(r.First, wcGenericModifier) {
		return source{}, false
	}
	return source{Span: doc.Span{Begin: a.toks[r.First-1].Begin, End: a.toks[r.Last].End}, Kind: srcOrgRole, Run: -1, Head: k}, true
}

// prepositionBefore returns the preposition that stands before token f
// with at most a determiner and two lower-case modifiers between ("for
// committee Democrats", "of the Senate Republicans"), or -1.
func (a *analysis) prepositionBefore(f int) int {
	for p, n := f-1, 0; p >= 1 && n < 4 && isBlank(gap(a.text, a.toks, p+1)) && !a.inQuote[p]; p, n = p-1, n+1 {
		k := a.toks[p].Key
		w := a.text[a.toks[p].Begin:a.toks[p].End]
		if prepositions[k] && !subordinators[k] {
			return p
		}
		if !(determiners[k] || !isUpperStart(w) && isModifier(k, w)) {
			return -1
		}
	}
	return -1
}

// headBeforePreposition parses the subject whose head stands before the
// preposition at token p and whose phrase runs to byte end: "a
// spokesman for Disney", "some delegates at the convention in
// Philadelphia" (each step back is a role or description; a name
// followed by a phrase, "Clinton in Ohio", is not taken as a subject).
func (a *analysis) headBeforePreposition(p, end int) (source, bool) {
	if p < 1 || !isBlank(gap(a.text, a.toks, p)) || a.inQuote[p-1] {
		return source{}, false
	}
	// "Jed Marrin of Florida said": a person's name with where they come
	// from.
	if s, ok := a.personFrom(p, end); ok {
		return s, true
	}
	// "one of those advisers", "some of the delegates": part of a group,
	// never resolved to one name.
	if a.toks[p].Key == "of" && partitives[a.toks[p-1].Key] {
		return source{Span: doc.Span{Begin: a.toks[p-1].Begin, End: end}, Kind: srcPlural, Run: -1, Head: a.toks[p-1].Key}, true
	}
	if rs, ok := a.roleBefore(p - 1); ok {
		rs.Span.End = end
		return rs, true
	}
	if ds, ok := a.descriptionBefore(p - 1); ok {
		ds.Span.End = end
		return ds, true
	}
	// "Residents of Lindvik, a village …, reported", "Workers at the
	// plant said": a plural common noun opening the sentence, capitalised
	// only for standing there, is a group the phrase after it describes.
	if j := p - 1; a.openingPlural(j) {
		return source{Span: doc.Span{Begin: a.toks[j].Begin, End: end}, Kind: srcPlural, Run: -1, Head: a.toks[j].Key}, true
	}
	return source{}, false
}

// openingPlural reports whether token j opens its sentence with a plural
// common noun, capitalised only for standing there: one word that is no
// name of a person, organisation or place the text knows ("Residents",
// "Workers", "Families").
func (a *analysis) openingPlural(j int) bool {
	if j < 0 || !a.starts[j] || a.inQuote[j] {
		return false
	}
	if ri := a.runAt[j]; ri >= 0 && (a.runs[ri].First != j || a.runs[ri].Last != j || !a.runs[ri].None && a.runs[ri].Type != Unknown) {
		return false
	}
	k := a.toks[j].Key
	if len(k) < 4 || !strings.HasSuffix(k, "s") || strings.HasSuffix(k, "ss") || strings.HasSuffix(k, "us") || strings.HasSuffix(k, "is") {
		return false
	}
	return isDescriptionHead(k, strings.ToLower(a.text[a.toks[j].Begin:a.toks[j].End])) && !calendarWords[k] && !timeWords[k]
}

// roleBefore parses "the (modifiers) ROLE" or "X's ROLE" ending at e.
func (a *analysis) roleBefore(e int) (source, bool) {
	k := a.toks[e].Key
	plural := false
	head := k
	if !roleNouns[k] && !orgRoleNouns[k] {
		if s := singular(k); s != "" && (roleNouns[s] || orgRoleNouns[s]) {
			plural = true
			head = s
		} else {
			return source{}, false
		}
	}
	// Walk back over modifiers to a determiner or possessive.
	b := e
	for i := 0; i < 4 && b > 0; i++ {
		if d := a.dottedAbbreviationBefore(b); d >= 0 {
			b = d // "a senior U.S. official"
			continue
		}
		g := gap(a.text, a.toks, b)
		pk := a.toks[b-1].Key
		if isBlank(g) && determiners[pk] {
			b--
			if b >= 2 && a.toks[b-1].Key == "of" && partitives[a.toks[b-2].Key] && isBlank(gap(a.text, a.toks, b)) && isBlank(gap(a.text, a.toks, b-1)) {
				// "one of the advisers": part of a group.
				return a.roleSource(b-2, e, head, true), true
			}
			// "a source", "an official": someone new, not someone named before.
			return a.roleSource(b, e, head, plural || pk == "a" || pk == "an" || pk == "one" || pk == "another"), true
		}
		if isBlank(g) && quantifiers[pk] && plural {
			return a.roleSource(b-1, e, head, true), true // "some advisers"
		}
		if isBlank(g) && pk == "s" && b >= 2 && (gap(a.text, a.toks, b-1) == "’" || gap(a.text, a.toks, b-1) == "'") {
			// Possessive: "RT’s interlocutor".
			return a.roleSource(b-2, e, head, plural), true
		}
		if !isBlank(g) && g != "-" || isUpperStart(a.text[a.toks[b-1].Begin:a.toks[b-1].End]) && !isAllCaps(a.text[a.toks[b-1].Begin:a.toks[b-1].End]) || cueVerbs[pk] || prepositions[pk] {
			break
		}
		b--
	}
	if plural {
		// "Experts believe": a bare plural is a (plural) source too.
		return a.roleSource(e, e, head, true), true
	}
	return source{}, false
}

func (a *analysis) roleSource(b, e int, head string, plural bool) source {
	s := source{Span: doc.Span{Begin: a.toks[b].Begin, End: a.toks[e].End}, Kind: srcRole, Run: -1, Head: head}
	if orgRoleNouns[head] {
		s.Kind = srcOrgRole
	}
	if plural {
		s.Kind = srcPlural
	}
	return s
}

// singular strips an English plural ending, or returns "".
func singular(k string) string {
	switch {
	case strings.HasSuffix(k, "ies"):
		return strings.TrimSuffix(k, "ies") + "y"
	case strings.HasSuffix(k, "s") && len(k) > 3:
		return strings.TrimSuffix(k, "s")
	}
	return ""
}

// npAfter parses the noun phrase that starts at token b (a source named
// after its verb, or after "according to").
func (a *analysis) npAfter(b int) (source, bool) {
	if b >= len(a.toks) {
		return source{}, false
	}
	t := a.toks[b]
	k := t.Key
	if a.is(b, wcPersonPronoun) {
		return source{Span: doc.Span{Begin: t.Begin, End: t.End}, Kind: srcPronoun, Run: -1, Head: k}, true
	}
	if a.is(b, wcPluralPronoun) {
		return source{Span: doc.Span{Begin: t.Begin, End: t.End}, Kind: srcPlural, Run: -1, Head: k}, true
	}
	// "Hundreds of dockers marched", "About 200 protesters gathered": a
	// counted group, its plural head found as descriptionBefore finds it.
	if a.is(b, wcCountOpener) || k != "" && k[0] >= '0' && k[0] <= '9' && a.isNumber(b) {
		for j := b + 1; j < len(a.toks) && j <= b+6; j++ {
			if g := gap(a.text, a.toks, j); !isBlank(g) && g != "-" && g != "," {
				break
			}
			if singular(a.toks[j].Key) == "" {
				continue // a modifier; the plural head is further on
			}
			if s, ok := a.descriptionBefore(j); ok && s.Span.Begin == t.Begin && s.Kind == srcPlural {
				return s, true
			}
		}
	}
	// "said The Gazette’s Ada Quill": a person of the outlet or body
	// named in the possessive before them.
	if s, ok := a.possessorsPerson(b); ok {
		return s, true
	}
	// "said the State Department": a name of a kind of body after "the".
	if k == "the" && b+1 < len(a.toks) {
		if ri := a.runAt[b+1]; ri >= 0 && a.runs[ri].First == b+1 && a.runs[ri].None {
			if s, ok := a.kindNameSource(a.runs[ri]); ok {
				return s, true
			}
		}
	}
	// "said the younger Mr. Tolliver": after "the", describing words and
	// then the name.
	if k == "the" && b+1 < len(a.toks) && isBlank(gap(a.text, a.toks, b+1)) && a.runAt[b+1] < 0 {
		if j := a.describedNameAfter(b + 1); j > b+1 {
			s, ok := a.npAfter(j)
			s.Span.Begin = t.Begin
			return s, ok
		}
	}
	// "said former Sen. Evan Bayh", "said longtime adviser Ann Oyler",
	// "said Dakota delegate Tom Reyes": words describing the person
	// come before the name.
	if !a.is(b, wcDeterminer) {
		if j := a.describedNameAfter(b); j > b {
			s, ok := a.npAfter(j)
			s.Span.Begin = t.Begin
			return s, ok
		}
	}
	// "said the Rev. Tom Quill": a person's title after "the".
	if k == "the" && b+1 < len(a.toks) && isBlank(gap(a.text, a.toks, b+1)) {
		if ri := a.runAt[b+1]; ri >= 0 && a.runs[ri].First == b+1 && theTitled(k, a.runs[ri]) {
			return a.npAfter(b + 1)
		}
	}
	if ri := a.runAt[b]; ri >= 0 && a.runs[ri].First == b {
		r := a.runs[ri]
		if r.None {
			return a.demonymSource(r)
		}
		if r.NameFirst > r.Last {
			// Only titles: "Ukrainian MP" is a role.
			return source{Span: doc.Span{Begin: t.Begin, End: a.toks[r.Last].End}, Kind: srcRole, Run: -1, Head: a.toks[r.Last].Key}, true
		}
		// "RT’s interlocutor": a possessive name before a role noun.
		if r.Last+2 < len(a.toks) && a.toks[r.Last+1].Key == "s" && (gap(a.text, a.toks, r.Last+1) == "’" || gap(a.text, a.toks, r.Last+1) == "'") {
			if s, ok := a.roleBefore(r.Last + 2); ok && a.toks[r.Last+2].Key == s.Head || ok && s.Kind == srcPlural {
				return s, true
			}
			for j := r.Last + 2; j < len(a.toks) && j <= r.Last+5; j++ {
				if s, ok := a.roleBefore(j); ok {
					return s, true
				}
			}
			// "Ryan’s campaign shrugged off …, telling reporters":
			// a possessive description that its verb follows.
			for j := r.Last + 2; j+1 < len(a.toks) && j <= r.Last+4; j++ {
				if g := gap(a.text, a.toks, j); j > r.Last+2 && !isBlank(g) && g != "-" {
					break
				}
				if n := a.toks[j+1].Key; a.verbAfterName(j+1) || isBlank(gap(a.text, a.toks, j+1)) && strings.HasSuffix(n, "ed") && len(n) > 4 && !isUpperStart(a.text[a.toks[j+1].Begin:a.toks[j+1].End]) {
					if s, ok := a.descriptionBefore(j); ok && s.Span.Begin == t.Begin {
						return s, true
					}
					break
				}
			}
		}
		return source{Span: doc.Span{Begin: a.toks[r.NameFirst].Begin, End: a.toks[r.Last].End}, Kind: srcName, Run: ri, Type: r.Type}, true
	}
	// "said one of those advisers": the group after "of" is a role or
	// description.
	if partitives[k] && b+2 < len(a.toks) && a.toks[b+1].Key == "of" && isBlank(gap(a.text, a.toks, b+1)) && isBlank(gap(a.text, a.toks, b+2)) {
		if s, ok := a.npAfter(b + 2); ok && s.Kind != srcName && s.Kind != srcPronoun {
			return source{Span: doc.Span{Begin: t.Begin, End: s.Span.End}, Kind: srcPlural, Run: -1, Head: k}, true
		}
	}
	// A determiner, up to three modifiers and a role noun, then an
	// optional "of …" up to a comma.
	if determiners[k] || plurals(k) {
		for j := b; j < len(a.toks) && j <= b+4; j++ {
			if j > b && !isBlank(gap(a.text, a.toks, j)) && !a.inDottedAbbreviation(j) {
				break
			}
			// "said a committee spokesman", "said one party activist": a
			// role noun before another is its modifier.
			if n := j + 1; n < len(a.toks) && n <= b+4 && isBlank(gap(a.text, a.toks, n)) && (a.is(n, wcRoleNoun) || a.is(n, wcOrgRoleNoun)) && !isUpperStart(a.text[a.toks[n].Begin:a.toks[n].End]) {
				continue
			}
			if s, ok := a.roleBefore(j); ok && s.Span.Begin <= t.Begin {
				s.Span.Begin = t.Begin
				// "the head of the X": extend over the "of" phrase.
				if j+1 < len(a.toks) && a.toks[j+1].Key == "of" && isBlank(gap(a.text, a.toks, j+1)) {
					end := j + 1
					for end+1 < len(a.toks) && isBlank(gap(a.text, a.toks, end+1)) && end-j < 10 {
						end++
					}
					s.Span.End = a.toks[end].End
				}
				return s, true
			}
		}
		// "The Harbour Trust released a statement", "The Harbour Trust
		// has said": a name that is no person's after the article, then
		// its verb.
		if ri := runIndexAt(a.runAt, b+1); k == "the" && ri >= 0 && a.runs[ri].First == b+1 && (a.runs[ri].Type == Org || a.runs[ri].Type == Unknown) && !a.runs[ri].None &&
			isBlank(gap(a.text, a.toks, b+1)) && a.runs[ri].Last+1 < len(a.toks) && a.verbAfterName(a.runs[ri].Last+1) {
			r := a.runs[ri]
			return source{Span: doc.Span{Begin: t.Begin, End: a.toks[r.Last].End}, Kind: srcName, Run: ri, Type: r.Type}, true
		}
		// "according to the report", "said the group's leader"
		for j := b + 1; j < len(a.toks) && j <= b+5; j++ {
			if !isBlank(gap(a.text, a.toks, j)) {
				break
			}
			// A participle after the head opens a clause about it ("a man
			// holding a sign"), not more of the phrase.
			if j+1 < len(a.toks) && isBlank(gap(a.text, a.toks, j+1)) && isModifier(a.toks[j+1].Key, a.text[a.toks[j+1].Begin:a.toks[j+1].End]) && !a.is(j+1, wcDeterminer) &&
				!(len(a.toks[j+1].Key) > 4 && strings.HasSuffix(a.toks[j+1].Key, "ing")) && !a.pastVerbWithObject(j+1) {
				continue // the head is further on
			}
			if s, ok := a.descriptionBefore(j); ok && s.Span.Begin == t.Begin {
				return s, true
			}
			break
		}
		// "said a Vermont Republican", "said the 63-year-old"
		if s, ok := a.describedSourceAfter(b); ok {
			return s, true
		}
	}
	return source{}, false
}

// pastVerbWithObject reports whether token j is a past tense followed
// by an article, perhaps after a particle: the verb of the phrase before
// it and its object ("the board released a statement", "the campaign
// sent out a memo"), not a modifier of a head further on ("the retired
// harbour master").
func (a *analysis) pastVerbWithObject(j int) bool {
	k := a.toks[j].Key
	if !(len(k) >= 5 && strings.HasSuffix(k, "ed") || irregularPasts[k]) || j+1 >= len(a.toks) || !isBlank(gap(a.text, a.toks, j+1)) {
		return false
	}
	n := j + 1
	if particles[a.toks[n].Key] && n+1 < len(a.toks) && isBlank(gap(a.text, a.toks, n+1)) {
		n++
	}
	switch a.toks[n].Key {
	case "a", "an", "the", "his", "her", "their", "its", "our":
		return true
	case "to":
		// "the mayor appeared to assert": "to" and a verb, not "named to
		// the panel".
		m := n + 1
		return m < len(a.toks) && isBlank(gap(a.text, a.toks, m)) && !isUpperStart(a.text[a.toks[m].Begin:a.toks[m].End]) &&
			!a.is(m, wcDeterminer) && !objectPronouns[a.toks[m].Key] && !a.is(m, wcPreposition) && !timeWords[a.toks[m].Key]
	}
	return false
}

// verbAfterName reports whether token j, right after a name, opens its
// verb: a past tense with its object, an auxiliary or a cue ("has said",
// "did not want", "says").
func (a *analysis) verbAfterName(j int) bool {
	if !isBlank(gap(a.text, a.toks, j)) {
		return false
	}
	k := a.toks[j].Key
	return a.pastVerbWithObject(j) || (auxiliaries[k] || finiteVerbs[k]) && !isUpperStart(a.text[a.toks[j].Begin:a.toks[j].End]) || cueVerbs[k] && !a.inQuote[j]
}

// irregularPasts are past tenses of verbs that put out a text ("sent a
// letter", "put out a statement", "wrote a post").
var irregularPasts = set(`sent put gave wrote made took`)

// particles complete a verb before its object ("sent out a memo").
var particles = set(`out up off`)

// plurals reports whether k is a bare plural role noun ("journalists").
func plurals(k string) bool {
	s := singular(k)
	return s != "" && (roleNouns[s] || orgRoleNouns[s])
}

// resolve gives each attribution's source a name: names through the
// document's people (surname to full name), pronouns and role nouns to
// the nearest person named before them outside quotations, preferring
// one who was a source.
func (a *analysis) resolve() {
	type personMention struct {
		at   int
		name string
	}
	// Names in the text and resolved sources, each sorted by offset, so
	// that the nearest before a mention is a binary search away.
	var names, sources []personMention
	for _, r := range a.runs {
		if r.Type == Person && !r.InQuote && r.Canonical != "" {
			names = append(names, personMention{at: a.toks[r.NameFirst].Begin, name: r.Canonical})
		}
	}
	slices.SortStableFunc(names, func(x, y personMention) int { return x.at - y.at })
	// lastBefore is the index of the first of the mentions at the
	// greatest offset before off, or -1.
	lastBefore := func(ms []personMention, off int) int {
		k := sort.Search(len(ms), func(k int) bool { return ms[k].at >= off }) - 1
		for k > 0 && ms[k-1].at == ms[k].at {
			k--
		}
		return k
	}
	for i := range a.attrs {
		at := &a.attrs[i]
		switch at.Src.Kind {
		case srcName:
			r := a.runs[at.Src.Run]
			at.Src.Name = r.Canonical
			at.Src.Type = r.Type
			if at.Src.Name == "" {
				at.Src.Name = r.proper(a.text, a.toks)
			}
		case srcPronoun, srcRole:
			// Nearest person before the mention: first among sources.
			best, bestAny := "", ""
			bestAt, bestAnyAt := -1, -1
			if k := lastBefore(sources, at.Src.Span.Begin); k >= 0 {
				best, bestAt = sources[k].name, sources[k].at
				bestAny, bestAnyAt = best, bestAt
			}
			// A name in the text goes before a source at the same offset.
			if k := lastBefore(names, at.Src.Span.Begin); k >= 0 && names[k].at >= bestAnyAt {
				bestAny, bestAnyAt = names[k].name, names[k].at
			}
			name := best
			if name == "" {
				name = bestAny
			}
			// Too far back (more than a few paragraphs) is not known.
			if name != "" && a.parasBetween(max(bestAt, 0), at.Src.Span.Begin) > 6 {
				name = ""
			}
			at.Src.Name = name
			if name != "" {
				at.Src.Type = Person
			}
		}
		if at.Src.Name != "" && at.Src.Type == Person {
			// Attributions come in text order, so this insertion is
			// nearly always an append.
			m := personMention{at: at.Src.Span.Begin, name: at.Src.Name}
			j := len(sources)
			for j > 0 && sources[j-1].at > m.at {
				j--
			}
			sources = slices.Insert(sources, j, m)
		}
	}
}

// parasBetween counts paragraph starts in (from, to].
func (a *analysis) parasBetween(from, to int) int {
	// Paragraphs are sorted by where they begin.
	lo := sort.Search(len(a.paras), func(k int) bool { return a.paras[k].Begin > from })
	hi := sort.Search(len(a.paras), func(k int) bool { return a.paras[k].Begin > to })
	return max(hi-lo, 0)
}

// verbGroupIntroducesQuote reports whether the verb group opening at
// token v ends in a cue that introduces a quotation ("said, “…”", "was
// prompted to say, “…”").
func (a *analysis) verbGroupIntroducesQuote(v int) bool {
	for c := v; c < len(a.toks) && c < v+6; c++ {
		if c > v && !isBlank(gap(a.text, a.toks, c)) {
			return false
		}
		if a.cueIntroducesQuote(c) {
			return true
		}
	}
	return false
}

// cueIntroducesQuote reports whether token c is a cue verb followed by a
// comma or colon and a quotation ("said, “…”", "wrote: “…”").
func (a *analysis) cueIntroducesQuote(c int) bool {
	if c+1 >= len(a.toks) || !a.is(c, wcCueVerb) {
		return false
	}
	g := strings.TrimSpace(gap(a.text, a.toks, c+1))
	if g == "" || g[0] != ',' && g[0] != ':' {
		return false
	}
	g = strings.TrimSpace(g[1:])
	return hasQuoteMark(g)
}

// possessorsPerson finds a person's name after a name in the possessive
// that opens at token b, perhaps after "the": "The Gazette’s Ada Quill",
// "Harbour University's Odo Vane". The mention runs from b to the end of
// the person's name.
func (a *analysis) possessorsPerson(b int) (source, bool) {
	f := b
	if a.toks[f].Key == "the" && f+1 < len(a.toks) && isBlank(gap(a.text, a.toks, f+1)) {
		f++
	}
	ri := a.runAt[f]
	if ri < 0 || a.runs[ri].First != f || a.runs[ri].Type == Person {
		return source{}, false
	}
	s := a.runs[ri].Last + 1
	if s+1 >= len(a.toks) || a.toks[s].Key != "s" {
		return source{}, false
	}
	if g := gap(a.text, a.toks, s); g != "’" && g != "'" || !isBlank(gap(a.text, a.toks, s+1)) {
		return source{}, false
	}
	pj := a.runAt[s+1]
	if pj < 0 || a.runs[pj].First != s+1 || a.runs[pj].Type != Person || a.runs[pj].NameFirst > a.runs[pj].Last {
		return source{}, false
	}
	p := a.runs[pj]
	return source{Span: doc.Span{Begin: a.toks[b].Begin, End: a.toks[p.Last].End}, Kind: srcName, Run: pj, Type: p.Type}, true
}
