package extract

import (
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
)

// findTranscriptLabels attributes the paragraphs of an interview
// transcript, each opened by its speaker's surname in capitals and a
// colon ("PENCE: Well, look, …", "JOEL BENENSON: This is a man …"), perhaps
// inside a quotation that runs over the transcript ("\"QUILL: …"). The
// labels must include one naming a person the document names in full,
// so page labels ("UPDATE:", "VIDEO:", "BYLINE:") are no speakers.
func (a *analysis) findTranscriptLabels() {
	type label struct {
		f, c   int
		cb, ce int
		name   string
	}
	var labels []label
	resolved := false
	for _, p := range a.paras {
		f := a.tokenStartingAt(p.Begin)
		// No token may open the paragraph: tokenStartingAt then gives
		// the text's last token, before it ("0\n!").
		if f < 0 || f >= len(a.toks) || a.toks[f].Begin < p.Begin || a.toks[f].End > p.End {
			continue
		}
		lead := a.text[p.Begin:a.toks[f].Begin]
		if lead != "" && !(hasQuoteMark(lead) && strings.TrimSpace(lead) == lead && len([]rune(lead)) <= 2) {
			continue
		}
		c := f
		for c < f+2 && c+1 < len(a.toks) && isBlank(gap(a.text, a.toks, c+1)) && isAllCaps(a.text[a.toks[c+1].Begin:a.toks[c+1].End]) {
			c++
		}
		if c+1 >= len(a.toks) || a.toks[c+1].Begin >= p.End || !strings.HasPrefix(gap(a.text, a.toks, c+1), ": ") {
			continue
		}
		caps := true
		for i := f; i <= c; i++ {
			w := a.text[a.toks[i].Begin:a.toks[i].End]
			caps = caps && isAllCaps(w) && len([]rune(w)) >= 3 && !a.is(i, wcLabelWord)
		}
		if !caps {
			continue
		}
		cb, ce := trimSpace(a.text, a.toks[c].End+1, p.End)
		if lead != "" {
			cb = p.Begin // the quotation the label opens is the content
		}
		if a.countWords(cb, ce) < 3 {
			continue
		}
		name := a.people.resolve(a.text[a.toks[c].Begin:a.toks[c].End])
		resolved = resolved || name != ""
		labels = append(labels, label{f, c, cb, ce, name})
	}
	// A transcript is known by a label naming someone the text names; its
	// other labels name the other speakers ("WALLACE:" for the host).
	if !resolved {
		return
	}
	for _, l := range labels {
		typ := Person
		if l.name == "" {
			l.name, typ = a.text[a.toks[l.f].Begin:a.toks[l.c].End], Unknown
		}
		src := source{Span: doc.Span{Begin: a.toks[l.f].Begin, End: a.toks[l.c].End}, Kind: srcOrgRole, Run: -1, Head: a.toks[l.c].Key, Name: l.name, Type: typ}
		a.addAttr(attribution{Cue: doc.Span{Begin: a.toks[l.c].End, End: a.toks[l.c].End + 1}, CueTok: l.c, Src: src, Pre: true, Fixed: true, Label: true, Content: doc.Span{Begin: l.cb, End: l.ce}})
	}
	sortAttrs(a.attrs)
}
