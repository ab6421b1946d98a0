package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/normalize"
)

// findAttributions finds every cue with its source in the document, in
// text order: "X said", "said X", "according to X", "as X put it",
// "voiced by X", and the colon that introduces a statement.
func (a *analysis) findAttributions() {
	for i := 0; i < len(a.toks); i++ {
		// Most words are no cue and open none: every test below asks
		// for one of attributionStarts first.
		if a.inQuote[i] || a.class[i]&attributionStarts == 0 {
			continue
		}
		if n := a.matchAccording(i); n > 0 {
			if s, ok := a.npAfter(i + n); ok {
				a.addAttr(attribution{Cue: a.span(i, i+n-1), CueTok: i, Src: s, Pre: true, Accord: true})
			} else if s, ok := a.sourcePhrase(i + n); ok {
				a.addAttr(attribution{Cue: a.span(i, i+n-1), CueTok: i, Src: s, Pre: true, Accord: true})
			}
			i += n - 1
			continue
		}
		if n := a.matchPhrasal(i); n > 0 {
			a.phrasalCue(i, n)
			i += n - 1
			continue
		}
		k := a.toks[i].Key
		// "as X put it", "as X puts it"
		if k == "as" && i+1 < len(a.toks) {
			if s, ok := a.npAfter(i + 1); ok {
				j := a.appositionAfter(a.tokenAt(s.Span.End))
				if j+2 < len(a.toks) && (a.toks[j+1].Key == "put" || a.toks[j+1].Key == "puts") && a.toks[j+2].Key == "it" {
					a.addAttr(attribution{Cue: a.span(j+1, j+2), CueTok: j + 1, Src: s, Pre: true, Parenth: true})
					i = j + 2
					continue
				}
			}
		}
		// "As the LinkedIn chief executive, Jeff Weiner, put it": the
		// subject found as for any cue, "as" opening its clause.
		if (k == "put" || k == "puts") && i+1 < len(a.toks) && a.toks[i+1].Key == "it" && isBlank(gap(a.text, a.toks, i+1)) {
			if s, ok := a.subjectBefore(i); ok && a.asOpensClause(a.tokenStartingAt(a.phraseBegin(s)), i) {
				a.addAttr(attribution{Cue: a.span(i, i+1), CueTok: i, Src: s, Pre: true, Parenth: true})
				i++
				continue
			}
		}
		if a.is(i, wcNamingVerb) {
			a.namingCue(i)
			continue
		}
		if a.is(i, wcFindingVerb) {
			a.findingCue(i)
			continue
		}
		if i+1 < len(a.toks) && a.toks[i+1].Key == "of" && chantNouns[k] && a.chantCue(i) {
			i++
			continue
		}
		if a.is(i, wcSayingNoun) {
			a.nominalCue(i)
			if !a.is(i, wcCueVerb) {
				continue
			}
		}
		if k == "in" {
			if h := a.inDocument(i); h > i {
				i = h
			}
			continue
		}
		inscription := a.inscriptionCue(i)
		if !a.is(i, wcCueVerb|wcPassiveCue) && !inscription {
			continue
		}
		if a.is(i, wcPassiveCue) && i+1 < len(a.toks) && a.toks[i+1].Key == "by" {
			if s, ok := a.npAfter(i + 2); ok {
				a.addAttr(attribution{Cue: a.span(i, i), CueTok: i, Src: s, Pre: true, Passive: true})
				continue
			}
		}
		if !a.is(i, wcCueVerb) && !inscription {
			continue
		}
		// A participle ("…, saying the plan failed") has its subject in
		// the clause before; it is a cue only after an auxiliary ("he
		// was saying").
		if strings.HasSuffix(k, "ing") && (i == 0 || !auxiliaries[a.toks[i-1].Key] && !a.contractedBe(i-1)) {
			a.participleCue(i)
			continue
		}
		if s, ok := a.subjectBefore(i); ok {
			if presentCues[k] && !a.verbReading(s, i) {
				continue
			}
			at := attribution{Cue: a.span(i, i), CueTok: i, Src: s, Pre: true}
			if pb := a.phraseBegin(s); a.clauseOpensAfterComma(pb) && !a.introducesClause(i, a.afterClosingQuote(pb) && !a.quoteEndsSentenceBefore(pb) && !a.titleQuoteBefore(pb)) && !a.newSentenceIntroducesQuote(pb, i) {
				at.Pre = false
				at.Parenth = a.commaAfter(i)
			}
			if cueAfterOnly[k] && at.Pre && !a.indirectQuestion(i) {
				continue
			}
			if c, ok := a.asClauseContent(s, i); ok {
				at.Fixed, at.Content = true, c
			}
			a.addAttr(at)
			continue
		}
		if s, ok := a.coordinatedSubject(i); ok && (!cueAfterOnly[k] || a.indirectQuestion(i)) && (!presentCues[k] || a.verbReading(s, i)) && a.introducesClause(i, false) {
			a.addAttr(attribution{Cue: a.span(i, i), CueTok: i, Src: s, Pre: true})
			continue
		}
		// "Said Ada Quill, “…”": the cue opens the sentence.
		if s, ok := a.openingCueSource(i); ok {
			a.addAttr(attribution{Cue: a.span(i, i), CueTok: i, Src: s, Pre: true, Passive: true})
			continue
		}
		// Inverted: "…,” said X" / "…, says X, a professor" / "…», a
		// déclaré X" (auxiliaries before the verb).
		k0 := i
		for k0 > 0 && a.is(k0-1, wcAdverbial) && isBlank(gap(a.text, a.toks, k0)) {
			k0--
		}
		if a.clauseOpensAfterComma(a.toks[k0].Begin) {
			if s, ok := a.npAfter(i + 1); ok && isBlank(gap(a.text, a.toks, i+1)) && a.closesInvertedSource(s) && (a.afterClosingQuote(a.toks[k0].Begin) || !a.describedObject(s)) {
				a.addAttr(attribution{Cue: a.span(i, i), CueTok: i, Src: s, Pre: false})
			}
		}
	}
}

// asOpensClause reports whether "as" opens the clause of the subject
// starting at token f of the verb at token i: right before f, or before
// a role that an apposition with f follows ("As the chief executive,
// Jeff Weiner, put it"), at most eight words back, no quotation between.
func (a *analysis) asOpensClause(f, i int) bool {
	for m := f - 1; m >= 0 && f-m <= 8 && a.tokSent[m] == a.tokSent[i]; m-- {
		if a.inQuote[m] {
			return false
		}
		if a.toks[m].Key == "as" {
			return m == 0 || a.starts[m] || strings.ContainsAny(gap(a.text, a.toks, m), ",;—–")
		}
	}
	return false
}

// appositionAfter returns the last token of an apposition set off by
// commas after the name ending at token e ("As Ada Quill, the head of
// the board, put it"), or e when none stands there.
func (a *analysis) appositionAfter(e int) int {
	if e+1 >= len(a.toks) || strings.TrimSpace(gap(a.text, a.toks, e+1)) != "," {
		return e
	}
	for m := e + 2; m < len(a.toks) && m <= e+16 && a.tokSent[m] == a.tokSent[e]; m++ {
		g := gap(a.text, a.toks, m)
		if strings.TrimSpace(g) == "," {
			if a.isApposition(e+1, m-1) {
				return m - 1
			}
			return e
		}
		if strings.ContainsAny(g, ";:!?\"“”«»()") {
			return e
		}
	}
	return e
}

// parenthesisAfter returns the last token inside a short parenthesis
// that follows token e ("Quill (D-N.Y.)", "Quill (R)"), or e.
func (a *analysis) parenthesisAfter(e int) int {
	if e+1 >= len(a.toks) || strings.TrimSpace(gap(a.text, a.toks, e+1)) != "(" {
		return e
	}
	for m := e + 1; m+1 < len(a.toks) && m <= e+8 && a.tokSent[m+1] == a.tokSent[e]; m++ {
		switch strings.TrimSpace(gap(a.text, a.toks, m+1)) {
		case ")", ".)", "),", ".),":
			return m
		}
		if strings.ContainsAny(gap(a.text, a.toks, m+1), "()\"“”;:") {
			return e
		}
	}
	return e
}

// asClauseContent is what an "as" clause attributes: "As Ilse Warner
// noted, trust is collapsing" and "Trust is collapsing, as Ilse Warner
// noted last week" give the main clause, not what follows the cue.
func (a *analysis) asClauseContent(s source, i int) (doc.Span, bool) {
	f := a.tokenStartingAt(a.phraseBegin(s))
	if f < 1 || a.toks[f-1].Key != "as" || !isBlank(gap(a.text, a.toks, f)) || a.tokSent[f-1] != a.tokSent[i] {
		return doc.Span{}, false
	}
	sent := a.sents[a.tokSent[i]]
	as := a.toks[f-1]
	if as.Begin == sent.Begin || a.starts[f-1] || a.clauseBegin(a.tokenStartingAt(sent.Begin), sent) >= f-1 {
		c := strings.IndexByte(a.text[a.toks[i].End:sent.End], ',')
		if c < 0 || c > 40 {
			return doc.Span{}, false
		}
		b, e := trimSpace(a.text, a.toks[i].End+c+1, sent.End)
		if a.quotedShare(b, e) > 0 {
			return doc.Span{}, false // the quotation takes the cue
		}
		return doc.Span{Begin: b, End: e}, b < e
	}
	if !a.clauseOpensAfterComma(as.Begin) || a.afterClosingQuote(as.Begin) {
		return doc.Span{}, false
	}
	b, e := trimSpace(a.text, sent.Begin, as.Begin)
	for e > b && strings.ContainsRune(",—–- ", runeBefore(a.text, e)) {
		e -= len(string(runeBefore(a.text, e)))
	}
	return doc.Span{Begin: b, End: e}, b < e
}

// coordinatedSubject is the subject of a cue verb coordinated with an
// earlier verb of its sentence: "Trump summed up Clinton as terrible,
// denounced her record and said she should not run", "Kasich offered
// the man a job, then says …". The sentence's subject, found before the
// first verb, is the subject of the verb after "and", "but" or "then".
func (a *analysis) coordinatedSubject(i int) (source, bool) {
	j := a.beforeVerbGroup(i)
	if j <= 0 || a.inQuote[j] || a.tokSent[j] < 0 || a.tokSent[j] != a.tokSent[i] {
		return source{}, false
	}
	switch a.toks[j].Key {
	case "and", "but", "then", "or":
	default:
		return source{}, false
	}
	if hasMarkOr(gap(a.text, a.toks, j+1), ",;:()") {
		return source{}, false
	}
	src, v, ok := a.sentenceSubjectDo(a.sents[a.tokSent[i]], true)
	if !ok || v >= j {
		return source{}, false
	}
	// No quotation between the subject and the cue: what follows a
	// quotation belongs to its own attribution.
	if hasQuoteMark(a.text[src.Span.End:a.toks[j].Begin]) {
		return source{}, false
	}
	return src, true
}

// openingNounBefore is the source named by a single word that opens its
// sentence, capitalised only for standing there, and is no entity:
// "Police reported no arrests". It is a description of a group or body,
// never resolved to a name.
func (a *analysis) openingNounBefore(j int) (source, bool) {
	if j < 0 || !a.starts[j] || a.inQuote[j] || runIndexAt(a.runAt, j) >= 0 && !a.runs[a.runAt[j]].None {
		return source{}, false
	}
	k := a.toks[j].Key
	if !isDescriptionHead(k, strings.ToLower(a.text[a.toks[j].Begin:a.toks[j].End])) || calendarWords[k] || timeWords[k] {
		return source{}, false
	}
	kind := srcOrgRole
	if strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "ss") {
		kind = srcPlural
	}
	return source{Span: doc.Span{Begin: a.toks[j].Begin, End: a.toks[j].End}, Kind: kind, Run: -1, Head: k}, true
}

// runIndexAt is the run index at token j, or -1.
func runIndexAt(runAt []int, j int) int {
	if j < 0 || j >= len(runAt) {
		return -1
	}
	return runAt[j]
}

// officeOfBefore reports whether a person's name run is preceded by a
// capitalised office and "of" that make a title with it: "Secretary of
// State John Kerry", "Supervisor of Elections Susan Bucher".
func (a *analysis) officeOfBefore(r nameRun) bool {
	o := r.First - 1
	if r.Type != Person || r.NameFirst <= r.First && r.Last == r.First || o < 1 || a.toks[o].Key != "of" || !isBlank(gap(a.text, a.toks, o)) {
		return false
	}
	w := a.text[a.toks[o-1].Begin:a.toks[o-1].End]
	return isUpperStart(w) && !isAllCaps(w) && (a.is(o-1, wcTitleWord) || a.is(o-1, wcRoleNoun) || strings.HasSuffix(a.toks[o-1].Key, "or") || strings.HasSuffix(a.toks[o-1].Key, "er"))
}

// closesInvertedSource reports whether the source named after its cue
// ends where an inverted attribution ends: at punctuation, the end of
// the sentence, or an adverbial ("…,” said Ms. Lee on Monday). A verb
// after it makes it the subject of what was said: in "…, the mayor, a
// tired man, said he quit" "he" is no source.
func (a *analysis) closesInvertedSource(s source) bool {
	n := a.tokenAt(s.Span.End) + 1
	if n >= len(a.toks) || a.tokSent[n] != a.tokSent[n-1] || !isBlank(gap(a.text, a.toks, n)) {
		return true
	}
	k := a.toks[n].Key
	w := a.text[a.toks[n].Begin:a.toks[n].End]
	// "…,” wrote a man calling himself X": a participle describes the
	// source; it is no finite verb of a clause the source opens.
	participle := len(k) > 4 && strings.HasSuffix(k, "ing") && s.Kind != srcPronoun && s.Kind != srcPlural
	return prepositions[k] || timeWords[k] || isAdverb(k, w) || k == "who" || k == "which" || k == "and" || k == "as" || isUpperStart(w) || s.Kind == srcName && !auxiliaries[k] || participle
}

// describedObject reports whether the description s after an inverted
// cue reads as the verb's object rather than its source: "Residents …,
// reported a sharp smell by Monday", "…, accused the leadership of
// backing down". Its head is no role, body or text, and more words follow
// it; a described source goes on only with who it is ("said the man who
// built …", "said a handful of Democrats", "reads an editorial in The
// Ledger"). After a quotation the order is the inverted one ("“…,” read
// the sign on the gate").
func (a *analysis) describedObject(s source) bool {
	if s.Kind != srcOrgRole || roleNouns[s.Head] || orgRoleNouns[s.Head] || isCueNoun(s.Head, s.Head) {
		return false
	}
	n := a.tokenAt(s.Span.End) + 1
	if n >= len(a.toks) || a.tokSent[n] != a.tokSent[n-1] || !isBlank(gap(a.text, a.toks, n)) {
		return false
	}
	k := a.toks[n].Key
	return k != "who" && k != "whose" && !a.namedAfterPreposition(n)
}

// namedAfterPreposition reports whether token n is a preposition whose
// object is a name or a capitalised word, a determiner perhaps between
// ("of Democrats", "in The Ledger"; not "by Monday").
func (a *analysis) namedAfterPreposition(n int) bool {
	m := n + 1
	if !a.is(n, wcPreposition) || m >= len(a.toks) || a.tokSent[m] != a.tokSent[n] || !isBlank(gap(a.text, a.toks, m)) {
		return false
	}
	if a.is(m, wcDeterminer) && m+1 < len(a.toks) && isBlank(gap(a.text, a.toks, m+1)) {
		m++
	}
	return isUpperStart(a.text[a.toks[m].Begin:a.toks[m].End]) && !a.is(m, wcCalendarWord)
}

// findIntroducedQuotes attributes a quotation that a clause introduces
// with a colon or comma but no cue word the lexicon knows ("She
// continued, “…”", "Clinton apologized: “…”", "…, writing “…”"): the
// source is the subject that opens the clause.
func (a *analysis) findIntroducedQuotes() {
	cued := a.cuedSentences()
	for _, q := range a.topLevelQuotes() {
		si := sentenceAt(a.sents, q.Open)
		if si < 0 {
			continue
		}
		sent := a.sents[si]
		if sent.Begin == q.Open && si > 0 {
			// A quotation opening its paragraph after "… went on to say:".
			si--
			sent = a.sents[si]
			if !strings.HasSuffix(strings.TrimSpace(a.text[sent.Begin:sent.End]), ":") {
				continue
			}
			sent.End = q.Open
		}
		if cued[si] {
			continue
		}
		prefix := strings.TrimSpace(a.text[sent.Begin:min(sent.End, q.Open)])
		last := a.lastTokenBefore(q.Open)
		participle := last >= 0 && strings.HasSuffix(a.toks[last].Key, "ing") && a.is(last, wcCueVerb) && isBlank(a.text[a.toks[last].End:q.Open])
		if len(prefix) > 200 || !(strings.HasSuffix(prefix, ":") || strings.HasSuffix(prefix, ",") || participle) || hasQuoteMark(prefix) {
			continue
		}
		src, v, ok := a.sentenceSubject(sent)
		c := a.lastTokenBefore(q.Open)
		if !ok || c < v {
			continue
		}
		a.addAttr(attribution{Cue: a.span(c, c), CueTok: c, Src: src, Pre: true})
	}
	sortAttrs(a.attrs)
}

// sentenceSubject is the subject that opens a sentence — a name, pronoun
// or role followed by a lower-case verb — and the index of that verb.
func (a *analysis) sentenceSubject(sent doc.Span) (source, int, bool) {
	return a.sentenceSubjectDo(sent, false)
}

// sentenceSubjectDo is sentenceSubject that, with do, also reads a
// form of "do" right after the subject as part of its verb ("Gowdy did
// not release details, saying …"): for a participle or a verb
// coordinated with the cue, whose subject it is; a quotation that no
// cue attributes is not given to such a subject.
func (a *analysis) sentenceSubjectDo(sent doc.Span, do bool) (source, int, bool) {
	f := a.clauseBegin(a.tokenStartingAt(sent.Begin), sent)
	if f < 0 || f >= len(a.toks) {
		return source{}, 0, false
	}
	src, ok := a.npAfter(f)
	if !ok || src.Kind == srcName && (src.Type == Place || a.runs[src.Run].First != f && src.Span.Begin != a.toks[f].Begin) || src.Kind == srcPlural && !pluralPronouns[src.Head] && !do {
		return source{}, 0, false
	}
	// The subject is followed by its verb (adverbs aside), in lower case;
	// an apposition after a name stands between ("Ada Quill, vice chair
	// of the board, emailed supporters, telling them …").
	e := a.tokenAt(src.Span.End)
	apposition := false
	if src.Kind == srcName {
		// "Rep. Ada Quill (D-N.Y.) reacted, saying …": a parenthesis
		// after the name.
		if c := a.parenthesisAfter(e); c > e {
			e, apposition = c, true
		}
		if ap := a.appositionAfter(e); ap > e && ap+1 < len(a.toks) && strings.TrimSpace(gap(a.text, a.toks, ap+1)) == "," {
			e, apposition = ap, true
		}
	}
	v := e + 1
	for v < len(a.toks) && (a.is(v, wcAdverbial) || isAdverb(a.toks[v].Key, a.text[a.toks[v].Begin:a.toks[v].End]) || (v > e+1 || do && doSupport[a.toks[v].Key]) && preVerbWords[a.toks[v].Key] && isBlank(gap(a.text, a.toks, v))) {
		// "has since apologized", "could only quip": the words
		// beforeVerbGroup skips between a subject and its verb.
		v++
	}
	// "The board on Monday also said": adverbs after the time phrase.
	if t := a.skipTimePhrase(v); t > v {
		for v = t; v < len(a.toks) && a.is(v, wcAdverbial); v++ {
		}
	}
	if v >= len(a.toks) || a.toks[v].Begin >= sent.End || !isBlank(gap(a.text, a.toks, v)) && !(apposition && v == e+1) || isUpperStart(a.text[a.toks[v].Begin:a.toks[v].End]) ||
		a.is(v, wcPreposition) || a.is(v, wcNotHead) && !auxiliaries[a.toks[v].Key] {
		return source{}, 0, false
	}
	return src, v, true
}

// opensNameRun reports whether token f is the first word of a name of
// two words or more.
func (a *analysis) opensNameRun(f int) bool {
	ri := a.runAt[f]
	return ri >= 0 && a.runs[ri].First == f && a.runs[ri].Last > f
}

// clauseBegin is where the main clause of a sentence beginning at
// token f begins: after a conjunction or adverb ("But", "Then") and after
// up to two introductory phrases set off by a comma ("In Nevada, he …",
// "Inside the hall, on Tuesday, Trump …").
func (a *analysis) clauseBegin(f int, sent doc.Span) int {
	if f < 0 || f >= len(a.toks) {
		return f
	}
	f = a.datelineEnd(f, sent)
	for n := 0; n < 3 && f < len(a.toks) && a.toks[f].Begin < sent.End; n++ {
		k := a.toks[f].Key
		// An adverb opening a sentence is capitalised ("Immediately"),
		// but a name in -ly is no adverb ("Carly Fiorina threw …",
		// "Kelly Ayotte said …").
		w := strings.ToLower(a.text[a.toks[f].Begin:a.toks[f].End])
		adverb := isAdverb(k, w) && !a.opensNameRun(f)
		switch {
		case k == "but" || k == "and" || k == "yet" || k == "so" || k == "then" || k == "still" || k == "instead" || adverb && isBlank(gap(a.text, a.toks, f+1)):
			f++
		case (connectives[k] || ordinalOpeners[k]) && strings.TrimSpace(gap(a.text, a.toks, f+1)) == ",":
			// "However, Quill held his fire …"
			f++
		case a.relativeTimeEnd(f, sent) > f:
			f = a.relativeTimeEnd(f, sent)
		case prepositions[k] || subordinators[k] && k != "and" && k != "but" || timeWords[k] || adverb || placeAdverbs[k] || a.openingParticiplePhrase(f, n):
			// An introductory phrase ends at its comma.
			c := f + 1
			for c < len(a.toks) && c < f+15 && a.toks[c].Begin < sent.End && !strings.Contains(gap(a.text, a.toks, c), ",") {
				if hasMarkOr(gap(a.text, a.toks, c), ".;:()") {
					return f
				}
				c++
			}
			if c >= len(a.toks) || c >= f+15 || a.toks[c].Begin >= sent.End || a.inQuote[c] {
				return f
			}
			// "In Ames, Iowa, on Sunday, …": a place after the comma that
			// a comma closes belongs to the place before it.
			if ri := a.runAt[c]; ri >= 0 && a.runs[ri].First == c && a.runs[ri].Type == Place && a.runs[ri].Last+1 < len(a.toks) &&
				strings.TrimSpace(gap(a.text, a.toks, a.runs[ri].Last+1)) == "," && a.toks[a.runs[ri].Last+1].Begin < sent.End {
				c = a.runs[ri].Last + 1
			}
			f = c
		default:
			return f
		}
	}
	return f
}

// placeAdverbs open an introductory phrase as a preposition does ("Here
// in Columbia, Sanders …", "Back in Iowa, she …").
var placeAdverbs = set(`here there back elsewhere meanwhile`)

// relativeTimeEnd returns the token after a time phrase that opens a
// sentence and counts from another time ("Hours later, …", "A week
// ago, …", "Two days earlier, …"): up to four words ending in "later",
// "ago" or "earlier" and a comma. Otherwise it returns f.
func (a *analysis) relativeTimeEnd(f int, sent doc.Span) int {
	for m := f + 1; m < len(a.toks) && m <= f+3 && a.toks[m].Begin < sent.End; m++ {
		if !isBlank(gap(a.text, a.toks, m)) {
			return f
		}
		switch a.toks[m].Key {
		case "later", "ago", "earlier":
			if m+1 < len(a.toks) && strings.TrimSpace(gap(a.text, a.toks, m+1)) == "," {
				return m + 1
			}
			return f
		}
	}
	return f
}

// timeAdverbialEnd returns the token after a time phrase at token j: a
// day ("Sunday", "yesterday") or a phrase opened by a preposition or
// "last"/"this" ("for weeks", "on Monday", "in recent days", "last week",
// "for the past two years"), or j.
func (a *analysis) timeAdverbialEnd(j int) int {
	if j >= len(a.toks) {
		return j
	}
	k := a.toks[j].Key
	if (weekdays[k] || k == "today" || k == "yesterday" || k == "tonight") && (j+1 >= len(a.toks) || isBlank(gap(a.text, a.toks, j+1))) {
		return j + 1 // "said Sunday"; not "praised Thursday's protests"
	}
	if !(k == "for" || k == "on" || k == "in" || k == "during" || k == "over" || k == "last" || k == "this" || k == "earlier" || k == "later") {
		return j
	}
	for m := j + 1; m < len(a.toks) && m <= j+4 && isBlank(gap(a.text, a.toks, m)); m++ {
		km := a.toks[m].Key
		if timeWords[km] || calendarWords[km] || strings.HasSuffix(km, "s") && timeWords[strings.TrimSuffix(km, "s")] || km == "days" || km == "weeks" || km == "months" || km == "years" {
			if m+1 < len(a.toks) && isBlank(gap(a.text, a.toks, m+1)) || m+1 < len(a.toks) && strings.TrimSpace(gap(a.text, a.toks, m+1)) == "," {
				return m + 1
			}
			return j
		}
		if !(determiners[km] || a.isNumber(m) || km == "past" || km == "recent" || km == "few" || km == "several" || km == "last" || km == "next") {
			return j
		}
	}
	return j
}

// skipTimePhrase returns the token after a time phrase that starts at
// token v ("on Tuesday", "last week", "earlier Thursday"), or v.
func (a *analysis) skipTimePhrase(v int) int {
	n := v
	if n < len(a.toks) && (a.toks[n].Key == "on" || a.toks[n].Key == "last" || a.toks[n].Key == "this" || a.toks[n].Key == "earlier" || a.toks[n].Key == "later") {
		n++
	}
	if n < len(a.toks) && n > v && (timeWords[a.toks[n].Key] || a.is(n, wcCalendarWord)) || n == v && n < len(a.toks) && a.is(n, wcWeekday) {
		return n + 1
	}
	return v
}

// namingCue attributes what a source calls or describes something:
// "Trump called Cruz the “ultimate hypocrite”", "Graham called for a
// vote", "she described the plan as reckless". The content is the rest
// of the clause after the verb (after "for" in "called for"); a plain
// "called" names only when the clause quotes the name it gives.
func (a *analysis) namingCue(i int) {
	s, ok := a.subjectBefore(i)
	if !ok && i+1 < len(a.toks) && hasQuoteMark(gap(a.text, a.toks, i+1)) {
		s, ok = a.relativeClauseSubject(i)
	}
	if !ok {
		// "Quill took the stage and called the plan “a fraud”": a
		// naming verb coordinated with an earlier verb has the
		// sentence's subject.
		s, ok = a.coordinatedSubject(i)
	}
	// “…,” X called it: the frame of the quotation before; but a
	// quotation that ended its sentence (“…” X called Y “…”) leaves a
	// new sentence to the naming verb.
	if !ok {
		return
	}
	if pb := a.phraseBegin(s); a.clauseOpensAfterComma(pb) && a.afterClosingQuote(pb) && !a.quoteEndsSentenceBefore(pb) {
		return
	}
	si := a.tokSent[i]
	if si < 0 || i+1 >= len(a.toks) || a.tokSent[i+1] != si {
		return
	}
	if !isBlank(gap(a.text, a.toks, i+1)) {
		// "what X called “…”": the quotation right after the verb is
		// the content.
		if qi := a.top.firstOpeningAt(a.quotes, a.toks[i].End); qi >= 0 && a.namesQuotationInRelative(s, i) {
			q := a.quotes[qi]
			s = a.freeRelativeSpeaker(s, si)
			a.addAttr(attribution{Cue: a.span(i, i), CueTok: i, Src: s, Pre: true, Fixed: true, Content: doc.Span{Begin: q.Open, End: q.Close}})
		}
		return
	}
	b := i + 1
	describe := strings.HasPrefix(a.toks[i].Key, "describ")
	switch {
	case a.toks[b].Key == "for" && !describe:
		b++
	case describe:
		as := false
		for m := b; m < len(a.toks) && m < b+10 && a.tokSent[m] == si; m++ {
			as = as || a.toks[m].Key == "as"
		}
		if !as {
			return
		}
	default:
		quoted := false
		for m := b; m < len(a.toks) && m < b+12 && a.tokSent[m] == si; m++ {
			quoted = quoted || hasQuoteMark(gap(a.text, a.toks, m))
		}
		if !quoted {
			return
		}
	}
	if b >= len(a.toks) || a.tokSent[b] != si {
		return
	}
	end := a.sents[si].End
	// The clause ends at a comma or semicolon outside quotation marks.
	for m := b + 1; m < len(a.toks) && a.tokSent[m] == si; m++ {
		if g := gap(a.text, a.toks, m); strings.ContainsAny(g, ";") || strings.Contains(g, ",") && !a.inQuote[m] && !hasQuoteMark(g) {
			end = a.toks[m-1].End
			break
		}
	}
	cb, ce := trimSpace(a.text, a.toks[b].Begin, end)
	a.addAttr(attribution{Cue: a.span(i, b-1), CueTok: i, Src: a.freeRelativeSpeaker(s, si), Pre: true, Fixed: true, Content: doc.Span{Begin: cb, End: ce}})
}

// cuedSentences marks the sentences that hold an attribution's cue.
func (a *analysis) cuedSentences() []bool {
	cued := make([]bool, len(a.sents))
	for _, at := range a.attrs {
		cued[at.Sentence] = true
	}
	return cued
}

// topLevelQuotes returns the quotations not nested in another, gathered
// once (the quotations do not change after findQuotes) into the
// scratch's room; the caller must not change them.
func (a *analysis) topLevelQuotes() []rawQuote {
	s := a.scratch
	if !s.topDone {
		s.topDone = true
		for _, q := range a.quotes {
			if q.Depth == 0 {
				s.top = append(s.top, q)
			}
		}
	}
	return s.top
}

// findNameColonQuotes attributes a quotation introduced by a bare name
// and a colon where a clause begins — at the start of a paragraph or
// sentence, or after a dash: "NEW POLL SHOWS A SHIFT - Dana Ruiz: “…”".
func (a *analysis) findNameColonQuotes() {
	cued := a.cuedSentences()
	for _, q := range a.topLevelQuotes() {
		c := a.lastTokenBefore(q.Open)
		if c < 0 || a.inQuote[c] {
			continue
		}
		if t := strings.TrimSpace(a.text[a.toks[c].End:q.Open]); t == "):" || t == ".):" {
			// "Rep. Ada Quill (R-Dover): “…”": party and place after the name.
			if o := a.parenthesisOpen(c); o > 0 && strings.TrimSpace(gap(a.text, a.toks, o)) == "(" {
				c = o - 1
			} else {
				continue
			}
		} else if t != ":" {
			continue
		}
		ri := a.runAt[c]
		if ri < 0 {
			a.fromDescriptionColon(c, cued)
			continue
		}
		r := a.runs[ri]
		// "More from Jones: “…”", "From HuffPollster: “…”": a digest
		// quoting its sources; "from" makes even one word of unknown kind
		// the source.
		from := r.First >= 1 && a.toks[r.First-1].Key == "from" && isBlank(gap(a.text, a.toks, r.First))
		if r.Last != c || r.None || r.Demonym || r.NameFirst > r.Last ||
			!(r.Type == Person || r.Type == Org || r.Type == Unknown && (r.Last > r.NameFirst || from)) {
			continue
		}
		if si := sentenceAt(a.sents, q.Open); si >= 0 && cued[si] {
			continue
		}
		begin := r.First
		// "Former secretary of state Ada Quill: “…”": describing words
		// before the name open the clause.
		if f := a.clauseOpening(r.First); f < r.First && isUpperStart(a.text[a.toks[f].Begin:a.toks[f].End]) && a.describedNameAfter(f) == r.First {
			begin = f
		}
		// "Ada Quill and Odo Vane: “…”": two people.
		if begin >= 2 && a.toks[begin-1].Key == "and" && isBlank(gap(a.text, a.toks, begin)) && isBlank(gap(a.text, a.toks, begin-1)) {
			if pj := a.runAt[begin-2]; pj >= 0 && a.runs[pj].Last == begin-2 && a.runs[pj].Type == Person {
				begin = a.runs[pj].First
			}
		}
		opening := begin // where the clause opens: before "(More) from"
		if begin >= 1 && a.toks[begin-1].Key == "from" && isBlank(gap(a.text, a.toks, begin)) {
			opening = begin - 1
			if opening >= 1 && a.toks[opening-1].Key == "more" && isBlank(gap(a.text, a.toks, opening)) {
				opening--
			}
			if !isUpperStart(a.text[a.toks[opening].Begin:a.toks[opening].End]) {
				continue
			}
		}
		before := strings.TrimRight(a.text[:a.toks[opening].Begin], " \t\u00a0")
		if !(before == "" || strings.HasSuffix(before, "\n") || strings.HasSuffix(before, " -") || strings.HasSuffix(before, "-") || strings.HasSuffix(before, "—") || strings.HasSuffix(before, "–") || a.starts[opening]) {
			continue
		}
		src := source{Span: doc.Span{Begin: a.toks[begin].Begin, End: a.toks[r.Last].End}, Kind: srcName, Run: ri, Type: r.Type}
		a.addAttr(attribution{Cue: a.span(c, c), CueTok: c, Src: src, Pre: true})
	}
	sortAttrs(a.attrs)
}

// fromDescriptionColon attributes the quotation after "From the report:"
// or "More from the report:" — a description after "from" opening its
// clause, ending at token c before the colon — to that description.
func (a *analysis) fromDescriptionColon(c int, cued []bool) {
	k := a.toks[c].Key
	if !isDescriptionHead(k, a.text[a.toks[c].Begin:a.toks[c].End]) && !isCueNoun(k, a.text[a.toks[c].Begin:a.toks[c].End]) {
		return
	}
	// A determiner and up to three modifiers before the head.
	b := c
	for n := 0; n < 4 && b > 0 && isBlank(gap(a.text, a.toks, b)) && !a.is(b, wcDeterminer); n++ {
		b--
	}
	if !a.is(b, wcDeterminer) || b < 1 || a.toks[b-1].Key != "from" || !isBlank(gap(a.text, a.toks, b)) {
		return
	}
	s := source{Span: doc.Span{Begin: a.toks[b].Begin, End: a.toks[c].End}, Kind: srcOrgRole, Run: -1, Head: k}
	opening := b - 1
	if opening >= 1 && a.toks[opening-1].Key == "more" && isBlank(gap(a.text, a.toks, opening)) {
		opening--
	}
	if !isUpperStart(a.text[a.toks[opening].Begin:a.toks[opening].End]) || a.tokSent[c] >= 0 && cued[a.tokSent[c]] {
		return
	}
	before := strings.TrimRight(a.text[:a.toks[opening].Begin], " \t\u00a0")
	if !(before == "" || strings.HasSuffix(before, "\n") || strings.HasSuffix(before, "-") || strings.HasSuffix(before, "—") || strings.HasSuffix(before, "–") || a.starts[opening]) {
		return
	}
	a.addAttr(attribution{Cue: a.span(c, c), CueTok: c, Src: s, Pre: true})
}

// clauseOpening is the first token of the run of words before token j
// that no punctuation breaks, at most six back: where a phrase ending at
// j may begin.
func (a *analysis) clauseOpening(j int) int {
	f := j
	for f > 0 && j-f < 6 && isBlank(gap(a.text, a.toks, f)) && !a.inQuote[f-1] {
		f--
	}
	return f
}

// titledHeadline attributes a headline in title case that opens with a
// person's name, then a colon or a cue, and quotes after it ("Ada Quill:
// ‘The Levy Is A Fraud’", "Quill Says Vane Is ‘Not Fit To Serve’",
// "Ada Quill Calls The Levy ‘A Fraud’"). Every word of such a headline
// is capitalised, so no name run marks the name; the person is one the
// document names in full (the words before the colon or cue end with
// their surname), or, before a colon, whoever those words name. The
// mention is those words, resolved to that name.
func (a *analysis) titledHeadline(p doc.Span, f int) {
	for c := f; c < len(a.toks) && c <= f+3 && a.toks[c].End < p.End; c++ {
		w := a.text[a.toks[c].Begin:a.toks[c].End]
		if !isUpperStart(w) || a.is(c, wcFunctionWord) || c+1 >= len(a.toks) {
			return
		}
		g := gap(a.text, a.toks, c+1)
		colon := strings.HasPrefix(g, ":")
		cue := isBlank(g) && (a.is(c+1, wcCueVerb) || a.is(c+1, wcNamingVerb)) && isUpperStart(a.text[a.toks[c+1].Begin:a.toks[c+1].End])
		if !colon && !cue {
			if !isBlank(g) && strings.TrimSpace(g) != "." {
				return
			}
			// "Quill Praises Vane: ‘A Fine Mayor’": the person's name, what
			// they did, and a colon that opens a quotation.
			if name := a.people.resolve(w); name != "" && isBlank(g) {
				if m, ok := a.colonOpeningQuote(c+1, p); ok {
					src := source{Span: doc.Span{Begin: a.toks[f].Begin, End: a.toks[c].End}, Kind: srcOrgRole, Run: -1, Head: a.toks[c].Key, Name: name, Type: Person}
					cb, ce := trimSpace(a.text, a.toks[m].End+1, p.End)
					a.addAttr(attribution{Cue: doc.Span{Begin: a.toks[m].End, End: a.toks[m].End + 1}, CueTok: m, Src: src, Pre: true, Fixed: true, Content: doc.Span{Begin: cb, End: ce}})
					return
				}
			}
			continue
		}
		name, typ := a.people.resolve(w), Person
		if name == "" {
			// "Cecile Ross: ‘I Am Sick Of It.’", "Pollwatch: A ‘Seismic
			// Shift’", "Report: …": who speaks before the colon need not
			// be named again in the text.
			if !colon || !a.headlineSpeaker(f, c) {
				return
			}
			name, typ = a.text[a.toks[f].Begin:a.toks[c].End], Unknown
		}
		cb, ce := trimSpace(a.text, a.toks[c].End+1, p.End)
		cueSpan := doc.Span{Begin: a.toks[c].End, End: a.toks[c].End + 1}
		cueTok := c
		if cue {
			cb, ce = trimSpace(a.text, a.toks[c+1].End, p.End)
			cueSpan, cueTok = doc.Span{Begin: a.toks[c+1].Begin, End: a.toks[c+1].End}, c+1
		}
		// A quotation (any mark, ‘’ too) opens in what follows.
		k := sort.Search(len(a.qspans), func(k int) bool { return a.qspans[k].Begin >= cb })
		if a.countWords(cb, ce) < 2 || k >= len(a.qspans) || a.qspans[k].Begin >= ce {
			return
		}
		// A cue the scan already attributed ("Quill Says …") keeps its
		// attribution.
		if i := sort.Search(len(a.attrs), func(i int) bool { return a.attrs[i].Cue.Begin >= cueSpan.Begin }); i < len(a.attrs) && a.attrs[i].Cue.Begin == cueSpan.Begin {
			return
		}
		// Kept as a role-like mention with its name already resolved:
		// resolve leaves such a source's name as it is.
		src := source{Span: doc.Span{Begin: a.toks[f].Begin, End: a.toks[c].End}, Kind: srcOrgRole, Run: -1, Head: a.toks[c].Key, Name: name, Type: typ}
		a.addAttr(attribution{Cue: cueSpan, CueTok: cueTok, Src: src, Pre: true, Fixed: true, Content: doc.Span{Begin: cb, End: ce}})
		return
	}
}

// headlineFrameAfter attributes a headline in title case that ends with
// its frame after a comma, a name and a cue ("Vane Is ‘Not Fit To
// Serve,’ Ada Quill Says.", "… Crisis, Ada Quill Tells Convention"): what
// precedes the comma is what was said. The name is one the document
// names in full, or two to four capitalised words.
func (a *analysis) headlineFrameAfter(p doc.Span, f int) bool {
	e := a.lastTokenBefore(p.End)
	if e <= f+2 || !a.isTitleCase(f, e) {
		return false
	}
	for v := e; v > f+1 && v >= e-4; v-- {
		if !a.is(v, wcCueVerb) || !isUpperStart(a.text[a.toks[v].Begin:a.toks[v].End]) {
			continue
		}
		// The name: capitalised words back to the comma.
		s := v - 1
		for s > f && s >= v-4 && isBlank(gap(a.text, a.toks, s)) {
			s--
		}
		if s == v-1 && !isBlank(gap(a.text, a.toks, v)) || !strings.Contains(gap(a.text, a.toks, s), ",") || s <= f {
			return false
		}
		for i := s; i < v; i++ {
			if w := a.text[a.toks[i].Begin:a.toks[i].End]; !isUpperStart(w) || a.is(i, wcFunctionWord) || a.is(i, wcLabelWord) {
				return false
			}
		}
		name, typ := a.people.resolve(a.text[a.toks[v-1].Begin:a.toks[v-1].End]), Person
		if name == "" {
			if v-s < 2 {
				return false
			}
			name, typ = a.text[a.toks[s].Begin:a.toks[v-1].End], Unknown
		}
		cb, ce := trimSpace(a.text, p.Begin, a.toks[s].Begin)
		src := source{Span: doc.Span{Begin: a.toks[s].Begin, End: a.toks[v-1].End}, Kind: srcOrgRole, Run: -1, Head: a.toks[v-1].Key, Name: name, Type: typ}
		a.addAttr(attribution{Cue: a.span(v, v), CueTok: v, Src: src, Pre: true, Fixed: true, Content: doc.Span{Begin: cb, End: ce}})
		return true
	}
	return false
}

// headlineSpeaker reports whether the capitalised words [f, c] before a
// headline's colon may name who speaks after it: no page label
// ("WATCH:", "Breaking:") nor a date.
func (a *analysis) headlineSpeaker(f, c int) bool {
	for i := f; i <= c; i++ {
		if a.is(i, wcLabelWord) || a.is(i, wcCalendarWord) {
			return false
		}
	}
	return true
}

// colonOpeningQuote finds, from token b to the end of paragraph p, the
// token before the first colon and reports whether a quotation opens
// right after that colon.
func (a *analysis) colonOpeningQuote(b int, p doc.Span) (int, bool) {
	for m := b; m+1 < len(a.toks) && a.toks[m+1].Begin < p.End; m++ {
		if !strings.HasPrefix(gap(a.text, a.toks, m+1), ":") {
			continue
		}
		cb, _ := trimSpace(a.text, a.toks[m].End+1, p.End)
		k := sort.Search(len(a.qspans), func(k int) bool { return a.qspans[k].Begin >= cb })
		return m, k < len(a.qspans) && a.qspans[k].Begin == cb
	}
	return 0, false
}

// findHeadlines attributes a headline of the form "Name: what they
// said" ("Lynch: No outside influence on FBI probe"): a short paragraph
// that opens with a person's or organisation's name and a colon.
func (a *analysis) findHeadlines() {
	for _, p := range a.paras {
		if p.End-p.Begin > 200 {
			continue
		}
		f := a.tokenStartingAt(p.Begin)
		if f < 0 || f >= len(a.toks) || a.toks[f].Begin != p.Begin {
			continue
		}
		if a.headlineFrameAfter(p, f) {
			continue
		}
		ri := a.runAt[f]
		if ri < 0 {
			a.titledHeadline(p, f)
			continue
		}
		r := a.runs[ri]
		if r.First != f || r.Last+1 >= len(a.toks) || a.toks[r.Last+1].Begin >= p.End ||
			!(r.Type == Person || r.Type == Org || r.Type == Unknown && r.Last > r.NameFirst) {
			continue
		}
		if g := gap(a.text, a.toks, r.Last+1); !strings.HasPrefix(g, ":") || strings.TrimSpace(strings.TrimPrefix(g, ":")) != "" && !strings.ContainsAny(g, "\"“‘'") {
			continue
		}
		colon := a.toks[r.Last].End
		cb, ce := trimSpace(a.text, colon+1, p.End)
		if a.countWords(cb, ce) < 3 {
			continue
		}
		src := source{Span: doc.Span{Begin: a.toks[r.NameFirst].Begin, End: a.toks[r.Last].End}, Kind: srcName, Run: ri, Type: r.Type}
		a.addAttr(attribution{Cue: doc.Span{Begin: colon, End: colon + 1}, CueTok: r.Last, Src: src, Pre: true, Fixed: true, Content: doc.Span{Begin: cb, End: ce}})
	}
	sortAttrs(a.attrs)
}

// participleCue attributes "…, saying (that) X" to the subject of the
// sentence the participle closes: "Trump rejected the plan, saying it
// would fail".
func (a *analysis) participleCue(i int) {
	if a.openingParticiple(i) {
		return
	}
	if s, ok := a.withSubject(i); ok {
		a.addAttr(attribution{Cue: a.span(i, i), CueTok: i, Src: s, Pre: true})
		return
	}
	// "… by saying", "… after telling reporters": what the subject did.
	if i == 0 || !strings.Contains(gap(a.text, a.toks, i), ",") && !a.issuedTextBefore(i) && !(participleConjunctions[a.toks[i-1].Key] && !a.starts[i-1]) || a.tokSent[i] < 0 {
		return
	}
	if src, ok := a.participleSource(i); ok {
		a.addAttr(attribution{Cue: a.span(i, i), CueTok: i, Src: src, Pre: true})
	}
}

// participleSource is the subject of a participle at token i that closes
// its sentence's clause: the sentence's subject, or the speaker of the
// frame before the participle when the sentence opens with a quotation.
func (a *analysis) participleSource(i int) (source, bool) {
	sent := a.sents[a.tokSent[i]]
	if s, ok := a.clauseBeforeParticiple(i, sent); ok {
		return s, true
	}
	src, v, ok := a.sentenceSubjectDo(sent, true)
	if f := a.tokenStartingAt(sent.Begin); !ok && f < len(a.toks) && a.inQuote[f] {
		// "“You will not win,” Quill said, adding that …": the sentence
		// opens with a quotation whose first words are no subject; the
		// participle's subject is the frame's speaker.
		if fr := a.frameBefore(i); fr != nil {
			return fr.Src, true
		}
		return source{}, false
	}
	if !ok || v >= i {
		return source{}, false
	}
	if t := a.tokenStartingAt(src.Span.Begin); t < len(a.toks) && a.inQuote[t] {
		// "“We will open the locks,” he said, adding that …": the
		// subject found is inside the quotation; the participle's is
		// the speaker of the frame before it.
		f := a.frameBefore(i)
		if f == nil {
			return source{}, false
		}
		src = f.Src
	}
	return src, true
}

// clauseBeforeParticiple finds the subject of a subordinate clause
// that ends at the comma right before participle i ("…, where about 50
// protesters had gathered, chanting “…”", "…, when Vane supporters
// interrupted her, shouting “…”"): the participle closes that clause,
// and its subject is the clause's.
func (a *analysis) clauseBeforeParticiple(i int, sent doc.Span) (source, bool) {
	c := i - 1
	for c >= 0 && c > i-25 && a.toks[c].Begin >= sent.Begin && !hasMarkOr(gap(a.text, a.toks, c+1), ",;:()") || c == i-1 {
		if c < 0 || a.toks[c].Begin < sent.Begin || a.inQuote[c] {
			return source{}, false
		}
		c--
	}
	// c is the last token before the segment; the segment opens at c+1.
	f := c + 1
	if f >= i || !strings.Contains(gap(a.text, a.toks, f), ",") {
		return source{}, false
	}
	k := a.toks[f].Key
	if k != "where" && k != "when" && k != "while" && k != "as" && k != "after" && k != "because" {
		return source{}, false
	}
	src, ok := a.npAfter(f + 1)
	if !ok || src.Kind == srcName && src.Type == Place {
		return source{}, false
	}
	v := a.tokenAt(src.Span.End) + 1
	for v < i && (a.is(v, wcAdverbial) || preVerbWords[a.toks[v].Key] || auxiliaries[a.toks[v].Key]) {
		v++
	}
	if v >= i || isUpperStart(a.text[a.toks[v].Begin:a.toks[v].End]) || a.is(v, wcPreposition) || !isBlank(gap(a.text, a.toks, v)) {
		return source{}, false
	}
	return src, true
}

// adverbialClauseWords open an adverbial clause (subordinating
// conjunctions), never a main clause.
var adverbialClauseWords = set(`when while after before although though because since if unless once whenever until`)

// commaOutsideQuotes reports whether the text between bytes b and e,
// trailing spaces and commas aside, holds a comma, semicolon or colon
// outside quotation marks: a clause after the opening one.
func (a *analysis) commaOutsideQuotes(b, e int) bool {
	t := strings.TrimRight(a.text[b:e], " ,\u00a0")
	for i := 0; i < len(t); i++ {
		if c := t[i]; (c == ',' || c == ';' || c == ':') && !inSpans(a.qspans, b+i) {
			return true
		}
	}
	return false
}

// timeModifiers stand before a weekday or a time word ("early Friday",
// "on Monday", "last week").
var timeModifiers = set(`early late on last this next`)

// issuedTexts are what a source puts out in its own words: "The board
// released a statement saying …", "sent a letter Monday asking …".
var issuedTexts = set(`statement statements letter letters release tweet tweets email emails memo message`)

// issuedTextBefore reports whether the participle at token i follows,
// with no comma, a text the sentence's subject issued ("released a
// statement Wednesday saying …"): the participle says what the text
// says, and the subject is its source.
func (a *analysis) issuedTextBefore(i int) bool {
	j := i - 1
	if j > 0 && timeWords[a.toks[j].Key] && isBlank(gap(a.text, a.toks, j+1)) {
		j--
		// "tweets early Friday saying", "a statement on Monday saying"
		if j > 0 && timeModifiers[a.toks[j].Key] && isBlank(gap(a.text, a.toks, j+1)) {
			j--
		}
	}
	return j >= 0 && issuedTexts[a.toks[j].Key] && isBlank(gap(a.text, a.toks, j+1)) && a.tokSent[j] == a.tokSent[i] && !a.inQuote[j]
}

// openingParticiple attributes a participle cue that opens its sentence
// and introduces a quotation with a comma or colon ("Adding, “…”"), a
// clipped sentence that goes on from the one before: its source is the
// source of the last attribution of that sentence, in the same
// paragraph. It reports whether token i was such a participle.
func (a *analysis) openingParticiple(i int) bool {
	if !a.starts[i] || i+1 >= len(a.toks) || !a.inQuote[i+1] || a.tokSent[i] <= 0 {
		return false
	}
	if g := strings.TrimSpace(strings.TrimRight(gap(a.text, a.toks, i+1), " \u00a0\"“'‘")); g != "," && g != ":" {
		return false
	}
	prev := a.tokSent[i] - 1
	if sentenceAt(a.paras, a.sents[prev].Begin) != sentenceAt(a.paras, a.toks[i].Begin) {
		return false
	}
	for k := len(a.attrs) - 1; k >= 0; k-- {
		at := &a.attrs[k]
		if at.Sentence < prev {
			break
		}
		if at.Sentence == prev && !at.Passive {
			a.addAttr(attribution{Cue: a.span(i, i), CueTok: i, Src: at.Src, Pre: true})
			return true
		}
	}
	return true
}

// frameBefore is the last attribution found so far in the sentence of
// token i whose cue stands before it, or nil.
func (a *analysis) frameBefore(i int) *attribution {
	for k := len(a.attrs) - 1; k >= 0; k-- {
		at := &a.attrs[k]
		if at.Sentence != a.tokSent[i] {
			return nil
		}
		if at.CueTok < i {
			return at
		}
	}
	return nil
}

// sortAttrs puts attributions in text order of their cues.
func sortAttrs(ats []attribution) {
	if slices.IsSortedFunc(ats, byCue) {
		return
	}
	slices.SortStableFunc(ats, byCue)
}

func byCue(x, y attribution) int { return x.Cue.Begin - y.Cue.Begin }

// lastTokenBefore is the index of the last token ending at or before off.
func (a *analysis) lastTokenBefore(off int) int {
	return a.tokenAt(off+1) - 1
}

func (a *analysis) addAttr(at attribution) {
	// A byline ("By Ada Quill, Harwick Evening Post") names the writer
	// and the outlet; a word of the outlet's name that is also a cue
	// ("Post", "Report", "Says") attributes nothing.
	if a.inByline(at.CueTok) {
		return
	}
	// A speaker is a person or an organisation, never a place: "London
	// proposed" speaks for a government the text does not name.
	if at.Src.Kind == srcName && at.Src.Type == Place {
		// "Israel said", "Scarborough said": a one-word place that is the
		// surname of a person the text names in full ("Rep. Steve
		// Israel", "Joe Scarborough") is that person when it speaks.
		r := &a.runs[at.Src.Run]
		full := ""
		if r.NameFirst == r.Last {
			full = a.people.resolve(r.proper(a.text, a.toks))
		}
		if full == "" {
			return
		}
		r.Type, r.Canonical = Person, full
		at.Src.Type = Person
	}
	at.Quote = -1
	at.Sentence = sentenceAt(a.sents, at.Cue.Begin)
	if at.Sentence < 0 {
		return
	}
	a.attrs = append(a.attrs, at)
}

func (a *analysis) span(i, j int) doc.Span {
	return doc.Span{Begin: a.toks[i].Begin, End: a.toks[j].End}
}

// tokenAt returns the index of the token ending at byte end.
func (a *analysis) tokenAt(end int) int {
	lo, hi := a.tokIndex.around(end, len(a.toks))
	for lo < hi {
		m := (lo + hi) / 2
		if a.toks[m].End < end {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// sourcePhrase is the noun phrase after "according to" when it is
// neither a name nor a role: "exit polls reported by CNN", "recent data
// from comScore". It runs to the first punctuation mark, at most ten
// words, and is never resolved to a person.
func (a *analysis) sourcePhrase(b int) (source, bool) {
	if b >= len(a.toks) || a.inQuote[b] || !isBlank(gap(a.text, a.toks, b)) {
		return source{}, false
	}
	s := a.tokSent[b]
	e := b
	for e+1 < len(a.toks) && e-b < 9 && a.tokSent[e+1] == s && isBlank(gap(a.text, a.toks, e+1)) && !clauseWords[a.toks[e+1].Key] {
		e++
	}
	return source{Span: doc.Span{Begin: a.toks[b].Begin, End: a.toks[e].End}, Kind: srcOrgRole, Run: -1, Head: a.toks[e].Key}, true
}

// accordingByFirst indexes the "according to" phrases by their first word.
var accordingByFirst = byFirstWord(accordingTo)

// matchAccording returns the length of an "according to" phrase at i.
func (a *analysis) matchAccording(i int) int {
	if !a.is(i, wcAccordingFirst) {
		return 0
	}
	return a.matchSequence(i, accordingByFirst[a.toks[i].Key], false)
}

// matchSequence returns the length of the first of seqs (sequences of
// keys) that starts at token i, or 0; adjacent asks that only a space
// stand between its words.
func (a *analysis) matchSequence(i int, seqs [][]string, adjacent bool) int {
next:
	for _, p := range seqs {
		if i+len(p) > len(a.toks) {
			continue
		}
		for j, w := range p {
			if a.toks[i+j].Key != w || adjacent && j > 0 && !isBlank(gap(a.text, a.toks, i+j)) {
				continue next
			}
		}
		return len(p)
	}
	return 0
}

// subjectBefore finds the subject of the cue verb at token i: the noun
// phrase just before it (adverbs and auxiliaries skipped), or, when a
// comma stands before the verb, the name before an apposition:
// "Aleksey Petrov, a senior MP, wrote".
func (a *analysis) subjectBefore(i int) (source, bool) {
	j := a.beforeVerbGroup(i)
	if j < 0 {
		return source{}, false
	}
	g := gap(a.text, a.toks, j+1)
	title := false
	if a.inQuote[j] {
		// "Ada Quill, author of “The Harbour,” said": a short title
		// whose marks hold the comma closes the apposition.
		if !a.titleClosesApposition(j, g) {
			return source{}, false
		}
		title, g = true, ","
	}
	if a.contracted(j + 1) {
		g = " " // "he’s said": the subject ends at the apostrophe
	}
	if a.generationStop(j, g) {
		g = strings.Replace(g, ".", "", 1) // "Tom Quill Jr. said": the stop belongs to the name
	}
	// An abbreviation ending an apposition ("Allentown, Pa., said",
	// "R-Wis., said") is no name; its full stop stands before the
	// comma. A comma after a parenthesis ("(R-Ohio), said") is dropped.
	abbr := strings.TrimSpace(g) == ".,"
	if abbr {
		g = ","
	} else if strings.TrimSpace(g) == ")," {
		g = ")"
	}
	// "Sen. Marco Rubio (R-Fla.) said": a parenthesis after the subject
	// (party and state, age, office) is skipped.
	if t := strings.TrimSpace(g); strings.HasSuffix(t, ")") && !strings.Contains(t, "(") {
		if o := a.parenthesisOpen(j); o > 0 {
			j = o - 1
			g = gap(a.text, a.toks, j+1)
			if strings.TrimSpace(gap(a.text, a.toks, o)) == "(" {
				return a.npBefore(j)
			}
		}
		return source{}, false
	}
	if strings.TrimSpace(g) == "" || strings.TrimSpace(g) == "%" {
		if s, ok := a.relativeSubjectBefore(i, j); ok {
			return s, true
		}
		if s, ok := a.npBefore(j); ok {
			return s, true
		}
		if s, ok := a.openingNounBefore(j); ok {
			return s, true
		}
		return a.quantityBefore(j)
	}
	if t := strings.TrimSpace(g); t == "—" || t == "–" || t == "--" || t == "-" && g != "-" {
		return a.nameBeforeDashedApposition(j, t)
	}
	if strings.TrimSpace(g) != "," {
		return source{}, false
	}
	// ", CUE": the segment before the comma is the subject if it is a
	// name, or an apposition after the subject.
	segStart := a.segmentStartPastTitles(j)
	if s, ok := a.npBefore(j); ok && !abbr && !title && a.toks[a.tokenStartingAt(s.Span.Begin)].Begin <= a.toks[segStart].Begin && s.Kind == srcName && s.Type != Place {
		return s, true
	}
	if abbr || !a.isApposition(segStart, j) || segStart == 0 {
		return a.nameBeforeAppositions(segStart)
	}
	p := segStart - 1
	switch strings.TrimSpace(gap(a.text, a.toks, segStart)) {
	case ",":
	case ".,":
		// "Tom Quill Jr., the director, said"; an abbreviation ends
		// another apposition before ("X, of Raleigh, N.C., who …, said").
		if !generations[a.toks[p].Key] {
			return a.nameBeforeAppositions(segStart)
		}
	case "),", ".),":
		// "Rep. X (D-Md.), chair of the committee, said": the
		// parenthesis after the name is skipped.
		o := a.parenthesisOpen(p)
		if o <= 0 || strings.TrimSpace(gap(a.text, a.toks, o)) != "(" {
			return source{}, false
		}
		p = o - 1
	default:
		return source{}, false
	}
	s, ok := a.npBefore(p)
	if ok && (s.Kind == srcRole || s.Kind == srcOrgRole || s.Kind == srcPlural) && a.segmentStart(p) == a.tokenStartingAt(a.phraseBegin(s)) {
		// "…, the mayor, a tired man, said": a role opening its segment.
		return s, true
	}
	if !ok || s.Kind != srcName || s.Type == Place {
		return a.nameBeforeAppositions(segStart)
	}
	return s, true
}

// generationStop reports whether the text g after token j is the full
// stop of a generation suffix ending a name ("Jr.", "Sr."), perhaps with
// a comma after it, rather than the end of a sentence.
func (a *analysis) generationStop(j int, g string) bool {
	t := strings.TrimSpace(g)
	return (t == "." || t == ".,") && strings.HasPrefix(g, ".") && generations[a.toks[j].Key] && a.runAt[j] >= 0 && a.runs[a.runAt[j]].Last == j
}

// beforeVerbGroup returns the index of the last token before the verb
// group that ends with the cue at token i, or -1: adverbs, auxiliaries,
// modals and negations stand between a subject and its verb ("also
// said", "has since stressed", "did not say", "can barely believe",
// "he’s often said"), and so does a verb that takes the cue as its
// infinitive ("continued to suggest", "went on to express", "is likely
// to remind"). The verb before "to" must be a lower-case word after
// which the subject is still to be found, so "a plan to announce" or
// "the first to say" have no subject.
func (a *analysis) beforeVerbGroup(i int) int {
	j := i - 1
	infinitive := false
	for j >= 0 && !hasMarkOr(gap(a.text, a.toks, j+1), ",.;:!?()") {
		k := a.toks[j].Key
		w := a.text[a.toks[j].Begin:a.toks[j].End]
		switch {
		case adverbials[k] || isAdverb(k, w) || preVerbWords[k] || a.contracted(j):
			j--
		case (weekdays[k] || timeWords[k] && k != "week" && k != "month" && k != "year") && j > 0 && isBlank(gap(a.text, a.toks, j)):
			// "Gowdy on Thursday said", "Gowdy earlier Thursday said"
			j--
			if pk := a.toks[j].Key; (pk == "on" || pk == "earlier" || pk == "later" || pk == "last" || pk == "this") && isBlank(gap(a.text, a.toks, j+1)) {
				j--
			}
		case j > 1 && isYear(k) && a.toks[j-1].Key == "in" && isBlank(gap(a.text, a.toks, j+1)) && isBlank(gap(a.text, a.toks, j)) && isBlank(gap(a.text, a.toks, j-1)):
			j -= 2 // "who in 2010 said"
		case k == "to" && !infinitive && j > 1 && isBlank(gap(a.text, a.toks, j)) && a.toks[j-1].Key == "on" && isBlank(gap(a.text, a.toks, j-1)) && a.catenative(j-2):
			infinitive = true
			j -= 3 // "went on to say"
		case k == "to" && !infinitive && j > 0 && isBlank(gap(a.text, a.toks, j)) && a.catenative(j-1):
			infinitive = true
			j -= 2
		default:
			return j
		}
	}
	return j
}

// isYear reports whether a key is a year of four digits ("2010").
func isYear(k string) bool {
	return len(k) == 4 && digits(k) == 4 && (k[0] == '1' || k[0] == '2')
}

// catenative reports whether token j may be a verb taking an infinitive
// ("continued", "seemed", "went" of "went on"): a lower-case content word
// that is no preposition, determiner, pronoun or noun after an article.
func (a *analysis) catenative(j int) bool {
	k := a.toks[j].Key
	w := a.text[a.toks[j].Begin:a.toks[j].End]
	if isUpperStart(w) || prepositions[k] || determiners[k] || functionWords[k] && !auxiliaries[k] || personPronouns[k] || pluralPronouns[k] || objectPronouns[k] || cueVerbs[k] && !strings.HasSuffix(k, "ed") {
		return false
	}
	if j > 0 && isBlank(gap(a.text, a.toks, j)) && (a.is(j-1, wcDeterminer) || a.toks[j-1].Key == "s" && !a.contracted(j-1)) {
		return false // "a plan to", "Trump's decision to"
	}
	return true
}

// contractedBe reports whether token j is a contracted form of "be"
// after its subject ("he’s claiming", "they’re saying", "I’m telling").
func (a *analysis) contractedBe(j int) bool {
	switch a.toks[j].Key {
	case "s", "re":
		return a.contracted(j)
	case "m":
		g := gap(a.text, a.toks, j)
		return j > 0 && a.toks[j-1].Key == "i" && (g == "'" || g == "’")
	}
	return false
}

// contracted reports whether token j is the contracted auxiliary or
// negation of the word before it: "’s" after a pronoun ("he’s said"),
// "’ve", "’d", "’ll", and the "t" of "didn’t".
func (a *analysis) contracted(j int) bool {
	if j <= 0 || j >= len(a.toks) {
		return false
	}
	if g := gap(a.text, a.toks, j); g != "'" && g != "’" {
		return false
	}
	switch a.toks[j].Key {
	case "ve", "d", "ll", "re", "t":
		return true
	case "s":
		p := a.toks[j-1].Key
		return personPronouns[p] || p == "it" || p == "who" || p == "that" || p == "there"
	}
	return false
}

// parenthesisOpen returns the first token inside the parenthesis that
// closes after token j, within its sentence and eight tokens, or -1.
func (a *analysis) parenthesisOpen(j int) int {
	for k := j; k > 0 && k > j-8 && a.tokSent[k] == a.tokSent[j]; k-- {
		g := gap(a.text, a.toks, k)
		if strings.Contains(g, "(") {
			return k
		}
		if hasMarkOr(g, ")") {
			return -1
		}
	}
	return -1
}

// nameBeforeAppositions finds the subject that opens its clause before a
// chain of comma-separated appositions ending at the segment that starts
// at token seg: "Dana Ruiz, 67, a retired nurse in Allentown, Pa.,
// said", "Harry Bond, 30, of Raleigh, N.C., who was polled, said". The
// name must open its sentence or follow a quotation, and no segment
// between may hold a cue.
func (a *analysis) nameBeforeAppositions(seg int) (source, bool) {
	for n := 0; n < 6 && seg > 0; n++ {
		// An abbreviation's full stop may stand before the comma ("N.C.,").
		if t := strings.TrimSpace(gap(a.text, a.toks, seg)); t != "," && t != ".," || a.tokSent[seg-1] != a.tokSent[seg] {
			return source{}, false
		}
		p := seg - 1
		seg = a.segmentStartPastTitles(p)
		if p-seg > 12 || a.inQuote[seg] {
			return source{}, false
		}
		for k := seg; k <= p; k++ {
			// A cue form after a determiner is a noun ("outside of the
			// state capital", "the report").
			if (a.is(k, wcCueVerb) || a.is(k, wcNamingVerb)) && !(k > seg && a.is(k-1, wcDeterminer)) {
				return source{}, false
			}
		}
		s, ok := a.npBefore(p)
		if !ok || s.Kind != srcName || s.Type == Place || a.runs[s.Run].First != seg {
			continue
		}
		if sb := a.sents[a.tokSent[seg]].Begin; a.toks[seg].Begin == sb || strings.TrimSpace(a.text[sb:a.toks[seg].Begin]) == "" || a.clauseOpensAfterComma(a.toks[seg].Begin) && a.afterClosingQuote(a.toks[seg].Begin) {
			return s, true
		}
		// A name inside the chain ("X, of Ashton, Md., who …, said":
		// "Md") is part of an apposition; the subject is further back.
	}
	return source{}, false
}

// connectives open a sentence and link it to the one before, set off by
// a comma ("However, …", "Indeed, …").
var connectives = set(`however moreover indeed nevertheless nonetheless furthermore likewise similarly
	separately additionally besides afterward afterwards finally ultimately thus therefore hence otherwise`)

// ordinalOpeners count the steps of an account ("First, …", "Second, …").
var ordinalOpeners = set(`first second third fourth last lastly`)

// openingParticiplePhrase reports whether token f, the n-th step into a
// sentence, opens it with a participle in -ing followed by a lower-case
// word ("Flying home one night, she …", "Speaking at a rally in Dover,
// Quill …"): an introductory phrase, not the subject ("Flying" is no
// name).
func (a *analysis) openingParticiplePhrase(f, n int) bool {
	k := a.toks[f].Key
	if n != 0 || !a.starts[f] || len(k) < 6 || !strings.HasSuffix(k, "ing") || a.opensNameRun(f) || f+1 >= len(a.toks) || !isBlank(gap(a.text, a.toks, f+1)) {
		return false
	}
	return !isUpperStart(a.text[a.toks[f+1].Begin:a.toks[f+1].End])
}

// isAdverb reports whether a lower-case word is an adverb in -ly
// ("famously responded", "repeatedly insisted").
func isAdverb(k, w string) bool {
	return len(k) > 4 && strings.HasSuffix(k, "ly") && !isUpperStart(w) && !notAdverbs[k]
}

// tokenStartingAt returns the index of the token that begins at byte b.
func (a *analysis) tokenStartingAt(b int) int {
	return min(a.tokenFrom(b), len(a.toks)-1)
}

// tokenFrom is the first token that begins at or after byte b,
// len(a.toks) when none does: sort.Search over the tokens, between the
// neighbouring entries of the token index.
func (a *analysis) tokenFrom(b int) int {
	lo, hi := a.tokIndex.around(b, len(a.toks))
	for lo < hi {
		m := (lo + hi) / 2
		if a.toks[m].Begin < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// segmentStart is the first token after the comma (or sentence start)
// that precedes token j.
func (a *analysis) segmentStart(j int) int {
	s := a.tokSent[j]
	for j > 0 && a.tokSent[j-1] == s && !hasMarkOr(gap(a.text, a.toks, j), ",;:()—–") {
		j--
	}
	return j
}

// segmentStartPastTitles is segmentStart for a segment that may hold a
// short quotation, a title or a scare-quoted word, inside it: "author of
// “The Harbour,”", "wearing a hat and “Ted Cruz” pins". The search goes
// on back past the quotation; any other mark ends the segment as before.
func (a *analysis) segmentStartPastTitles(j int) int {
	if a.inQuote[j] {
		f, ok := a.shortQuoteStart(j)
		if !ok {
			return a.segmentStart(j)
		}
		j = f
	}
	s := a.tokSent[j]
	for j > 0 && a.tokSent[j-1] == s {
		g := gap(a.text, a.toks, j)
		if !hasMarkOr(g, ",;:()—–") {
			j--
			continue
		}
		if strings.ContainsAny(g, ",;:()—–") {
			break
		}
		switch {
		case a.inQuote[j] && !a.inQuote[j-1]:
			j-- // the opening mark of a quotation the segment holds
		case a.inQuote[j-1] && !a.inQuote[j]:
			f, ok := a.shortQuoteStart(j - 1)
			if !ok {
				return j
			}
			j = f
		default:
			return j
		}
	}
	return j
}

// shortQuoteStart returns the first token of the quotation holding token
// j when it is short (four words at most) and inside j's sentence.
func (a *analysis) shortQuoteStart(j int) (int, bool) {
	k := spansFrom(a.qspans, a.toks[j].Begin)
	if k >= len(a.qspans) || a.qspans[k].Begin > a.toks[j].Begin {
		return 0, false
	}
	q := a.qspans[k]
	if a.countWords(q.Begin, q.End) > 4 {
		return 0, false
	}
	f := a.tokenStartingAt(q.Begin)
	for f < j && a.toks[f].Begin < q.Begin {
		f++
	}
	if f == 0 || a.tokSent[f-1] != a.tokSent[j] || a.tokSent[f] != a.tokSent[j] {
		return 0, false
	}
	return f, true
}

// titleClosesApposition reports whether token j, inside a quotation, ends
// a short title that closes an apposition before a cue, the comma inside
// its marks (g is the text after j): "Ada Quill, author of “The
// Harbour,” said", also with the archive's two apostrophes. The title
// stands inside its segment, after a word.
func (a *analysis) titleClosesApposition(j int, g string) bool {
	t := strings.TrimSpace(g)
	if len(t) < 2 || t[0] != ',' || !hasQuoteMark(t[1:]) && t[1:] != "’" || strings.ContainsAny(t[1:], ",;:()") {
		return false
	}
	f, ok := a.shortQuoteStart(j)
	if !ok || a.inQuote[f-1] {
		return false
	}
	o := gap(a.text, a.toks, f)
	return !strings.ContainsAny(o, ",;:()—–")
}

// questionWords open an indirect question after "ask".
var questionWords = set(`if whether how what which who why when where`)

// indirectQuestion reports whether the cue at token i is a form of "ask"
// in the active voice that opens an indirect question after its hearer:
// "A reporter asked whether the plan would pass", "Tapper asked him if
// …", "Quill also asked how …". "Ask" is otherwise a cue only after a
// quotation; "was asked whether" names the one asked, not the asker.
func (a *analysis) indirectQuestion(i int) bool {
	switch a.toks[i].Key {
	case "ask", "asks", "asked":
	default:
		return false
	}
	for p := i - 1; p >= 0 && isBlank(gap(a.text, a.toks, p+1)); p-- {
		k := a.toks[p].Key
		if auxiliaries[k] || k == "being" || k == "get" || k == "got" || k == "gets" {
			return false
		}
		if !adverbials[k] && !isAdverb(k, a.text[a.toks[p].Begin:a.toks[p].End]) {
			break
		}
	}
	j := a.objectEnd(i)
	return j < len(a.toks) && a.tokSent[j] == a.tokSent[i] && isBlank(gap(a.text, a.toks, j)) && questionWords[a.toks[j].Key]
}

// isApposition reports whether tokens [b, e] read as an apposition: a
// description opening with an article or a lower-case word, or a role.
func (a *analysis) isApposition(b, e int) bool {
	if e-b > 20 {
		return false
	}
	w := a.text[a.toks[b].Begin:a.toks[b].End]
	return a.is(b, wcDeterminer) || !isUpperStart(w) || a.is(e, wcRoleNoun) || a.possessiveOpening(b, e)
}

// possessiveOpening reports whether tokens [b, e] open with a name in the
// possessive and go on to what it owns ("Twitter’s director of
// advertising").
func (a *analysis) possessiveOpening(b, e int) bool {
	ri := a.runAt[b]
	if ri < 0 || a.runs[ri].First != b {
		return false
	}
	s := a.runs[ri].Last + 1
	if s+1 > e || a.toks[s].Key != "s" {
		return false
	}
	g := gap(a.text, a.toks, s)
	return (g == "’" || g == "'") && !isUpperStart(a.text[a.toks[s+1].Begin:a.toks[s+1].End])
}

// clauseOpensAfterComma reports whether the text before byte b (back to
// the previous word) is a comma, dash or closing quotation mark: the
// attribution follows what it attributes.
func (a *analysis) clauseOpensAfterComma(b int) bool {
	i := b
	for i > 0 {
		r := runeBefore(a.text, i)
		if r == ' ' || r == '\u00a0' {
			i -= len(string(r))
			continue
		}
		return r == ',' || r == '—' || r == '–' || r == '”' || r == '»' || r == '"' || r == '’' || r == '\'' || r == '“' && i < b
	}
	return false
}

// introducesClause reports whether the cue at token i introduces what
// follows it — a complement clause ("insisted she never sent them"), a
// "that" clause, a colon or a quotation — rather than closing an
// attribution of what came before ("…, Brazile said in a statement
// supplied to the press", "…, he said on “Fox News Sunday.”").
func (a *analysis) introducesClause(i int, afterQuote bool) bool {
	if cueAfterOnly[a.toks[i].Key] {
		// "expressed his opinion", "asked": these take no complement,
		// but for an indirect question ("asked whether …").
		return a.indirectQuestion(i)
	}
	s := a.tokSent[i]
	j := a.objectEnd(i)
	// The French auxiliary "a" is an adverbial; the English article is no adverb.
	for j < len(a.toks) && a.tokSent[j] == s && a.is(j, wcAdverbial) && !a.is(j, wcDeterminer) && isBlank(gap(a.text, a.toks, j)) {
		j++
	}
	if j >= len(a.toks) || a.tokSent[j] != s {
		// "In a 1963 speech, he declared:" and the statement in the
		// next paragraph.
		return j < len(a.toks) && strings.HasPrefix(strings.TrimSpace(gap(a.text, a.toks, j)), ":")
	}
	if g := gap(a.text, a.toks, j); strings.ContainsAny(g, ",;") {
		return false
	} else if hasMarkOr(g, ":") && !a.titleQuoteAt(j) {
		return true
	}
	if afterQuote && a.toks[j].Key != "that" {
		// "“…,” Mr. Trump said in a documentary that showed …": after a
		// quotation the cue closes it unless a complement follows at once.
		return false
	}
	// A "that" before the next comma makes the tail a complement even
	// after an adverbial ("said in a statement that …").
	for m := j; m < len(a.toks) && a.tokSent[m] == s && m < j+12; m++ {
		if m > j && strings.ContainsAny(gap(a.text, a.toks, m), ",;:") {
			break
		}
		if k := a.toks[m].Key; k == "that" || k == "что" || k == "що" || k == "que" || k == "dass" {
			return true
		}
	}
	k := a.toks[j].Key
	w := a.text[a.toks[j].Begin:a.toks[j].End]
	switch {
	case prepositions[k] && k != "to" && a.pronounClauseAfter(j) >= 0:
		return true // "told a crowd in Dover she will …"
	case timeWords[k], prepositions[k] && k != "to":
		// "said in a statement: “…”", "said on Monday:": a short
		// adverbial and the colon that introduces what was said.
		return a.colonAfterAdverbial(j)
	case (k == "this" || k == "last" || k == "next") && j+1 < len(a.toks) && timeWords[a.toks[j+1].Key]:
		return false
	case k == "to":
		// "wants to leave" opens a clause; "said to reporters" does not.
		if j+1 < len(a.toks) {
			n := a.toks[j+1].Key
			w := a.text[a.toks[j+1].Begin:a.toks[j+1].End]
			return !(determiners[n] || objectPronouns[n] || isUpperStart(w) || timeWords[n])
		}
		return false
	case personPronouns[k], pluralPronouns[k], determiners[k], clauseWords[k], k == "it", k == "i", k == "you":
		return true
	case quantifiers[k] || k == "any" || k == "every" || k == "each":
		return true // "…, Quill said any mayor who wants the county …"
	case strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "ss") && isDescriptionHead(k, w) && !cueVerbs[k]:
		return true // a bare plural subject: "…, she said professors would dismiss …"
	case isUpperStart(w) || unicode.IsDigit([]rune(w)[0]):
		return true
	case a.describedNameSubject(j):
		return true // "…, Quill said harbour master Odo Vane was …"
	}
	return false
}

// colonAfterAdverbial reports whether the adverbial phrase opening at
// token j (a preposition or a time word) ends within a few words in a
// colon, with no other punctuation before it.
func (a *analysis) colonAfterAdverbial(j int) bool {
	for m := j + 1; m < len(a.toks) && m <= j+6 && a.tokSent[m] == a.tokSent[j]; m++ {
		g := gap(a.text, a.toks, m)
		if strings.HasPrefix(strings.TrimSpace(g), ":") {
			return true
		}
		if !isBlank(g) {
			return false
		}
	}
	if n := j + 7; n < len(a.toks) && a.tokSent[n] == a.tokSent[j] {
		return false
	}
	// The colon ends the sentence: what was said is the next paragraph.
	e := a.sents[a.tokSent[j]].End
	return strings.HasSuffix(strings.TrimSpace(a.text[a.toks[j].Begin:e]), ":")
}

// titleQuoteAt reports whether token j opens a short capitalised
// quotation that the sentence goes on after: the name of a programme
// ("told NBC’s “Today” on Monday"), not a statement.
func (a *analysis) titleQuoteAt(j int) bool {
	if !a.inQuote[j] || !isUpperStart(a.text[a.toks[j].Begin:a.toks[j].End]) {
		return false
	}
	i := spansFrom(a.qspans, a.toks[j].Begin)
	if i >= len(a.qspans) {
		return false
	}
	q := a.qspans[i]
	if a.countWords(q.Begin, q.End) > 4 {
		return false
	}
	rest := strings.TrimSpace(a.text[q.End:a.sents[a.tokSent[j]].End])
	return normalize.CountWords(rest) > 0
}

// afterClosingQuote reports whether a closing quotation mark (with a
// comma or dash) stands right before byte b.
func (a *analysis) afterClosingQuote(b int) bool {
	t := strings.TrimRight(a.text[max(0, b-12):b], " ,—–-\u00a0")
	return strings.HasSuffix(t, "”") || strings.HasSuffix(t, "\"") || strings.HasSuffix(t, "''") || strings.HasSuffix(t, "»") || strings.HasSuffix(t, "“")
}

// objectEnd is the token after a cue and its object: "told reporters",
// "told CNN's Jake Tapper", "asked him" — verbs of telling name their
// hearer before what was said. For other cues it is the next token.
func (a *analysis) objectEnd(i int) int {
	j := i + 1
	if !tellVerbs[a.toks[i].Key] || j >= len(a.toks) || !isBlank(gap(a.text, a.toks, j)) {
		return j
	}
	if ri := a.runAt[j]; ri >= 0 && a.runs[ri].First == j {
		j = a.runs[ri].Last + 1
		// "CNN's Jake Tapper"
		if j+1 < len(a.toks) && a.toks[j].Key == "s" && !strings.Contains(gap(a.text, a.toks, j), " ") {
			j++
			if rj := a.runAt[j]; rj >= 0 && a.runs[rj].First == j {
				j = a.runs[rj].Last + 1
			}
		}
		return j
	}
	k := a.toks[j].Key
	if k == "that" {
		return j
	}
	if objectPronouns[k] {
		return j + 1
	}
	if !determiners[k] {
		if !clauseWords[k] && !timeWords[k] && !prepositions[k] && isDescriptionHead(k, a.text[a.toks[j].Begin:a.toks[j].End]) {
			return j + 1 // "told reporters"
		}
		return j
	}
	// "told a crowd", "told the local newspaper"
	m := j
	for m+1 < len(a.toks) && m < j+6 && (isBlank(gap(a.text, a.toks, m+1)) && isObjectWord(a.toks[m+1].Key, a.text[a.toks[m+1].Begin:a.toks[m+1].End]) || a.inDottedAbbreviation(m+1)) {
		m++
	}
	return m + 1
}

// isObjectWord reports whether a word may continue the hearer's noun
// phrase after a verb of telling.
func isObjectWord(k, w string) bool {
	return isModifier(k, w) && !determiners[k] && !personPronouns[k] && !pluralPronouns[k] && k != "that" && !timeWords[k]
}

// verbReading reports whether a cue word that is also a noun ("claims",
// "plan", "support") is a verb here: its subject is a pronoun, a role or
// a name that is not a place, and it is not followed by what follows a
// noun ("of", "for", the end of the sentence).
func (a *analysis) verbReading(s source, i int) bool {
	if s.Kind == srcPronoun || s.Kind == srcPlural && s.Head != "" && pluralPronouns[s.Head] || a.isRelativeMention(s) {
		return true // "he notes, …", "which notes": a pronoun is followed by a verb
	}
	if s.Kind == srcName && (s.Type == Place || s.Type == Unknown && a.gaz.Lookup(a.toks[a.tokenStartingAt(s.Span.Begin)].Key) != nil) {
		return false
	}
	// A description agrees with the verb: "the suit claims", "polls
	// show"; "the claims" or "poll shows" would be nouns.
	agrees := (s.Kind == srcOrgRole || s.Kind == srcPlural || s.Kind == srcRole) && a.agreesInNumber(s, i)
	if s.Kind == srcOrgRole && !orgRoleNouns[s.Head] && !agrees {
		return false
	}
	// A singular head in lower case before a base form is a compound
	// noun, not a subject and its verb: "the radio show", "a campaign
	// plan".
	if (s.Kind == srcOrgRole || s.Kind == srcRole) && !agrees && a.singularLowerHead(s) && !strings.HasSuffix(a.toks[i].Key, "s") &&
		a.tokenAt(s.Span.End)+1 == i && !a.afterAuxiliary(a.tokenStartingAt(a.phraseBegin(s))) {
		return false
	}
	if pb := a.phraseBegin(s); a.clauseOpensAfterComma(pb) && (a.afterClosingQuote(pb) || s.Kind == srcName || agrees) &&
		(i+1 >= len(a.toks) || a.tokSent[i+1] != a.tokSent[i] || strings.ContainsAny(gap(a.text, a.toks, i+1), ".,;")) {
		return true // “…,” Viguerie adds. / …, records show. — the clause closing the sentence is the attribution
	}
	if s.Kind == srcPlural && !agrees {
		return false
	}
	if i+1 >= len(a.toks) || a.tokSent[i+1] != a.tokSent[i] {
		return false
	}
	switch a.toks[i+1].Key {
	case "of", "for", "from", "by", "about", "on", "in", "and", "or", "is", "are", "was", "were", "has", "have", "had":
		return false
	}
	return !strings.ContainsAny(gap(a.text, a.toks, i+1), ".,;")
}

// agreesInNumber reports whether a described source and the present
// form of the cue at token i agree as subject and verb: a singular head
// with the -s form ("the suit claims"), a plural with the base form
// ("polls show", "Trump supporters believe").
func (a *analysis) agreesInNumber(s source, i int) bool {
	k := a.toks[i].Key
	h := a.tokenAt(s.Span.End)
	head := a.toks[h].Key
	if isUpperStart(a.text[a.toks[h].Begin:a.toks[h].End]) && !a.starts[h] || strings.HasSuffix(head, "ing") {
		return false // "Democratic claims", "early-morning tweets": a modifier, not a head
	}
	plural := s.Kind == srcPlural || strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && !strings.HasSuffix(head, "us") && !strings.HasSuffix(head, "is")
	sForm := strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "ss")
	return plural != sForm
}

// singularLowerHead reports whether the head of a described source is a
// singular noun written in lower case ("the radio", not "the Senate",
// "officials" or "the press").
func (a *analysis) singularLowerHead(s source) bool {
	h := a.tokenAt(s.Span.End)
	w := a.text[a.toks[h].Begin:a.toks[h].End]
	return !isUpperStart(w) && !strings.HasSuffix(w, "s")
}

// afterAuxiliary reports whether an auxiliary or modal stands right
// before token j: "should the government decline to …" inverts its
// subject, whose verb keeps the base form.
func (a *analysis) afterAuxiliary(j int) bool {
	return j > 0 && (auxiliaries[a.toks[j-1].Key] || invertingAuxiliaries[a.toks[j-1].Key]) && isBlank(gap(a.text, a.toks, j))
}

// invertingAuxiliaries stand before their subject in questions and
// conditions ("should the board decline", "did the ad say").
var invertingAuxiliaries = set(`will would shall should can could may might must do does did has have had`)

// phraseBegin is where the source phrase begins, titles included ("Mr."
// in "Mr. Trump").
// Words before the name that describe it belong to the phrase too
// ("…,” Trump campaign spokeswoman Hope Hicks said): they run back to
// a determiner, a punctuation mark or a word that cannot modify a name.
func (a *analysis) phraseBegin(s source) int {
	j := a.tokenStartingAt(s.Span.Begin)
	if s.Kind == srcName && s.Run >= 0 {
		j = min(j, a.runs[s.Run].First)
	}
	// A bare plural takes its modifiers too ("“…,” federal prosecutors
	// wrote"); other descriptions open with their determiner.
	bare := s.Kind == srcPlural && !a.is(j, wcDeterminer) && !partitives[a.toks[j].Key] && a.toks[j].End == s.Span.End
	if s.Kind != srcName && !bare {
		return min(s.Span.Begin, a.toks[j].Begin)
	}
	// A hyphen joins the words of one modifier ("Texas-based").
	for n := 0; n < 6 && j > 0 && (isBlank(gap(a.text, a.toks, j)) || gap(a.text, a.toks, j) == "-" && n > 0) && !a.inQuote[j-1]; n++ {
		pk := a.toks[j-1].Key
		w := a.text[a.toks[j-1].Begin:a.toks[j-1].End]
		if determiners[pk] && pk != "that" {
			j--
			break
		}
		if !isModifier(pk, w) || adverbials[pk] || strings.HasSuffix(pk, "ly") {
			break
		}
		j--
		// A name describing the speaker is one step ("former George W.
		// Bush speechwriter Noam Neusner").
		if ri := a.runAt[j]; ri >= 0 {
			j = a.runs[ri].First
		}
	}
	return a.toks[j].Begin
}

// commaAfter reports whether the clause of the cue at token i is followed
// by a comma before its sentence ends (", he notes, as …").
func (a *analysis) commaAfter(i int) bool {
	s := a.tokSent[i]
	for j := i + 1; j < len(a.toks) && a.tokSent[j] == s && j <= i+6; j++ {
		g := gap(a.text, a.toks, j)
		if strings.Contains(g, ",") {
			return true
		}
		if strings.ContainsAny(g, ".;:!?") {
			return false
		}
	}
	return false
}

// findContent decides what each attribution attributes: the quotation
// next to it, the statement after its colon, or the claim (the rest of
// its sentence after the cue, or the sentence before it).
func (a *analysis) findContent() {
	defer a.markNestedClaims()
	for i := range a.attrs {
		at := &a.attrs[i]
		if at.Fixed {
			if q := a.top.firstOpeningAt(a.quotes, at.Content.Begin); q >= 0 && a.quoteSpan(q).End <= at.Content.End && a.quotedShare(at.Content.Begin, at.Content.End) > 0.8 {
				at.Quote = q
			}
			continue
		}
		if a.inBlock(at.Cue.Begin) {
			continue
		}
		sent := a.sents[at.Sentence]
		if !at.Pre {
			if q := a.quoteEndingBefore(at); q >= 0 {
				at.Quote = q
				at.Content = a.quoteSpan(q)
				continue
			}
			if at.Parenth {
				at.Content = sent
				continue
			}
			b := a.clauseStart(at)
			// What stands before "…, X said" is a statement only if it
			// is a clause, not an adverbial opening the sentence ("In an
			// interview, Durbin said.").
			if first := a.tokenStartingAt(sent.Begin); first < len(a.toks) && (a.is(first, wcPreposition) || a.is(first, wcSubordinator)) &&
				(a.tokenAt(b)-first < 8 || a.is(first, wcPreposition) && a.tokenAt(b)-first < 16 && !strings.ContainsAny(strings.TrimRight(a.text[sent.Begin:b], " ,"), ",;:")) {
				// Also a longer adverbial without a comma of its own ("In
				// a subsequent interview with The Harbor Gazette, she
				// joked.").
				continue
			}
			if first := a.tokenStartingAt(sent.Begin); first < len(a.toks) && adverbialClauseWords[a.toks[first].Key] && !a.inQuote[first] && !a.commaOutsideQuotes(sent.Begin, b) {
				// "When Quill thanked the crowd and said it was good to
				// be home, a man yelled …": an adverbial clause alone
				// before the subject is when, not what, the source said
				// (a quotation opening the sentence stays what was said).
				continue
			}
			at.Content = doc.Span{Begin: sent.Begin, End: b}
			continue
		}
		after := at.Cue.End
		if at.Accord || at.Passive {
			after = at.Src.Span.End
		}
		if q := a.quoteStartingAfter(after, at); q >= 0 {
			at.Quote = q
			at.Content = a.quoteSpan(q)
			continue
		}
		if p, ok := a.colonBlock(at); ok {
			at.Content = p
			at.Block = true
			a.blocks.add(p)
			continue
		}
		if at.Passive {
			continue
		}
		if at.Accord && a.clauseOpensAfterComma(a.toks[at.CueTok].Begin) {
			at.Content = doc.Span{Begin: sent.Begin, End: a.toks[at.CueTok].Begin}
			if a.accordingInsideClause(at, sent) {
				// "Over the long term, according to the office, the
				// rise is …": the phrase stands inside the statement.
				at.Content = sent
			}
			continue
		}
		b := after
		if at.Accord {
			// After the source phrase and its comma.
			if after >= sent.End {
				// The source phrase runs past its sentence: nothing follows.
				continue
			}
			if c := strings.IndexByte(a.text[after:sent.End], ','); c >= 0 {
				b = after + c + 1
				// "According to X, who represents Odessa, Paris is …": the
				// relative clause describes the source.
				rest := strings.TrimSpace(a.text[b:sent.End])
				for _, rel := range []string{"who ", "which ", "whose "} {
					if strings.HasPrefix(rest, rel) {
						if c2 := strings.IndexByte(a.text[b:sent.End], ','); c2 >= 0 {
							b += c2 + 1
						}
						break
					}
				}
			}
		} else if j := a.objectEnd(at.CueTok); j < len(a.toks) && a.tokSent[j] == at.Sentence {
			b = a.toks[j].Begin
			// Skip to after "that" when only an adverbial stands before it.
			m, that := a.complementizerAt(j)
			if that {
				b = a.toks[m].End
			} else if t := a.timeAdverbialEnd(j); t > j {
				// "has said for weeks he is the only one": what was said
				// follows the time phrase; "said Sunday on Fox News" says
				// where, not what.
				if t+1 < len(a.toks) && a.tokSent[t+1] == at.Sentence && a.is(t, wcPreposition) && clauseWords[a.toks[t+1].Key] {
					t++ // "weighed in Friday about whether …"
				}
				if t >= len(a.toks) || a.tokSent[t] != at.Sentence || a.is(t, wcPreposition) || !isBlank(gap(a.text, a.toks, t)) {
					continue
				}
				j, b = t, a.toks[t].Begin
			} else if j > at.CueTok+1 && a.is(j, wcPreposition) && a.toks[j].Key != "to" {
				// "told reporters on Monday": what was told is not given,
				// unless a clause opens after the place ("told a crowd in
				// Dover she will …").
				m := a.pronounClauseAfter(j)
				if m < 0 {
					continue
				}
				j, b = m, a.toks[m].Begin
			}
			// "thinks about the victims", "adding to her lead": a
			// prepositional phrase is no statement.
			if k := a.toks[j].Key; !that && !at.Parenth && objectPrepositions[k] && !(k == "to" && a.introducesClause(at.CueTok, false)) && !hasMarkOr(gap(a.text, a.toks, j), ":") {
				continue
			}
		}
		e := sent.End
		if c := a.subordinateClauseEnd(at, b, sent); c > b {
			e = c
		}
		if bb, ee := trimSpace(a.text, b, e); bb < ee {
			at.Content = doc.Span{Begin: bb, End: ee}
		}
		if at.Parenth {
			at.Content = sent
		}
	}
}

// subordinateClauses open a clause that comes before the main clause of
// its sentence: "When Vane suggested …, Quill fired back: “…”".
var subordinateClauses = set(`when after before while although though because since if once until whenever`)

// subordinateClauseEnd is where the content of at ends when its cue
// stands in a subordinate clause opening the sentence and the main clause
// after that clause's comma has a cue of its own: "After Vane criticized
// the plan during a debate, Quill shot back, “…”" — what Vane criticized
// ends at the comma, and the quotation is Quill's. It returns 0 when the
// content runs on to the end of the sentence.
func (a *analysis) subordinateClauseEnd(at *attribution, b int, sent doc.Span) int {
	f := a.tokenStartingAt(sent.Begin)
	if f >= len(a.toks) || a.toks[f].Begin != sent.Begin && strings.TrimSpace(a.text[sent.Begin:a.toks[f].Begin]) != "" || !subordinateClauses[a.toks[f].Key] {
		return 0
	}
	if strings.ContainsAny(a.text[sent.Begin:at.Cue.Begin], ",;:") {
		return 0 // the cue is in the main clause
	}
	c := strings.IndexByte(a.text[b:sent.End], ',')
	if c < 0 {
		return 0
	}
	end := b + c
	if hasQuoteMark(a.text[b:end]) || !a.cueInSpan(doc.Span{Begin: end, End: sent.End}) {
		return 0
	}
	return end
}

// markNestedClaims drops the claim of an attribution whose cue stands
// inside what another attribution reports: in "Sanders said he didn’t
// think the accord went far enough" what Sanders said carries the inner
// "think", so the inner claim ("the accord went far enough", negated at
// that) is no statement of its own. The inner cue must belong to the
// clause that opens the outer content (no comma or colon between). A
// clause joined by "and", "but" or "while" with its own subject ends the
// outer content instead: "Clinton said hackers broke in and she accused
// Trump of …" and "Trump said the plan failed, and Clinton said it
// worked" are two claims each. The inner attribution still gives its
// source to a quotation next to it or inside its content (“…” words are
// the inner speaker's).
func (a *analysis) markNestedClaims() {
	var outer []int // attributions whose content may hold another's cue
	for i, at := range a.attrs {
		if at.Pre && !at.Parenth && at.Quote < 0 && !at.Block && at.Content.End > at.Content.Begin {
			outer = append(outer, i)
		}
	}
	slices.SortFunc(outer, func(x, y int) int { return a.attrs[x].Content.Begin - a.attrs[y].Content.Begin })
	for i := range a.attrs {
		at := &a.attrs[i]
		if at.Quote >= 0 || at.Block || at.Content.End <= at.Content.Begin {
			continue
		}
		k := sort.Search(len(outer), func(k int) bool { return a.attrs[outer[k]].Content.Begin > at.Cue.Begin }) - 1
		if k < 0 || outer[k] == i {
			continue
		}
		o := &a.attrs[outer[k]]
		if o.Content.End <= at.Cue.Begin {
			continue
		}
		if cut, ok := a.coordinatedClauseStart(o, at); ok {
			o.Content.End = cut
			continue
		}
		if !strings.ContainsAny(a.text[o.Content.Begin:at.Cue.Begin], ",;:—–()") {
			at.Nested = true
		}
	}
}

// coordinatedClauseStart reports where the content of the outer
// attribution o ends when the attribution at inside it opens a clause of
// its own with a coordinator or a dash before its subject ("… and she
// accused …", "…, but others say …", "… - others say …"): the end of the
// last word before the coordinator or dash.
func (a *analysis) coordinatedClauseStart(o, at *attribution) (int, bool) {
	if !at.Pre || at.Accord || at.Fixed {
		return 0, false
	}
	f := a.tokenStartingAt(min(a.phraseBegin(at.Src), at.Cue.Begin))
	if f < 1 || a.toks[f-1].Begin <= o.Content.Begin {
		return 0, false
	}
	cut := a.toks[f-1].Begin
	if g := gap(a.text, a.toks, f); strings.ContainsAny(g, "—–;") || strings.Contains(g, " - ") {
		cut = a.toks[f].Begin // "… the diet - others say …"
	} else {
		switch a.toks[f-1].Key {
		case "and", "but", "while", "whereas", "yet", "although", "though":
		default:
			return 0, false
		}
	}
	for cut > o.Content.Begin && strings.ContainsRune(" ,;—–-\u00a0", runeBefore(a.text, cut)) {
		cut -= len(string(runeBefore(a.text, cut)))
	}
	return cut, cut > o.Content.Begin
}

// complementizerAt finds the "that" (что, що, que, dass) that opens what
// was said after a cue whose object ends before token j: at j itself, or
// after an adverbial ("said in a statement that …", "told reporters on
// Monday that …", "said Monday that …"). A "that" further inside a clause
// that has already begun is a demonstrative or relative pronoun of the
// content ("said he understands how hard that can be") and is no
// complementizer. It returns the token and whether one was found.
func (a *analysis) complementizerAt(j int) (int, bool) {
	s := a.tokSent[j]
	for m := j; m < len(a.toks) && m < j+12 && a.tokSent[m] == s; m++ {
		if k := a.toks[m].Key; k == "that" || k == "что" || k == "що" || k == "que" || k == "dass" {
			return m, true
		}
		if m == j {
			k := a.toks[j].Key
			w := a.text[a.toks[j].Begin:a.toks[j].End]
			if !(prepositions[k] || timeWords[k] || isAdverb(k, w) || adverbials[k] && !auxiliaries[k] || k == "this" || k == "last" || k == "next") {
				return 0, false
			}
			continue
		}
		if a.is(m, wcCueVerb) || a.is(m, wcPersonPronoun) || a.is(m, wcPluralPronoun) {
			return 0, false
		}
	}
	return 0, false
}

// inBlock reports whether off lies in a statement already attributed as a
// block: cues inside a quoted statement are not the article's own.
func (a *analysis) inBlock(off int) bool {
	return a.blocks.holds(off)
}

// clauseStart is where the attribution clause begins (subject or cue).
func (a *analysis) clauseStart(at *attribution) int {
	b := at.Cue.Begin
	if pb := a.phraseBegin(at.Src); pb < b {
		b = pb
	}
	for b > 0 {
		r := runeBefore(a.text, b)
		if r == ' ' || r == ',' || r == '—' || r == '–' {
			b -= len(string(r))
			continue
		}
		break
	}
	return b
}

// quoteEndingBefore returns the quotation that closes right before the
// attribution clause ("…,” he said), or -1.
func (a *analysis) quoteEndingBefore(at *attribution) int {
	b := a.clauseStart(at)
	// The quotation closes where only spaces, commas and dashes separate
	// it from the clause.
	lo := b
	for lo > 0 {
		r := runeBefore(a.text, lo)
		if !strings.ContainsRune(" ,—–-\u00a0", r) {
			break
		}
		lo -= len(string(r))
	}
	qi := a.top.firstClosingIn(lo, b)
	if qi < 0 {
		return -1
	}
	q := a.quotes[qi]
	// The quotation must open its sentence (or follow a colon):
	// "Critics call it a ‘mirage’, X wrote" attributes the
	// sentence, not the quoted word.
	s := a.sents[at.Sentence]
	if q.Open >= s.Begin && strings.Trim(a.text[s.Begin:q.Open], " —–-:\u00a0") != "" {
		// Or open an aside between dashes or in parentheses ("X praised
		// her brother — “a good man,” she said — and …").
		if t := strings.TrimSpace(a.text[s.Begin:q.Open]); !strings.HasSuffix(t, ":") && !strings.HasSuffix(t, " -") && !strings.HasSuffix(t, "—") && !strings.HasSuffix(t, "–") && !strings.HasSuffix(t, "(") {
			return -1
		}
	}
	return qi
}

// quoteStartingAfter returns the quotation that opens right after the cue
// ("X said: “…”", "X said that “…”"), or -1.
func (a *analysis) quoteStartingAfter(after int, at *attribution) int {
	if qi := a.top.firstOpeningAt(a.quotes, after); qi >= 0 {
		q := a.quotes[qi]
		between := a.text[after:q.Open]
		if len(between) > 120 {
			return -1
		}
		t := strings.TrimSpace(between)
		// Allow a short adverbial ("on Monday", "in a statement") ended by
		// a colon or comma, or "that".
		if t == "" || strings.HasSuffix(t, ":") || strings.HasSuffix(t, ",") && !at.Accord {
			if hasMarkOr(strings.TrimRight(t, ":,"), ".!?;") {
				return -1
			}
			// "After Vane criticized the plan, Quill shot back, “…”": a
			// cue between introduces the quotation.
			if t != "" && a.cueInSpan(doc.Span{Begin: after, End: q.Open}) {
				return -1
			}
			// Not past a paragraph end unless the colon ended it.
			if strings.Contains(between, "\n") && !strings.HasSuffix(t, ":") {
				return -1
			}
			return qi
		}
		return -1
	}
	return -1
}

func (a *analysis) quoteSpan(qi int) doc.Span {
	q := a.quotes[qi]
	return doc.Span{Begin: q.Parts[0].Begin, End: q.Parts[len(q.Parts)-1].End}
}

// colonBlock returns the paragraph that a cue's sentence introduces with
// a colon at the end of its paragraph, when that paragraph carries no
// quotation marks of its own (a statement set off as a block).
func (a *analysis) colonBlock(at *attribution) (doc.Span, bool) {
	sent := a.sents[at.Sentence]
	if !strings.HasSuffix(strings.TrimSpace(a.text[sent.Begin:sent.End]), ":") {
		return doc.Span{}, false
	}
	if pi := sort.Search(len(a.paras), func(k int) bool { return a.paras[k].End >= sent.End }); pi < len(a.paras) && a.paras[pi].End == sent.End {
		if pi+1 >= len(a.paras) {
			return doc.Span{}, false
		}
		next := a.paras[pi+1]
		if hasQuoteMark(a.text[next.Begin:next.End]) {
			return doc.Span{}, false
		}
		return next, true
	}
	return doc.Span{}, false
}

// participleConjunctions open a participle phrase whose subject is the
// sentence's ("by saying", "after telling reporters", "while insisting")
// when the phrase follows the verb; opening the sentence ("After
// announcing his support, X …") the subject comes after it.
var participleConjunctions = set(`by after before while when`)

// withSubject is the subject that "with" gives the participle at token i
// ("…, with Quill reportedly yelling: “…”", "with the teachers' union
// calling her “the champion …”"): the name or description between
// "with" and the participle, adverbs aside.
func (a *analysis) withSubject(i int) (source, bool) {
	j := i - 1
	for j >= 0 && (a.is(j, wcAdverbial) || isAdverb(a.toks[j].Key, a.text[a.toks[j].Begin:a.toks[j].End])) && isBlank(gap(a.text, a.toks, j+1)) {
		j--
	}
	if j < 1 || !isBlank(gap(a.text, a.toks, j+1)) || a.inQuote[j] {
		return source{}, false
	}
	// npBefore refuses a name after a preposition ("sources close to
	// X"); after "with" the name is the participle's subject.
	if ri := a.runAt[j]; ri >= 0 && a.runs[ri].Last == j && !a.runs[ri].None && a.runs[ri].NameFirst <= j && a.runs[ri].Type != Place {
		r := a.runs[ri]
		if f := r.First; f >= 1 && a.toks[f-1].Key == "with" && isBlank(gap(a.text, a.toks, f)) && a.tokSent[f-1] == a.tokSent[i] {
			return source{Span: doc.Span{Begin: a.toks[r.NameFirst].Begin, End: a.toks[j].End}, Kind: srcName, Run: ri, Type: r.Type}, true
		}
		return source{}, false
	}
	s, ok := a.npBefore(j)
	if !ok || s.Kind == srcPronoun {
		return source{}, false
	}
	b := a.tokenStartingAt(a.phraseBegin(s))
	if b < 1 || a.toks[b-1].Key != "with" || !isBlank(gap(a.text, a.toks, b)) || a.tokSent[b-1] != a.tokSent[i] {
		return source{}, false
	}
	return s, true
}

// nameBeforeDashedApposition finds the subject before an apposition set
// off by dashes that ends at token j, the dash d standing between j and
// the cue: "Ada Quill — a teacher from Dover — says …", "A former
// harbour master -- Odo Vane, who lost in 2008 -- said …". The opening
// dash must follow a name or role that opens its sentence.
func (a *analysis) nameBeforeDashedApposition(j int, d string) (source, bool) {
	for k := j; k > 0 && k > j-20 && a.tokSent[k] == a.tokSent[j]; k-- {
		g := gap(a.text, a.toks, k)
		if strings.TrimSpace(g) != d {
			if a.inQuote[k] || hasMarkOr(g, ".;:!?()") {
				return source{}, false
			}
			continue
		}
		s, ok := a.npBefore(k - 1)
		if !ok || s.Kind == srcPronoun || s.Kind == srcName && s.Type == Place {
			return source{}, false
		}
		b := a.tokenStartingAt(a.phraseBegin(s))
		if sb := a.sents[a.tokSent[b]].Begin; strings.TrimSpace(a.text[sb:a.toks[b].Begin]) != "" {
			return source{}, false
		}
		return s, true
	}
	return source{}, false
}

// datelineEnd returns the token after a dateline that opens a sentence —
// a place, perhaps a date, an agency in parentheses and a dash: "WASHINGTON (AFP) – Quill …", "DOVER, Aug. 24 (UPI) — A
// spokesman …" — or f when there is none.
func (a *analysis) datelineEnd(f int, sent doc.Span) int {
	if !isUpperStart(a.text[a.toks[f].Begin:a.toks[f].End]) {
		return f
	}
	open := false
	for m := f + 1; m < len(a.toks) && m <= f+8 && a.toks[m].Begin < sent.End; m++ {
		g := strings.TrimSpace(gap(a.text, a.toks, m))
		open = open || strings.Contains(g, "(")
		if strings.HasPrefix(g, ")") {
			if !open {
				return f
			}
			// The agency closes; a dash follows it.
			if t := strings.TrimSpace(strings.TrimPrefix(g, ")")); t == "–" || t == "—" || t == "-" || t == "--" {
				return m
			}
			return f
		}
		if hasMarkOr(g, ".;:!?") && !strings.Contains(g, "(") && g != "." {
			return f
		}
	}
	return f
}

// inByline reports whether token i stands in a byline: a short paragraph
// of its own opening with "By" and a capitalised word, whose words are all
// capitalised but for the few that join names ("and", "of", "the"), with
// no quotation in it. "By Monday, officials said …" has lower-case words
// and is no byline.
func (a *analysis) inByline(i int) bool {
	if i < 0 || i >= len(a.toks) {
		return false
	}
	pi := sentenceAt(a.paras, a.toks[i].Begin)
	if pi < 0 {
		return false
	}
	p := a.paras[pi]
	if p.End-p.Begin > 160 {
		return false
	}
	f := a.tokenStartingAt(p.Begin)
	if f < 0 || f+1 >= len(a.toks) || a.toks[f].Key != "by" || a.text[a.toks[f].Begin] != 'B' || strings.TrimSpace(a.text[p.Begin:a.toks[f].Begin]) != "" {
		return false
	}
	for m := f + 1; m < len(a.toks) && a.toks[m].Begin < p.End; m++ {
		if a.inQuote[m] {
			return false
		}
		w := a.text[a.toks[m].Begin:a.toks[m].End]
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !bylineJoiners[a.toks[m].Key] {
			return false
		}
	}
	return true
}

// bylineJoiners are the lower-case words a byline may hold between names
// ("By Ada Quill and Bo Lind of the Harwick Post").
var bylineJoiners = set(`and of the for at in de du von van da`)
