package extract

import (
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
	for n := 0; n < 2 && j >= 0 && isBlank(gap(a.text, a.toks, j+1)) && (isAdverb(a.toks[j].Key, a.text[a.toks[j].Begin:a.toks[j].End]) || isModifier(a.toks[j].Key, a.text[a.toks[j].Begin:a.toks[j].End]) && !isUpperStart(a.text[a.toks[j].Begin:a.toks[j].End]) && !determiners[a.toks[j].Key] && a.toks[j].Key != "s"); n++ {
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
