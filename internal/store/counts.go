package store

import (
	"context"
	"strings"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/relate"
)

// CountStore answers how many results of each kind are stored, and reads
// them a page at a time, without reading them all: an overview or a list
// asked for by many clients at once must not cost a scan of every story,
// narrative or chain. The counts are kept in the counters table, written
// in the transaction that replaces the results (and computed once by a
// schema step for a database written before they were kept).
//
// It is part of Store; SQLite and PostgreSQL implement it.
type CountStore interface {
	// Counts returns the sizes of the stored results.
	Counts(ctx context.Context) (Counts, error)
	// NarrativePage returns the stored narratives a query selects, in
	// stored order.
	NarrativePage(ctx context.Context, q NarrativeQuery) ([]cluster.Narrative, error)
	// ChainRange returns the stored chains numbered from first up to, not
	// including, first+n, in order.
	ChainRange(ctx context.Context, first, n int) ([]relate.Chain, error)
}

// Counts are the sizes of the stored analysis results, and the versions
// of the corpus and of each result (as Version, ReuseVersion,
// QuotesVersion and ClustersVersion answer them), read together: a server
// checks the versions on every request, and one query costs a quarter of
// four.
type Counts struct {
	// Relations counts relations by kind.
	Relations  map[relate.Kind]int64
	Chains     int64
	Stories    int64
	Narratives int64
	// Versions are the corpus, reuse, quotes and clusters versions, in
	// that order.
	Versions [4]int64
}

// Counter names in the counters table, written with the results they
// count.
const (
	CounterChains      = "chains"
	CounterStories     = "stories"
	CounterNarratives  = "narratives"
	CounterRelationsOf = "relations_" // + the kind
)

// VersionCounters are the names of the version counters, in the order of
// Counts.Versions.
var VersionCounters = [4]string{"corpus_version", "reuse_version", "quotes_version", "clusters_version"}

// CountsQuery is the SQL condition on counters.name that selects every
// counter Counts holds.
const CountsQuery = `name IN ('chains', 'stories', 'narratives', 'corpus_version', 'reuse_version', 'quotes_version', 'clusters_version') OR name LIKE 'relations\_%'`

// RelationKinds are the kinds a relation count is kept for.
var RelationKinds = []relate.Kind{relate.Duplicate, relate.Derived, relate.Partial, relate.Translation}

// CountRelations counts relations by kind, for a backend that stores them.
func CountRelations(rels []relate.Relation) map[relate.Kind]int64 {
	out := make(map[relate.Kind]int64, len(RelationKinds))
	for _, k := range RelationKinds {
		out[k] = 0
	}
	for _, r := range rels {
		out[r.Kind]++
	}
	return out
}

// SetCount puts a counter read from the counters table into c; names of
// other counters are ignored.
func SetCount(c *Counts, name string, v int64) {
	switch name {
	case CounterChains:
		c.Chains = v
	case CounterStories:
		c.Stories = v
	case CounterNarratives:
		c.Narratives = v
	case VersionCounters[0]:
		c.Versions[0] = v
	case VersionCounters[1]:
		c.Versions[1] = v
	case VersionCounters[2]:
		c.Versions[2] = v
	case VersionCounters[3]:
		c.Versions[3] = v
	default:
		if k, ok := strings.CutPrefix(name, CounterRelationsOf); ok {
			if c.Relations == nil {
				c.Relations = map[relate.Kind]int64{}
			}
			c.Relations[relate.Kind(k)] = v
		}
	}
}
