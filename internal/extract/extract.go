package extract

import (
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/normalize"
)

// Kind says what an occurrence is.
type Kind string

// Kinds of occurrences.
const (
	KindQuote Kind = "quote" // direct speech in quotation marks, or a statement set off after a colon
	KindTerm  Kind = "term"  // a few quoted words with no speaker: a scare quote or a quoted term
	KindClaim Kind = "claim" // reported speech without quotation marks
)

// Occurrence is one quote, term or claim in one document.
type Occurrence struct {
	Doc   string     // document id
	Kind  Kind       //
	Begin int        // first byte of the quoted or claimed text
	End   int        // just past its last byte
	Parts []doc.Span // the pieces of a quotation (several paragraphs, or split by its cue)
	Text  string     // the pieces' text, folded (see normalize.Fold), joined by a space
	// Unclosed marks a quotation whose closing mark was never found; its
	// text stops at the end of its paragraph or a few sentences.
	Unclosed bool
	// Speaker is the resolved name of who said it, or "" when the text
	// does not say. SpeakerSpan is the mention in this document that names
	// or refers to the speaker (a name, "he", "the expert"), nil when none.
	Speaker     string
	SpeakerType EntityType
	SpeakerSpan *doc.Span
	SpeakerText string
	// Cue is the word that ties the speaker to the text ("said"), with
	// its span; empty for terms and unattributed quotations.
	Cue     string
	CueSpan *doc.Span
	// Quote is the id of the cross-document quote this occurrence belongs
	// to, set by Link.
	Quote string
}

// MarshalJSON writes the occurrence in the shape `echotrace quotes --json`
// documents: null speaker and offsets when unknown.
func (o Occurrence) MarshalJSON() ([]byte, error) {
	type wire struct {
		Doc          string     `json:"doc"`
		Quote        string     `json:"quote,omitempty"`
		Kind         Kind       `json:"kind"`
		Begin        int        `json:"begin"`
		End          int        `json:"end"`
		Text         string     `json:"text"`
		Parts        []doc.Span `json:"parts,omitempty"`
		Unclosed     bool       `json:"unclosed,omitempty"`
		Speaker      *string    `json:"speaker"`
		SpeakerType  EntityType `json:"speaker_type,omitempty"`
		SpeakerBegin *int       `json:"speaker_begin"`
		SpeakerEnd   *int       `json:"speaker_end"`
		SpeakerText  string     `json:"speaker_text,omitempty"`
		Cue          *string    `json:"cue"`
		CueBegin     *int       `json:"cue_begin"`
		CueEnd       *int       `json:"cue_end"`
	}
	w := wire{Doc: o.Doc, Quote: o.Quote, Kind: o.Kind, Begin: o.Begin, End: o.End, Text: o.Text,
		Parts: o.Parts, Unclosed: o.Unclosed, SpeakerType: o.SpeakerType, SpeakerText: o.SpeakerText}
	if o.Speaker != "" {
		w.Speaker = &o.Speaker
	}
	if o.SpeakerSpan != nil {
		w.SpeakerBegin, w.SpeakerEnd = &o.SpeakerSpan.Begin, &o.SpeakerSpan.End
	}
	if o.Cue != "" {
		w.Cue = &o.Cue
	}
	if o.CueSpan != nil {
		w.CueBegin, w.CueEnd = &o.CueSpan.Begin, &o.CueSpan.End
	}
	return json.Marshal(w)
}

// Result is what extraction finds in one document.
type Result struct {
	Doc      string
	Outlet   string
	Quotes   []Occurrence // quotations and terms, in text order
	Claims   []Occurrence // reported claims, in text order
	Entities []Entity
}

// Document extracts quotes, claims and entities from d with the default
// gazetteer. It never fails: text it cannot read as quotations is simply
// not quoted, and every span is within d.Text.
func Document(d *doc.Document) Result {
	return DocumentWith(d, DefaultGazetteer())
}

// DocumentWith is Document with a given gazetteer.
func DocumentWith(d *doc.Document, gaz *Gazetteer) Result {
	return DocumentWords(d, gaz, nil)
}

// Words are the words of a text as extraction read them: its tokens
// (normalize.AppendTokens), and for each token the number of its key
// among the text's distinct keys (the same number for the same key,
// numbers from 0 to Keys-1 in the order the keys first occur), and
// each key's normalize.KeyHash by its number.
type Words struct {
	Tokens []normalize.Token
	IDs    []int32
	Keys   int
	Hashes []uint64
}

// DocumentWords is DocumentWith that also lends its caller the words of
// d.Text it read: then, unless nil, is called with the result and the
// words before DocumentWords returns, so that a caller reading the same
// text's words next (the story stage's preparation) does not split and
// number them again. The words are extraction's scratch: then must not
// keep them, nor change them.
func DocumentWords(d *doc.Document, gaz *Gazetteer, then func(Result, Words)) Result {
	a := analyse(d.Text, gaz)
	defer a.release()
	res := Result{Doc: d.ID, Outlet: d.Outlet}
	res.Quotes = a.quoteOccurrences(d.ID)
	res.Claims = a.claimOccurrences(d.ID)
	res.Entities = a.entities()
	if then != nil {
		then(res, Words{Tokens: a.toks, IDs: a.wordID, Keys: a.words, Hashes: a.keyHash})
	}
	return res
}

// analyse runs every step on one text.
func analyse(text string, gaz *Gazetteer) *analysis {
	s := scratchPool.Get().(*scratch)
	a := &analysis{text: text, gaz: gaz, people: newPeople(), scratch: s}
	a.toks = normalize.AppendTokens(s.toks[:0], text)
	a.tokIndex = s.tokIndex
	a.tokIndex.build(a.toks, len(text))
	a.wordID, a.class, a.keyHash = s.wordID, s.class, s.keyHashes
	a.classify()
	a.paras = appendParagraphs(s.paras[:0], text)
	a.quotes = findQuotes(text, a.paras)
	a.top = newTopQuotes(a.quotes)
	a.qspans, a.attrs = s.qspans[:0], s.attrs[:0]
	for _, q := range a.quotes {
		if q.Depth == 0 {
			a.qspans = append(a.qspans, doc.Span{Begin: q.Open, End: q.Close})
		}
	}
	a.sents = appendSentences(s.sents[:0], text, a.paras, a.qspans)
	a.tokSent = sized(s.tokSent, len(a.toks))
	a.starts = sized(s.starts, len(a.toks))
	a.inQuote = sized(s.inQuote, len(a.toks))
	upper := sized(s.upper, len(a.toks))
	s.upper = upper
	// What isTitleCase counts of a paragraph's words, counted once for
	// every token as it is read here: a headline's test is then two
	// differences, not a second reading of every paragraph's words.
	a.titles = sized(s.titles, len(a.toks)+1)
	var titles titleCount
	si := 0
	prevSent := -1
	// The tokens come in text order: a cursor over the quotations' spans
	// answers inSpans for each, when the spans are in order and apart.
	qi, ordered := 0, spansInOrder(a.qspans)
	for i, t := range a.toks {
		for si < len(a.sents) && a.sents[si].End <= t.Begin {
			si++
		}
		if si < len(a.sents) && a.sents[si].Begin <= t.Begin {
			a.tokSent[i] = si
		} else {
			a.tokSent[i] = -1
		}
		start := a.tokSent[i] != prevSent
		// After a quotation mark inside the sentence: the byte before
		// the token is one, or begins one (the ASCII marks are " and ').
		if !start && i > 0 {
			if c := text[t.Begin-1]; c >= utf8.RuneSelf || c == '"' || c == '\'' {
				start = isQuoteRune(runeBefore(text, t.Begin)) && strings.TrimSpace(gap(text, a.toks, i)) != ""
			}
		}
		a.starts[i] = start
		prevSent = a.tokSent[i]
		if ordered {
			for qi < len(a.qspans) && a.qspans[qi].End <= t.Begin {
				qi++
			}
			a.inQuote[i] = qi < len(a.qspans) && a.qspans[qi].Begin <= t.Begin
		} else {
			a.inQuote[i] = inSpans(a.qspans, t.Begin)
		}
		w := text[t.Begin:t.End]
		upper[i] = isUpperStart(w)
		a.titles[i] = titles
		if titleWord(w) {
			titles.long++
			if upper[i] {
				titles.upper++
			}
		}
	}
	a.titles[len(a.toks)] = titles
	a.lower = newLowerCase(a.wordID, a.words, upper)
	a.runs = findNameRuns(s.runs[:0], text, a.toks, a.starts, a.titleCaseTokens(), a.lower, a.class, gaz)
	trimIntoNames(a.runs, text, a.toks)
	a.runAt = sized(s.runAt, len(a.toks))
	for i := range a.runAt {
		a.runAt[i] = -1
	}
	for ri := range a.runs {
		r := &a.runs[ri]
		r.InQuote = a.inQuote[r.First]
		for j := r.First; j <= r.Last; j++ {
			a.runAt[j] = ri
		}
		if r.Type == Person {
			if p := r.proper(text, a.toks); countFields(p, 2) >= 2 {
				a.people.add(p, r.ByShape)
			}
		}
	}
	a.addFunctionWordSurnames()
	a.joinSurnameParticles()
	for ri := range a.runs {
		a.canonical(&a.runs[ri])
	}
	a.findAttributions()
	a.findIntroducedQuotes()
	a.findHeadlines()
	a.findNameColonQuotes()
	a.findBylines()
	a.findTranscriptLabels()
	a.resolve()
	a.findContent()
	a.findSubjectQuotes()
	return a
}

// titleCaseTokens marks the tokens of paragraphs written in title case
// (headlines).
func (a *analysis) titleCaseTokens() []bool {
	titled := sized(a.scratch.titled, len(a.toks))
	clear(titled)
	a.scratch.titled = titled
	t := 0
	for _, p := range a.paras {
		for t < len(a.toks) && a.toks[t].Begin < p.Begin {
			t++
		}
		first := t
		for t < len(a.toks) && a.toks[t].End <= p.End {
			t++
		}
		if t > first && a.isTitleCase(first, t-1) {
			for i := first; i < t; i++ {
				titled[i] = true
			}
		}
	}
	return titled
}

// canonical sets the resolved name of a run: the full name of a person
// (a surname resolved through the document), the gazetteer name of a
// place or organisation.
func (a *analysis) canonical(r *nameRun) {
	p := r.proper(a.text, a.toks)
	if p == "" {
		return
	}
	switch r.Type {
	case Place, Org:
		if e := a.gaz.LookupText(p); e != nil {
			r.Canonical = e.Name
			return
		}
		if e := a.gaz.LookupText(tokenText(a.text, a.toks, r.First, r.Last)); e != nil {
			r.Canonical = e.Name
			return
		}
		r.Canonical = p
	case Person:
		if countFields(p, 2) >= 2 {
			r.Canonical = p
		} else if full := a.people.resolve(p); full != "" {
			r.Canonical = full
		} else {
			r.Canonical = p
		}
	default:
		if full := a.people.resolve(p); full != "" && r.NameFirst == r.Last {
			r.Type = Person
			r.Canonical = full
		}
	}
}

// quoteOccurrences turns the quotations into occurrences with speakers,
// joining a quotation split by its cue into one, and adds the statements
// introduced by a colon.
func (a *analysis) quoteOccurrences(docID string) []Occurrence {
	adjacent := map[int]*attribution{}
	for i := range a.attrs {
		at := &a.attrs[i]
		if at.Quote < 0 {
			continue
		}
		if old, ok := adjacent[at.Quote]; !ok || a.attributesBetter(at, old) {
			adjacent[at.Quote] = at
		}
	}
	merged := map[int]bool{}
	claims := newClaimIndex(a.attrs)
	// At most one occurrence a quotation and a block: room made once.
	blocks := 0
	for i := range a.attrs {
		if a.attrs[i].Block {
			blocks++
		}
	}
	var out []Occurrence
	if n := len(a.quotes) + blocks; n > 0 {
		out = make([]Occurrence, 0, n)
	}
	// The last quotation given a speaker, for a paragraph that carries
	// its speaker's words on.
	var lastAt *attribution
	lastEnd := -1
	for qi, q := range a.quotes {
		if merged[qi] {
			continue
		}
		parts := append([]doc.Span(nil), q.Parts...)
		unclosed := q.Unclosed
		at := adjacent[qi]
		// “First part,” he said. “Second part.” is one quotation.
		if at != nil && !at.Pre && q.Depth == 0 {
			if nj := a.continuationOf(qi, at, adjacent); nj >= 0 {
				parts = append(parts, a.quotes[nj].Parts...)
				unclosed = a.quotes[nj].Unclosed
				merged[nj] = true
			}
		}
		o := Occurrence{Doc: docID, Parts: parts, Begin: parts[0].Begin, End: parts[len(parts)-1].End, Unclosed: unclosed}
		o.Text = a.partsText(parts)
		words := 0
		for _, p := range parts {
			words += a.countWords(p.Begin, p.End)
		}
		var used *attribution // the attribution that gave the speaker
		switch {
		case q.Depth > 0:
			o.Kind = KindTerm
		case at != nil:
			o.Kind = KindQuote
			// "He said that he hopes “…”": the pronoun before the cue
			// that introduces the quotation stands in the outer claim,
			// whose source is the one quoted.
			if at.Pre {
				at = a.reportingClaim(at, claims)
			}
			at = a.outerOfRelative(at, q.Open, claims)
			a.setSpeaker(&o, at)
			used = at
		default:
			c := a.reportingClaim(claims.innermost(a.attrs, q.Open), claims)
			if c != nil {
				c = a.outerOfRelative(c, q.Open, claims)
			}
			if p := a.parentheticalBefore(q); p != nil && c != nil {
				// "…, which is an outcome, he said, “we have long
				// anticipated.”": the aside right before the quotation
				// speaks it.
				c = p
			}
			switch {
			case a.isTitle(q, words) && (c == nil || !a.inTitledParagraph(q.Open)), words <= 1 && a.namedByDeterminer(q) && !a.namingPredicate(q, c, claims):
				// A single word after an article names a thing ("the
				// “reform”"): a term, even inside a claim.
				o.Kind = KindTerm
			case c != nil && a.groupThought(c):
				// "voters who think he is “very pro-choice”": the words
				// are a poll's or the writer's, not a group's.
				o.Kind = KindQuote
			case c != nil:
				// Words quoted inside a reported claim are the source's
				// own words: “obsessed” in "Rubio says Obama is “obsessed”".
				o.Kind = KindQuote
				a.setSpeaker(&o, c)
				used = c
			case words <= 1:
				o.Kind = KindTerm
			case lastAt != nil && words > 4 && !headingCase(o.Text) && a.continuesParagraphQuote(parts, lastAt, lastEnd):
				// A paragraph that is one quotation, right after a
				// paragraph quoting someone, goes on quoting them.
				o.Kind = KindQuote
				a.setSpeaker(&o, lastAt)
				used = lastAt
			case words <= 4:
				o.Kind = KindTerm
			case !isUpperStart(a.text[parts[0].Begin:parts[0].End]):
				o.Kind = KindTerm
			default:
				o.Kind = KindQuote
			}
		}
		out = append(out, o)
		if q.Depth == 0 {
			lastAt, lastEnd = used, o.End
		}
	}
	for i := range a.attrs {
		at := &a.attrs[i]
		if !at.Block {
			continue
		}
		o := Occurrence{Doc: docID, Kind: KindQuote, Begin: at.Content.Begin, End: at.Content.End, Parts: []doc.Span{at.Content}}
		o.Text = a.partsText(o.Parts)
		a.setSpeaker(&o, at)
		out = append(out, o)
	}
	sortOccurrences(out)
	return out
}

// inTitledParagraph reports whether the paragraph holding byte off is
// written in title case (a headline), where capitalised words after a
// preposition are no title: "Quill Says Vane Appeals To ‘Bad Angels Of
// Our Nature’".
func (a *analysis) inTitledParagraph(off int) bool {
	pi := sort.Search(len(a.paras), func(k int) bool { return a.paras[k].End > off })
	if pi >= len(a.paras) {
		return false
	}
	p := a.paras[pi]
	first := a.tokenStartingAt(p.Begin)
	last := first
	for last+1 < len(a.toks) && a.toks[last+1].End <= p.End {
		last++
	}
	return first < len(a.toks) && a.toks[first].Begin >= p.Begin && last >= first && a.isTitleCase(first, last)
}

// headingCase reports whether most words of a text are capitalised, as
// in a subheading ("Legend in the Coal Fields").
func headingCase(text string) bool {
	words := strings.Fields(text)
	upper := 0
	for _, w := range words {
		if isUpperStart(w) {
			upper++
		}
	}
	return upper*2 > len(words)
}

// continuesParagraphQuote reports whether a quotation with the given
// parts is a whole paragraph (nothing but punctuation around it) and the
// paragraph before it ends with the quotation that ended at lastEnd (a
// cue clause after it aside): a quote running on over paragraphs.
func (a *analysis) continuesParagraphQuote(parts []doc.Span, last *attribution, lastEnd int) bool {
	if lastEnd < 0 || len(parts) == 0 {
		return false
	}
	pi := sort.Search(len(a.paras), func(k int) bool { return a.paras[k].End > parts[0].Begin })
	if pi == 0 || pi >= len(a.paras) {
		return false
	}
	p, prev := a.paras[pi], a.paras[pi-1]
	if parts[0].Begin < p.Begin || parts[len(parts)-1].End > p.End {
		return false // a quotation over several paragraphs
	}
	const marks = " \t\u00a0\"“”'’‘.,;:—–-"
	if strings.Trim(a.text[p.Begin:parts[0].Begin], marks) != "" || strings.Trim(a.text[parts[len(parts)-1].End:p.End], marks) != "" {
		return false
	}
	if lastEnd < prev.Begin || lastEnd > prev.End {
		return false
	}
	// After the last quotation, at most its cue clause ("…,” she said.").
	rest := a.text[lastEnd:prev.End]
	if len(rest) >= 120 || hasQuoteMark(strings.TrimLeft(rest, marks)) {
		return false
	}
	// Someone else speaks in between? (attributions are sorted by cue)
	for i := sort.Search(len(a.attrs), func(k int) bool { return a.attrs[k].Cue.Begin >= lastEnd }); i < len(a.attrs) && a.attrs[i].Cue.Begin < p.Begin; i++ {
		if &a.attrs[i] != last {
			return false
		}
	}
	return true
}

// namedByDeterminer reports whether a determiner or possessive stands
// right before the quotation ("the “reform”", "a ‘mirage’").
func (a *analysis) namedByDeterminer(q rawQuote) bool {
	j := a.lastTokenBefore(q.Open)
	if j < 0 || strings.TrimSpace(a.text[a.toks[j].End:q.Open]) != "" {
		return false
	}
	k := a.toks[j].Key
	return determiners[k] || k == "these" || k == "those" || k == "my" || k == "your" || k == "s"
}

// namingPredicate reports whether one quoted word after a determiner
// inside a reported claim c is its source's word rather than a term.
// After an indefinite article it is a predicate or an evaluation ("Beck
// called Palin a “clown”", "said the convention could be a “failure”",
// "argued that the board ran a “rigged” process"); after a possessive
// it is a quality the source ascribes ("said Trump’s “excesses” are
// sickening", "said he had not done his “homework”", "says it’s
// “disastrous”"); after "that" right after the cue it opens the claim
// ("argued that “liberals” allowed …"). After "the" or a demonstrative
// the word names a thing ("said the “reform” was a mistake") and stays
// a term, as does the word of a hypothetical ("would call him a
// “chicken”") or of a naming another source reports ("Critics call the plan a
// ‘mirage’, Berg wrote": whose word it is, is not told).
func (a *analysis) namingPredicate(q rawQuote, c *attribution, claims claimIndex) bool {
	if c == nil || c.CueTok < 1 || c.CueTok >= len(a.toks) || q.Open < c.Content.Begin || q.Open >= c.Content.End {
		return false
	}
	if hypotheticalModals[a.toks[c.CueTok-1].Key] {
		return false
	}
	j := a.lastTokenBefore(q.Open)
	if j < 0 {
		return false
	}
	if a.is(c.CueTok, wcNamingVerb) && (c.Cue.End > a.toks[c.CueTok].End || j > c.CueTok && j <= c.CueTok+1) {
		// "a call for a “revolution”" asks for something.
		return false
	}
	switch k := a.toks[j].Key; {
	case k == "a" || k == "an" || k == "another" || possessiveDeterminers[k]:
	case k == "that" && j == c.CueTok+1:
	default:
		return false
	}
	outer := claims.innermost(a.attrs, c.Src.Span.Begin)
	return outer == nil || outer == c
}

// isTitle reports whether a quotation is the title of a programme, book
// or article: a few capitalised words right after a preposition ("said on
// “Fox News Sunday.”", "in “The Art of the Deal”").
func (a *analysis) isTitle(q rawQuote, words int) bool {
	if words > 8 || len(q.Parts) == 0 || !isUpperStart(a.text[q.Parts[0].Begin:q.Parts[0].End]) {
		return false
	}
	j := a.tokenAt(q.Open) - 1
	for j >= 0 && a.toks[j].End > q.Open {
		j--
	}
	if j < 0 || strings.TrimSpace(a.text[a.toks[j].End:q.Open]) != "" {
		return false
	}
	k := a.toks[j].Key
	return k == "on" || k == "in" || k == "to" || k == "from" || k == "of" || k == "titled" || k == "called" || k == "entitled"
}

// continuationOf returns the quotation that continues quotation qi after
// its cue clause in the same paragraph, or -1: the cue clause may run to
// the end of its sentence (“…,” Marrow told reporters outside the
// building. “Every sample …”).
func (a *analysis) continuationOf(qi int, at *attribution, adjacent map[int]*attribution) int {
	end := at.Cue.End
	if at.Src.Span.End > end {
		end = at.Src.Span.End
	}
	if s := a.sents[at.Sentence]; s.End > end && s.End-end < 160 && !hasMarkOr(a.text[end:s.End], "\n") {
		end = s.End
	}
	for nj := qi + 1; nj < len(a.quotes); nj++ {
		n := a.quotes[nj]
		if n.Depth != 0 {
			continue
		}
		if n.Open < end || adjacent[nj] != nil {
			return -1
		}
		between := a.text[end:n.Open]
		if strings.Contains(between, "\n") || a.cueInSpan(doc.Span{Begin: end, End: n.Open}) {
			// “…,” Quill said. No ferry, she said, “…”: the next
			// quotation has a cue of its own.
			return -1
		}
		if strings.Trim(between, " .,:;—–-\u00a0") != "" && !isCueTail(between) {
			return -1
		}
		return nj
	}
	return -1
}

// isCueTail reports whether the text between a cue and the next
// quotation is the rest of the cue clause leading into it (“…,” Harlan
// said on Monday, “…”): short, one clause, ending in a comma or dash.
func isCueTail(between string) bool {
	t := strings.TrimRight(between, " \u00a0")
	return len(t) < 80 && (strings.HasSuffix(t, ",") || strings.HasSuffix(t, "—")) && !hasMarkOr(t, ".!?;:")
}

func (a *analysis) setSpeaker(o *Occurrence, at *attribution) {
	o.Speaker = at.Src.Name
	o.SpeakerType = at.Src.Type
	// Both spans in one allocation: an attributed occurrence has both.
	spans := &[2]doc.Span{at.Src.Span, at.Cue}
	o.SpeakerSpan, o.CueSpan = &spans[0], &spans[1]
	o.SpeakerText = a.text[at.Src.Span.Begin:at.Src.Span.End]
	o.Cue = a.text[at.Cue.Begin:at.Cue.End]
}

// partsText is the folded text of the parts, joined by a space. A part
// folded already is the document's text itself (normalize.FoldShared):
// an occurrence keeps that text alive anyway (its SpeakerText and Cue
// are cut from it), and most quotations need no folding.
func (a *analysis) partsText(parts []doc.Span) string {
	if len(parts) == 1 {
		return normalize.FoldShared(a.text[parts[0].Begin:parts[0].End])
	}
	s := make([]string, len(parts))
	for i, p := range parts {
		s[i] = normalize.FoldShared(a.text[p.Begin:p.End])
	}
	return strings.Join(s, " ")
}

// claimOccurrences are the attributions that carry no quotation.
func (a *analysis) claimOccurrences(docID string) []Occurrence {
	var out []Occurrence
	for i := range a.attrs {
		at := &a.attrs[i]
		if at.Quote >= 0 || at.Block || at.Nested || at.Content.End <= at.Content.Begin {
			continue
		}
		b, e := trimSpace(a.text, at.Content.Begin, at.Content.End)
		b, e = trimClaim(a.text, b, e)
		if a.countWords(b, e) < 3 {
			continue
		}
		// A claim that is mostly a quotation is that quotation.
		if a.quotedShare(b, e) > 0.8 {
			continue
		}
		o := Occurrence{Doc: docID, Kind: KindClaim, Begin: b, End: e, Parts: []doc.Span{{Begin: b, End: e}}}
		o.Text = normalize.FoldShared(a.text[b:e])
		a.setSpeaker(&o, at)
		out = append(out, o)
	}
	sortOccurrences(out)
	return out
}

// trimClaim drops punctuation around a claim's text.
func trimClaim(text string, b, e int) (int, int) {
	for b < e && strings.ContainsRune(",;:—–- ", rune(text[b])) {
		b++
	}
	for e > b && strings.ContainsRune(",;:—–- ", rune(text[e-1])) {
		e--
	}
	return b, e
}

// quotedShare is the share of [b, e) inside quotations.
func (a *analysis) quotedShare(b, e int) float64 {
	if e <= b {
		return 0
	}
	n := 0
	for _, q := range a.qspans[spansFrom(a.qspans, b):] {
		if q.Begin >= e {
			break
		}
		lo, hi := max(q.Begin, b), min(q.End, e)
		if hi > lo {
			n += hi - lo
		}
	}
	return float64(n) / float64(e-b)
}

func sortOccurrences(os []Occurrence) {
	slices.SortStableFunc(os, func(x, y Occurrence) int { return x.Begin - y.Begin })
}
