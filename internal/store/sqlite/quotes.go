package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unsafe"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/extract"
	"github.com/echotrace/echotrace/internal/store"
)

func init() {
	addTopic("quotes",
		`CREATE TABLE quote_occurrences (
			ord INTEGER PRIMARY KEY,
			quote TEXT NOT NULL, doc TEXT NOT NULL, outlet TEXT NOT NULL, kind TEXT NOT NULL,
			begin INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, parts TEXT NOT NULL,
			unclosed INTEGER NOT NULL,
			speaker TEXT, speaker_type TEXT, speaker_begin INTEGER, speaker_end INTEGER, speaker_text TEXT,
			cue TEXT, cue_begin INTEGER, cue_end INTEGER
		);
		CREATE INDEX quote_occurrences_doc ON quote_occurrences(doc, begin);
		CREATE INDEX quote_occurrences_quote ON quote_occurrences(quote);
		CREATE INDEX quote_occurrences_speaker ON quote_occurrences(speaker);
		CREATE TABLE entity_mentions (
			ord INTEGER PRIMARY KEY,
			doc TEXT NOT NULL, outlet TEXT NOT NULL, entity TEXT NOT NULL, name TEXT NOT NULL,
			type TEXT NOT NULL, begin INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
			reference INTEGER NOT NULL
		);
		CREATE INDEX entity_mentions_doc ON entity_mentions(doc, begin);
		CREATE INDEX entity_mentions_entity ON entity_mentions(entity);
		CREATE INDEX entity_mentions_outlet ON entity_mentions(outlet);
		INSERT OR IGNORE INTO counters(name, value) VALUES ('quotes_version', 0);`,
		// Lists filtered by quote, speaker, kind or entity come in
		// (doc, begin) order: indexes that hold that order serve a page
		// without sorting every match (an entity of thousands of mentions)
		// and skip an offset without reading rows.
		`DROP INDEX IF EXISTS quote_occurrences_quote;
		DROP INDEX IF EXISTS quote_occurrences_speaker;
		DROP INDEX IF EXISTS entity_mentions_entity;
		CREATE INDEX IF NOT EXISTS quote_occurrences_quote ON quote_occurrences(quote, doc, begin);
		CREATE INDEX IF NOT EXISTS quote_occurrences_speaker ON quote_occurrences(speaker, doc, begin);
		CREATE INDEX IF NOT EXISTS quote_occurrences_kind ON quote_occurrences(kind, doc, begin);
		CREATE INDEX IF NOT EXISTS entity_mentions_entity ON entity_mentions(entity, doc, begin);
		CREATE INDEX IF NOT EXISTS entity_mentions_type ON entity_mentions(type, doc, begin);`,
		// No query selects mentions by outlet, and every replacement
		// built this index again (a tenth of the indexes' work).
		`DROP INDEX IF EXISTS entity_mentions_outlet;`,
		// Every replacement builds the indexes again, so a row no query
		// finds through an index is pure cost there. An occurrence of no
		// speaker is never selected by speaker (speaker = ? is never
		// true of NULL), and the quotes, nearly all the rows, are listed
		// by kind through the index of documents, which holds their
		// order with few rows of other kinds to skip; the other kinds,
		// a few of every hundred, keep an index of their own.
		`DROP INDEX IF EXISTS quote_occurrences_speaker;
		DROP INDEX IF EXISTS quote_occurrences_kind;
		CREATE INDEX IF NOT EXISTS quote_occurrences_speaker ON quote_occurrences(speaker, doc, begin) WHERE speaker IS NOT NULL;
		CREATE INDEX IF NOT EXISTS quote_occurrences_kind ON quote_occurrences(kind, doc, begin) WHERE kind <> 'quote';`,
	)
}

var _ store.QuoteStore = (*DB)(nil)

// ReplaceQuotes replaces all quote and entity results when version is
// newer than theirs.
func (s *DB) ReplaceQuotes(ctx context.Context, version int64, results []extract.Result, quotes []extract.Quote) (bool, error) {
	return s.ReplaceQuoteRows(ctx, version, store.QuoteRowsOf(results, quotes))
}

// quoteIndexes are the indexes of the quote tables as the schema steps
// leave them. ReplaceQuoteRows drops them before it inserts and builds them
// again after: building an index from its rows sorted is several times
// faster than keeping it up to date row by row, and a replacement writes
// millions of rows at a million documents.
var quoteIndexes = []string{
	`CREATE INDEX quote_occurrences_doc ON quote_occurrences(doc, begin)`,
	`CREATE INDEX quote_occurrences_quote ON quote_occurrences(quote, doc, begin)`,
	`CREATE INDEX quote_occurrences_speaker ON quote_occurrences(speaker, doc, begin) WHERE speaker IS NOT NULL`,
	`CREATE INDEX quote_occurrences_kind ON quote_occurrences(kind, doc, begin) WHERE kind <> 'quote'`,
	`CREATE INDEX entity_mentions_doc ON entity_mentions(doc, begin)`,
	`CREATE INDEX entity_mentions_entity ON entity_mentions(entity, doc, begin)`,
	`CREATE INDEX entity_mentions_type ON entity_mentions(type, doc, begin)`,
}

// ReplaceQuoteRows replaces all quote and entity results, row by row,
// when version is newer than theirs.
func (s *DB) ReplaceQuoteRows(ctx context.Context, version int64, rows store.QuoteRows) (bool, error) {
	replaced := false
	// The whole replacement runs with the index builds' small cache, not
	// the writer's 64 MiB: the rows go in in rowid order, so a cache holds
	// little more than the pages being filled. With the large one the
	// pages the inserts left dirty were written out during the first
	// index build, each copied first into that statement's journal (a
	// temporary file), as a page that existed before the statement began;
	// with the small one they go into the log as the inserts fill them,
	// and a replay of 100 000 documents' rows took about a tenth less CPU
	// (less beside a busy core; doc/performance.md, seventeenth session).
	err := s.inTxConn(ctx, sorterCacheKiB, func(conn *sql.Conn, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE counters SET value = ? WHERE name = 'quotes_version' AND value < ?`, version, version)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		if err := dropIndexes(ctx, tx, quoteIndexes); err != nil {
			return err
		}
		for _, t := range []string{"quote_occurrences", "entity_mentions"} {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+t); err != nil {
				return fmt.Errorf("clear %s: %w", t, err)
			}
		}
		// The values repeated from row to row are boxed once (lastString).
		var docs, outlets, kinds, speakerTypes, cues, entityDocs, entityOutlets, types lastString
		if err := insertSeq(ctx, conn, `INSERT OR FAIL INTO quote_occurrences(quote, doc, outlet, kind, begin, end, text, parts,
			unclosed, speaker, speaker_type, speaker_begin, speaker_end, speaker_text, cue, cue_begin, cue_end)`, 17, rows.Occurrences, func(dst []any, o store.OccurrenceRow) []any {
			var sb, se, cb, ce any
			if o.SpeakerSpan != nil {
				sb, se = boxInt(o.SpeakerSpan.Begin), boxInt(o.SpeakerSpan.End)
			}
			if o.CueSpan != nil {
				cb, ce = boxInt(o.CueSpan.Begin), boxInt(o.CueSpan.End)
			}
			return append(dst, o.Quote, docs.box(o.Doc), outlets.box(o.Outlet), kinds.box(string(o.Kind)), boxInt(o.Begin), boxInt(o.End), o.Text, partsValue(o.Parts, o.Begin, o.End), o.Unclosed,
				nullString(o.Speaker), speakerTypes.null(string(o.SpeakerType)), sb, se, nullString(o.SpeakerText), cues.null(o.Cue), cb, ce)
		}); err != nil {
			return fmt.Errorf("store quote occurrences: %w", err)
		}
		if err := insertSeq(ctx, conn, `INSERT OR FAIL INTO entity_mentions(doc, outlet, entity, name, type, begin, end, text, reference)`, 9, rows.Mentions, func(dst []any, m store.EntityMention) []any {
			return append(dst, entityDocs.box(m.Doc), entityOutlets.box(m.Outlet), m.Entity, m.Name, types.box(string(m.Type)), boxInt(m.Begin), boxInt(m.End), m.Text, m.Reference)
		}); err != nil {
			return fmt.Errorf("store entity mentions: %w", err)
		}
		if err := createIndexes(ctx, tx, quoteIndexes); err != nil {
			return err
		}
		replaced = true
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("sqlite: replace quotes: %w", err)
	}
	return replaced, nil
}

// dropIndexes drops the indexes that defs create, where they exist.
func dropIndexes(ctx context.Context, tx *sql.Tx, defs []string) error {
	for _, def := range defs {
		name := indexName(def)
		if _, err := tx.ExecContext(ctx, "DROP INDEX IF EXISTS "+name); err != nil {
			return fmt.Errorf("drop index %s: %w", name, err)
		}
	}
	return nil
}

// sorterCacheKiB is the page cache (as PRAGMA cache_size takes it) while
// createIndexes builds indexes. SQLite's sorter, which sorts an index's
// keys, keeps as many bytes of them in memory as the cache holds, sorts
// them there (a merge sort of a linked list) and writes them to a
// temporary file when there are more, to merge the files at the end.
// Sorting 64 MiB of keys at a time (the writer's cache) was mostly
// waiting on memory; sorted 4 MiB at a time, which stays in the
// processor's caches, the quote rows' index builds took a fifth less CPU
// at 100 000 and at ten million occurrences, the merge of the many files
// included (doc/performance.md, sixteenth session). The builds need no
// more pages than that: each reads its table once in order and writes
// its index once in order.
const sorterCacheKiB = -4 << 10

// createIndexes builds the indexes defs create, with the page cache of
// the transaction's connection at sorterCacheKiB from then on (inTxConn
// sets the reader's again at the end).
func createIndexes(ctx context.Context, tx *sql.Tx, defs []string) error {
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size=%d", sorterCacheKiB)); err != nil {
		return fmt.Errorf("cache for the index builds: %w", err)
	}
	for _, def := range defs {
		if _, err := tx.ExecContext(ctx, def); err != nil {
			return fmt.Errorf("build index %s: %w", indexName(def), err)
		}
	}
	return nil
}

// indexName is the name of the index def creates ("CREATE INDEX [IF NOT
// EXISTS] name ON ...").
func indexName(def string) string {
	f := strings.Fields(def)
	if len(f) > 5 && strings.EqualFold(f[2], "IF") {
		return f[5]
	}
	if len(f) > 2 {
		return f[2]
	}
	return def
}

// oneWholePart is the parts column of an occurrence whose one part is
// the whole of it, from begin to end: nearly every occurrence (a quote
// of one paragraph, a claim), for which the JSON would repeat the row's
// own begin and end. The empty text is no JSON, so it
// cannot be taken for parts written out; databases written before keep
// the JSON of every occurrence, which reads back the same.
const oneWholePart = ""

// partsValue is the parts column of an occurrence from begin to end:
// oneWholePart, or the JSON of its parts. The column was a tenth of the
// quote table's bytes, written to the log and again into the file at
// every analysis, and a string the driver copied for every row.
func partsValue(parts []doc.Span, begin, end int) any {
	if len(parts) == 1 && parts[0] == (doc.Span{Begin: begin, End: end}) {
		return oneWholePart
	}
	return spansJSON(parts)
}

// readParts decodes the parts column of an occurrence from begin to end
// (partsValue).
func readParts(parts string, begin, end int) ([]doc.Span, error) {
	if parts == oneWholePart {
		return []doc.Span{{Begin: begin, End: end}}, nil
	}
	var out []doc.Span
	err := json.Unmarshal([]byte(parts), &out)
	return out, err
}

// spansJSON is json.Marshal of spans as a string, without reflection.
func spansJSON(spans []doc.Span) string {
	if spans == nil {
		return "null"
	}
	b := make([]byte, 0, 2+len(spans)*28)
	b = append(b, '[')
	for i, sp := range spans {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"begin":`...)
		b = strconv.AppendInt(b, int64(sp.Begin), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(sp.End), 10)
		b = append(b, '}')
	}
	b = append(b, ']')
	return unsafe.String(unsafe.SliceData(b), len(b))
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// QuotesVersion is the corpus version the stored quote results describe.
func (s *DB) QuotesVersion(ctx context.Context) (int64, error) {
	return s.counter(ctx, "quotes_version")
}

// Occurrences returns the stored occurrences a query selects.
func (s *DB) Occurrences(ctx context.Context, q store.OccurrenceQuery) ([]store.OccurrenceRow, error) {
	var conds []string
	var args []any
	if q.Doc != "" {
		conds, args = append(conds, "doc = ?"), append(args, q.Doc)
	}
	if len(q.Docs) > 0 {
		conds, args = append(conds, "doc IN ("+placeholders(len(q.Docs))+")"), appendStrings(args, q.Docs)
	}
	if q.Shared {
		conds = append(conds, "EXISTS (SELECT 1 FROM quote_occurrences o2 WHERE o2.quote = quote_occurrences.quote AND o2.doc <> quote_occurrences.doc)")
	}
	if q.Quote != "" {
		conds, args = append(conds, "quote = ?"), append(args, q.Quote)
	}
	if q.Speaker != "" {
		conds, args = append(conds, "speaker = ?"), append(args, q.Speaker)
	}
	if q.Kind != "" {
		conds, args = append(conds, "kind = ?"), append(args, string(q.Kind))
		if q.Kind != extract.KindQuote {
			// The term the kind index's WHERE names, so that SQLite
			// may use it (it does not look at a bound value).
			conds = append(conds, "kind <> '"+string(extract.KindQuote)+"'")
		}
	}
	query := `SELECT quote, doc, outlet, kind, begin, end, text, parts, unclosed, speaker, speaker_type,
		speaker_begin, speaker_end, speaker_text, cue, cue_begin, cue_end
		FROM quote_occurrences` + whereClause(conds) + ` ORDER BY doc, begin, ord`
	query += limitClause(q.Limit, q.Offset)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: occurrences: %w", err)
	}
	defer rows.Close()
	var out []store.OccurrenceRow
	for rows.Next() {
		var r store.OccurrenceRow
		var kind, parts string
		var speaker, stype, stext, cue sql.NullString
		var sb, se, cb, ce sql.NullInt64
		if err := rows.Scan(&r.Quote, &r.Doc, &r.Outlet, &kind, &r.Begin, &r.End, &r.Text, &parts, &r.Unclosed,
			&speaker, &stype, &sb, &se, &stext, &cue, &cb, &ce); err != nil {
			return nil, fmt.Errorf("sqlite: occurrences: %w", err)
		}
		r.Kind = extract.Kind(kind)
		if r.Parts, err = readParts(parts, r.Begin, r.End); err != nil {
			return nil, fmt.Errorf("sqlite: occurrence parts of %s: %w", r.Doc, err)
		}
		r.Speaker, r.SpeakerType, r.SpeakerText, r.Cue = speaker.String, extract.EntityType(stype.String), stext.String, cue.String
		if sb.Valid && se.Valid {
			r.SpeakerSpan = &doc.Span{Begin: int(sb.Int64), End: int(se.Int64)}
		}
		if cb.Valid && ce.Valid {
			r.CueSpan = &doc.Span{Begin: int(cb.Int64), End: int(ce.Int64)}
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// EntityMentions returns the stored entity mentions a query selects.
func (s *DB) EntityMentions(ctx context.Context, q store.EntityQuery) ([]store.EntityMention, error) {
	var conds []string
	var args []any
	if q.Doc != "" {
		conds, args = append(conds, "doc = ?"), append(args, q.Doc)
	}
	if len(q.Docs) > 0 {
		conds, args = append(conds, "doc IN ("+placeholders(len(q.Docs))+")"), appendStrings(args, q.Docs)
	}
	if q.Entity != "" {
		conds, args = append(conds, "entity = ?"), append(args, q.Entity)
	}
	if q.Type != "" {
		conds, args = append(conds, "type = ?"), append(args, string(q.Type))
	}
	query := `SELECT doc, outlet, entity, name, type, begin, end, text, reference FROM entity_mentions` +
		whereClause(conds) + ` ORDER BY doc, begin, ord`
	query += limitClause(q.Limit, q.Offset)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entity mentions: %w", err)
	}
	defer rows.Close()
	var out []store.EntityMention
	for rows.Next() {
		var m store.EntityMention
		var t string
		if err := rows.Scan(&m.Doc, &m.Outlet, &m.Entity, &m.Name, &t, &m.Begin, &m.End, &m.Text, &m.Reference); err != nil {
			return nil, fmt.Errorf("sqlite: entity mentions: %w", err)
		}
		m.Type = extract.EntityType(t)
		out = append(out, m)
	}
	return out, rows.Err()
}

// QuoteDocuments counts the documents of each quote given.
func (s *DB) QuoteDocuments(ctx context.Context, quotes []string) (map[string]int64, error) {
	out := map[string]int64{}
	if len(quotes) == 0 {
		return out, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT quote, count(DISTINCT doc) FROM quote_occurrences
		WHERE quote IN (`+placeholders(len(quotes))+`) GROUP BY quote`, appendStrings(nil, quotes)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: quote documents: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var q string
		var n int64
		if err := rows.Scan(&q, &n); err != nil {
			return nil, fmt.Errorf("sqlite: quote documents: %w", err)
		}
		out[q] = n
	}
	return out, rows.Err()
}

// placeholders is n comma-separated parameter marks.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func appendStrings(args []any, ss []string) []any {
	for _, s := range ss {
		args = append(args, s)
	}
	return args
}
