package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/pipeline"
	"github.com/echotrace/echotrace/internal/read"
	"github.com/echotrace/echotrace/internal/store"
	"github.com/echotrace/echotrace/internal/store/sqlite"
	"github.com/echotrace/echotrace/internal/testutil"
)

// oddID is a document id that is not an XML name token and needs quoting
// in CSV; oddTitle holds what CSV and XML must escape, and a character
// XML 1.0 does not allow.
const (
	oddID    = `odd/id with space, & "quotes" <x>`
	oddTitle = "He said \"no\", then\r\nleft; a\x0bvertical tab"
)

// analysed opens a real SQLite store in a temporary folder with the
// newsroom example and one document of awkward fields that copies the
// wire story, and analyses it.
func analysed(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "export.db"))
	if err != nil {
		t.Fatal(err)
	}
	return analysedIn(t, st)
}

// analysedIn fills st as analysed does, and closes it when the test ends.
func analysedIn(t *testing.T, st store.Store) store.Store {
	t.Helper()
	ctx := context.Background()
	t.Cleanup(func() { st.Close() })
	example := filepath.Join(testutil.RepoRoot(t), "examples", "newsroom")
	if _, err := pipeline.Ingest(ctx, st, []string{example}, pipeline.IngestOptions{}, func(p read.Problem) { t.Error(p) }); err != nil {
		t.Fatal(err)
	}
	var wire doc.Document
	st.EachDocument(ctx, func(d doc.Document) error {
		if filepath.Base(d.Path) == "wire.txt" {
			wire = d
		}
		return nil
	})
	if wire.ID == "" {
		t.Fatal("no document read from wire.txt")
	}
	odd := doc.Document{ID: oddID, Title: oddTitle, Outlet: "Odd, \"Quoted\" Outlet", Date: "2024-03-20",
		Text: "Reposted <b>&</b> with thanks:\r\n\r\n" + wire.Text + "\r\nEnd of \"repost\"."}
	if _, err := st.PutDocuments(ctx, []doc.Document{odd}); err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.Analyze(ctx, st, pipeline.AnalyzeOptions{Reuse: pipeline.DefaultReuseOptions()}); err != nil {
		t.Fatal(err)
	}
	return st
}

// readCSV reads a table back with encoding/csv, strictly: every record
// has the header's number of fields, no bare quotes.
func readCSV(t *testing.T, path string, columns []string) []map[string]string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(raw, []byte(strings.Join(columns, ",")+"\r\n")) {
		t.Errorf("%s: the header row is not %v ended by CRLF", path, columns)
	}
	r := csv.NewReader(bytes.NewReader(raw))
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []map[string]string
	for _, rec := range records[1:] {
		m := map[string]string{}
		for i, c := range columns {
			m[c] = rec[i]
		}
		out = append(out, m)
	}
	return out
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return n
}

// crlf undoes what encoding/csv does to line breaks inside a field.
func crlf(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }

func TestCSV(t *testing.T) {
	ctx := context.Background()
	st := analysed(t)
	dir := t.TempDir()
	sum, err := Write(ctx, st, CSV, dir, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	n, _ := st.CountDocuments(ctx)
	if sum.Documents != n || len(sum.Files) != 6 {
		t.Fatalf("summary %+v, want %d documents and 6 files", sum, n)
	}

	docs := readCSV(t, filepath.Join(dir, "documents.csv"), documentColumns)
	if int64(len(docs)) != n {
		t.Errorf("documents.csv has %d rows, the store %d documents", len(docs), n)
	}
	texts := map[string]string{}
	for _, row := range docs {
		d, err := st.Document(ctx, row["id"])
		if err != nil {
			t.Fatalf("documents.csv names %q: %v", row["id"], err)
		}
		if row["text"] != crlf(d.Text) || row["title"] != crlf(d.Title) || row["outlet"] != d.Outlet || row["date"] != d.Date {
			t.Errorf("document %q does not read back as stored", d.ID)
		}
		if st, _ := st.Stories(ctx, store.StoryQuery{Doc: d.ID}); len(st) == 1 && row["story"] != st[0].ID {
			t.Errorf("document %q: story %q, stored in %q", d.ID, row["story"], st[0].ID)
		}
		texts[d.ID] = d.Text
	}
	if _, ok := texts[oddID]; !ok {
		t.Errorf("the document with an awkward id is missing")
	}

	rels, _ := st.Relations(ctx, store.RelationQuery{})
	relRows := readCSV(t, filepath.Join(dir, "relations.csv"), relationColumns)
	if len(relRows) != len(rels) || len(rels) == 0 {
		t.Fatalf("relations.csv has %d rows, the store %d relations", len(relRows), len(rels))
	}
	wire := docs[0]["id"]
	for _, row := range docs {
		if filepath.Base(row["path"]) == "wire.txt" {
			wire = row["id"]
		}
	}
	oddCopies := false
	for i, r := range rels {
		row := relRows[i]
		if row["a"] != r.A || row["b"] != r.B || row["kind"] != string(r.Kind) || row["source"] != r.Source() || row["copy"] != r.Copy() {
			t.Errorf("relation row %v, stored %+v", row, r)
		}
		oddCopies = oddCopies || (row["copy"] == oddID && row["source"] == wire)
	}
	if !oddCopies {
		t.Errorf("no relation has the awkward document copy the wire: %v", relRows)
	}

	ps, _ := st.Passages(ctx, store.PassageQuery{IncludeBoilerplate: true})
	pRows := readCSV(t, filepath.Join(dir, "passages.csv"), passageColumns)
	if len(pRows) != len(ps) || len(ps) == 0 {
		t.Fatalf("passages.csv has %d rows, the store %d passages", len(pRows), len(ps))
	}
	for _, row := range pRows {
		for _, side := range []string{"a", "b"} {
			text := texts[row[side+"_doc"]]
			want := text[atoi(t, row[side+"_begin"]):atoi(t, row[side+"_end"])]
			if row[side+"_text"] != crlf(want) || want == "" {
				t.Errorf("passage %s side: text %q, want %q", side, row[side+"_text"], want)
			}
		}
	}

	occ, _ := st.Occurrences(ctx, store.OccurrenceQuery{})
	qRows := readCSV(t, filepath.Join(dir, "quotes.csv"), quoteColumns)
	if len(qRows) != len(occ) || len(occ) == 0 {
		t.Fatalf("quotes.csv has %d rows, the store %d occurrences", len(qRows), len(occ))
	}
	attributed := 0
	for i, o := range occ {
		row := qRows[i]
		if row["doc"] != o.Doc || row["speaker"] != o.Speaker || row["cue"] != o.Cue || row["quote"] != o.Quote || row["kind"] != string(o.Kind) {
			t.Errorf("quote row %v, stored %+v", row, o)
		}
		if o.Speaker != "" && o.Cue != "" {
			attributed++
			if got := texts[o.Doc][atoi(t, row["cue_begin"]):atoi(t, row["cue_end"])]; got != o.Cue && !strings.EqualFold(got, o.Cue) {
				t.Errorf("cue offsets give %q, cue %q", got, o.Cue)
			}
		}
		if row["text"] == "" {
			t.Errorf("quote row without the document's words: %v", row)
		}
	}
	if attributed == 0 {
		t.Error("no quote row has a speaker and a cue")
	}

	ms, _ := st.EntityMentions(ctx, store.EntityQuery{})
	eRows := readCSV(t, filepath.Join(dir, "entities.csv"), entityColumns)
	if len(eRows) != len(ms) || len(ms) == 0 {
		t.Fatalf("entities.csv has %d rows, the store %d mentions", len(eRows), len(ms))
	}
	for i, m := range ms {
		if eRows[i]["entity"] != m.Entity || eRows[i]["doc"] != m.Doc || texts[m.Doc][m.Begin:m.End] != eRows[i]["text"] {
			t.Errorf("entity row %v, stored %+v", eRows[i], m)
		}
	}

	stories, _ := st.Stories(ctx, store.StoryQuery{})
	sRows := readCSV(t, filepath.Join(dir, "stories.csv"), storyColumns)
	if len(sRows) != len(stories) || len(stories) == 0 {
		t.Fatalf("stories.csv has %d rows, the store %d stories", len(sRows), len(stories))
	}
	for i, s := range stories {
		if sRows[i]["id"] != s.ID || atoi(t, sRows[i]["documents"]) != len(s.Documents) {
			t.Errorf("story row %v, stored %s with %d documents", sRows[i], s.ID, len(s.Documents))
		}
	}
	// Nothing half-written is left beside the files.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 6 {
		t.Errorf("%d files in the folder, want the 6 tables", len(entries))
	}
}

func TestJSONLReadsBack(t *testing.T) {
	ctx := context.Background()
	st := analysed(t)
	dir := t.TempDir()
	if _, err := Write(ctx, st, JSONL, dir, Filter{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "documents.jsonl")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n")
	n, _ := st.CountDocuments(ctx)
	if int64(len(lines)) != n {
		t.Fatalf("%d lines, %d documents", len(lines), n)
	}
	withPassages := 0
	for i, line := range lines {
		var rec struct {
			ID       *string `json:"id"`
			Series   *string `json:"series"`
			Date     string  `json:"date"`
			Text     *string `json:"text"`
			Outlet   string  `json:"outlet"`
			Passages []struct {
				Begin, End           int
				Other                string
				OtherBegin, OtherEnd int `json:"-"`
			} `json:"passages"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if rec.ID == nil || rec.Text == nil || rec.Series == nil || !strings.HasPrefix(line, `{"id":`) {
			t.Fatalf("line %d lacks passim's id, series or text: %.100s", i+1, line)
		}
		d, err := st.Document(ctx, *rec.ID)
		if err != nil || d.Text != *rec.Text || d.Date != rec.Date {
			t.Errorf("line %d does not match document %q: %v", i+1, *rec.ID, err)
		}
		if d.Outlet != "" && *rec.Series == "" {
			t.Errorf("line %d: no series though the outlet is %q", i+1, d.Outlet)
		}
		for _, p := range rec.Passages {
			if p.Begin < 0 || p.End > len(d.Text) || p.Begin >= p.End || p.Other == "" {
				t.Errorf("line %d: passage %+v outside the text", i+1, p)
			}
		}
		if len(rec.Passages) > 0 {
			withPassages++
		}
	}
	if withPassages == 0 {
		t.Error("no document carries its passages")
	}

	// echotrace ingest reads it back: the same documents.
	back, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "back.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	sum, err := pipeline.Ingest(ctx, back, []string{path}, pipeline.IngestOptions{}, func(p read.Problem) { t.Error(p) })
	if err != nil || sum.Failed() || sum.Documents != n {
		t.Fatalf("ingest of the export: %+v, %v", sum, err)
	}
	err = st.EachDocument(ctx, func(d doc.Document) error {
		b, err := back.Document(ctx, d.ID)
		if err != nil {
			t.Errorf("document %q not read back: %v", d.ID, err)
			return nil
		}
		if b.Text != d.Text || b.Title != d.Title || b.Outlet != d.Outlet || b.Date != d.Date || b.URL != d.URL || (d.Lang != "" && b.Lang != d.Lang) || b.Author != d.Author {
			t.Errorf("document %q read back differs: title %q/%q outlet %q/%q date %q/%q url %q/%q lang %q/%q author %q/%q text equal %v", d.ID, b.Title, d.Title, b.Outlet, d.Outlet, b.Date, d.Date, b.URL, d.URL, b.Lang, d.Lang, b.Author, d.Author, b.Text == d.Text)
		}
		for k, v := range d.Extra {
			if got, _ := json.Marshal(b.Extra[k]); string(got) != mustJSON(v) {
				t.Errorf("document %q: extra field %q read back as %s, was %s", d.ID, k, got, mustJSON(v))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestFilters(t *testing.T) {
	ctx := context.Background()
	st := analysed(t)
	stories, _ := st.Stories(ctx, store.StoryQuery{})
	var big string
	var bigDocs []string
	for _, s := range stories {
		if len(s.Documents) > len(bigDocs) {
			big, bigDocs = s.ID, s.Documents
		}
	}
	if len(bigDocs) < 2 {
		t.Fatalf("no story of two documents to filter by: %+v", stories)
	}
	dir := t.TempDir()
	sum, err := Write(ctx, st, CSV, dir, Filter{Story: big})
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]bool{}
	for _, id := range bigDocs {
		in[id] = true
	}
	docs := readCSV(t, filepath.Join(dir, "documents.csv"), documentColumns)
	if len(docs) != len(bigDocs) || sum.Documents != int64(len(bigDocs)) {
		t.Errorf("story %s: %d rows, want its %d documents", big, len(docs), len(bigDocs))
	}
	for _, row := range docs {
		if !in[row["id"]] || row["story"] != big {
			t.Errorf("row %s (story %s) is not of story %s", row["id"], row["story"], big)
		}
	}
	want := 0
	rels, _ := st.Relations(ctx, store.RelationQuery{})
	for _, r := range rels {
		if in[r.A] && in[r.B] {
			want++
		}
	}
	if rows := readCSV(t, filepath.Join(dir, "relations.csv"), relationColumns); len(rows) != want {
		t.Errorf("story %s: %d relations, want the %d among its documents", big, len(rows), want)
	}
	if rows := readCSV(t, filepath.Join(dir, "stories.csv"), storyColumns); len(rows) != 1 || rows[0]["id"] != big {
		t.Errorf("stories.csv of one story: %v", rows)
	}

	// Dates: --since 2024-03-13 --until 2024-03-14 keeps the documents of
	// those two days, whole.
	since, _ := ParseBound("2024-03-13", false)
	until, _ := ParseBound("2024-03-14", true)
	dir = t.TempDir()
	if _, err := Write(ctx, st, JSONL, dir, Filter{Since: since, Until: until}); err != nil {
		t.Fatal(err)
	}
	var wantIDs []string
	st.EachDocument(ctx, func(d doc.Document) error {
		if tm, ok := d.Time(); ok && !tm.Before(since) && tm.Before(until) {
			wantIDs = append(wantIDs, d.ID)
		}
		return nil
	})
	raw, _ := os.ReadFile(filepath.Join(dir, "documents.jsonl"))
	got := 0
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		if line == "" {
			continue
		}
		var rec struct{ Date string }
		json.Unmarshal([]byte(line), &rec)
		if rec.Date < "2024-03-13" || rec.Date >= "2024-03-15" {
			t.Errorf("date %q outside the bounds", rec.Date)
		}
		got++
	}
	if got != len(wantIDs) || got == 0 {
		t.Errorf("%d documents exported between the dates, want %d", got, len(wantIDs))
	}

	for _, f := range []Filter{{Story: "nosuch"}, {Narrative: "nosuch"}} {
		if _, err := Write(ctx, st, CSV, t.TempDir(), f); err == nil || !strings.Contains(err.Error(), "nosuch") {
			t.Errorf("filter %+v: error %v, want one naming it", f, err)
		}
	}
}

func TestParseBound(t *testing.T) {
	for _, c := range []struct {
		s     string
		until bool
		want  string
	}{
		{"2024-03-12", false, "2024-03-12T00:00:00Z"},
		{"2024-03-12", true, "2024-03-13T00:00:00Z"},
		{"2024-03", true, "2024-04-01T00:00:00Z"},
		{"2024", true, "2025-01-01T00:00:00Z"},
		{"2024-03-12T10:00:00+02:00", false, "2024-03-12T08:00:00Z"},
	} {
		got, err := ParseBound(c.s, c.until)
		if err != nil || got.UTC().Format("2006-01-02T15:04:05Z") != c.want {
			t.Errorf("ParseBound(%q, %v) = %v, %v; want %s", c.s, c.until, got, err, c.want)
		}
	}
	if _, err := ParseBound("last week", false); err == nil {
		t.Error("a non-date is accepted")
	}
}

func TestSpanNeverPanics(t *testing.T) {
	text := "né à Zürich"
	for _, c := range [][2]int{{-5, 3}, {2, 100}, {3, 2}, {1, 2}, {100, 200}} {
		s := span(text, c[0], c[1])
		if !strings.Contains(text, s) {
			t.Errorf("span%v = %q, not part of the text", c, s)
		}
	}
	if span(text, 0, len(text)) != text {
		t.Error("the whole text is not kept")
	}
}
