package store

import (
	"context"
	"iter"

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
// is JSON (on SQLite the empty text for an occurrence whose one part is
// the whole of it, from begin to end: most of them). Indexes: occurrences
// by doc, and by quote, speaker and kind each followed by (doc, begin);
// mentions by doc, and by entity and type each followed by (doc, begin).
// Results come in byte order of doc on both engines (PostgreSQL compares
// doc with COLLATE "C").
type QuoteStore interface {
	// ReplaceQuotes replaces all stored occurrences and mentions in one
	// transaction with those of an analysis of corpus version `version`,
	// when that is newer than the stored one; otherwise it changes nothing
	// and returns false. quotes are the linked quotes (extract.Link) whose
	// occurrences are stored; entities come from results.
	ReplaceQuotes(ctx context.Context, version int64, results []extract.Result, quotes []extract.Quote) (bool, error)
	// ReplaceQuoteRows is ReplaceQuotes with the rows handed over one at
	// a time, so that an analysis of any size stores its results without
	// holding them: the occurrences (each with its quote id and its
	// document's outlet), then the entity mentions. An error from either
	// sequence rolls the replacement back and is returned. A store may
	// read the sequences on a goroutine of its own while it writes (SQLite
	// does), so they must not use the store themselves.
	ReplaceQuoteRows(ctx context.Context, version int64, rows QuoteRows) (bool, error)
	// QuotesVersion is the corpus version the stored results describe.
	QuotesVersion(ctx context.Context) (int64, error)
	// Occurrences returns the stored occurrences a query selects, ordered
	// by document and position.
	Occurrences(ctx context.Context, q OccurrenceQuery) ([]OccurrenceRow, error)
	// EntityMentions returns the stored entity mentions a query selects,
	// ordered by document and position.
	EntityMentions(ctx context.Context, q EntityQuery) ([]EntityMention, error)
	// QuoteDocuments counts, for each of the quote ids given, the
	// documents it occurs in; ids without occurrences are left out. One
	// query for a page of quotes, rather than reading each one's
	// occurrences.
	QuoteDocuments(ctx context.Context, quotes []string) (map[string]int64, error)
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
	Doc  string
	Docs []string // any of these documents (a page of them)
	// Shared keeps only occurrences of quotes that another document
	// carries too.
	Shared  bool
	Quote   string
	Speaker string
	Kind    extract.Kind
	Limit   int
	Offset  int // skips that many first (for paging)
}

// EntityQuery selects entity mentions. Zero fields do not restrict.
type EntityQuery struct {
	Doc    string
	Docs   []string // any of these documents (a page of them)
	Entity string
	Type   extract.EntityType
	Limit  int
	Offset int // skips that many first (for paging)
}

// QuoteRows are the results of a quote analysis as sequences of rows.
type QuoteRows struct {
	Occurrences iter.Seq2[OccurrenceRow, error]
	Mentions    iter.Seq2[EntityMention, error]
}

// QuoteRowsOf gives the rows of linked quotes (their occurrences, in
// order) and of the entities of results, as ReplaceQuotes stores them.
func QuoteRowsOf(results []extract.Result, quotes []extract.Quote) QuoteRows {
	outlet := make(map[string]string, len(results))
	for _, r := range results {
		outlet[r.Doc] = r.Outlet
	}
	short := extract.ShortNamesOf(len(results), func(i int) (string, []extract.Entity) { return results[i].Doc, results[i].Entities })
	return QuoteRows{
		Occurrences: func(yield func(OccurrenceRow, error) bool) {
			for _, q := range quotes {
				for _, o := range q.Occurrences {
					if !yield(OccurrenceRow{Occurrence: o, Outlet: outlet[o.Doc]}, nil) {
						return
					}
				}
			}
		},
		Mentions: JoinShortNames(func(yield func(EntityMention, error) bool) {
			for _, r := range results {
				for _, m := range MentionsOf(r) {
					if !yield(m, nil) {
						return
					}
				}
			}
		}, short),
	}
}

// JoinShortNames gives each mention of an organisation named by one word
// the id and name of the organisation the corpus names in full with it
// (extract.ShortNames), once short has finished its passes.
func JoinShortNames(mentions iter.Seq2[EntityMention, error], short *extract.ShortNames) iter.Seq2[EntityMention, error] {
	return func(yield func(EntityMention, error) bool) {
		for m, err := range mentions {
			if err == nil {
				m.Entity, m.Name = short.Resolve(m.Doc, m.Type, m.Entity, m.Name)
			}
			if !yield(m, err) {
				return
			}
		}
	}
}

// MentionsOf lists the entity mentions of one document's results.
func MentionsOf(r extract.Result) []EntityMention {
	// Counted first: a mention is a large record, and growing the slice
	// by appends copied each some twice (the quote stage makes these for
	// every document).
	n := 0
	for _, e := range r.Entities {
		n += len(e.Mentions)
	}
	if n == 0 {
		return nil
	}
	out := make([]EntityMention, 0, n)
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			out = append(out, EntityMention{Doc: r.Doc, Outlet: r.Outlet, Entity: e.ID, Name: e.Name,
				Type: e.Type, Begin: m.Begin, End: m.End, Text: m.Text, Reference: m.Reference})
		}
	}
	return out
}
