package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/doc"
)

// findBylines attributes a quotation set off as a paragraph of its own to
// the name signed under it after a dash: “…” / - Sanders. / —Ada Quill,
// Dover. News sets pull quotes, testimonials and reader comments so. The
// signature is the next paragraph, or follows the closing mark on the
// quotation's own line (“…” ― Ada Quill), and says little more than the
// name (a place, "tweeting after the speech"); the name is a person's, an
// organisation's or one of unknown kind, never a place.
func (a *analysis) findBylines() {
	for _, q := range a.topLevelQuotes() {
		if q.Unclosed || len(q.Parts) == 0 {
			continue
		}
		pi := sentenceAt(a.paras, q.Open)
		if pi < 0 {
			continue
		}
		p := a.paras[pi]
		if strings.TrimSpace(a.text[p.Begin:q.Open]) != "" {
			continue // the paragraph opens with the quotation
		}
		sig := doc.Span{Begin: min(q.Close, p.End), End: p.End}
		if after := strings.TrimLeft(a.text[sig.Begin:sig.End], " \u00a0"); strings.Trim(after, ".") == "" {
			// The paragraph is the quotation alone: the signature is
			// the next one.
			if pi+1 >= len(a.paras) {
				continue
			}
			sig = a.paras[pi+1]
		} else {
			sig.Begin = sig.End - len(after)
		}
		a.signedQuotation(q, sig)
	}
	sortAttrs(a.attrs)
}

// signedQuotation attributes q to the name in sig, a signature that
// opens with a dash: a hyphen, an en or em dash, or the quotation dash
// (U+2015), which exists for this.
func (a *analysis) signedQuotation(q rawQuote, sig doc.Span) {
	line := a.text[sig.Begin:sig.End]
	dash, size := utf8.DecodeRuneInString(line)
	if dash != '-' && dash != '—' && dash != '–' && dash != '―' || len(line) > 120 {
		return
	}
	f := a.tokenStartingAt(sig.Begin + size)
	if f < 0 || f >= len(a.toks) || a.toks[f].Begin < sig.Begin+size || a.toks[f].Begin >= sig.End || strings.TrimSpace(a.text[sig.Begin+size:a.toks[f].Begin]) != "" {
		return
	}
	ri := a.runAt[f]
	if ri < 0 || a.runs[ri].First != f || a.runs[ri].None || a.runs[ri].Type == Place || a.runs[ri].NameFirst > a.runs[ri].Last {
		return
	}
	r := a.runs[ri]
	// What follows the name is short: a place, a role, how it was said.
	if rest := strings.TrimSpace(a.text[a.toks[r.Last].End:sig.End]); len(rest) > 60 || rest != "" && !strings.HasPrefix(rest, ",") && rest != "." {
		return
	}
	src := source{Span: doc.Span{Begin: a.toks[r.NameFirst].Begin, End: a.toks[r.Last].End}, Kind: srcName, Run: ri, Type: r.Type}
	content := doc.Span{Begin: q.Open, End: q.Close}
	a.addAttr(attribution{Cue: doc.Span{Begin: sig.Begin, End: sig.Begin + size}, CueTok: f, Src: src, Fixed: true, Content: content})
}
