package pipeline

import (
	"context"
	"fmt"
	"reflect"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

// The clusters stage groups documents into stories and stories into
// narratives, after reuse (whose derived and duplicate links tie a copy to
// its source's story) and quotes (whose entities and cross-document
// quotes are signals). It places only the documents the saved clusterer
// has not seen; Recluster rebuilds from scratch.
func init() {
	registerStage(Stage{
		Name:  "stories and narratives",
		Order: 20,
		Version: func(ctx context.Context, st store.Store) (int64, error) {
			return st.ClustersVersion(ctx)
		},
		Run: func(ctx context.Context, st store.Store, version int64) error {
			_, err := Cluster(ctx, st, version, false)
			return err
		},
	})
}

// ClusterResult says what Cluster did.
type ClusterResult struct {
	Placed     int  `json:"placed"`  // documents placed in this run
	Rebuilt    bool `json:"rebuilt"` // the stories were rebuilt from scratch
	Stories    int  `json:"stories"`
	Narratives int  `json:"narratives"`
	Stored     bool `json:"stored"` // false when a newer analysis was stored meanwhile
}

// Cluster brings the stored stories and narratives up to date with corpus
// version `version`. With rebuild, or when there is no usable saved
// clusterer (none yet, unreadable, or made with other parameters), it
// starts from scratch; otherwise it places only the new documents.
func Cluster(ctx context.Context, st store.Store, version int64, rebuild bool) (ClusterResult, error) {
	var res ClusterResult
	params := cluster.DefaultParams()
	var c *cluster.Clusterer
	if !rebuild {
		data, err := st.ClusterState(ctx)
		if err != nil {
			return res, err
		}
		if data != nil {
			// An unreadable state or one made with other parameters is
			// rebuilt rather than trusted.
			if loaded, err := cluster.Load(data); err == nil && reflect.DeepEqual(loaded.Params(), params) {
				c = loaded
			}
		}
	}
	if c == nil {
		c = cluster.New(params)
		res.Rebuilt = true
	}

	signals, err := clusterSignals(ctx, st)
	if err != nil {
		return res, err
	}
	var items []cluster.Item
	err = st.EachDocument(ctx, func(d doc.Document) error {
		if _, placed := c.StoryOf(d.ID); placed {
			return nil
		}
		it := cluster.NewItem(d)
		signals.fill(&it)
		items = append(items, it)
		return ctx.Err()
	})
	if err != nil {
		return res, fmt.Errorf("read documents for clustering: %w", err)
	}
	cluster.Order(items)
	for _, it := range items {
		if _, err := c.Add(it); err != nil {
			return res, err // only an empty or repeated id, which the store never holds
		}
		res.Placed++
	}
	c.Settle()
	narratives := c.Narratives()
	stories := c.Stories(narratives)
	state, err := c.MarshalBinary()
	if err != nil {
		return res, fmt.Errorf("save clusterer: %w", err)
	}
	res.Stories, res.Narratives = len(stories), len(narratives)
	res.Stored, err = st.ReplaceClusters(ctx, version, stories, narratives, state)
	return res, err
}

// signals are what earlier stages found, by document.
type signals struct {
	sources     map[string][]string // copy → sources (derived and duplicate relations)
	entities    map[string][]string // doc → entity id per mention
	entityNames map[string]string
	quotes      map[string][]string // doc → ids of quotes other documents carry too
}

// clusterSignals reads the stored reuse relations and, when the backend
// keeps them, entity mentions and quotes.
func clusterSignals(ctx context.Context, st store.Store) (*signals, error) {
	s := &signals{sources: map[string][]string{}, entities: map[string][]string{}, entityNames: map[string]string{}, quotes: map[string][]string{}}
	rels, err := st.Relations(ctx, store.RelationQuery{})
	if err != nil {
		return nil, fmt.Errorf("read reuse relations: %w", err)
	}
	for _, r := range rels {
		if r.Kind != relate.Derived && r.Kind != relate.Duplicate {
			continue // partial reuse quotes a passage; it does not retell the story
		}
		if src, cp := r.Source(), r.Copy(); src != "" {
			s.sources[cp] = append(s.sources[cp], src)
		}
	}
	mentions, err := st.EntityMentions(ctx, store.EntityQuery{})
	if err != nil {
		return nil, fmt.Errorf("read entity mentions: %w", err)
	}
	for _, m := range mentions {
		s.entities[m.Doc] = append(s.entities[m.Doc], m.Entity)
		if s.entityNames[m.Entity] == "" {
			s.entityNames[m.Entity] = m.Name
		}
	}
	occs, err := st.Occurrences(ctx, store.OccurrenceQuery{})
	if err != nil {
		return nil, fmt.Errorf("read quotes: %w", err)
	}
	docsOf := map[string]map[string]bool{}
	for _, o := range occs {
		if o.Quote == "" {
			continue
		}
		if docsOf[o.Quote] == nil {
			docsOf[o.Quote] = map[string]bool{}
		}
		docsOf[o.Quote][o.Doc] = true
	}
	for q, docs := range docsOf {
		if len(docs) < 2 {
			continue
		}
		for d := range docs {
			s.quotes[d] = append(s.quotes[d], q)
		}
	}
	return s, nil
}

// fill gives an item the signals of its document.
func (s *signals) fill(it *cluster.Item) {
	it.Sources = s.sources[it.ID]
	it.Entities = s.entities[it.ID]
	if len(it.Entities) > 0 {
		it.EntityNames = s.entityNames
	}
	it.Quotes = s.quotes[it.ID]
}
