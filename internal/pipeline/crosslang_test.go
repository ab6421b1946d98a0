package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/read"
	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

// TestAnalyzeFindsTranslations ingests an invented Ukrainian report, its
// English translation and an unrelated English text into a SQLite file,
// analyses with the translation search on, and finds the pair stored as a
// translation with its sentences aligned — and nothing with the search off.
func TestAnalyzeFindsTranslations(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"uk.txt": "Міністр енергетики Герман Галущенко 14 квітня 2022 року заявив, що Україна експортує до Польщі 1 200 мегават електроенергії. " +
			"За його словами, компанія Укренерго уклала угоду з оператором PSE на п'ять років. " +
			"Галущенко додав, що ціни в Європі зросли на 37,4 відсотка.",
		"en.txt": "Energy Minister German Galushchenko said on April 14, 2022 that Ukraine exports 1,200 megawatts of electricity to Poland. " +
			"According to him, the company Ukrenergo signed an agreement with the operator PSE for five years. " +
			"Galushchenko added that prices in Europe rose by 37.4 percent.",
		"other.txt": "The city council of Leeds approved a new budget on Tuesday after a long debate about libraries and parks. " +
			"Councillors said the plan protects services for older residents and invests in cycling routes across the city.",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	ingested := func() store.Store {
		st, err := store.Open(ctx, filepath.Join(t.TempDir(), "test.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if _, err := Ingest(ctx, st, []string{dir}, IngestOptions{}, func(p read.Problem) { t.Errorf("problem: %v", p) }); err != nil {
			t.Fatal(err)
		}
		return st
	}
	st := ingested()
	if _, err := Analyze(ctx, st, AnalyzeOptions{Reuse: DefaultReuseOptions()}); err != nil {
		t.Fatal(err)
	}
	if rels, _ := st.Relations(ctx, store.RelationQuery{Kind: relate.Translation}); len(rels) != 0 {
		t.Fatalf("the search is off by default, yet %d translations were stored", len(rels))
	}
	// The same database, analysed before without the search: asking for
	// it now takes effect, though the corpus has not changed.
	opt := DefaultCrossLangOptions()
	opt.DictDir = t.TempDir() // no dictionaries: anchors alone
	res, err := Analyze(ctx, st, AnalyzeOptions{Reuse: DefaultReuseOptions(), CrossLang: opt})
	if err != nil {
		t.Fatal(err)
	}
	if res.CrossLang == nil || res.CrossLang.Documents != 3 {
		t.Fatalf("stats: %+v", res.CrossLang)
	}
	rels, err := st.Relations(ctx, store.RelationQuery{Kind: relate.Translation})
	if err != nil {
		t.Fatal(err)
	}
	if len(rels) != 1 {
		st.EachDocument(ctx, func(d doc.Document) error { t.Logf("%s: %s", d.ID, d.Lang); return nil })
		t.Fatalf("want one translation, got %+v (%+v)", rels, res.CrossLang)
	}
	r := rels[0]
	var uk, en string
	for _, d := range []string{r.A, r.B} {
		doc, err := st.Document(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		switch doc.Lang {
		case "uk":
			uk = d
		case "en":
			en = d
		}
	}
	if uk == "" || en == "" {
		t.Fatalf("the translation should join the Ukrainian and the English text: %+v", r)
	}
	ps, err := st.Passages(ctx, store.PassageQuery{Pair: [2]string{r.A, r.B}})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 3 {
		t.Errorf("want three aligned sentence pairs, got %d", len(ps))
	}

	// A later analysis that does not ask for the search again, as a
	// report after new documents came in, keeps finding translations.
	if err := os.WriteFile(filepath.Join(dir, "more.txt"), []byte("A second council meeting on Thursday discussed bus routes, school meals and the cost of repairing the old swimming pool."), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Ingest(ctx, st, []string{dir}, IngestOptions{}, func(p read.Problem) { t.Errorf("problem: %v", p) }); err != nil {
		t.Fatal(err)
	}
	if _, err := Analyze(ctx, st, AnalyzeOptions{Reuse: DefaultReuseOptions()}); err != nil {
		t.Fatal(err)
	}
	if rels, _ := st.Relations(ctx, store.RelationQuery{Kind: relate.Translation}); len(rels) != 1 {
		t.Errorf("after new documents, an analysis that did not ask for the search again has %d translations, want the one found before", len(rels))
	}
}
