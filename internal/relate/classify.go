package relate

import (
	"slices"

	"github.com/echotrace/echotrace/internal/doc"
)

// Thresholds decide the kind of a relation. The zero value is not useful;
// start from DefaultThresholds.
type Thresholds struct {
	Duplicate float64 // each side covered at least this much
	Derived   float64 // one side covered at least this much
	MinTokens int     // a passage this long makes a partial relation
}

// DefaultThresholds are the ones the report documents: 90 %, 50 %, 12 tokens.
func DefaultThresholds() Thresholds {
	return Thresholds{Duplicate: 0.9, Derived: 0.5, MinTokens: 12}
}

// Classify relates documents a and b (a.ID < b.ID) from the passages they
// share. Passages marked as boilerplate do not count. It returns false when
// no passage is long enough for any relation.
func Classify(a, b *doc.Document, passages []Passage, th Thresholds) (Relation, bool) {
	var spansA, spansB []doc.Span
	n, longest := 0, 0
	for _, p := range passages {
		if p.Boilerplate {
			continue
		}
		n++
		longest = max(longest, p.Tokens)
		spansA = append(spansA, doc.Span{Begin: p.A.Begin, End: p.A.End})
		spansB = append(spansB, doc.Span{Begin: p.B.Begin, End: p.B.End})
	}
	if n == 0 || longest < th.MinTokens {
		return Relation{}, false
	}
	r := Relation{A: a.ID, B: b.ID, Passages: n, CoverageA: Coverage(a, spansA), CoverageB: Coverage(b, spansB)}
	switch {
	case r.CoverageA >= th.Duplicate && r.CoverageB >= th.Duplicate:
		r.Kind = Duplicate
	case r.CoverageA >= th.Derived || r.CoverageB >= th.Derived:
		r.Kind = Derived
	default:
		r.Kind = Partial
	}
	r.Direction, r.Confidence, r.Reason = Direct(a, b, r)
	return r, true
}

// Coverage is the share of d's own text — its text outside comment,
// boilerplate and caption regions, white space not counted — that lies in
// the union of spans.
func Coverage(d *doc.Document, spans []doc.Span) float64 {
	own, covered := 0, 0
	merged := mergeSpans(spans)
	excluded := mergeSpans(notOwn(d))
	j, k := 0, 0
	for i := 0; i < len(d.Text); i++ {
		c := d.Text[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			continue
		}
		for k < len(excluded) && excluded[k].End <= i {
			k++
		}
		if k < len(excluded) && excluded[k].Begin <= i {
			continue
		}
		own++
		for j < len(merged) && merged[j].End <= i {
			j++
		}
		if j < len(merged) && merged[j].Begin <= i {
			covered++
		}
	}
	if own == 0 {
		return 0
	}
	return float64(covered) / float64(own)
}

// mergeSpans sorts spans and merges those that overlap or touch.
func mergeSpans(spans []doc.Span) []doc.Span {
	s := slices.Clone(spans)
	slices.SortFunc(s, func(x, y doc.Span) int { return x.Begin - y.Begin })
	out := s[:0]
	for _, sp := range s {
		if n := len(out); n > 0 && sp.Begin <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// notOwn lists the regions of d that are not the article's own text.
func notOwn(d *doc.Document) []doc.Span {
	var out []doc.Span
	for _, r := range d.Regions {
		switch r.Kind {
		case doc.RegionComment, doc.RegionBoilerplate, doc.RegionCaption:
			out = append(out, doc.Span{Begin: r.Begin, End: r.End})
		}
	}
	return out
}
