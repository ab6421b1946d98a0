package export

import (
	"context"
	"io"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

// csvTables are the tables of the csv format, by file name. Each has a
// header row; offsets are bytes into the document's text, as everywhere
// in echotrace; missing values are empty fields.
var csvTables = map[string]func(context.Context, io.Writer, *selection) (File, error){
	"documents.csv": table(documentColumns, func(ctx context.Context, sel *selection, row func(...string) error) error {
		return sel.eachDocument(ctx, func(d doc.Document) error {
			story, narrative := sel.story(d.ID)
			return row(d.ID, d.Series, d.Title, d.Outlet, d.Author, d.URL, d.Lang, d.Date, d.Path, optLine(d.Line),
				itoa(len(d.Text)), story, narrative, d.Text)
		})
	}),
	"relations.csv": table(relationColumns, func(ctx context.Context, sel *selection, row func(...string) error) error {
		return sel.eachRelation(ctx, func(r relate.Relation) error {
			return row(r.A, r.B, string(r.Kind), ftoa(r.CoverageA), ftoa(r.CoverageB), itoa(r.Passages), r.Direction,
				r.Source(), r.Copy(), ftoa(r.Confidence), r.Reason)
		})
	}),
	"passages.csv": table(passageColumns, func(ctx context.Context, sel *selection, row func(...string) error) error {
		tx := newTexts(sel.st)
		return sel.eachPassage(ctx, func(p relate.Passage) error {
			a, err := tx.text(ctx, p.A.Doc)
			if err != nil {
				return err
			}
			b, err := tx.text(ctx, p.B.Doc)
			if err != nil {
				return err
			}
			return row(p.A.Doc, itoa(p.A.Begin), itoa(p.A.End), p.B.Doc, itoa(p.B.Begin), itoa(p.B.End),
				itoa(p.Tokens), ftoa(p.Identity), btoa(p.Boilerplate), span(a, p.A.Begin, p.A.End), span(b, p.B.Begin, p.B.End))
		})
	}),
	"quotes.csv": table(quoteColumns, func(ctx context.Context, sel *selection, row func(...string) error) error {
		tx := newTexts(sel.st)
		return sel.eachOccurrence(ctx, func(o store.OccurrenceRow) error {
			text, err := tx.text(ctx, o.Doc)
			if err != nil {
				return err
			}
			// The words as the document has them: the pieces of a quote
			// split by its cue, joined by a space like Text.
			var original []string
			for _, p := range o.Parts {
				original = append(original, span(text, p.Begin, p.End))
			}
			if len(o.Parts) == 0 {
				original = append(original, span(text, o.Begin, o.End))
			}
			var sb, se, cb, ce *int
			if o.SpeakerSpan != nil {
				sb, se = &o.SpeakerSpan.Begin, &o.SpeakerSpan.End
			}
			if o.CueSpan != nil {
				cb, ce = &o.CueSpan.Begin, &o.CueSpan.End
			}
			return row(o.Quote, o.Doc, o.Outlet, string(o.Kind), itoa(o.Begin), itoa(o.End), strings.Join(original, " "), o.Text,
				btoa(o.Unclosed), o.Speaker, string(o.SpeakerType), optInt(sb), optInt(se), o.SpeakerText,
				o.Cue, optInt(cb), optInt(ce))
		})
	}),
	"entities.csv": table(entityColumns, func(ctx context.Context, sel *selection, row func(...string) error) error {
		return sel.eachMention(ctx, func(m store.EntityMention) error {
			return row(m.Entity, m.Name, string(m.Type), m.Doc, m.Outlet, itoa(m.Begin), itoa(m.End), m.Text, btoa(m.Reference))
		})
	}),
	"stories.csv": table(storyColumns, func(ctx context.Context, sel *selection, row func(...string) error) error {
		for _, s := range sel.stories {
			if s.selected == 0 {
				continue
			}
			if err := row(s.ID, s.Narrative, s.Label, s.First, s.Last, itoa(s.Documents), itoa(s.selected), itoa(s.Undated),
				itoa(len(s.Outlets)), strings.Join(s.Outlets, "; ")); err != nil {
				return err
			}
		}
		return nil
	}),
}

// The columns of each table.
var (
	documentColumns = []string{"id", "series", "title", "outlet", "author", "url", "lang", "date", "path", "line",
		"bytes", "story", "narrative", "text"}
	relationColumns = []string{"a", "b", "kind", "coverage_a", "coverage_b", "passages", "direction",
		"source", "copy", "confidence", "reason"}
	passageColumns = []string{"a_doc", "a_begin", "a_end", "b_doc", "b_begin", "b_end", "tokens", "identity",
		"boilerplate", "a_text", "b_text"}
	quoteColumns = []string{"quote", "doc", "outlet", "kind", "begin", "end", "text", "folded_text", "unclosed",
		"speaker", "speaker_type", "speaker_begin", "speaker_end", "speaker_text", "cue", "cue_begin", "cue_end"}
	entityColumns = []string{"entity", "name", "type", "doc", "outlet", "begin", "end", "text", "reference"}
	storyColumns  = []string{"id", "narrative", "label", "first", "last", "documents", "documents_selected",
		"undated", "outlets", "outlet_names"}
)

// table makes a table writer from its columns and a function producing
// its rows.
func table(columns []string, rows func(ctx context.Context, sel *selection, row func(...string) error) error) func(context.Context, io.Writer, *selection) (File, error) {
	return func(ctx context.Context, w io.Writer, sel *selection) (File, error) {
		cw := newCSVWriter(w)
		if err := cw.write(columns...); err != nil {
			return File{}, err
		}
		err := rows(ctx, sel, cw.write)
		if ferr := cw.flush(); err == nil {
			err = ferr
		}
		return File{Rows: cw.rows - 1}, err
	}
}

// optLine is a JSONL line number, empty for other documents.
func optLine(n int) string {
	if n == 0 {
		return ""
	}
	return itoa(n)
}
