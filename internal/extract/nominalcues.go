package extract

import (
	"sort"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
)

// Nominal cues: a noun of saying owned by its source, with what was said
// in a "that" clause after it — "Sanders's claim that he can still win",
// "her insistence that the emails were not classified". The owner (a
// name in the possessive or a possessive pronoun) is the source. Nouns
// of criticism with what they are about ("Trump's criticism of the
// judge") were tried: where the object ends is not known without a
// parser, and on PolNeAR train they added more wrong than right.

// sayingNouns take what was said in a "that" clause.
var sayingNouns = set(`claim claims assertion assertions statement argument arguments contention insistence
	warning warnings promise promises pledge suggestion allegation allegations accusation accusations
	charge denial belief view remark remarks comment comments admission prediction vow`)

// nominalCue attributes the content after the saying noun at token i to
// its possessive owner, or does nothing.
func (a *analysis) nominalCue(i int) {
	k := a.toks[i].Key
	if i+1 >= len(a.toks) || a.tokSent[i+1] != a.tokSent[i] || !isBlank(gap(a.text, a.toks, i+1)) {
		return
	}
	if !sayingNouns[k] || a.toks[i+1].Key != "that" {
		return
	}
	src, ok := a.possessiveOwner(i)
	if !ok {
		return
	}
	sent := a.sents[a.tokSent[i]]
	b, e := trimSpace(a.text, a.toks[i+1].End, sent.End)
	// What was said runs to the end of the clause: the next comma,
	// semicolon or dash outside quotation marks.
	for m := i + 2; m < len(a.toks) && a.tokSent[m] == a.tokSent[i]; m++ {
		if g := gap(a.text, a.toks, m); !a.inQuote[m] && (strings.ContainsAny(g, ",;—–()") || strings.Contains(g, " - ")) {
			e = a.toks[m-1].End
			break
		}
	}
	if b >= e {
		return
	}
	a.addAttr(attribution{Cue: a.span(i, i+1), CueTok: i, Src: src, Pre: true, Fixed: true, Content: doc.Span{Begin: b, End: e}})
}

// possessiveOwner is the owner of the noun at token i: "Sanders's",
// "Mr. Trump’s", "his", "her", "their", with up to two adjectives
// between ("his repeated claims").
func (a *analysis) possessiveOwner(i int) (source, bool) {
	j := i - 1
	for n := 0; n < 2 && j >= 0 && isBlank(gap(a.text, a.toks, j+1)) && (isAdverb(a.toks[j].Key, a.text[a.toks[j].Begin:a.toks[j].End]) || isModifier(a.toks[j].Key, a.text[a.toks[j].Begin:a.toks[j].End]) && !isUpperStart(a.text[a.toks[j].Begin:a.toks[j].End]) && !a.is(j, wcDeterminer) && a.toks[j].Key != "s"); n++ {
		j--
	}
	if j < 0 || a.inQuote[j] || !isBlank(gap(a.text, a.toks, j+1)) {
		return source{}, false
	}
	t := a.toks[j]
	switch t.Key {
	case "his", "her":
		return source{Span: doc.Span{Begin: t.Begin, End: t.End}, Kind: srcPronoun, Run: -1, Head: t.Key}, true
	case "their":
		return source{Span: doc.Span{Begin: t.Begin, End: t.End}, Kind: srcPlural, Run: -1, Head: t.Key}, true
	case "s":
		if g := gap(a.text, a.toks, j); j > 0 && (g == "’" || g == "'") {
			if ri := a.runAt[j-1]; ri >= 0 && a.runs[ri].Last == j-1 && (a.runs[ri].Type == Person || a.runs[ri].Type == Org) && a.runs[ri].NameFirst <= a.runs[ri].Last {
				r := a.runs[ri]
				return source{Span: doc.Span{Begin: a.toks[r.NameFirst].Begin, End: a.toks[r.Last].End}, Kind: srcName, Run: ri, Type: r.Type}, true
			}
		}
	}
	return source{}, false
}

// chantNouns are the noise of a crowd, with the words it shouts after
// "of" in quotation marks ("chants of “Lock her up!”").
var chantNouns = set(`chant chants cries shouts`)

// chantCue attributes a quotation right after "chants of" at token i to
// the owner of the chants ("their chants of “Ted!”") or else to the
// subject of the sentence's verb before them ("The crowd broke into
// chants of “Lock her up!”", "Her supporters responded with chants of
// “…”"), and reports whether it did.
func (a *analysis) chantCue(i int) bool {
	if i+2 >= len(a.toks) || a.toks[i+1].Key != "of" || !isBlank(gap(a.text, a.toks, i+1)) || a.tokSent[i] < 0 {
		return false
	}
	g := gap(a.text, a.toks, i+2)
	if !hasQuoteMark(g) || !a.inQuote[i+2] {
		return false
	}
	open := a.toks[i+1].End + strings.IndexAny(a.text[a.toks[i+1].End:a.toks[i+2].Begin], "\"“‘'")
	qi := sort.Search(len(a.quotes), func(k int) bool { return a.quotes[k].Open >= open })
	if qi >= len(a.quotes) || a.quotes[qi].Open != open || a.quotes[qi].Depth != 0 || len(a.quotes[qi].Parts) == 0 {
		return false
	}
	src, ok := a.possessiveOwner(i)
	if !ok {
		// The subject chants when it breaks "into" or answers "with"
		// chants; chants it is greeted or roused "to" are others'
		// ("walked in to chants of …", "roused the crowd to chants").
		p := i - 1
		for p > 0 && isBlank(gap(a.text, a.toks, p+1)) && !a.is(p, wcPreposition) && isModifier(a.toks[p].Key, a.text[a.toks[p].Begin:a.toks[p].End]) && !isUpperStart(a.text[a.toks[p].Begin:a.toks[p].End]) {
			p--
		}
		if p < 0 || p < i-3 || (a.toks[p].Key != "with" && a.toks[p].Key != "into") || !isBlank(gap(a.text, a.toks, p+1)) {
			return false
		}
		var v int
		src, v, ok = a.sentenceSubjectDo(a.sents[a.tokSent[i]], true)
		if !ok || v >= i {
			return false
		}
	}
	a.addAttr(attribution{Cue: a.span(i, i+1), CueTok: i, Src: src, Pre: true, Fixed: true, Content: doc.Span{Begin: a.quotes[qi].Open, End: a.quotes[qi].Close}})
	return true
}
