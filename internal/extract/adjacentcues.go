package extract

import (
	"sort"
	"strings"
)

// attributesBetter reports whether attribution at, rather than old, gives
// the speaker of a quotation both are next to. A relative pronoun's
// clause is an aside about the speaker the other cue names ("“…,”
// Warren, who has not endorsed anyone, told reporters"), so it yields;
// otherwise the cue after the quotation wins over the one before.
func (a *analysis) attributesBetter(at, old *attribution) bool {
	if at.Label != old.Label {
		return at.Label // the transcript's label names who speaks
	}
	if ra, ro := a.isRelativeMention(at.Src), a.isRelativeMention(old.Src); ra != ro {
		return ro
	}
	return old.Pre && !at.Pre
}

// outerOfRelative returns the attribution that gives the speaker of the
// quotation opening at off in place of at, whose source is a relative
// pronoun: when the relative clause stands inside what another source
// says, together with the quotation, that source speaks ("As for the
// analysts who claim …, Bolton said, “…”"; "Candidates who think “…”
// are wrong, she said"; "X insisted that mayors who refused … were
// “nuts”"). Otherwise it returns at.
func (a *analysis) outerOfRelative(at *attribution, off int, claims claimIndex) *attribution {
	if !a.isRelativeMention(at.Src) {
		return at
	}
	c := claims.innermost(a.attrs, at.Src.Span.Begin)
	if c == nil || c == at || a.isRelativeMention(c.Src) || c.Content.Begin > off || off >= c.Content.End {
		return at
	}
	return c
}

// parentheticalBefore is the attribution set off by commas that stands
// right before quotation q inside a sentence (", he said, “…”"), or nil.
func (a *analysis) parentheticalBefore(q rawQuote) *attribution {
	j := a.lastTokenBefore(q.Open)
	if j < 0 {
		return nil
	}
	if strings.TrimSpace(a.text[a.toks[j].End:q.Open]) != "," {
		return nil
	}
	k := sort.Search(len(a.attrs), func(k int) bool { return a.attrs[k].Cue.Begin >= a.toks[j].Begin })
	if k < len(a.attrs) && a.attrs[k].Cue.End == a.toks[j].End && a.attrs[k].Parenth && !a.attrs[k].Pre && !a.passiveCue(a.attrs[k].CueTok) {
		return &a.attrs[k]
	}
	return nil
}
