package server

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

// TestComparePageShowsATranslation: the side-by-side page of a translated
// pair shows both languages, each sentence pair as written (no word
// differences marked, which would mark every word), and the share of
// evidence; the API lists the relation by its kind.
func TestComparePageShowsATranslation(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ru := doc.Document{ID: "ru1", Lang: "ru", Title: "Визит", Text: "Песков заявил о визите. Переговоры продолжатся."}
	en := doc.Document{ID: "en1", Lang: "en", Title: "Visit", Text: "Peskov spoke of the visit. Talks will go on."}
	if _, err := st.PutDocuments(ctx, []doc.Document{ru, en}); err != nil {
		t.Fatal(err)
	}
	ps := []relate.Passage{
		{A: relate.End{Doc: "en1", Begin: 0, End: 26}, B: relate.End{Doc: "ru1", Begin: 0, End: 42}, Tokens: 5, Identity: 0.4},
		{A: relate.End{Doc: "en1", Begin: 27, End: 44}, B: relate.End{Doc: "ru1", Begin: 43, End: len(ru.Text)}, Tokens: 2, Identity: 0.25},
	}
	rel := relate.Relation{A: "en1", B: "ru1", Kind: relate.Translation, CoverageA: 1, CoverageB: 1, Passages: 2,
		Direction: relate.Undetermined, Reason: "en1 (en) and ru1 (ru) are translations of each other"}
	version, err := st.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := st.ReplaceReuse(ctx, version, ps, []relate.Relation{rel}, nil); err != nil || !ok {
		t.Fatalf("storing: %v %v", ok, err)
	}
	f := serveStore(t, st, Options{})
	code, body, _ := f.get(t, "/compare?a=en1&b=ru1")
	page := string(body)
	if code != 200 {
		t.Fatalf("status %d: %s", code, page)
	}
	for _, want := range []string{"kind-translation", ">ru<", ">en<", "40% of the names, numbers and words", "Песков заявил о визите."} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(page, "<mark") {
		t.Error("words of a translation are marked as differences")
	}
	v := f.getJSON(t, "/api/pairs?kind=translation")
	if items, _ := v["items"].([]any); len(items) != 1 {
		t.Errorf("/api/pairs?kind=translation: %v", v)
	}
}
