package extract

import (
	"sort"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/normalize"
)

// findSubjectQuotes attributes a quotation inside a sentence that no cue
// ties to anyone to the subject that opens the sentence: in "Ulla
// Brandvik described her rival’s plan as “a tax on every family”", "Tam
// Hollis caucused on Saturday and then voted “for nobody at all”" the
// quoted words are the subject's, whatever the verb (news quotes a speaker's own words inside
// a sentence about them). It runs after findContent, so that a quotation
// inside a reported claim keeps the claim's source, and resolves the
// sources it adds like the others.
func (a *analysis) findSubjectQuotes() {
	sortAttrs(a.attrs)
	claims := newClaimIndex(a.attrs)
	adjacent := make(map[int]*attribution, len(a.attrs))
	for i := range a.attrs {
		if a.attrs[i].Quote >= 0 {
			adjacent[a.attrs[i].Quote] = &a.attrs[i]
		}
	}
	var added []attribution
	for qi, q := range a.quotes {
		if q.Depth != 0 || adjacent[qi] != nil || len(q.Parts) == 0 {
			continue
		}
		si := sentenceAt(a.sents, q.Open)
		if si < 0 {
			continue
		}
		sent := a.sents[si]
		if a.inBlock(q.Open) || claims.innermost(a.attrs, q.Open) != nil {
			continue
		}
		// The frame follows a quotation that opens its sentence.
		if src, v, ok := a.framedSpeaker(q); ok && strings.TrimSpace(a.text[sent.Begin:q.Open]) == "" {
			added = append(added, attribution{Cue: a.span(v, v), CueTok: v, Src: src, Pre: false,
				Sentence: si, Content: a.quoteSpan(qi), Quote: qi, Fixed: true})
			continue
		}
		if q.Open <= sent.Begin {
			if at, ok := a.previousSentenceSpeaker(q, si); ok {
				at.Sentence, at.Content, at.Quote, at.Fixed = si, a.quoteSpan(qi), qi, true
				added = append(added, at)
			}
			continue
		}
		// "Quill went after Vane, calling him “a total stiff.”"
		if v, ok := a.namingParticipleBefore(q); ok {
			if src, ok := a.participleSource(v); ok {
				added = append(added, attribution{Cue: a.span(v, v), CueTok: v, Src: src, Pre: true,
					Sentence: si, Content: a.quoteSpan(qi), Quote: qi, Fixed: true})
			}
			continue
		}
		if a.cueInSpan(sent) {
			// The second half of a split quotation joins the first.
			if f := a.frameOfSentence(q, si); f != nil && !(f.Quote >= 0 && !f.Pre && a.continuationOf(f.Quote, f, adjacent) == qi) {
				added = append(added, attribution{Cue: f.Cue, CueTok: f.CueTok, Src: f.Src, Pre: true,
					Sentence: si, Content: a.quoteSpan(qi), Quote: qi, Fixed: true})
			}
			continue
		}
		// One word, a title or a name in title case ("Squawk Box") is
		// no statement.
		words := quoteWords(a.text, q.Parts)
		if words < 2 || a.isTitle(q, words) || headingCase(a.partsText(q.Parts)) || a.mentionedAsWords(q) {
			continue
		}
		src, v, ok := a.sentenceSubject(sent)
		if !ok || a.toks[v].Begin >= q.Open || a.inQuote[v] || !isPersonSource(src) {
			continue
		}
		added = append(added, attribution{Cue: a.span(v, v), CueTok: v, Src: src, Pre: true,
			Sentence: si, Content: a.quoteSpan(qi), Quote: qi, Fixed: true})
	}
	if len(added) > 0 {
		a.attrs = append(a.attrs, added...)
		sortAttrs(a.attrs)
		a.resolve()
	}
}

// namingParticiples name or describe something in the words quoted after
// their object: "…, calling him “a total stiff”".
var namingParticiples = set(`calling describing dubbing labeling labelling branding terming deeming`)

// namingParticipleBefore finds a naming participle set off by a comma
// that stands a few words before quotation q in its clause ("…, calling
// the plan “a swindle”", "…, describing it as “reckless”") and returns
// its token.
func (a *analysis) namingParticipleBefore(q rawQuote) (int, bool) {
	j := a.lastTokenBefore(q.Open)
	if j < 0 || strings.ContainsAny(strings.TrimSpace(a.text[a.toks[j].End:q.Open]), ",;:()") {
		return 0, false
	}
	for i := j; i >= 0 && i >= j-6 && a.tokSent[i] == a.tokSent[j] && !a.inQuote[i]; i-- {
		g := gap(a.text, a.toks, i)
		if namingParticiples[a.toks[i].Key] {
			// "calling at Dover", "calling on the board": another sense.
			return i, i > 0 && strings.Contains(g, ",") && !hasQuoteMark(g) && !a.is(i+1, wcPreposition)
		}
		// A hyphen or a possessive joins words of the object
		// ("calling border-crossers “…”", "calling the board’s plan").
		if !isBlank(g) && g != "-" && !((g == "’" || g == "'") && a.toks[i].Key == "s") {
			return 0, false
		}
	}
	return 0, false
}

// cueInSpan reports whether some attribution's cue lies in span s.
func (a *analysis) cueInSpan(s doc.Span) bool {
	i := sort.Search(len(a.attrs), func(k int) bool { return a.attrs[k].Cue.Begin >= s.Begin })
	return i < len(a.attrs) && a.attrs[i].Cue.Begin < s.End
}

// quoteWords counts the words of a quotation's parts.
func quoteWords(text string, parts []doc.Span) int {
	n := 0
	for _, p := range parts {
		n += normalize.CountWords(text[p.Begin:p.End])
	}
	return n
}

// isPersonSource reports whether a source is one person: a person's
// name, he or she, or a singular role.
func isPersonSource(s source) bool {
	switch s.Kind {
	case srcName:
		return s.Type == Person
	case srcPronoun, srcRole:
		return true
	}
	return false
}

// wordNouns name words as words: "the words “total victory”", "the
// phrase", "the slogan". A quotation after them is mentioned, not said.
var wordNouns = set(`word words phrase phrases term terms slogan slogans label labels name names motto catchphrase hashtag`)

// mentionedAsWords reports whether a noun naming words stands right
// before the quotation.
func (a *analysis) mentionedAsWords(q rawQuote) bool {
	j := a.lastTokenBefore(q.Open)
	return j >= 0 && wordNouns[a.toks[j].Key] && strings.TrimSpace(a.text[a.toks[j].End:q.Open]) == ""
}

// reportingClaim is the claim whose source a quotation inside claim c
// takes: c itself, unless c's source is a pronoun inside the content of
// another claim ("Hobart says he believes his campaign has “the wind at
// our backs”"): the reporting claim's source is the speaker quoted, the
// pronoun only refers back to them. So also when c is nested in what
// another source reports ("Ross said Obama had told leaders he would
// end the “no daylight” policy", "Frazier said Rubio's claim that … was
// “simply not true”"): the words quoted are the account of the one
// reporting, who is quoted — a speaker, not an outlet after "according
// to".
func (a *analysis) reportingClaim(c *attribution, claims claimIndex) *attribution {
	if c == nil || c.Src.Kind != srcPronoun && !c.Nested && !a.thinkingCue(c) {
		return c
	}
	if c.Src.Kind == srcPronoun && a.afterRelative(c.Src.Span.Begin) {
		// "…, which he described as “…”": the speaker of a relative
		// clause says the words quoted in it.
		return c
	}
	if outer := claims.innermost(a.attrs, c.Src.Span.Begin); outer != nil && outer != c && outer.Content.End >= c.Content.End &&
		(c.Src.Kind == srcPronoun || !outer.Accord) {
		// "According to Politico, the ministers praised France for
		// “…”": an outlet reporting the claim is not the one whose
		// account the words are.
		return outer
	}
	return c
}

// afterRelative reports whether the word before byte b is a relative
// pronoun of a thing ("which he described as").
func (a *analysis) afterRelative(b int) bool {
	j := a.lastTokenBefore(b)
	if j < 0 || !isBlank(a.text[a.toks[j].End:b]) {
		return false
	}
	k := a.toks[j].Key
	return k == "which" || k == "whom"
}

// groupThought reports whether claim c is the thought of a group: a
// verb of thinking whose subject is plural ("they believe", "voters
// fear") or a relative pronoun with the verb in its plural form ("those
// who think"). Many do not say words together: what is quoted inside is
// the wording of a poll or of the writer.
func (a *analysis) groupThought(c *attribution) bool {
	if !a.thinkingCue(c) {
		return false
	}
	if c.Src.Kind == srcPlural {
		return true
	}
	k := a.toks[c.CueTok].Key
	return a.isRelativeMention(c.Src) && !strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "ed") && !strings.HasSuffix(k, "ght") && a.tokenAt(c.Src.Span.End)+1 == c.CueTok
}

// thinkingCues report a thought, not words: what is quoted inside a
// thought that another source reports ("Ross said voters believe he is
// “a fighter”", "Quill says the mayors fear “a collapse”") is the
// reporting source's wording.
var thinkingCues = set(`think thinks believe believes believed fear fears feared hope hopes hoped
	worry worries worried wonder wonders wondered reckon reckons reckoned surmise surmises surmised`)

// thinkingCue reports whether attribution c's cue is a verb of thinking.
func (a *analysis) thinkingCue(c *attribution) bool {
	return c.CueTok >= 0 && c.CueTok < len(a.toks) && thinkingCues[a.toks[c.CueTok].Key]
}

// namedFrame reports whether the capitalised words at token j after a
// question or an exclamation are a person's name and a saying verb that
// ends the sentence: the quotation's frame (“…?” Hannity pressed.), not
// a new sentence.
func (a *analysis) namedFrame(j int) bool {
	ri := a.runAt[j]
	if ri < 0 || a.runs[ri].First != j || a.runs[ri].Type != Person && a.runs[ri].Type != Unknown || a.runs[ri].None {
		return false
	}
	v := a.runs[ri].Last + 1
	if v >= len(a.toks) || !isBlank(gap(a.text, a.toks, v)) || a.tokSent[v] != a.tokSent[j] || !a.sayingVerbAt(v) {
		return false
	}
	return strings.ContainsAny(firstByte(strings.TrimLeft(a.text[a.toks[v].End:], " \u00a0")), ".,")
}

// framedSpeaker finds who speaks in the frame news puts after a
// quotation that ends in a comma, whatever the verb: “…,” Marlowe
// scolded. / “…,” he snapped. / “…,” fumed the senator. A past-tense
// verb in that place is a verb of saying even when the cue lexicon does
// not list it. It returns the source and the verb's token.
func (a *analysis) framedSpeaker(q rawQuote) (source, int, bool) {
	if len(q.Parts) == 0 || q.Unclosed {
		return source{}, 0, false
	}
	last := q.Parts[len(q.Parts)-1]
	t := strings.TrimRight(a.text[last.Begin:last.End], " \u00a0")
	asked := strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!")
	if !strings.HasSuffix(t, ",") && !asked {
		return source{}, 0, false
	}
	// No token after the quotation: tokenStartingAt gives the last one.
	j := a.tokenStartingAt(q.Close)
	if j < 0 || j >= len(a.toks) || a.toks[j].Begin < q.Close || a.inQuote[j] || strings.TrimSpace(a.text[q.Close:a.toks[j].Begin]) != "" || a.tokSent[j] < 0 {
		return source{}, 0, false
	}
	// “…?” reacted Trump. / “…!” she snapped.: after a question or an
	// exclamation the frame goes on in lower case; a capital opens the
	// next sentence, perhaps the next part of the quotation's frame.
	if asked && isUpperStart(a.text[a.toks[j].Begin:a.toks[j].End]) && !a.namedFrame(j) {
		return source{}, 0, false
	}
	// “…,” fumed the senator.
	if a.sayingVerbAt(j) {
		if s, ok := a.npAfter(j + 1); ok && isBlank(gap(a.text, a.toks, j+1)) && !(s.Kind == srcName && s.Type == Place) {
			return s, j, true
		}
		return source{}, 0, false
	}
	// “…,” it recommended.: a document or body speaks through "it" in
	// the frame.
	if a.toks[j].Key == "it" && !isUpperStart(a.text[a.toks[j].Begin:a.toks[j].End]) && j+1 < len(a.toks) && isBlank(gap(a.text, a.toks, j+1)) &&
		a.tokSent[j+1] == a.tokSent[j] && a.sayingVerbAt(j+1) {
		return source{Span: doc.Span{Begin: a.toks[j].Begin, End: a.toks[j].End}, Kind: srcOrgRole, Run: -1, Head: "it"}, j + 1, true
	}
	// “…,” Marlowe scolded.
	s, ok := a.npAfter(j)
	if !ok || s.Kind == srcName && s.Type == Place {
		return source{}, 0, false
	}
	// “…,” the harbour master riffed.: a description read on over the
	// past tense that is its verb.
	if l := a.tokenAt(s.Span.End); s.Kind != srcName && l > j+1 && strings.HasSuffix(a.toks[l].Key, "ed") && a.sayingVerbAt(l) &&
		strings.ContainsAny(firstByte(strings.TrimLeft(a.text[a.toks[l].End:], " \u00a0")), ".,;") {
		s.Span.End = a.toks[l-1].End
		return s, l, true
	}
	v := a.tokenAt(s.Span.End) + 1
	for v < len(a.toks) && a.is(v, wcAdverbial) && isBlank(gap(a.text, a.toks, v)) {
		v++
	}
	if v >= len(a.toks) || !isBlank(gap(a.text, a.toks, v)) || a.tokSent[v] != a.tokSent[j] || !a.sayingVerbAt(v) {
		return source{}, 0, false
	}
	return s, v, true
}

// sayingVerbAt reports whether token v can be the verb of an attribution
// frame: a cue, or a lower-case past-tense verb in -ed that ends the
// clause or is followed by a preposition or comma ("charged in her
// assault", "snapped.").
func (a *analysis) sayingVerbAt(v int) bool {
	k := a.toks[v].Key
	w := a.text[a.toks[v].Begin:a.toks[v].End]
	if isUpperStart(w) || a.inQuote[v] {
		return false
	}
	if cueVerbs[k] {
		return true
	}
	n := v + 1
	if k == "went" && n < len(a.toks) && a.toks[n].Key == "on" && isBlank(gap(a.text, a.toks, n)) && strings.ContainsAny(firstByte(strings.TrimLeft(a.text[a.toks[n].End:], " \u00a0")), ".,;:") {
		return true // “…,” he went on.
	}
	if !strings.HasSuffix(k, "ed") || len(k) < 5 || functionWords[k] || notHeads[k] {
		return false
	}
	if n >= len(a.toks) || a.tokSent[n] != a.tokSent[v] {
		return true
	}
	g := gap(a.text, a.toks, n)
	return strings.ContainsAny(g, ".,;:!?—") || isBlank(g) && (a.is(n, wcPreposition) || a.is(n, wcDeterminer) || a.runAt[n] >= 0)
}

// previousSentenceSpeaker finds who speaks a quotation of five words or
// more that is a sentence of its own, with no cue, right after a sentence
// of the same paragraph whose last attribution is one person's: "Bystrom
// agreed. “…”", "Quill touted her record on the bill. “…”", "Coan argues
// that his client was never violent. “…”" — news introduces the speaker,
// then gives their words. A sentence with no cue ("Quill shook her
// head. “…”", on PolNeAR's train split 3 right of 9) gives no speaker, nor
// does a frame after a quotation, whose continuation continuationOf
// joins.
func (a *analysis) previousSentenceSpeaker(q rawQuote, si int) (attribution, bool) {
	if si == 0 || q.Unclosed {
		return attribution{}, false
	}
	sent, prev := a.sents[si], a.sents[si-1]
	words := quoteWords(a.text, q.Parts)
	if words < 5 || headingCase(a.partsText(q.Parts)) || a.cueInSpan(sent) || strings.Trim(a.text[q.Close:sent.End], " \t\u00a0.,;:!?\"“”'’") != "" {
		return attribution{}, false
	}
	if strings.Contains(a.text[prev.End:sent.Begin], "\n") || hasQuoteMark(a.text[prev.Begin:prev.End]) {
		return attribution{}, false
	}
	k := sort.Search(len(a.attrs), func(k int) bool { return a.attrs[k].Cue.Begin >= prev.End }) - 1
	if k >= 0 && a.attrs[k].Cue.Begin >= prev.Begin {
		f := a.attrs[k]
		if f.Passive || f.Quote >= 0 || !isPersonSource(f.Src) || a.passiveCue(f.CueTok) {
			return attribution{}, false
		}
		return attribution{Cue: f.Cue, CueTok: f.CueTok, Src: f.Src, Pre: true}, true
	}
	return attribution{}, false
}

// firstByte is the first byte of s as a string, or "".
func firstByte(s string) string {
	if s == "" {
		return ""
	}
	return s[:1]
}
