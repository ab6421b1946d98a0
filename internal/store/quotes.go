package store

import (
	"context"

	"github.com/echotrace/echotrace/internal/extract"
)

// QuoteStore keeps who said what: the quote, term and claim occurrences of
// every document (each with the id of the cross-document quote it belongs
// to) and every entity mention, all from one analysis of one corpus
// version.
//
// It is part of Store; SQLite and PostgreSQL implement it.
//
// Schema (both engines):
//
//	quote_occurrences(ord, quote, doc, outlet, kind, begin, end, text, parts,
//	                  unclosed, speaker, speaker_type, speaker_begin,
//	                  speaker_end, speaker_text, cue, cue_begin, cue_end)
//	entity_mentions(ord, doc, outlet, entity, name, type, begin, end, text,
//	                reference)
//
// speaker, speaker_begin and the cue columns are NULL when unknown; parts
// is JSON. Indexes: occurrences by doc, quote and speaker; mentions by doc,
// entity and outlet. Results come in byte order of doc on both engines
// (PostgreSQL compares doc with COLLATE "C").
type QuoteStore interface {
	// ReplaceQuotes replaces all stored occurrences and mentions in one
	// transaction with those of an analysis of corpus version `version`,
	// when that is newer than the stored one; otherwise it changes nothing
	// and returns false. quotes are the linked quotes (extract.Link) whose
	// occurrences are stored; entities come from results.
	ReplaceQuotes(ctx context.Context, version int64, results []extract.Result, quotes []extract.Quote) (bool, error)
	// QuotesVersion is the corpus version the stored results describe.
	QuotesVersion(ctx context.Context) (int64, error)
	// Occurrences returns the stored occurrences a query selects, ordered
	// by document and position.
	Occurrences(ctx context.Context, q OccurrenceQuery) ([]OccurrenceRow, error)
	// EntityMentions returns the stored entity mentions a query selects,
	// ordered by document and position.
	EntityMentions(ctx context.Context, q EntityQuery) ([]EntityMention, error)
}

// OccurrenceRow is a stored occurrence with the outlet of its document.
type OccurrenceRow struct {
	extract.Occurrence
	Outlet string
}

// EntityMention is one stored mention of an entity.
type EntityMention struct {
	Doc       string             `json:"doc"`
	Outlet    string             `json:"outlet,omitempty"`
	Entity    string             `json:"entity"`
	Name      string             `json:"name"`
	Type      extract.EntityType `json:"type"`
	Begin     int                `json:"begin"`
	End       int                `json:"end"`
	Text      string             `json:"text"`
	Reference bool               `json:"reference,omitempty"`
}

// OccurrenceQuery selects occurrences. Zero fields do not restrict.
type OccurrenceQuery struct {
	Doc     string
	Quote   string
	Speaker string
	Kind    extract.Kind
	Limit   int
	Offset  int // skips that many first (for paging)
}

// EntityQuery selects entity mentions. Zero fields do not restrict.
type EntityQuery struct {
	Doc    string
	Entity string
	Type   extract.EntityType
	Limit  int
	Offset int // skips that many first (for paging)
}
