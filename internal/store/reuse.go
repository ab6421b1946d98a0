package store

import (
	"context"

	"github.com/echotrace/echotrace/internal/relate"
)

// ReuseStore keeps the results of the text-reuse analysis: passages,
// relations and provenance chains, all from one analysis of one corpus
// version.
type ReuseStore interface {
	// ReplaceReuse replaces all reuse results in one transaction with those
	// of an analysis of corpus version `version`, but only when that is
	// newer than the version of the stored results; otherwise it changes
	// nothing and returns false, so a slow analysis of an older corpus
	// never overwrites a newer one. Passages, relations and chains are
	// kept in the order given.
	ReplaceReuse(ctx context.Context, version int64, passages []relate.Passage, relations []relate.Relation, chains []relate.Chain) (bool, error)
	// ReuseVersion is the corpus version the stored results describe, 0
	// when there are none.
	ReuseVersion(ctx context.Context) (int64, error)
	// Passages returns the stored passages a query selects, in stored order.
	Passages(ctx context.Context, q PassageQuery) ([]relate.Passage, error)
	// Relations returns the stored relations a query selects, in stored order.
	Relations(ctx context.Context, q RelationQuery) ([]relate.Relation, error)
	// Chains returns the stored provenance chains in stored order.
	Chains(ctx context.Context) ([]relate.Chain, error)
	// SetReuseSettings records the settings (name → value) the stored
	// results were made with, when they are those of corpus version
	// `version`; otherwise (a newer analysis was stored meanwhile) it
	// changes nothing and returns false.
	SetReuseSettings(ctx context.Context, version int64, settings map[string]string) (bool, error)
	// ReuseSettings returns the settings the stored results were made
	// with; nil when they are not known (no results, or results stored by
	// a build or a run that did not record them).
	ReuseSettings(ctx context.Context) (map[string]string, error)
	// StaleReuse marks the stored results as describing no corpus version,
	// so that the next analysis replaces them even of the same version:
	// for when they were made with settings no longer wanted. They stay
	// readable until then.
	StaleReuse(ctx context.Context) error
}

// PassageQuery selects passages. Zero fields do not restrict.
type PassageQuery struct {
	// Doc selects passages with this document on either side.
	Doc string
	// Pair selects passages between these two documents, in either order.
	Pair [2]string
	// IncludeBoilerplate keeps passages marked as boilerplate, which are
	// left out by default.
	IncludeBoilerplate bool
	// Limit caps the number returned (0: no cap); Offset skips that many.
	Limit, Offset int
}

// RelationQuery selects relations. Zero fields do not restrict.
type RelationQuery struct {
	// Doc selects relations with this document on either side.
	Doc string
	// Kind selects relations of this kind.
	Kind relate.Kind
	// Limit caps the number returned (0: no cap); Offset skips that many.
	Limit, Offset int
}
