package report

import (
	"fmt"
	"slices"
)

func init() {
	addSection(section{order: orderProblems, key: "problems", json: problemsJSON, text: problemsText})
}

// sortedProblems orders messages naturally, so that "a.jsonl:9: …" comes
// before "a.jsonl:10: …": a message names its file and line first, and
// readers working in parallel may report in any order.
func sortedProblems(msgs []string) []string {
	out := slices.Clone(msgs)
	slices.SortStableFunc(out, naturalCompare)
	return out
}

func problemsJSON(r *Report) any {
	out := sortedProblems(r.Problems)
	if out == nil {
		return []string{}
	}
	return out
}

func problemsText(p *printer, r *Report) {
	if len(r.Problems) == 0 {
		return
	}
	p.heading(fmt.Sprintf("PROBLEMS (%d), the rest was read", len(r.Problems)))
	for _, msg := range sortedProblems(r.Problems) {
		p.para("  - ", "    ", msg)
	}
}
