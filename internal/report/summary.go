package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/echotrace/echotrace/internal/relate"
)

func init() {
	addSection(section{order: orderSummary, text: summaryText})
}

// summaryText opens the text report with the counts that say at a glance
// what was found.
func summaryText(p *printer, r *Report) {
	related := make(map[string]bool)
	for _, rel := range r.Relations {
		related[rel.A] = true
		related[rel.B] = true
	}
	alone := 0
	for id := range docIndex(r.Documents) {
		if !related[id] {
			alone++
		}
	}
	boiler := 0
	for _, q := range r.Passages {
		if q.Boilerplate {
			boiler++
		}
	}

	docs := count(len(r.Documents), "document")
	if alone > 0 {
		docs += fmt.Sprintf(" (%d without reuse)", alone)
	}
	parts := []string{docs}
	rels := count(len(r.Relations), "relation")
	if kinds := kindCounts(r.Relations); kinds != "" {
		rels += " (" + kinds + ")"
	}
	parts = append(parts, rels)
	ps := count(len(r.Passages), "passage")
	if boiler > 0 {
		ps += fmt.Sprintf(" (%d boilerplate, not listed)", boiler)
	}
	parts = append(parts, ps)
	if len(r.Problems) > 0 {
		parts = append(parts, count(len(r.Problems), "problem"))
	}

	p.lines([]string{"echotrace report"})
	p.para("", "", strings.Join(parts, ", ")+".")
	if len(r.Relations) == 0 {
		p.para("", "", "No reuse found.")
	}
}

// kindCounts lists how many relations there are of each kind, strongest
// kind first: "1 duplicate, 2 partial".
func kindCounts(rels []relate.Relation) string {
	n := make(map[relate.Kind]int)
	var kinds []relate.Kind
	for _, rel := range rels {
		if n[rel.Kind] == 0 {
			kinds = append(kinds, rel.Kind)
		}
		n[rel.Kind]++
	}
	slices.SortFunc(kinds, func(a, b relate.Kind) int {
		if d := kindRank(a) - kindRank(b); d != 0 {
			return d
		}
		return strings.Compare(string(a), string(b))
	})
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = fmt.Sprintf("%d %s", n[k], k)
	}
	return strings.Join(out, ", ")
}

// count says "1 document" or "3 documents".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
