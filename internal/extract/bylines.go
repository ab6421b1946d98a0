package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/doc"
)

// findBylines attributes a quotation set off as a paragraph of its own to
// the name signed under it after a dash: “…” / - Sanders. / —Ada Quill,
// Dover. News sets pull quotes and reader comments so. The next
// paragraph must open with the dash and the name and say little more
// (a place, "tweeting after the speech"); the name is a person's, an
// organisation's or one of unknown kind, never a place.
func (a *analysis) findBylines() {
	for _, q := range a.topLevelQuotes() {
		if q.Unclosed || len(q.Parts) == 0 {
			continue
		}
		pi := sentenceAt(a.paras, q.Open)
		if pi < 0 || pi+1 >= len(a.paras) {
			continue
		}
		p, next := a.paras[pi], a.paras[pi+1]
		if strings.TrimSpace(a.text[p.Begin:q.Open]) != "" || strings.Trim(a.text[min(q.Close, p.End):p.End], " \u00a0.") != "" {
			continue // the paragraph is the quotation alone
		}
		line := a.text[next.Begin:next.End]
		dash, size := utf8.DecodeRuneInString(line)
		if dash != '-' && dash != '—' && dash != '–' || len(line) > 120 {
			continue
		}
		f := a.tokenStartingAt(next.Begin)
		if f >= len(a.toks) || strings.TrimSpace(a.text[next.Begin+size:a.toks[f].Begin]) != "" {
			continue
		}
		ri := a.runAt[f]
		if ri < 0 || a.runs[ri].First != f || a.runs[ri].None || a.runs[ri].Type == Place || a.runs[ri].NameFirst > a.runs[ri].Last {
			continue
		}
		r := a.runs[ri]
		// What follows the name is short: a place, a role, how it was said.
		if rest := strings.TrimSpace(a.text[a.toks[r.Last].End:next.End]); len(rest) > 60 || rest != "" && !strings.HasPrefix(rest, ",") && rest != "." {
			continue
		}
		src := source{Span: doc.Span{Begin: a.toks[r.NameFirst].Begin, End: a.toks[r.Last].End}, Kind: srcName, Run: ri, Type: r.Type}
		content := doc.Span{Begin: q.Open, End: q.Close}
		a.addAttr(attribution{Cue: doc.Span{Begin: next.Begin, End: next.Begin + size}, CueTok: f, Src: src, Fixed: true, Content: content})
	}
	sortAttrs(a.attrs)
}
