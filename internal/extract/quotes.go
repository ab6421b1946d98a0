package extract

import (
	"strings"
	"unicode"

	"github.com/echotrace/echotrace/internal/doc"
)

// Bounds that keep a quotation from running away on unbalanced marks.
const (
	// maxQuoteParagraphs is how many paragraphs an unclosed quotation may
	// continue into while its closing mark is sought.
	maxQuoteParagraphs = 8
	// maxQuoteBytes is the longest quotation accepted as closed; a longer
	// one is taken as an opening mark without an end.
	maxQuoteBytes = 8000
	// unclosedSentences and unclosedBytes bound a quotation that has no
	// end: it stops at the end of its paragraph, or earlier after this
	// many sentences or bytes.
	unclosedSentences = 4
	unclosedBytes     = 1200
)

// family groups quotation marks that close each other.
type family uint8

const (
	famDouble family = iota + 1
	famGuillemet
	famSingle
	famSingleGuillemet
)

// rawQuote is a quotation as the mark scanner found it, before speakers.
type rawQuote struct {
	Open     int        // byte offset of the opening mark
	Close    int        // byte offset just past the closing mark (or the bound)
	Parts    []doc.Span // the quoted text, one span per paragraph, marks excluded
	Unclosed bool
	Depth    int // 0 for a top-level quotation, 1 for one nested inside it, …
}

// openQuote is a quotation on the scanner's stack.
type openQuote struct {
	pos, end  int // the opening mark
	r         rune
	fam       family
	partStart int
	parts     []doc.Span
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»', '‹', '›', '‘', '’', '‚', '\'', '「', '」', '『', '』':
		return true
	}
	return false
}

// quoteMarkBytes are the bytes that may begin a quotation mark: " and '
// and the lead bytes of the others (U+00AB/BB, U+2018–203A, U+300C–300F).
// None is a UTF-8 continuation byte, so a scan byte by byte meets every
// mark a scan rune by rune would.
var quoteMarkBytes = byteSet(quoteMarkLeads)

// quoteMarkLeads are the bytes of quoteMarkBytes.
const quoteMarkLeads = "\"'\xc2\xe2\xe3"

func quoteFamily(r rune) family {
	switch r {
	case '"', '“', '”', '„', '‟', '「', '」', '『', '』':
		return famDouble
	case '«', '»':
		return famGuillemet
	case '‹', '›':
		return famSingleGuillemet
	case '‘', '’', '‚', '\'':
		return famSingle
	}
	return 0
}

// quoteScanner finds quotation marks and pairs them, paragraph by
// paragraph, carrying an unclosed quotation into the following paragraphs
// only when its end is found there within the bounds.
type quoteScanner struct {
	text  string
	paras []doc.Span
	out   []rawQuote
	marks byteFinder // of quoteMarkLeads in text
}

// findQuotes returns the quotations of text, sorted by opening mark.
func findQuotes(text string, paras []doc.Span) []rawQuote {
	s := &quoteScanner{text: text, paras: paras, marks: newByteFinder(text, quoteMarkLeads)}
	var stack []openQuote
	for pi := 0; pi < len(paras); pi++ {
		stack = s.scanParagraph(pi, stack, true)
		if len(stack) == 0 {
			continue
		}
		if s.closesAhead(pi, stack) {
			for i := range stack {
				stack[i].parts = append(stack[i].parts, doc.Span{Begin: stack[i].partStart, End: paras[pi].End})
				stack[i].partStart = -1
			}
			continue
		}
		for i := len(stack) - 1; i >= 0; i-- {
			s.emitUnclosed(stack[i], paras[pi].End, i)
		}
		stack = nil
	}
	sortRaw(s.out)
	return s.out
}

// closesAhead reports whether the outermost open quotation closes within
// the next paragraphs, by scanning them on a copy of the stack without
// emitting anything.
func (s *quoteScanner) closesAhead(pi int, stack []openQuote) bool {
	sim := &quoteScanner{text: s.text, paras: s.paras, marks: newByteFinder(s.text, quoteMarkLeads)}
	cp := make([]openQuote, len(stack))
	for i, o := range stack {
		cp[i] = o
		cp[i].parts = nil
		cp[i].partStart = -1
	}
	bottom := stack[0].pos
	for pj := pi + 1; pj < len(s.paras) && pj-pi <= maxQuoteParagraphs; pj++ {
		if s.paras[pj].End-bottom > maxQuoteBytes {
			return false
		}
		cp = sim.scanParagraph(pj, cp, false)
		if len(cp) == 0 || cp[0].pos != bottom {
			return len(sim.out) > 0 && sim.closedBottom(bottom)
		}
	}
	return false
}

// closedBottom reports whether the quotation opened at bottom was closed
// (not abandoned) during a simulation.
func (s *quoteScanner) closedBottom(bottom int) bool {
	for _, q := range s.out {
		if q.Open == bottom && !q.Unclosed {
			return true
		}
	}
	return false
}

// scanParagraph pairs the marks of paragraph pi, starting from the stack
// carried from earlier paragraphs, and returns what is still open at its
// end. carried quotations continue here: their new part starts at the
// paragraph (or after a reopening mark, the English convention for a
// quotation over several paragraphs).
func (s *quoteScanner) scanParagraph(pi int, stack []openQuote, emit bool) []openQuote {
	text := s.text
	p := s.paras[pi]
	for i := range stack {
		if stack[i].partStart < 0 {
			stack[i].partStart = p.Begin
		}
	}
	first := true
	for i := p.Begin; i < p.End; {
		if j := s.marks.next(i, p.End); j > i {
			first = false
			if i = j; i >= p.End {
				break
			}
		}
		r, n := runeAtN(text, i)
		if !isQuoteRune(r) {
			i += n
			first = false
			continue
		}
		if r == '\'' && i+1 < p.End && text[i+1] == '\'' {
			// Two apostrophes stand for a double quotation mark (the New
			// York Times' archive text writes ''…'').
			r, n = '"', 2
		}
		prev, next := runeBefore(text, i), runeAt(text, i+n)
		if i+n >= p.End {
			next = 0
		}
		fam := quoteFamily(r)
		leftFlank := !isSpace(next) && (isSpace(prev) || i == p.Begin || isOpeningContext(prev))
		rightFlank := !isSpace(prev) && i != p.Begin && (isSpace(next) || isClosingContext(next))
		between := unicode.IsLetter(prev) && unicode.IsLetter(next)

		// A paragraph that reopens the quotation carried into it.
		if first && len(stack) > 0 && stack[len(stack)-1].partStart == p.Begin && stack[len(stack)-1].fam == fam && canOpen(r, leftFlank) {
			top := &stack[len(stack)-1]
			top.partStart = i + n
			i += n
			first = false
			continue
		}
		first = false

		closeAt := -1
		if canClose(r, rightFlank, leftFlank, between) {
			closeAt = findOpener(stack, fam, r)
		}
		if closeAt < 0 && r == '“' && rightFlank && !leftFlank && len(stack) > 0 && stack[len(stack)-1].r == '“' {
			// “…,“ said X: an opening mark typed where the closing one
			// belongs, after the text and before a space.
			closeAt = len(stack) - 1
		}
		switch {
		case closeAt >= 0 && (r != '"' && r != '\'' || rightFlank || !leftFlank):
			// Close the quotation at closeAt; any opened inside it and
			// still open have no end of their own.
			for k := len(stack) - 1; k > closeAt; k-- {
				if emit {
					s.emitUnclosed(stack[k], i, k)
				}
			}
			o := stack[closeAt]
			stack = stack[:closeAt]
			if i-o.pos > maxQuoteBytes {
				s.emitUnclosed(o, p.End, closeAt)
				break
			}
			parts := append(o.parts, doc.Span{Begin: o.partStart, End: i})
			s.emit(rawQuote{Open: o.pos, Close: i + n, Parts: trimParts(text, parts), Depth: closeAt})
		case canOpen(r, leftFlank) && !between && !elision(text, r, i+n, p.End):
			stack = append(stack, openQuote{pos: i, end: i + n, r: r, fam: fam, partStart: i + n})
		}
		i += n
	}
	return stack
}

func (s *quoteScanner) emit(q rawQuote) {
	if len(q.Parts) == 0 {
		return
	}
	s.out = append(s.out, q)
}

// emitUnclosed records an opening mark that found no end: its text runs to
// limit (the end of its paragraph, or where an enclosing quotation
// closed), and no further than a few sentences or bytes.
func (s *quoteScanner) emitUnclosed(o openQuote, limit int, depth int) {
	begin := o.partStart
	if begin < 0 || begin > limit {
		begin = o.end
	}
	end := limit
	if end-o.end > unclosedBytes {
		end = o.end + unclosedBytes
		for end > o.end && !isRuneStart(s.text, end) {
			end--
		}
	}
	// No more than a few sentences.
	count := 0
	for i := o.end; i < end; i++ {
		c := s.text[i]
		if (c == '.' || c == '!' || c == '?') && i+1 < len(s.text) && isSpace(runeAt(s.text, i+1)) {
			count++
			if count == unclosedSentences {
				end = i + 1
				break
			}
		}
	}
	parts := o.parts
	if begin < end {
		parts = append(parts, doc.Span{Begin: begin, End: end})
	}
	s.emit(rawQuote{Open: o.pos, Close: end, Parts: trimParts(s.text, parts), Unclosed: true, Depth: depth})
}

func isRuneStart(text string, i int) bool { return i >= len(text) || text[i]&0xC0 != 0x80 }

// findOpener returns the stack index of the innermost open quotation that
// a closing mark r of family fam ends, or -1.
func findOpener(stack []openQuote, fam family, r rune) int {
	for k := len(stack) - 1; k >= 0; k-- {
		if stack[k].fam != fam {
			continue
		}
		// “ closes only the German „ (and ‘ the German ‚); elsewhere it opens.
		if r == '“' && stack[k].r != '„' {
			return -1
		}
		if r == '‘' && stack[k].r != '‚' {
			return -1
		}
		// « closes only the Danish/German »…« form.
		if r == '«' && stack[k].r != '»' {
			return -1
		}
		if r == '‹' && stack[k].r != '›' {
			return -1
		}
		return k
	}
	return -1
}

// elisions are the words English writes with an apostrophe for the
// letters left out before them ("'em", "'til", "in 't Veld").
var elisions = set(`t em n til cause tis twas bout`)

// elision reports whether the single mark r, whose next byte is at b, is
// the apostrophe of an elision rather than an opening quotation mark:
// before the two digits of a year ("in ’08 and ’12", "the '90s") or a
// word of elisions.
func elision(text string, r rune, b, end int) bool {
	if r != '\'' && r != '’' && r != '‘' {
		return false
	}
	e := b
	for e < end && e-b < 6 && (text[e] >= 'a' && text[e] <= 'z' || text[e] >= '0' && text[e] <= '9') {
		e++
	}
	if e == b || e < end && (unicode.IsLetter(runeAt(text, e)) || unicode.IsDigit(runeAt(text, e))) {
		return false
	}
	w := text[b:e]
	if len(w) >= 2 && w[0] >= '0' && w[0] <= '9' && w[1] >= '0' && w[1] <= '9' {
		return len(w) == 2 || w[2:] == "s"
	}
	return elisions[w]
}

// canClose reports whether a mark may end a quotation where it stands.
func canClose(r rune, rightFlank, leftFlank, between bool) bool {
	switch r {
	case '\'', '’':
		return !between && (rightFlank || !leftFlank)
	case '"':
		return rightFlank || !leftFlank
	}
	return true
}

// canOpen reports whether a mark may begin a quotation where it stands.
func canOpen(r rune, leftFlank bool) bool {
	switch r {
	case '"', '\'', '’', '‚', '”', '»', '›':
		return leftFlank
	}
	return true
}

func isOpeningContext(r rune) bool {
	return r == '(' || r == '[' || r == '{' || r == '—' || r == '–' || r == '-' || r == '/' || r == ':' || isQuoteRune(r)
}

func isClosingContext(r rune) bool {
	return unicode.IsPunct(r) || r == 0
}

// trimParts trims white space from each part and drops empty ones.
func trimParts(text string, parts []doc.Span) []doc.Span {
	out := make([]doc.Span, 0, len(parts))
	for _, p := range parts {
		if p.Begin < 0 || p.End > len(text) || p.Begin >= p.End {
			continue
		}
		b, e := trimSpace(text, p.Begin, p.End)
		if b < e {
			out = append(out, doc.Span{Begin: b, End: e})
		}
	}
	return out
}

func sortRaw(qs []rawQuote) {
	// Insertion sort: quotations arrive nearly in order (inner ones close
	// before outer ones).
	for i := 1; i < len(qs); i++ {
		for j := i; j > 0 && qs[j].Open < qs[j-1].Open; j-- {
			qs[j], qs[j-1] = qs[j-1], qs[j]
		}
	}
}

// quoteEndsSentenceBefore reports whether a quotation ending in a full
// stop, question or exclamation mark closes right before byte b (“We
// won.” She says …): the clause at b is a new sentence, which attributes
// the quotation only when it is no more than its cue ("“We won.” Ruiz
// said.").
func (a *analysis) quoteEndsSentenceBefore(b int) bool {
	i := b
	for i > 0 && isSpace(runeBefore(a.text, i)) {
		i -= len(string(runeBefore(a.text, i)))
	}
	closing := false
	for i > 0 {
		r := runeBefore(a.text, i)
		if r != '”' && r != '"' && r != '\'' && r != '’' && r != '»' {
			break
		}
		closing = true
		i -= len(string(r))
	}
	if !closing || i == 0 {
		return false
	}
	r := runeBefore(a.text, i)
	return r == '.' || r == '?' || r == '!' || r == '…'
}

// newSentenceIntroducesQuote reports whether a clause that begins at byte
// pb, after a quotation that ended its sentence, introduces a quotation
// right after its cue at token i (“…found.” He added, “In this case …”):
// it attributes the quotation after it, not the one before.
func (a *analysis) newSentenceIntroducesQuote(pb, i int) bool {
	if !a.quoteEndsSentenceBefore(pb) || i+1 >= len(a.toks) || !a.inQuote[i+1] {
		return false
	}
	g := strings.TrimRight(gap(a.text, a.toks, i+1), " \u00a0\"“'‘«")
	return strings.HasSuffix(g, ",") || strings.HasSuffix(g, ":")
}
