package storetest

import (
	"context"
	"fmt"
	"reflect"
	"sync"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/extract"
	"github.com/echotrace/echotrace/internal/store"
)

// Quotes checks the QuoteStore topic of a backend: occurrences and
// entity mentions round-trip with every field (unknown speakers and cues
// stay unknown), come back ordered by document (byte order, whatever the
// database's locale) and position, queries select and page, only a newer
// analysis replaces the stored one, concurrent replacements leave one
// whole analysis, and the results survive reopening.
func Quotes(t *testing.T, newDSN NewDSN) {
	t.Run("RoundTrip", func(t *testing.T) { testQuotesRoundTrip(t, newDSN) })
	t.Run("Queries", func(t *testing.T) { testQuotesQueries(t, newDSN) })
	t.Run("Versions", func(t *testing.T) { testQuotesVersions(t, newDSN) })
	t.Run("ConcurrentReplace", func(t *testing.T) { testQuotesConcurrentReplace(t, newDSN) })
	t.Run("Many", func(t *testing.T) { testQuotesMany(t, newDSN) })
}

// quoteStore opens a fresh store's quote topic, skipping the test when
// the backend has none.
func quoteStore(t *testing.T, dsn string) store.QuoteStore {
	t.Helper()
	qs, ok := open(t, dsn).(store.QuoteStore)
	if !ok {
		t.Skip("backend does not implement store.QuoteStore")
	}
	return qs
}

// quoteFixture is an invented analysis of three documents. Their ids sort
// differently by bytes ("Z…" before "a…") than in most locales, and the
// results are given out of document order, so the stored order is the
// store's doing.
func quoteFixture() ([]extract.Result, []extract.Quote) {
	said := extract.Occurrence{Doc: "a-harbour", Kind: extract.KindQuote, Begin: 40, End: 75,
		Parts: []doc.Span{{Begin: 40, End: 55}, {Begin: 62, End: 75}},
		Text:  "the pier will reopen in spring", Speaker: "Mira Olsen", SpeakerType: extract.Person,
		SpeakerSpan: &doc.Span{Begin: 80, End: 90}, SpeakerText: "Mira Olsen",
		Cue: "said", CueSpan: &doc.Span{Begin: 91, End: 95}, Quote: "q-pier"}
	// The same quote in another document, cut, with the speaker named by
	// a pronoun and the cue before it.
	repeated := extract.Occurrence{Doc: "Zeta-7", Kind: extract.KindQuote, Begin: 12, End: 30,
		Parts: []doc.Span{{Begin: 12, End: 30}}, Text: "pier will reopen", Speaker: "Mira Olsen",
		SpeakerType: extract.Person, SpeakerSpan: &doc.Span{Begin: 0, End: 3}, SpeakerText: "She",
		Cue: "told", CueSpan: &doc.Span{Begin: 4, End: 8}, Quote: "q-pier"}
	term := extract.Occurrence{Doc: "a-harbour", Kind: extract.KindTerm, Begin: 5, End: 13,
		Parts: []doc.Span{{Begin: 5, End: 13}}, Text: "«reform»", Quote: "q-reform"}
	// A quotation nobody is named for, with no closing mark, in a text
	// with characters COPY and JSON must carry unchanged.
	unclosed := extract.Occurrence{Doc: "ärztin", Kind: extract.KindQuote, Begin: 3, End: 120,
		Parts: []doc.Span{{Begin: 3, End: 60}, {Begin: 61, End: 120}},
		Text:  "tab\there, \"quoted\", back\\slash, ünïcödé", Unclosed: true, Quote: "q-open"}
	claim := extract.Occurrence{Doc: "Zeta-7", Kind: extract.KindClaim, Begin: 50, End: 90,
		Parts: []doc.Span{{Begin: 50, End: 90}}, Text: "the tolls rose twice", Speaker: "Harbour Board",
		SpeakerType: extract.Org, SpeakerSpan: &doc.Span{Begin: 36, End: 49}, SpeakerText: "Harbour Board",
		Cue: "according to", CueSpan: &doc.Span{Begin: 23, End: 35}, Quote: "q-tolls"}
	quotes := []extract.Quote{
		{ID: "q-pier", Kind: extract.KindQuote, Speaker: "Mira Olsen", Occurrences: []extract.Occurrence{said, repeated}},
		{ID: "q-empty", Kind: extract.KindQuote},
		{ID: "q-reform", Kind: extract.KindTerm, Occurrences: []extract.Occurrence{term}},
		{ID: "q-open", Kind: extract.KindQuote, Occurrences: []extract.Occurrence{unclosed}},
		{ID: "q-tolls", Kind: extract.KindClaim, Speaker: "Harbour Board", Occurrences: []extract.Occurrence{claim}},
	}
	olsen := func(mentions ...extract.Mention) extract.Entity {
		return extract.Entity{ID: "person/olsen mira", Name: "Mira Olsen", Type: extract.Person, Mentions: mentions}
	}
	results := []extract.Result{
		{Doc: "a-harbour", Outlet: "Coast Herald", Quotes: []extract.Occurrence{term, said}, Entities: []extract.Entity{
			olsen(extract.Mention{Span: doc.Span{Begin: 80, End: 90}, Text: "Mira Olsen"}),
			{ID: "place/kolvik", Name: "Kolvik", Type: extract.Place, Mentions: []extract.Mention{
				{Span: doc.Span{Begin: 20, End: 26}, Text: "Kolvik"}, {Span: doc.Span{Begin: 100, End: 107}, Text: "Kolvika"}}},
		}},
		{Doc: "ärztin", Quotes: []extract.Occurrence{unclosed}, Entities: []extract.Entity{
			{ID: "org/empty", Name: "No Mentions Ltd", Type: extract.Org},
		}},
		{Doc: "Zeta-7", Outlet: "Ferry News", Quotes: []extract.Occurrence{repeated}, Claims: []extract.Occurrence{claim},
			Entities: []extract.Entity{
				olsen(extract.Mention{Span: doc.Span{Begin: 0, End: 3}, Text: "She", Reference: true}),
				{ID: "org/harbour board", Name: "Harbour Board", Type: extract.Org, Mentions: []extract.Mention{
					{Span: doc.Span{Begin: 36, End: 49}, Text: "Harbour Board"}}},
			}},
	}
	return results, quotes
}

// wantOccurrences are the fixture's occurrences as the store must return
// them: by document in byte order, then by position.
func wantOccurrences(results []extract.Result, quotes []extract.Quote) []store.OccurrenceRow {
	outlet := map[string]string{}
	for _, r := range results {
		outlet[r.Doc] = r.Outlet
	}
	byKey := map[string]extract.Occurrence{}
	for _, q := range quotes {
		for _, o := range q.Occurrences {
			byKey[fmt.Sprintf("%s@%d", o.Doc, o.Begin)] = o
		}
	}
	var out []store.OccurrenceRow
	for _, key := range []string{"Zeta-7@12", "Zeta-7@50", "a-harbour@5", "a-harbour@40", "ärztin@3"} {
		o, ok := byKey[key]
		if !ok {
			panic("quote fixture has no occurrence " + key)
		}
		out = append(out, store.OccurrenceRow{Occurrence: o, Outlet: outlet[o.Doc]})
	}
	return out
}

// wantMentions are the fixture's mentions as the store must return them.
func wantMentions() []store.EntityMention {
	return []store.EntityMention{
		{Doc: "Zeta-7", Outlet: "Ferry News", Entity: "person/olsen mira", Name: "Mira Olsen", Type: extract.Person, Begin: 0, End: 3, Text: "She", Reference: true},
		{Doc: "Zeta-7", Outlet: "Ferry News", Entity: "org/harbour board", Name: "Harbour Board", Type: extract.Org, Begin: 36, End: 49, Text: "Harbour Board"},
		{Doc: "a-harbour", Outlet: "Coast Herald", Entity: "place/kolvik", Name: "Kolvik", Type: extract.Place, Begin: 20, End: 26, Text: "Kolvik"},
		{Doc: "a-harbour", Outlet: "Coast Herald", Entity: "person/olsen mira", Name: "Mira Olsen", Type: extract.Person, Begin: 80, End: 90, Text: "Mira Olsen"},
		{Doc: "a-harbour", Outlet: "Coast Herald", Entity: "place/kolvik", Name: "Kolvik", Type: extract.Place, Begin: 100, End: 107, Text: "Kolvika"},
	}
}

func testQuotesRoundTrip(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	dsn := newDSN(t)
	qs := quoteStore(t, dsn)
	if v, err := qs.QuotesVersion(ctx); err != nil || v != 0 {
		t.Fatalf("empty store: QuotesVersion = %d, %v; want 0", v, err)
	}
	if got, err := qs.Occurrences(ctx, store.OccurrenceQuery{}); err != nil || len(got) != 0 {
		t.Fatalf("empty store: Occurrences = %+v, %v", got, err)
	}
	if got, err := qs.EntityMentions(ctx, store.EntityQuery{}); err != nil || len(got) != 0 {
		t.Fatalf("empty store: EntityMentions = %+v, %v", got, err)
	}
	results, quotes := quoteFixture()
	if ok, err := qs.ReplaceQuotes(ctx, 4, results, quotes); err != nil || !ok {
		t.Fatalf("ReplaceQuotes = %v, %v", ok, err)
	}
	wantOccs, wantMents := wantOccurrences(results, quotes), wantMentions()
	check := func(t *testing.T, qs store.QuoteStore) {
		t.Helper()
		occs, err := qs.Occurrences(ctx, store.OccurrenceQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(occs, wantOccs) {
			t.Errorf("Occurrences:\n got %+v\nwant %+v", occs, wantOccs)
		}
		ments, err := qs.EntityMentions(ctx, store.EntityQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(ments, wantMents) {
			t.Errorf("EntityMentions:\n got %+v\nwant %+v", ments, wantMents)
		}
		if v, err := qs.QuotesVersion(ctx); err != nil || v != 4 {
			t.Errorf("QuotesVersion = %d, %v; want 4", v, err)
		}
	}
	check(t, qs)
	t.Run("Reopen", func(t *testing.T) { check(t, quoteStore(t, dsn)) })
}

func testQuotesQueries(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	qs := quoteStore(t, newDSN(t))
	results, quotes := quoteFixture()
	if _, err := qs.ReplaceQuotes(ctx, 1, results, quotes); err != nil {
		t.Fatal(err)
	}
	occurrences := []struct {
		name string
		q    store.OccurrenceQuery
		want []string // doc@begin
	}{
		{"all", store.OccurrenceQuery{}, []string{"Zeta-7@12", "Zeta-7@50", "a-harbour@5", "a-harbour@40", "ärztin@3"}},
		{"by document", store.OccurrenceQuery{Doc: "a-harbour"}, []string{"a-harbour@5", "a-harbour@40"}},
		{"by document, non-ASCII id", store.OccurrenceQuery{Doc: "ärztin"}, []string{"ärztin@3"}},
		{"unknown document", store.OccurrenceQuery{Doc: "zz"}, nil},
		{"by quote", store.OccurrenceQuery{Quote: "q-pier"}, []string{"Zeta-7@12", "a-harbour@40"}},
		{"by speaker", store.OccurrenceQuery{Speaker: "Harbour Board"}, []string{"Zeta-7@50"}},
		{"by kind", store.OccurrenceQuery{Kind: extract.KindTerm}, []string{"a-harbour@5"}},
		{"speaker and document", store.OccurrenceQuery{Speaker: "Mira Olsen", Doc: "Zeta-7"}, []string{"Zeta-7@12"}},
		{"speaker and wrong kind", store.OccurrenceQuery{Speaker: "Mira Olsen", Kind: extract.KindClaim}, nil},
		{"limit", store.OccurrenceQuery{Limit: 2}, []string{"Zeta-7@12", "Zeta-7@50"}},
		{"page", store.OccurrenceQuery{Limit: 2, Offset: 2}, []string{"a-harbour@5", "a-harbour@40"}},
		{"offset alone", store.OccurrenceQuery{Offset: 4}, []string{"ärztin@3"}},
		{"offset past the end", store.OccurrenceQuery{Offset: 9}, nil},
		{"a page of documents", store.OccurrenceQuery{Docs: []string{"ärztin", "Zeta-7", "zz"}}, []string{"Zeta-7@12", "Zeta-7@50", "ärztin@3"}},
		{"quotes another document carries too", store.OccurrenceQuery{Shared: true}, []string{"Zeta-7@12", "a-harbour@40"}},
		{"shared, in a page of documents", store.OccurrenceQuery{Docs: []string{"a-harbour", "ärztin"}, Shared: true}, []string{"a-harbour@40"}},
	}
	for _, tt := range occurrences {
		t.Run("occurrences "+tt.name, func(t *testing.T) {
			got, err := qs.Occurrences(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, o := range got {
				keys = append(keys, fmt.Sprintf("%s@%d", o.Doc, o.Begin))
			}
			if !reflect.DeepEqual(keys, tt.want) {
				t.Errorf("got %v, want %v", keys, tt.want)
			}
		})
	}
	mentions := []struct {
		name string
		q    store.EntityQuery
		want []string // doc@begin
	}{
		{"all", store.EntityQuery{}, []string{"Zeta-7@0", "Zeta-7@36", "a-harbour@20", "a-harbour@80", "a-harbour@100"}},
		{"by document", store.EntityQuery{Doc: "Zeta-7"}, []string{"Zeta-7@0", "Zeta-7@36"}},
		{"entity without mentions", store.EntityQuery{Entity: "org/empty"}, nil},
		{"by entity", store.EntityQuery{Entity: "person/olsen mira"}, []string{"Zeta-7@0", "a-harbour@80"}},
		{"by type", store.EntityQuery{Type: extract.Place}, []string{"a-harbour@20", "a-harbour@100"}},
		{"type and document", store.EntityQuery{Type: extract.Org, Doc: "a-harbour"}, nil},
		{"page", store.EntityQuery{Limit: 2, Offset: 1}, []string{"Zeta-7@36", "a-harbour@20"}},
		{"a page of documents", store.EntityQuery{Docs: []string{"ärztin", "Zeta-7"}}, []string{"Zeta-7@0", "Zeta-7@36"}},
	}
	for _, tt := range mentions {
		t.Run("mentions "+tt.name, func(t *testing.T) {
			got, err := qs.EntityMentions(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, m := range got {
				keys = append(keys, fmt.Sprintf("%s@%d", m.Doc, m.Begin))
			}
			if !reflect.DeepEqual(keys, tt.want) {
				t.Errorf("got %v, want %v", keys, tt.want)
			}
		})
	}
	t.Run("documents per quote", func(t *testing.T) {
		// q-pier is in two documents, q-reform in one; a quote without
		// occurrences and an unknown id are left out.
		got, err := qs.QuoteDocuments(ctx, []string{"q-pier", "q-reform", "q-empty", "no-such-quote"})
		if err != nil {
			t.Fatal(err)
		}
		if want := map[string]int64{"q-pier": 2, "q-reform": 1}; !reflect.DeepEqual(got, want) {
			t.Errorf("QuoteDocuments = %v, want %v", got, want)
		}
		if got, err := qs.QuoteDocuments(ctx, nil); err != nil || len(got) != 0 {
			t.Errorf("QuoteDocuments(nil) = %v, %v; want none", got, err)
		}
	})
}

func testQuotesVersions(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	qs := quoteStore(t, newDSN(t))
	results, quotes := quoteFixture()
	if ok, err := qs.ReplaceQuotes(ctx, 5, results, quotes); err != nil || !ok {
		t.Fatalf("ReplaceQuotes(5) = %v, %v", ok, err)
	}
	for _, v := range []int64{4, 5} {
		if ok, err := qs.ReplaceQuotes(ctx, v, nil, nil); err != nil || ok {
			t.Fatalf("ReplaceQuotes(%d) over version 5 = %v, %v; want false, nil", v, ok, err)
		}
	}
	if got, _ := qs.Occurrences(ctx, store.OccurrenceQuery{}); len(got) != 5 {
		t.Fatalf("an older analysis changed the stored one: %d occurrences, want 5", len(got))
	}
	// A newer analysis replaces everything, also with nothing.
	later := []extract.Result{{Doc: "b", Outlet: "x", Entities: []extract.Entity{
		{ID: "place/vesterby", Name: "Vesterby", Type: extract.Place, Mentions: []extract.Mention{{Span: doc.Span{Begin: 1, End: 9}, Text: "Vesterby"}}},
	}}}
	if ok, err := qs.ReplaceQuotes(ctx, 6, later, nil); err != nil || !ok {
		t.Fatalf("ReplaceQuotes(6) = %v, %v", ok, err)
	}
	if got, err := qs.Occurrences(ctx, store.OccurrenceQuery{}); err != nil || len(got) != 0 {
		t.Errorf("after a newer analysis without quotes: %d occurrences, %v; want 0", len(got), err)
	}
	if got, err := qs.EntityMentions(ctx, store.EntityQuery{}); err != nil || len(got) != 1 || got[0].Entity != "place/vesterby" {
		t.Errorf("after a newer analysis: mentions %+v, %v; want only Vesterby", got, err)
	}
	if v, err := qs.QuotesVersion(ctx); err != nil || v != 6 {
		t.Errorf("QuotesVersion = %d, %v; want 6", v, err)
	}
}

// testQuotesConcurrentReplace replaces from several goroutines at once,
// each analysis with its own number of mentions: the newest must win
// whole, whatever order they ran in.
func testQuotesConcurrentReplace(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	qs := quoteStore(t, newDSN(t))
	const writers = 6
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := 1; w <= writers; w++ {
		wg.Add(1)
		go func(version int) {
			defer wg.Done()
			ent := extract.Entity{ID: fmt.Sprintf("org/v%d", version), Name: "V", Type: extract.Org}
			for i := 0; i < version*10; i++ {
				ent.Mentions = append(ent.Mentions, extract.Mention{Span: doc.Span{Begin: i * 4, End: i*4 + 3}, Text: "V"})
			}
			occ := extract.Occurrence{Doc: "d", Kind: extract.KindTerm, Begin: 1, End: 2, Text: "v", Quote: ent.ID}
			_, err := qs.ReplaceQuotes(ctx, int64(version), []extract.Result{{Doc: "d", Entities: []extract.Entity{ent}}},
				[]extract.Quote{{ID: ent.ID, Kind: extract.KindTerm, Occurrences: []extract.Occurrence{occ}}})
			errs <- err
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if v, err := qs.QuotesVersion(ctx); err != nil || v != writers {
		t.Fatalf("QuotesVersion = %d, %v; want %d", v, err, writers)
	}
	ments, err := qs.EntityMentions(ctx, store.EntityQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ments) != writers*10 {
		t.Errorf("%d mentions, want the newest analysis's %d", len(ments), writers*10)
	}
	want := fmt.Sprintf("org/v%d", writers)
	for _, m := range ments {
		if m.Entity != want {
			t.Fatalf("mention of %s stored beside the newest analysis's %s", m.Entity, want)
		}
	}
	occs, err := qs.Occurrences(ctx, store.OccurrenceQuery{})
	if err != nil || len(occs) != 1 || occs[0].Quote != want {
		t.Errorf("occurrences %+v, %v; want one of %s", occs, err, want)
	}
}

// testQuotesMany stores an analysis large enough to need batching, and
// checks nothing is lost or reordered.
func testQuotesMany(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	qs := quoteStore(t, newDSN(t))
	const docs, perDoc = 40, 60
	var results []extract.Result
	var quotes []extract.Quote
	for d := 0; d < docs; d++ {
		id := fmt.Sprintf("doc%03d", d)
		ent := extract.Entity{ID: "person/p", Name: "P", Type: extract.Person}
		for i := 0; i < perDoc; i++ {
			ent.Mentions = append(ent.Mentions, extract.Mention{Span: doc.Span{Begin: i * 10, End: i*10 + 1}, Text: "P"})
			speaker := &doc.Span{Begin: i * 10, End: i*10 + 1}
			quotes = append(quotes, extract.Quote{ID: fmt.Sprintf("q%d", i), Kind: extract.KindQuote, Occurrences: []extract.Occurrence{{
				Doc: id, Kind: extract.KindQuote, Begin: i*10 + 2, End: i*10 + 9, Parts: []doc.Span{{Begin: i*10 + 2, End: i*10 + 9}},
				Text: fmt.Sprintf("line %d", i), Speaker: "P", SpeakerType: extract.Person, SpeakerSpan: speaker, SpeakerText: "P",
				Quote: fmt.Sprintf("q%d", i)}}})
		}
		results = append(results, extract.Result{Doc: id, Outlet: fmt.Sprintf("o%d", d%3), Entities: []extract.Entity{ent}})
	}
	if ok, err := qs.ReplaceQuotes(ctx, 1, results, quotes); err != nil || !ok {
		t.Fatalf("ReplaceQuotes = %v, %v", ok, err)
	}
	occs, err := qs.Occurrences(ctx, store.OccurrenceQuery{})
	if err != nil {
		t.Fatal(err)
	}
	ments, err := qs.EntityMentions(ctx, store.EntityQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(occs) != docs*perDoc || len(ments) != docs*perDoc {
		t.Fatalf("%d occurrences and %d mentions, want %d each", len(occs), len(ments), docs*perDoc)
	}
	for i, o := range occs {
		d, k := i/perDoc, i%perDoc
		if o.Doc != fmt.Sprintf("doc%03d", d) || o.Begin != k*10+2 || o.Outlet != fmt.Sprintf("o%d", d%3) {
			t.Fatalf("occurrence %d is %s@%d (%s), want doc%03d@%d", i, o.Doc, o.Begin, o.Outlet, d, k*10+2)
		}
		m := ments[i]
		if m.Doc != o.Doc || m.Begin != k*10 {
			t.Fatalf("mention %d is %s@%d, want %s@%d", i, m.Doc, m.Begin, o.Doc, k*10)
		}
	}
}
