package store

import (
	"context"
	"io"

	"github.com/echotrace/echotrace/internal/cluster"
)

// ClusterStore keeps stories and narratives: the reported groups (label,
// documents, outlets, dates, timeline) and the clusterer's saved state, so
// that the next analysis places only the new documents.
//
// It is part of Store; SQLite and PostgreSQL implement it.
//
// Schema (both engines):
//
//	stories(ord, id, narrative, first, last, data)     data: cluster.Story as JSON
//	story_documents(doc, story)                         which story holds a document
//	narratives(ord, id, first, last, data)              data: cluster.Narrative as JSON
//	cluster_state(id, data)                             cluster.Clusterer saved, in parts (WriteStateParts) in rows 1, 2, …
//
// first and last are YYYY-MM-DD or empty. Indexes: stories by id and
// narrative; story_documents by doc and by story.
type ClusterStore interface {
	// ReplaceClusters replaces the stored stories, narratives and state in
	// one transaction with those of an analysis of corpus version
	// `version`, unless a newer analysis is stored (then it changes
	// nothing and returns false). An equal version replaces, so that
	// reclustering the same corpus takes effect.
	// The stories and narratives are stored batch by batch as summaries
	// gives them, and the state is written by `state` (nil: none) inside
	// the transaction and stored part by part as it comes (see
	// WriteStateParts), so neither is ever held whole. The state is
	// written first: the caller may still be making the summaries (the
	// narratives) while it is, and a store asks for them only after.
	ReplaceClusters(ctx context.Context, version int64, summaries ClusterSummaries, state StateWriter) (bool, error)
	// ClustersVersion is the corpus version the stored clusters describe.
	ClustersVersion(ctx context.Context) (int64, error)
	// Stories returns the stored stories a query selects, in order.
	Stories(ctx context.Context, q StoryQuery) ([]cluster.Story, error)
	// Narratives returns every stored narrative, in order.
	Narratives(ctx context.Context) ([]cluster.Narrative, error)
	// ClusterState calls read with the saved clusterer, its parts read
	// one after the other as read consumes them; it does not call read
	// when there is none. An error of read is returned as it is.
	ClusterState(ctx context.Context, read func(io.Reader) error) error
}

// ClusterSummaries are the stories and narratives ReplaceClusters stores,
// given a batch at a time, in order: at a million documents all of them
// at once would take gigabytes. cluster.Summaries makes them as they are
// asked for; ClusterList gives stories and narratives at hand.
type ClusterSummaries interface {
	// EachStory calls fn with every story, in order, in batches; fn
	// does not keep a batch. An error of fn is returned.
	EachStory(fn func([]cluster.Story) error) error
	// EachNarrative is EachStory for the narratives.
	EachNarrative(fn func([]cluster.Narrative) error) error
}

// ClusterList is ClusterSummaries of stories and narratives at hand, each
// given as one batch.
type ClusterList struct {
	Stories    []cluster.Story
	Narratives []cluster.Narrative
}

// EachStory calls fn with the stories, if any.
func (l ClusterList) EachStory(fn func([]cluster.Story) error) error {
	if len(l.Stories) == 0 {
		return nil
	}
	return fn(l.Stories)
}

// EachNarrative calls fn with the narratives, if any.
func (l ClusterList) EachNarrative(fn func([]cluster.Narrative) error) error {
	if len(l.Narratives) == 0 {
		return nil
	}
	return fn(l.Narratives)
}

var _ ClusterSummaries = (*cluster.Summaries)(nil)

// StoryQuery selects stories. Zero fields do not restrict.
type StoryQuery struct {
	ID        string
	Narrative string
	Doc       string // the story holding this document
	Limit     int
	Offset    int  // skips that many first (for paging)
	Newest    bool // the last stored first: stories are stored oldest first
}

// NarrativeQuery selects narratives. Zero fields do not restrict.
type NarrativeQuery struct {
	ID     string
	Limit  int
	Offset int
}
