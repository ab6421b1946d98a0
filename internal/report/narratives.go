package report

import (
	"slices"

	"github.com/echotrace/echotrace/internal/cluster"
)

func init() {
	addSection(section{order: orderNarratives, key: "narratives", json: narrativesJSON, text: narrativesText})
}

// jsonNarrative is a narrative: the stories that carry one line of
// argument.
type jsonNarrative struct {
	jsonSummary
	Stories []string `json:"stories"`
}

func narrativesJSON(r *Report) any {
	narratives := byID(r.Narratives, func(n cluster.Narrative) string { return n.ID })
	out := make([]jsonNarrative, len(narratives))
	for i, n := range narratives {
		stories := nonNil(n.Stories)
		slices.SortStableFunc(stories, naturalCompare)
		out[i] = jsonNarrative{jsonSummary: summaryJSON(n.Summary), Stories: stories}
	}
	return out
}

// narrativesText lists the narratives, largest first, up to a cap, each
// with its stories.
func narrativesText(p *printer, r *Report) {
	groups := make([]listedCluster, len(r.Narratives))
	for i, n := range r.Narratives {
		stories := slices.Clone(n.Stories)
		slices.SortStableFunc(stories, naturalCompare)
		groups[i] = listedCluster{Summary: n.Summary, extra: plural(len(stories), "story", "stories"), stories: stories}
	}
	p.clusterSection("NARRATIVES (%d), stories that carry one line of argument",
		groups, "narrative", "narratives")
}
