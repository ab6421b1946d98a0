package report

import (
	"fmt"
	"slices"

	"github.com/echotrace/echotrace/internal/relate"
)

func init() {
	addSection(section{order: orderChains, key: "chains", json: chainsJSON, text: chainsText})
}

// sortedChains orders chains by their ids, element by element.
func sortedChains(chains []relate.Chain) [][]string {
	out := make([][]string, 0, len(chains))
	for _, c := range chains {
		out = append(out, slices.Clone([]string(c)))
	}
	slices.SortStableFunc(out, slices.Compare)
	return out
}

func chainsJSON(r *Report) any {
	out := sortedChains(r.Chains)
	for i := range out {
		if out[i] == nil {
			out[i] = []string{} // an empty chain is [], not null
		}
	}
	return out
}

// chainsText shows each chain as "A → B → C", wrapping between links.
func chainsText(p *printer, r *Report) {
	if len(r.Chains) == 0 {
		return
	}
	p.heading(fmt.Sprintf("PROVENANCE CHAINS (%d), each copies the one before", len(r.Chains)))
	for _, c := range sortedChains(r.Chains) {
		if len(c) == 0 {
			continue
		}
		units := []string{c[0]}
		for _, id := range c[1:] {
			units = append(units, "→ "+id)
		}
		p.units("  ", "    ", units)
	}
}
