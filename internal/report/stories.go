package report

import (
	"github.com/echotrace/echotrace/internal/cluster"
)

func init() {
	addSection(section{order: orderStories, key: "stories", json: storiesJSON, text: storiesText})
}

// jsonStory is a story: the documents that tell one piece of news.
type jsonStory struct {
	jsonSummary
	Narrative *string `json:"narrative"`
}

func storiesJSON(r *Report) any {
	stories := byID(r.Stories, func(s cluster.Story) string { return s.ID })
	out := make([]jsonStory, len(stories))
	for i, s := range stories {
		out[i] = jsonStory{jsonSummary: summaryJSON(s.Summary), Narrative: nullable(s.Narrative)}
	}
	return out
}

// storiesText lists the stories, largest first, up to a cap.
func storiesText(p *printer, r *Report) {
	groups := make([]listedCluster, len(r.Stories))
	for i, s := range r.Stories {
		groups[i] = listedCluster{Summary: s.Summary}
		if s.Narrative != "" {
			groups[i].extra = "narrative " + s.Narrative
		}
	}
	p.clusterSection("STORIES (%d), documents that tell the same news, largest first",
		groups, "story", "stories")
}
