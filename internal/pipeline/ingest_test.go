package pipeline

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/read"
	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

// wire is a story two outlets carry word for word.
const wire = "Dock workers in the northern port of Havlund walked out on Tuesday after talks on night shifts failed, the union said. " +
	"The strike is the first at the port in eleven years and halts the loading of timber and grain bound for the south. " +
	"Port managers said they would meet union leaders again on Thursday and that ferries to the islands would run as usual.\n"

func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func page(outlet string) string {
	return `<!DOCTYPE html><html><head><title>Port strike</title><meta property="og:site_name" content="` + outlet +
		`"></head><body><article><h1>Port strike halts Havlund</h1><p>` + wire + `</p></article></body></html>`
}

// TestIngestWireCopiesStayTwo: two outlets' verbatim copies are two
// documents and a duplicate relation, not one document.
func TestIngestWireCopiesStayTwo(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"siteA/index.html": page("Coast Daily"), "siteB/index.html": page("Valley Weekly")})
	st, sum := ingestAndAnalyze(t, dir)
	if sum.Stored.Added != 2 || sum.Documents != 2 {
		t.Fatalf("summary %+v, want two documents", sum)
	}
	rels, err := st.Relations(context.Background(), store.RelationQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rels) != 1 || rels[0].Kind != relate.Duplicate {
		t.Errorf("relations %+v, want the two copies as duplicates", rels)
	}
}

// TestIngestIdentity: nested starts name files alike, ingesting again
// changes nothing, and two records given one id in a run are a reported
// clash, never an overwrite.
func TestIngestIdentity(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"examples/newsroom/wire.txt":   wire,
		"examples/newsroom/story.md":   "# Port strike\n\n" + wire,
		"examples/newsroom/story.html": page("Coast Daily"),
		"examples/a.jsonl":             `{"id":"7","text":"The ferry to the islands runs as usual."}` + "\n",
		"examples/b.jsonl":             `{"id":"7","text":"The valley fair opens on Friday with a cattle show."}` + "\n",
	})
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	opt := IngestOptions{Read: read.Options{Root: root}}
	var problems []read.Problem
	sum, err := Ingest(ctx, st, []string{filepath.Join(root, "examples")}, opt, func(p read.Problem) { problems = append(problems, p) })
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored.Added != 4 || sum.Rejected != 1 || !sum.Failed() || len(problems) != 1 ||
		!errors.Is(problems[0].Err, store.ErrIDClash) || !strings.Contains(problems[0].Path, "b.jsonl") {
		t.Fatalf("first ingest: %+v, problems %v; want 4 documents and b.jsonl's id 7 reported as a clash", sum, problems)
	}
	if len(sum.Problems) != 1 || !strings.Contains(sum.Problems[0], "b.jsonl") {
		t.Errorf("summary problems %q, want the clash named", sum.Problems)
	}
	if d, err := st.Document(ctx, "7"); err != nil || !strings.Contains(d.Text, "ferry") {
		t.Errorf("document 7: %+v, %v; want a.jsonl's record kept", d, err)
	}
	// Starting from the nested folder names the same files alike.
	sum, err = Ingest(ctx, st, []string{filepath.Join(root, "examples", "newsroom")}, opt, func(p read.Problem) { t.Errorf("problem: %v", p) })
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != (store.PutResult{Unchanged: 3}) || sum.Documents != 4 {
		t.Errorf("nested ingest: %+v, want nothing changed", sum)
	}
}

// TestIngestSoftHyphensDuplicate: a page that breaks its long words with
// soft hyphens (and carries a zero-width space) and its plain repost are
// duplicates.
func TestIngestSoftHyphensDuplicate(t *testing.T) {
	dir := t.TempDir()
	// Every word of five letters or more broken in its middle.
	words := strings.Split(wire, " ")
	for i, w := range words {
		if len(w) >= 5 {
			mark := "\u00AD"
			if i%7 == 0 {
				mark = "\u200B"
			}
			words[i] = w[:len(w)/2] + mark + w[len(w)/2:]
		}
	}
	hyphenated := strings.Join(words, " ")
	writeTree(t, dir, map[string]string{"coast/strike.txt": hyphenated, "forum/strike.txt": wire})
	st, _ := ingestAndAnalyze(t, dir)
	rels, err := st.Relations(context.Background(), store.RelationQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rels) != 1 || rels[0].Kind != relate.Duplicate {
		t.Errorf("relations %+v, want the two as duplicates", rels)
	}
}

// TestIngestArchiveCopies: an archive and its compressed copy hold the
// same records; each is stored once, and ingesting both again changes
// nothing.
func TestIngestArchiveCopies(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var gz bytes.Buffer
	w := read.NewWARCWriter(&gz)
	if _, err := w.Write(read.WARCFields{Type: "resource", TargetURI: "https://a.example/strike.txt", ContentType: "text/plain"}, []byte(wire)); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]string{"crawl.warc": string(plain), "crawl.warc.gz": gz.String()})
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i, want := range []store.PutResult{{Added: 1, Unchanged: 1}, {Unchanged: 2}} {
		sum, err := Ingest(ctx, st, []string{dir}, IngestOptions{}, func(p read.Problem) { t.Errorf("problem: %v", p) })
		if err != nil {
			t.Fatal(err)
		}
		if sum.Stored != want || sum.Documents != 1 {
			t.Errorf("ingest %d: %+v, want %+v and one document", i+1, sum.Stored, want)
		}
	}
}

// TestIngestTellsIndexing: Indexing is called once, after the last
// document is stored, and the store then has the indexes it deferred
// (a query by outlet in date order finds the documents).
func TestIngestTellsIndexing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"siteA/index.html": page("Coast Daily"), "siteB/index.html": page("Valley Weekly"), "siteC/a.txt": wire})
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var events []string
	opt := IngestOptions{
		Batch:    1,
		Progress: func(n int) { events = append(events, "stored") },
		Indexing: func() { events = append(events, "indexing") },
	}
	if _, err := Ingest(ctx, st, []string{dir}, opt, func(p read.Problem) { t.Errorf("problem: %v", p) }); err != nil {
		t.Fatal(err)
	}
	want := []string{"stored", "stored", "stored", "indexing"}
	if strings.Join(events, " ") != strings.Join(want, " ") {
		t.Errorf("events %v, want %v", events, want)
	}
	docs, err := st.Documents(ctx, store.DocQuery{Outlet: "Valley Weekly"})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Errorf("documents of Valley Weekly: %d, want 1", len(docs))
	}
}
