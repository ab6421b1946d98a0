package extract

import (
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
)

// Findings of polls, surveys, studies and reports: the document is the
// source of what it found. Two forms are common in news: a verb of
// finding with the document as its subject ("the poll found", "a study
// finds") — "found" is no cue with other subjects ("she found the keys")
// — and the document after "in" opening a sentence ("In a CNN poll
// released Monday, 38 percent said …"). A document after "in" at the end
// of a clause ("Trump leads in the polls") is left out: as often it only
// says where something happened ("he rose in the polls").

// documentNouns head a phrase naming a poll, survey, study or report.
var documentNouns = set(`poll polls survey surveys study studies report reports analysis analyses review
	audit census tally tallies average averages`)

// findingVerbs report what a document found.
var findingVerbs = set(`find finds found`)

// findingCue attributes "the poll found …" to its document subject.
func (a *analysis) findingCue(i int) {
	s, ok := a.subjectBefore(i)
	if !ok || s.Kind == srcPronoun || !documentNouns[a.toks[a.tokenAt(s.Span.End)].Key] {
		return
	}
	at := attribution{Cue: a.span(i, i), CueTok: i, Src: s, Pre: true}
	if pb := a.phraseBegin(s); a.clauseOpensAfterComma(pb) && !a.introducesClause(i, false) {
		at.Pre = false // "…, the poll found."
	}
	a.addAttr(at)
}

// inDocument attributes the rest of a sentence that "in" and a poll,
// survey or report open ("In a CNN poll last month, …") to that document
// and returns the index of the phrase's last token, or -1.
func (a *analysis) inDocument(i int) int {
	si := a.tokSent[i]
	if si < 0 || !a.starts[i] || i+1 >= len(a.toks) || !isBlank(gap(a.text, a.toks, i+1)) {
		return -1
	}
	// The head noun within eight words, with only spaces, slashes and
	// hyphens between them ("a New York Times/CBS News survey").
	h := -1
	for j := i + 1; j < len(a.toks) && j <= i+8 && a.tokSent[j] == si; j++ {
		if g := gap(a.text, a.toks, j); j > i+1 && strings.Trim(g, " /-") != "" {
			break
		}
		if a.inQuote[j] || clauseWords[a.toks[j].Key] && j > i+1 || a.is(j, wcPreposition) && a.toks[j].Key != "of" {
			break
		}
		if documentNouns[a.toks[j].Key] {
			h = j
			break
		}
	}
	if h < 0 {
		return -1
	}
	src := source{Span: doc.Span{Begin: a.toks[i+1].Begin, End: a.toks[h].End}, Kind: srcOrgRole, Run: -1, Head: a.toks[h].Key}
	sent := a.sents[si]
	c := strings.IndexByte(a.text[a.toks[h].End:sent.End], ',')
	if c < 0 || c > 60 {
		return h
	}
	b, e := trimSpace(a.text, a.toks[h].End+c+1, sent.End)
	content := doc.Span{Begin: b, End: e}
	a.addAttr(attribution{Cue: a.span(i, i), CueTok: i, Src: src, Pre: true, Fixed: true, Content: content})
	return h
}
