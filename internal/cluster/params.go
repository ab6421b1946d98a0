package cluster

import "time"

// Params are the knobs of clustering. DefaultParams holds the values
// chosen on the labelled synthetic stream and on ECB+ (see
// doc/clustering.md); change them only with a new measurement.
type Params struct {
	// Threshold is the least similarity, 0..1, at which a document joins
	// a story rather than opening a new one.
	Threshold float64
	// EntityWeight is the share of entity similarity in the content
	// score; terms take the rest. Used only when both sides have entities.
	EntityWeight float64
	// QuoteBonus is added to the score when the document carries a quote
	// the story already carries.
	QuoteBonus float64
	// Window is the distance in time within which dates do not lower the
	// score; beyond it the score decays as exp(-(gap-Window)/Decay).
	// Undated documents and stories are compared by content alone.
	Window time.Duration
	Decay  time.Duration
	// NarrativeThreshold is the least story-to-story similarity that
	// links two stories in the narrative graph.
	NarrativeThreshold float64
	// Resolution is the Louvain resolution γ; above 1 gives smaller
	// narratives.
	Resolution float64

	// Sizes that bound work and memory per document and story.
	CentroidTerms int // coordinates kept per story vector
	DocTerms      int // coordinates kept per document (labels, moving and placing again)
	QueryTerms    int // document terms looked up in the index
	IndexTerms    int // document terms a story is indexed under
	PostingTail   int // most recent stories read per index entry
	Candidates    int // stories scored in full per document
}

// DefaultParams are the measured defaults.
func DefaultParams() Params {
	return Params{
		Threshold:          0.325,
		EntityWeight:       0.2,
		QuoteBonus:         0.15,
		Window:             24 * time.Hour,
		Decay:              7 * 24 * time.Hour,
		NarrativeThreshold: 0.15,
		Resolution:         1,
		CentroidTerms:      200,
		DocTerms:           100,
		QueryTerms:         16,
		IndexTerms:         24,
		PostingTail:        64,
		Candidates:         32,
	}
}
