package eval

import "github.com/echotrace/echotrace/internal/cluster"

// Result are the scores of one clustering run.
type Result struct {
	Documents      int    `json:"documents"`
	Stories        int    `json:"stories"`
	GoldStories    int    `json:"gold_stories"`
	StoryPairwise  Scores `json:"story_pairwise"`
	StoryBCubed    Scores `json:"story_bcubed"`
	Narratives     int    `json:"narratives"`
	NarrPairwise   Scores `json:"narrative_pairwise"`
	NarrBCubed     Scores `json:"narrative_bcubed"`
	GoldNarratives int    `json:"gold_narratives"`
}

// Run clusters the labelled items incrementally in the order given and
// scores stories against the gold stories and, when narratives is true,
// narratives against the gold narratives.
func Run(items []Labelled, p cluster.Params, narratives bool) Result {
	c := cluster.New(p)
	goldStory := make(map[string]string, len(items))
	goldNarr := make(map[string]string, len(items))
	for _, l := range items {
		if _, err := c.Add(l.Item); err != nil {
			continue
		}
		goldStory[l.Item.ID] = l.Story
		goldNarr[l.Item.ID] = l.Narrative
	}
	c.Settle()
	pred := c.Assignments()
	res := Result{
		Documents:     len(pred),
		Stories:       distinct(pred),
		GoldStories:   distinct(goldStory),
		StoryPairwise: Pairwise(pred, goldStory),
		StoryBCubed:   BCubed(pred, goldStory),
	}
	if narratives {
		predN := make(map[string]string, len(pred))
		ns := c.Narratives()
		for _, n := range ns {
			for _, d := range n.Documents {
				predN[d] = n.ID
			}
		}
		res.Narratives = len(ns)
		res.GoldNarratives = distinct(goldNarr)
		res.NarrPairwise = Pairwise(predN, goldNarr)
		res.NarrBCubed = BCubed(predN, goldNarr)
	}
	return res
}

// RunBatch clusters the labelled items as one batch (cluster.Recluster:
// its own order, then settled), as an analysis of a new corpus does, and
// scores the stories.
func RunBatch(items []Labelled, p cluster.Params) Result {
	its := make([]cluster.Item, len(items))
	gold := make(map[string]string, len(items))
	for i, l := range items {
		its[i] = l.Item
		gold[l.Item.ID] = l.Story
	}
	c, _ := cluster.Recluster(its, p)
	pred := c.Assignments()
	return Result{
		Documents: len(pred), Stories: distinct(pred), GoldStories: distinct(gold),
		StoryPairwise: Pairwise(pred, gold), StoryBCubed: BCubed(pred, gold),
	}
}

func distinct(m map[string]string) int {
	seen := make(map[string]bool)
	for _, v := range m {
		seen[v] = true
	}
	return len(seen)
}
