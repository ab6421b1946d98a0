package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/normalize"
	"github.com/echotrace/echotrace/internal/read"
	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
	_ "github.com/echotrace/echotrace/internal/store/sqlite"
	"github.com/echotrace/echotrace/internal/testutil"
)

// ingestAndAnalyze runs the pipeline on paths into a fresh SQLite file.
func ingestAndAnalyze(t *testing.T, paths ...string) (store.Store, IngestSummary) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	sum, err := Ingest(ctx, st, paths, IngestOptions{}, func(p read.Problem) { t.Logf("problem: %v", p) })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Analyze(ctx, st, AnalyzeOptions{Reuse: DefaultReuseOptions()}); err != nil {
		t.Fatal(err)
	}
	return st, sum
}

func seedID(t *testing.T, dir, prefix string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, prefix+"_*.txt"))
	if len(m) != 1 {
		t.Fatalf("seed %s not found in %s", prefix, dir)
	}
	return filepath.Base(m[0]) // a file's id is its path relative to the ingest root
}

// TestSeedsReuse is the acceptance test of the core on the five seed
// articles: 000 reposts most of 001, the others are independent.
func TestSeedsReuse(t *testing.T) {
	dir := testutil.Shared(t, "corpus/seeds")
	ctx := context.Background()
	st, _ := ingestAndAnalyze(t, dir)
	id0, id1 := seedID(t, dir, "000"), seedID(t, dir, "001")

	rels, err := st.Relations(ctx, store.RelationQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rels) != 1 {
		t.Fatalf("want exactly one relation (000–001), got %+v", rels)
	}
	r := rels[0]
	if r.A != id0 || r.B != id1 || r.Kind != relate.Derived {
		t.Fatalf("relation %+v, want %s–%s derived", r, id0, id1)
	}
	if r.Direction == relate.Undetermined || r.Source() != id1 {
		t.Errorf("direction %s (%s): 000 is the forum repost of 001", r.Direction, r.Reason)
	}

	all, err := st.Passages(ctx, store.PassageQuery{IncludeBoilerplate: true})
	if err != nil {
		t.Fatal(err)
	}
	var pair []relate.Passage
	for _, p := range all {
		ids := [2]string{p.A.Doc, p.B.Doc}
		if ids != [2]string{id0, id1} {
			if p.Tokens >= 12 {
				t.Errorf("passage of %d tokens links %s and %s", p.Tokens, p.A.Doc, p.B.Doc)
			}
			continue
		}
		pair = append(pair, p)
	}
	if len(pair) == 0 || len(pair) > 3 {
		t.Fatalf("want 1 to 3 passages between 000 and 001, got %d", len(pair))
	}

	text0 := readFile(t, filepath.Join(dir, id0))
	text1 := readFile(t, filepath.Join(dir, id1))
	article := strings.Index(text0, "archive link")
	if article < 0 {
		t.Fatal("000 has no archive link line")
	}
	if cov := nonSpaceCoverage(text0[:article], pair); cov < 0.9 {
		t.Errorf("passages cover %.1f%% of the article text 000 carries from 001, want ≥ 90%%", cov*100)
	}
	for _, p := range pair {
		a, b := text0[p.A.Begin:p.A.End], text1[p.B.Begin:p.B.End]
		ta, tb := normalize.Tokens(a), normalize.Tokens(b)
		if len(ta) == 0 || len(tb) == 0 || ta[0].Key != tb[0].Key || ta[len(ta)-1].Key != tb[len(tb)-1].Key {
			t.Errorf("passage offsets do not quote matching text:\n000: %.80q…\n001: %.80q…", a, b)
		}
	}
}

// nonSpaceCoverage is the share of non-space bytes of text (a prefix of
// the A side's document) inside the A sides of passages.
func nonSpaceCoverage(text string, ps []relate.Passage) float64 {
	total, in := 0, 0
	for i := 0; i < len(text); i++ {
		if strings.ContainsRune(" \n\t\r", rune(text[i])) {
			continue
		}
		total++
		for _, p := range ps {
			if p.A.Begin <= i && i < p.A.End {
				in++
				break
			}
		}
	}
	return float64(in) / float64(total)
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSeedsIngestTwiceChangesNothing: identity by id, nothing stored twice,
// no timestamp or version moves.
func TestSeedsIngestTwiceChangesNothing(t *testing.T) {
	dir := testutil.Shared(t, "corpus/seeds")
	ctx := context.Background()
	st, _ := ingestAndAnalyze(t, dir)
	before := dump(t, st)
	sum, err := Ingest(ctx, st, []string{dir}, IngestOptions{}, func(p read.Problem) { t.Errorf("problem: %v", p) })
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored.Added != 0 || sum.Stored.Updated != 0 || sum.Stored.Unchanged != 5 {
		t.Errorf("second ingest stored %+v, want 5 unchanged", sum.Stored)
	}
	if _, err := Analyze(ctx, st, AnalyzeOptions{Reuse: DefaultReuseOptions()}); err != nil {
		t.Fatal(err)
	}
	if after := dump(t, st); !bytes.Equal(before, after) {
		t.Error("store changed after ingesting the same files again")
	}
}

func dump(t *testing.T, st store.Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := store.Dump(context.Background(), st, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestExampleCorpus checks the relations the bundled example promises in
// examples/README.md.
func TestExampleCorpus(t *testing.T) {
	dir := filepath.Join(testutil.RepoRoot(t), "examples", "newsroom")
	ctx := context.Background()
	st, sum := ingestAndAnalyze(t, dir)
	if sum.Failed() || sum.Read.Read != 9 {
		t.Fatalf("ingest summary %+v, want 9 documents and no failure", sum)
	}
	rels, err := st.Relations(ctx, store.RelationQuery{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]relate.Relation{}
	for _, r := range rels {
		got[r.A+" "+r.B] = r
	}
	want := []struct {
		pair   string
		kinds  []relate.Kind
		source string
	}{
		{"forum-repost.txt wire.txt", []relate.Kind{relate.Derived, relate.Duplicate}, "wire.txt"},
		{"column.md wire.txt", []relate.Kind{relate.Partial}, "wire.txt"},
		{"column.md forum-repost.txt", []relate.Kind{relate.Partial}, ""},
	}
	for _, w := range want {
		r, ok := got[w.pair]
		if !ok {
			t.Errorf("no relation %s", w.pair)
			continue
		}
		delete(got, w.pair)
		if !containsKind(w.kinds, r.Kind) {
			t.Errorf("%s: kind %s, want one of %v", w.pair, r.Kind, w.kinds)
		}
		if w.source != "" && r.Source() != w.source {
			t.Errorf("%s: source %q (%s), want %s", w.pair, r.Source(), r.Reason, w.source)
		}
	}
	for k, r := range got {
		t.Errorf("unexpected relation %s: %+v", k, r)
	}
	ps, err := st.Passages(ctx, store.PassageQuery{Pair: [2]string{"column.md", "library.md"}, IncludeBoilerplate: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if !p.Boilerplate {
			t.Errorf("column–library passage %+v is shared publisher boilerplate but not marked so", p)
		}
	}
	chains, err := st.Chains(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(chains) != "[[wire.txt column.md] [wire.txt forum-repost.txt]]" {
		t.Errorf("chains %v, want wire → column and wire → forum-repost", chains)
	}
}

func containsKind(ks []relate.Kind, k relate.Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

func TestIngestDetectsLanguage(t *testing.T) {
	dir := t.TempDir()
	texts := map[string]string{
		"en.txt": "The harbour committee decided on Tuesday that the old ferry will keep running until the new bridge opens next spring.",
		"de.txt": "Der Hafenausschuss hat am Dienstag beschlossen, dass die alte Fähre weiterfährt, bis die neue Brücke im Frühjahr eröffnet wird.",
		"ru.txt": "Комитет порта во вторник решил, что старый паром будет ходить до тех пор, пока весной не откроют новый мост.",
	}
	for name, text := range texts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st, _ := ingestAndAnalyze(t, dir)
	for id, want := range map[string]string{"en.txt": "en", "de.txt": "de", "ru.txt": "ru"} {
		d, err := st.Document(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if d.Lang != want {
			t.Errorf("%s: language %q, want %q", id, d.Lang, want)
		}
	}
}
