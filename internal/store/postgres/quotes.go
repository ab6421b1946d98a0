package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"

	"github.com/jackc/pgx/v5"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/extract"
	"github.com/echotrace/echotrace/internal/store"
)

// Both tables are distributed by doc. doc is compared byte by byte
// (COLLATE "C") so that results come in the same order as on SQLite
// whatever the database's locale, and the (doc, begin, ord) index serves
// both the per-document lookup and that order.
func init() {
	addTopic("quotes",
		`CREATE TABLE quote_occurrences (
			doc text COLLATE "C" NOT NULL, ord bigint NOT NULL,
			quote text NOT NULL, outlet text NOT NULL, kind text NOT NULL,
			"begin" integer NOT NULL, "end" integer NOT NULL, text text NOT NULL, parts jsonb NOT NULL,
			unclosed boolean NOT NULL,
			speaker text, speaker_type text, speaker_begin integer, speaker_end integer, speaker_text text,
			cue text, cue_begin integer, cue_end integer
		);
		CREATE INDEX quote_occurrences_doc ON quote_occurrences (doc, "begin", ord);
		CREATE INDEX quote_occurrences_quote ON quote_occurrences (quote);
		CREATE INDEX quote_occurrences_speaker ON quote_occurrences (speaker);
		CREATE TABLE entity_mentions (
			doc text COLLATE "C" NOT NULL, ord bigint NOT NULL,
			outlet text NOT NULL, entity text NOT NULL, name text NOT NULL, type text NOT NULL,
			"begin" integer NOT NULL, "end" integer NOT NULL, text text NOT NULL, reference boolean NOT NULL
		);
		CREATE INDEX entity_mentions_doc ON entity_mentions (doc, "begin", ord);
		CREATE INDEX entity_mentions_entity ON entity_mentions (entity);
		CREATE INDEX entity_mentions_outlet ON entity_mentions (outlet);
		INSERT INTO counters (name, value) VALUES ('quotes_version', 0) ON CONFLICT DO NOTHING;`,
		// Lists filtered by quote, speaker, kind, entity or type come in
		// (doc, begin, ord) order: indexes in that order serve a page
		// without sorting every match.
		`DROP INDEX IF EXISTS quote_occurrences_quote;
		DROP INDEX IF EXISTS quote_occurrences_speaker;
		DROP INDEX IF EXISTS entity_mentions_entity;
		CREATE INDEX quote_occurrences_quote ON quote_occurrences (quote, doc, "begin", ord);
		CREATE INDEX quote_occurrences_speaker ON quote_occurrences (speaker, doc, "begin", ord);
		CREATE INDEX quote_occurrences_kind ON quote_occurrences (kind, doc, "begin", ord);
		CREATE INDEX entity_mentions_entity ON entity_mentions (entity, doc, "begin", ord);
		CREATE INDEX entity_mentions_type ON entity_mentions (type, doc, "begin", ord);`,
		// No query selects mentions by outlet, and every replacement
		// kept this index up to date.
		`DROP INDEX IF EXISTS entity_mentions_outlet;`,
	)
}

var _ store.QuoteStore = (*DB)(nil)

// ReplaceQuotes replaces all quote and entity results when version is
// newer than theirs.
func (s *DB) ReplaceQuotes(ctx context.Context, version int64, results []extract.Result, quotes []extract.Quote) (bool, error) {
	return s.ReplaceQuoteRows(ctx, version, store.QuoteRowsOf(results, quotes))
}

// ReplaceQuoteRows replaces all quote and entity results when version is
// newer than theirs. Rows are sent with COPY as the sequences give them.
func (s *DB) ReplaceQuoteRows(ctx context.Context, version int64, rows store.QuoteRows) (bool, error) {
	replaced := false
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		replaced = false
		// The counter row's lock serialises replacements, as for reuse:
		// a concurrent one waits here, then sees the newer version.
		tag, err := tx.Exec(ctx, `UPDATE counters SET value = $1 WHERE name = 'quotes_version' AND value < $1`, version)
		if err != nil || tag.RowsAffected() == 0 {
			return err // an older or equal analysis: keep what is stored
		}
		if _, err := tx.Exec(ctx, `TRUNCATE quote_occurrences, entity_mentions`); err != nil {
			return fmt.Errorf("clear quote results: %w", err)
		}
		occs := newCopySeq(rows.Occurrences, func(ord int64, o store.OccurrenceRow) ([]any, error) {
			parts, err := json.Marshal(o.Parts)
			if err != nil {
				return nil, fmt.Errorf("occurrence at %d in %s: %w", o.Begin, o.Doc, err)
			}
			sb, se := spanEnds(o.SpeakerSpan)
			cb, ce := spanEnds(o.CueSpan)
			return []any{o.Doc, ord, o.Quote, o.Outlet, string(o.Kind), o.Begin, o.End, o.Text, parts, o.Unclosed,
				nullString(o.Speaker), nullString(string(o.SpeakerType)), sb, se, nullString(o.SpeakerText),
				nullString(o.Cue), cb, ce}, nil
		})
		defer occs.stop()
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"quote_occurrences"},
			[]string{"doc", "ord", "quote", "outlet", "kind", "begin", "end", "text", "parts", "unclosed",
				"speaker", "speaker_type", "speaker_begin", "speaker_end", "speaker_text", "cue", "cue_begin", "cue_end"},
			occs); err != nil {
			return fmt.Errorf("store quote occurrences: %w", err)
		}
		ments := newCopySeq(rows.Mentions, func(ord int64, m store.EntityMention) ([]any, error) {
			return []any{m.Doc, ord, m.Outlet, m.Entity, m.Name, string(m.Type), m.Begin, m.End, m.Text, m.Reference}, nil
		})
		defer ments.stop()
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"entity_mentions"},
			[]string{"doc", "ord", "outlet", "entity", "name", "type", "begin", "end", "text", "reference"},
			ments); err != nil {
			return fmt.Errorf("store entity mentions: %w", err)
		}
		replaced = true
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("postgres: replace quotes: %w", err)
	}
	return replaced, nil
}

// copySeq is a COPY source reading a sequence of rows, numbered from 0.
type copySeq[T any] struct {
	next   func() (T, error, bool)
	stop   func()
	values func(ord int64, row T) ([]any, error)
	row    T
	ord    int64
	err    error
}

func newCopySeq[T any](rows iter.Seq2[T, error], values func(ord int64, row T) ([]any, error)) *copySeq[T] {
	if rows == nil {
		rows = func(func(T, error) bool) {}
	}
	next, stop := iter.Pull2(rows)
	return &copySeq[T]{next: next, stop: stop, values: values, ord: -1}
}

func (c *copySeq[T]) Next() bool {
	if c.err != nil {
		return false
	}
	row, err, ok := c.next()
	if !ok {
		return false
	}
	if err != nil {
		c.err = err
		return false
	}
	c.row = row
	c.ord++
	return true
}

func (c *copySeq[T]) Values() ([]any, error) {
	v, err := c.values(c.ord, c.row)
	if err != nil {
		c.err = err
	}
	return v, err
}

func (c *copySeq[T]) Err() error { return c.err }

// nullString is NULL for an empty string, which means unknown.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// spanEnds are a span's ends, or NULLs when there is none.
func spanEnds(sp *doc.Span) (begin, end any) {
	if sp == nil {
		return nil, nil
	}
	return sp.Begin, sp.End
}

// QuotesVersion is the corpus version the stored quote results describe.
func (s *DB) QuotesVersion(ctx context.Context) (int64, error) {
	return s.counter(ctx, "quotes_version")
}

// Occurrences returns the stored occurrences a query selects, ordered by
// document and position.
func (s *DB) Occurrences(ctx context.Context, q store.OccurrenceQuery) ([]store.OccurrenceRow, error) {
	var where []string
	var p params
	if q.Doc != "" {
		where = append(where, "doc = "+p.add(q.Doc))
	}
	if len(q.Docs) > 0 {
		where = append(where, "doc = ANY("+p.add(q.Docs)+")")
	}
	if q.Shared {
		where = append(where, "EXISTS (SELECT 1 FROM quote_occurrences o2 WHERE o2.quote = quote_occurrences.quote AND o2.doc <> quote_occurrences.doc)")
	}
	if q.Quote != "" {
		where = append(where, "quote = "+p.add(q.Quote))
	}
	if q.Speaker != "" {
		where = append(where, "speaker = "+p.add(q.Speaker))
	}
	if q.Kind != "" {
		where = append(where, "kind = "+p.add(string(q.Kind)))
	}
	rows, err := s.pool.Query(ctx, `SELECT quote, doc, outlet, kind, "begin", "end", text, parts, unclosed,
		speaker, speaker_type, speaker_begin, speaker_end, speaker_text, cue, cue_begin, cue_end
		FROM quote_occurrences`+whereClause(where)+` ORDER BY doc, "begin", ord`+limitClause(q.Limit, q.Offset), p...)
	if err != nil {
		return nil, fmt.Errorf("postgres: query occurrences: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.OccurrenceRow, error) {
		var r store.OccurrenceRow
		var kind string
		var parts []byte
		var speaker, stype, stext, cue *string
		var sb, se, cb, ce *int
		if err := row.Scan(&r.Quote, &r.Doc, &r.Outlet, &kind, &r.Begin, &r.End, &r.Text, &parts, &r.Unclosed,
			&speaker, &stype, &sb, &se, &stext, &cue, &cb, &ce); err != nil {
			return r, err
		}
		if err := json.Unmarshal(parts, &r.Parts); err != nil {
			return r, fmt.Errorf("parts of the occurrence at %d in %s: %w", r.Begin, r.Doc, err)
		}
		r.Kind = extract.Kind(kind)
		r.Speaker, r.SpeakerType, r.SpeakerText, r.Cue = deref(speaker), extract.EntityType(deref(stype)), deref(stext), deref(cue)
		r.SpeakerSpan, r.CueSpan = span(sb, se), span(cb, ce)
		return r, nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: read occurrences: %w", err)
	}
	return out, nil
}

// deref is the string a nullable column holds, "" for NULL.
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// span is the span two nullable columns hold, nil unless both are set.
func span(begin, end *int) *doc.Span {
	if begin == nil || end == nil {
		return nil
	}
	return &doc.Span{Begin: *begin, End: *end}
}

// EntityMentions returns the stored entity mentions a query selects,
// ordered by document and position.
func (s *DB) EntityMentions(ctx context.Context, q store.EntityQuery) ([]store.EntityMention, error) {
	var where []string
	var p params
	if q.Doc != "" {
		where = append(where, "doc = "+p.add(q.Doc))
	}
	if len(q.Docs) > 0 {
		where = append(where, "doc = ANY("+p.add(q.Docs)+")")
	}
	if q.Entity != "" {
		where = append(where, "entity = "+p.add(q.Entity))
	}
	if q.Type != "" {
		where = append(where, "type = "+p.add(string(q.Type)))
	}
	rows, err := s.pool.Query(ctx, `SELECT doc, outlet, entity, name, type, "begin", "end", text, reference
		FROM entity_mentions`+whereClause(where)+` ORDER BY doc, "begin", ord`+limitClause(q.Limit, q.Offset), p...)
	if err != nil {
		return nil, fmt.Errorf("postgres: query entity mentions: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.EntityMention, error) {
		var m store.EntityMention
		var t string
		err := row.Scan(&m.Doc, &m.Outlet, &m.Entity, &m.Name, &t, &m.Begin, &m.End, &m.Text, &m.Reference)
		m.Type = extract.EntityType(t)
		return m, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: read entity mentions: %w", err)
	}
	return out, nil
}

// QuoteDocuments counts the documents of each quote given.
func (s *DB) QuoteDocuments(ctx context.Context, quotes []string) (map[string]int64, error) {
	out := map[string]int64{}
	if len(quotes) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT quote, count(DISTINCT doc) FROM quote_occurrences
		WHERE quote = ANY($1) GROUP BY quote`, quotes)
	if err != nil {
		return nil, fmt.Errorf("postgres: quote documents: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var q string
		var n int64
		if err := rows.Scan(&q, &n); err != nil {
			return nil, fmt.Errorf("postgres: quote documents: %w", err)
		}
		out[q] = n
	}
	return out, rows.Err()
}
