package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/echotrace/echotrace/internal/relate"
)

func init() {
	addSection(section{order: orderRelations, key: "relations", json: relationsJSON, text: relationsText})
}

type jsonRelation struct {
	A         string  `json:"a"`
	B         string  `json:"b"`
	Kind      string  `json:"kind"`
	CoverageA float64 `json:"coverage_a"`
	CoverageB float64 `json:"coverage_b"`
	Passages  int     `json:"passages"`
	Direction string  `json:"direction"`
	// Source and Copy restate the direction by document id, null when it
	// is undetermined, so that scripts need not decode "a->b".
	Source     *string `json:"source"`
	Copy       *string `json:"copy"`
	Confidence float64 `json:"confidence"`
	Reason     string  `json:"reason"`
}

func relationsJSON(r *Report) any {
	rels := slices.Clone(r.Relations)
	slices.SortStableFunc(rels, func(x, y relate.Relation) int {
		return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B), cmp.Compare(x.Kind, y.Kind))
	})
	out := make([]jsonRelation, len(rels))
	for i, rel := range rels {
		out[i] = jsonRelation{
			A:          rel.A,
			B:          rel.B,
			Kind:       string(rel.Kind),
			CoverageA:  ratio(rel.CoverageA),
			CoverageB:  ratio(rel.CoverageB),
			Passages:   rel.Passages,
			Direction:  rel.Direction,
			Source:     nullable(rel.Source()),
			Copy:       nullable(rel.Copy()),
			Confidence: ratio(rel.Confidence),
			Reason:     rel.Reason,
		}
	}
	return out
}

// kindRank orders relation kinds strongest first; kinds this package does
// not know come last.
func kindRank(k relate.Kind) int {
	switch k {
	case relate.Duplicate:
		return 0
	case relate.Derived:
		return 1
	case relate.Partial:
		return 2
	}
	return 3
}

// strongestFirst orders relations by kind, then by the larger and the
// smaller coverage, then by the tokens of their reused passages, then by
// ids so that equal relations keep a stable order.
func strongestFirst(rels []relate.Relation, tokens map[pairKey]int) []relate.Relation {
	out := slices.Clone(rels)
	slices.SortStableFunc(out, func(x, y relate.Relation) int {
		return cmp.Or(
			cmp.Compare(kindRank(x.Kind), kindRank(y.Kind)),
			cmp.Compare(string(x.Kind), string(y.Kind)),
			-cmp.Compare(max(ratio(x.CoverageA), ratio(x.CoverageB)), max(ratio(y.CoverageA), ratio(y.CoverageB))),
			-cmp.Compare(min(ratio(x.CoverageA), ratio(x.CoverageB)), min(ratio(y.CoverageA), ratio(y.CoverageB))),
			-cmp.Compare(tokens[pairOf(x.A, x.B)], tokens[pairOf(y.A, y.B)]),
			cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B),
		)
	})
	return out
}

func relationsText(p *printer, r *Report) {
	if len(r.Relations) == 0 {
		return
	}
	byPair := passagesByPair(r.Passages)
	tokens := make(map[pairKey]int, len(byPair))
	for k, ps := range byPair {
		for _, q := range ps {
			if !q.Boilerplate {
				tokens[k] += q.Tokens
			}
		}
	}
	p.heading(fmt.Sprintf("RELATIONS (%d), strongest first", len(r.Relations)))
	for i, rel := range strongestFirst(r.Relations, tokens) {
		p.blank()
		p.units(fmt.Sprintf("[%d] ", i+1), "    ", []string{string(rel.Kind) + ":", rel.A, "and", rel.B})
		p.docLine("    A  ", rel.A)
		p.docLine("    B  ", rel.B)
		found := "found in the other"
		if rel.Kind == relate.Translation {
			found = "aligned sentence by sentence with the other, in another language"
		}
		p.para("    coverage: ", "      ", fmt.Sprintf("A %s, B %s (share of each text %s)",
			percent(rel.CoverageA), percent(rel.CoverageB), found))
		p.para("    direction: ", "      ", directionText(rel))
		p.relationPassages(rel, byPair[pairOf(rel.A, rel.B)])
	}
}

// docLine names a document on one line: id, outlet, date and as much of
// its title as fits; the title goes to a line of its own when little room
// is left.
func (p *printer) docLine(prefix, id string) {
	info, known := p.docs[id]
	fields := []string{clean(id)}
	if known {
		if info.Outlet != "" {
			fields = append(fields, clean(info.Outlet))
		}
		date := "undated"
		if info.Date != "" {
			date = clean(info.Date)
		}
		fields = append(fields, date)
	}
	head := prefix + strings.Join(fields, " · ")
	title := clean(info.Title)
	const minTitle = 16 // columns below which a truncated title says too little
	if room := Width - measure(head) - measure(" · "); title != "" && room >= minTitle {
		p.lines([]string{head + " · " + truncate(title, room)})
		return
	}
	indent := strings.Repeat(" ", measure(prefix))
	p.para(prefix, indent, strings.Join(fields, " · "))
	if title != "" {
		p.lines([]string{indent + truncate(title, Width-len(indent))})
	}
}

// directionText says who copied whom, how sure that is, and why.
func directionText(rel relate.Relation) string {
	var s string
	switch rel.Direction {
	case relate.AToB, relate.BToA:
		s = fmt.Sprintf("%s → %s (confidence %.2f)", rel.Source(), rel.Copy(), ratio(rel.Confidence))
	case relate.Undetermined, "":
		s = "undetermined"
	default:
		s = rel.Direction
	}
	if rel.Reason != "" {
		s += ": " + rel.Reason
	}
	return s
}

// relationPassages lists a relation's reused passages in the order they
// appear in A, each with both sides' byte ranges and excerpts. Boilerplate
// passages are counted but not listed: they are not evidence of reuse.
func (p *printer) relationPassages(rel relate.Relation, ps []relate.Passage) {
	var listed []relate.Passage
	boiler := 0
	for _, q := range ps {
		if q.Boilerplate {
			boiler++
			continue
		}
		listed = append(listed, oriented(q, rel.A))
	}
	switch {
	case len(ps) == 0:
		p.para("    passages: ", "      ", fmt.Sprintf("%d, not in this report", rel.Passages))
		return
	case boiler > 0:
		p.para("    passages: ", "      ", fmt.Sprintf("%d listed, %d boilerplate not listed", len(listed), boiler))
	}
	slices.SortStableFunc(listed, comparePassages)
	textA, textB := p.docText(rel.A), p.docText(rel.B)
	for j, q := range listed {
		what := fmt.Sprintf("%d tokens, identity %s", q.Tokens, percent(q.Identity))
		if rel.Kind == relate.Translation {
			// Identity of a translated sentence pair is the share of its
			// names, numbers and words found on both sides.
			what = fmt.Sprintf("%d words, evidence shared %s", q.Tokens, percent(q.Identity))
		}
		p.para(fmt.Sprintf("    passage %d of %d: ", j+1, len(listed)), "      ", what)
		rangeA := fmt.Sprintf("%d-%d", q.A.Begin, q.A.End)
		rangeB := fmt.Sprintf("%d-%d", q.B.Begin, q.B.End)
		// Both excerpts start in the same column, so the two sides read
		// as a pair.
		w := max(len(rangeA), len(rangeB))
		p.side(fmt.Sprintf("      A %-*s ", w, rangeA), q.A, textA)
		p.side(fmt.Sprintf("      B %-*s ", w, rangeB), q.B, textB)
	}
}

// side shows one end of a passage after its byte range (in first): a
// quoted excerpt of the original text there.
func (p *printer) side(first string, e relate.End, text string) {
	const maxHang = 24 // beyond this the excerpt would be squeezed into a narrow column
	rest := strings.Repeat(" ", min(measure(first), maxHang))
	var body string
	switch {
	case text == "":
		body = "(text not at hand)"
	case e.Begin < 0 || e.End > len(text) || e.Begin >= e.End:
		body = fmt.Sprintf("(range outside the text of %d bytes)", len(text))
	default:
		body = "“" + excerpt(text, e.Begin, e.End, excerptColumns) + "”"
	}
	p.para(first, rest, body)
}

// percent shows a share as a percentage with one decimal.
func percent(x float64) string {
	return fmt.Sprintf("%.1f%%", ratio(x)*100)
}
