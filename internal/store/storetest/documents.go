package storetest

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store"
)

// put stores documents and fails the test on any error.
func put(tb testing.TB, s store.Store, docs ...doc.Document) store.PutResult {
	tb.Helper()
	res, err := s.PutDocuments(context.Background(), docs)
	if err != nil {
		tb.Fatalf("put: %v", err)
	}
	return res
}

// ids lists the IDs of documents, in order.
func ids(docs []doc.Document) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.ID
	}
	return out
}

// eachIDs lists the IDs EachDocument visits, in order.
func eachIDs(tb testing.TB, s store.Store) []string {
	tb.Helper()
	var out []string
	if err := s.EachDocument(context.Background(), func(d doc.Document) error {
		out = append(out, d.ID)
		return nil
	}); err != nil {
		tb.Fatalf("each document: %v", err)
	}
	return out
}

func testRoundTrip(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	s := open(t, newDSN(t))
	text := "Café owners on Quay Street said the “new” ferry — finally — runs at 7 a.m.…\n\nComments (2)\nGreat news!"
	want := doc.Document{
		ID: "wire/2023/quay-ferry", Path: "in/wire.jsonl", Line: 12, Series: "wire", Title: "Quay ferry “returns”",
		Outlet: "Coastal Wire", Author: "R. Ålund", URL: "https://example.org/quay?ferry=1&x=ü", Lang: "en",
		Date: "2023-04-02T08:15:00+02:00", Text: text,
		Regions: []doc.Region{
			{Kind: doc.RegionHint, Begin: 0, End: 10, Note: "local"},
			{Kind: doc.RegionComment, Begin: strings.Index(text, "Comments"), End: len(text)},
		},
		Extra: map[string]any{"section": "transport", "page": 4.0, "tags": []any{"ferry", "quay"},
			"source": map[string]any{"agency": "CW", "verified": true}},
	}
	if res := put(t, s, want); res != (store.PutResult{Added: 1}) {
		t.Fatalf("put = %+v, want one added", res)
	}
	got, err := s.Document(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("document read back differs:\n got %#v\nwant %#v", got, want)
	}
	if _, err := s.Document(ctx, "no-such-id"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing document: err = %v, want ErrNotFound", err)
	}
	// A document with nothing but an id and text comes back the same,
	// with nil (not empty) regions and extra.
	bare := doc.Document{ID: "bare", Text: ""}
	put(t, s, bare)
	if got, err := s.Document(ctx, "bare"); err != nil || !reflect.DeepEqual(got, bare) {
		t.Errorf("bare document = %#v, %v; want %#v", got, err, bare)
	}
}

func testIdempotent(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	s := open(t, newDSN(t))
	docs := []doc.Document{
		{ID: "a", Title: "Mill fire", Text: "The old mill burned down on Sunday.", Date: "2022-05-01", Extra: map[string]any{"page": 3}},
		{ID: "b", Text: "Council approves bridge repairs.", Outlet: "Valley Courier"},
		{ID: "c", Text: "Quarry to close next spring.", Regions: []doc.Region{{Kind: doc.RegionCaption, Begin: 0, End: 6}}},
	}
	if res := put(t, s, docs...); res != (store.PutResult{Added: 3}) {
		t.Fatalf("first put = %+v, want 3 added", res)
	}
	if v := version(t, s); v != 3 {
		t.Fatalf("version after adding 3 = %d, want 3", v)
	}
	before := dump(t, s)
	if res := put(t, s, docs...); res != (store.PutResult{Unchanged: 3}) {
		t.Errorf("second put = %+v, want 3 unchanged", res)
	}
	if after := dump(t, s); after != before {
		t.Errorf("putting the same documents again changed the store:\nbefore %s\nafter  %s", before, after)
	}
	// A document read back from the store is the same document, even
	// where JSON turned an int into a float64.
	back, err := s.Document(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if res := put(t, s, back); res != (store.PutResult{Unchanged: 1}) {
		t.Errorf("putting a document read back = %+v, want unchanged", res)
	}

	changes := []struct {
		name   string
		change func(*doc.Document)
		check  func(doc.Document) bool
	}{
		{"text", func(d *doc.Document) { d.Text = "The old mill burned down on Saturday." }, func(d doc.Document) bool { return strings.Contains(d.Text, "Saturday") }},
		{"title", func(d *doc.Document) { d.Title = "Mill fire: update" }, func(d doc.Document) bool { return d.Title == "Mill fire: update" }},
		{"date", func(d *doc.Document) { d.Date = "2022-05-02" }, func(d doc.Document) bool { return d.Date == "2022-05-02" }},
		{"extra", func(d *doc.Document) { d.Extra = map[string]any{"page": 4} }, func(d doc.Document) bool { return d.Extra["page"] == 4.0 }},
		{"regions", func(d *doc.Document) { d.Regions = []doc.Region{{Kind: doc.RegionComment, Begin: 4, End: 8}} }, func(d doc.Document) bool { return len(d.Regions) == 1 }},
		{"path", func(d *doc.Document) { d.Path = "moved/a.txt" }, func(d doc.Document) bool { return d.Path == "moved/a.txt" }},
	}
	for _, c := range changes {
		cur, err := s.Document(ctx, "a")
		if err != nil {
			t.Fatal(err)
		}
		v0 := version(t, s)
		c.change(&cur)
		if res := put(t, s, cur); res != (store.PutResult{Updated: 1}) {
			t.Errorf("change %s: put = %+v, want one updated", c.name, res)
		}
		if v := version(t, s); v != v0+1 {
			t.Errorf("change %s: version %d -> %d, want +1", c.name, v0, v)
		}
		got, err := s.Document(ctx, "a")
		if err != nil || !c.check(got) {
			t.Errorf("change %s not stored: %#v, %v", c.name, got, err)
		}
	}
	if got := eachIDs(t, s); !reflect.DeepEqual(got, []string{"a", "b", "c"}) {
		t.Errorf("ingest order after updates = %v, want a b c (an update keeps its place)", got)
	}
}

func testSameIDInOneBatch(t *testing.T, newDSN NewDSN) {
	s := open(t, newDSN(t))
	v1 := doc.Document{ID: "x", Text: "first version"}
	v2 := doc.Document{ID: "x", Text: "second version"}
	res := put(t, s, v1, v2, v2)
	if res != (store.PutResult{Added: 1, Updated: 1, Unchanged: 1}) {
		t.Errorf("put = %+v, want added 1, updated 1, unchanged 1 (taken in order)", res)
	}
	got, err := s.Document(context.Background(), "x")
	if err != nil || got.Text != "second version" {
		t.Errorf("stored = %q, %v; want the last version", got.Text, err)
	}
	if n := count(t, s); n != 1 {
		t.Errorf("count = %d, want 1", n)
	}
	if v := version(t, s); v != 2 {
		t.Errorf("version = %d, want 2", v)
	}
}

func testRejected(t *testing.T, newDSN NewDSN) {
	s := open(t, newDSN(t))
	batch := []doc.Document{
		{ID: "ok-1", Text: "A fine text."},
		{ID: "", Path: "in/a.jsonl", Line: 3, Text: "no id"},
		{ID: "nul", Path: "in/a.jsonl", Line: 4, Text: "bad\x00byte"},
		{ID: "utf", Path: "in/b.txt", Text: "bad \xff byte"},
		{ID: "region", Path: "in/c.txt", Text: "short", Regions: []doc.Region{{Kind: doc.RegionComment, Begin: 2, End: 99}}},
		{ID: "ok-2", Text: "Another fine text."},
	}
	res, err := s.PutDocuments(context.Background(), batch)
	var rej *store.RejectedError
	if !errors.As(err, &rej) {
		t.Fatalf("err = %v, want a *store.RejectedError", err)
	}
	if res != (store.PutResult{Added: 2}) {
		t.Errorf("result = %+v, want the 2 good documents added", res)
	}
	if len(rej.Rejected) != 4 {
		t.Fatalf("rejected %d documents, want 4: %v", len(rej.Rejected), err)
	}
	for _, want := range []string{"in/a.jsonl:3", "in/a.jsonl:4", "in/b.txt", "in/c.txt"} {
		found := false
		for _, r := range rej.Rejected {
			found = found || strings.HasPrefix(r.Error(), want+":")
		}
		if !found {
			t.Errorf("no rejection names %s: %v", want, rej.Rejected)
		}
	}
	if got := eachIDs(t, s); !reflect.DeepEqual(got, []string{"ok-1", "ok-2"}) {
		t.Errorf("stored %v, want ok-1 ok-2", got)
	}
	// A batch of nothing but bad documents stores nothing and says why.
	res, err = s.PutDocuments(context.Background(), batch[1:3])
	if !errors.As(err, &rej) || res != (store.PutResult{}) {
		t.Errorf("all-bad batch: %+v, %v", res, err)
	}
}

func testQuery(t *testing.T, newDSN NewDSN) {
	s := open(t, newDSN(t))
	put(t, s,
		doc.Document{ID: "d1", Outlet: "A", Lang: "en", Date: "2020-01-05", Text: "one"},
		doc.Document{ID: "d2", Outlet: "B", Lang: "de", Date: "2020-03-01", Text: "two"},
		doc.Document{ID: "d3", Outlet: "A", Lang: "en", Text: "three, undated"},
		// Late on the 31st two hours west of UTC is already the 1st in UTC.
		doc.Document{ID: "d4", Outlet: "A", Lang: "fr", Date: "2019-12-31T23:30:00-02:00", Text: "four"},
	)
	put(t, s, doc.Document{ID: "d5", Outlet: "B", Lang: "en", Date: "2020-01-05", Text: "five, same day as d1"})
	day := func(s string) time.Time {
		t, _ := time.Parse("2006-01-02", s)
		return t
	}
	tests := []struct {
		name string
		q    store.DocQuery
		want []string
	}{
		{"all: by date, then ingest order, undated last", store.DocQuery{}, []string{"d4", "d1", "d5", "d2", "d3"}},
		{"outlet", store.DocQuery{Outlet: "A"}, []string{"d4", "d1", "d3"}},
		{"lang", store.DocQuery{Lang: "en"}, []string{"d1", "d5", "d3"}},
		{"outlet and lang", store.DocQuery{Outlet: "A", Lang: "en"}, []string{"d1", "d3"}},
		{"from leaves out undated", store.DocQuery{From: day("2020-01-02")}, []string{"d1", "d5", "d2"}},
		{"to is exclusive", store.DocQuery{To: day("2020-01-05")}, []string{"d4"}},
		{"from and to", store.DocQuery{From: day("2020-01-01"), To: day("2020-02-01")}, []string{"d4", "d1", "d5"}},
		{"ids", store.DocQuery{IDs: []string{"d3", "d1", "missing"}}, []string{"d1", "d3"}},
		{"limit", store.DocQuery{Limit: 2}, []string{"d4", "d1"}},
		{"limit and offset", store.DocQuery{Limit: 2, Offset: 2}, []string{"d5", "d2"}},
		{"offset only", store.DocQuery{Offset: 4}, []string{"d3"}},
		{"nothing matches", store.DocQuery{Outlet: "C"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Documents(context.Background(), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if g := ids(got); !reflect.DeepEqual(g, tc.want) && !(len(g) == 0 && len(tc.want) == 0) {
				t.Errorf("got %v, want %v", g, tc.want)
			}
		})
	}
}

func testSearch(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	s := open(t, newDSN(t))
	put(t, s,
		doc.Document{ID: "s1", Outlet: "A", Title: "Lantern festival returns", Text: "The harbour council approved the lantern festival on Tuesday."},
		doc.Document{ID: "s2", Outlet: "B", Text: "Ferry timetables change; the COUNCIL says winter service ends early."},
		doc.Document{ID: "s3", Outlet: "A", Title: "Growers' meeting", Text: "Orchard owners met at the old granary."},
		doc.Document{ID: "s5", Text: "The Café Österreich reopened; its crème brûlée is back."},
	)
	tests := []struct {
		query string
		q     store.DocQuery
		want  []string
	}{
		{query: "council", want: []string{"s1", "s2"}},
		{query: "Council", want: []string{"s1", "s2"}},
		{query: "lantern festival", want: []string{"s1"}},
		{query: "growers", want: []string{"s3"}}, // title only
		{query: "council ferry", want: []string{"s2"}},
		{query: "council", q: store.DocQuery{Outlet: "B"}, want: []string{"s2"}},
		{query: "zeppelin", want: nil},
		// Case and diacritics do not count, in any script's letters.
		{query: "cafe", want: []string{"s5"}},
		{query: "CAFÉ österreich", want: []string{"s5"}},
		{query: "creme brulee", want: []string{"s5"}},
		{query: "council zeppelin", want: nil},
		// Query syntax of the engines is not exposed: operators and
		// quotes are separators, so these are plain words.
		{query: `granary" OR "ferry`, want: nil},
		{query: "council*", want: []string{"s1", "s2"}},
		{query: "-council", want: []string{"s1", "s2"}},
		{query: `(council) AND ferry:`, want: nil}, // "AND" is a word here
		{query: `(council) ferry:^`, want: []string{"s2"}},
		{query: `"`, want: nil},
	}
	for _, tc := range tests {
		q := tc.q
		q.Text = tc.query
		got, err := s.Documents(ctx, q)
		if err != nil {
			t.Errorf("search %q: %v", tc.query, err)
			continue
		}
		if g := ids(got); !reflect.DeepEqual(g, tc.want) && !(len(g) == 0 && len(tc.want) == 0) {
			t.Errorf("search %q = %v, want %v", tc.query, g, tc.want)
		}
	}
	// The index follows updates.
	put(t, s, doc.Document{ID: "s3", Outlet: "A", Title: "Growers' meeting", Text: "Orchard owners met at the chapel."})
	// One batch that first repeats a stored document unchanged and then
	// changes it, and that adds a document and changes it again.
	s2 := doc.Document{ID: "s2", Outlet: "B", Text: "Ferry timetables change; the COUNCIL says winter service ends early."}
	s2b := s2
	s2b.Text = "Ferry timetables change; the council says summer service starts late."
	s4 := doc.Document{ID: "s4", Text: "The foundry reopens."}
	s4b := doc.Document{ID: "s4", Text: "The tannery reopens."}
	if res := put(t, s, s2, s4, s2b, s4b); res != (store.PutResult{Added: 1, Updated: 2, Unchanged: 1}) {
		t.Errorf("mixed batch = %+v, want added 1, updated 2, unchanged 1", res)
	}
	for query, want := range map[string][]string{
		"granary": nil, "chapel": {"s3"}, "winter": nil, "summer": {"s2"}, "foundry": nil, "tannery": {"s4"},
		"reopens": {"s4"}, "ferry": {"s2"},
	} {
		got, err := s.Documents(ctx, store.DocQuery{Text: query})
		if err != nil {
			t.Fatal(err)
		}
		if g := ids(got); !reflect.DeepEqual(g, want) && !(len(g) == 0 && len(want) == 0) {
			t.Errorf("after update, search %q = %v, want %v", query, g, want)
		}
	}
}

func testPaging(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	s := open(t, newDSN(t))
	put(t, s, generatedRange(0, 30, 200)...)
	all, err := s.Documents(ctx, store.DocQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 30 {
		t.Fatalf("all = %d documents, want 30", len(all))
	}
	var paged []string
	after := ""
	for page := 0; page < 10; page++ {
		got, err := s.Documents(ctx, store.DocQuery{Limit: 7, After: after})
		if err != nil {
			t.Fatal(err)
		}
		paged = append(paged, ids(got)...)
		if len(got) < 7 {
			break
		}
		after = got[len(got)-1].ID
	}
	if !reflect.DeepEqual(paged, ids(all)) {
		t.Errorf("pages by After = %v\nwant %v", paged, ids(all))
	}
	if _, err := s.Documents(ctx, store.DocQuery{After: "no-such-id"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("After an unknown id: err = %v, want ErrNotFound", err)
	}
	// Desc pages the same documents newest first.
	var back []string
	after = ""
	for page := 0; page < 10; page++ {
		got, err := s.Documents(ctx, store.DocQuery{Limit: 7, After: after, Desc: true})
		if err != nil {
			t.Fatal(err)
		}
		back = append(back, ids(got)...)
		if len(got) < 7 {
			break
		}
		after = got[len(got)-1].ID
	}
	want := ids(all)
	slices.Reverse(want)
	if !reflect.DeepEqual(back, want) {
		t.Errorf("pages by After, Desc = %v\nwant %v", back, want)
	}
}

func testEachDocument(t *testing.T, newDSN NewDSN) {
	s := open(t, newDSN(t))
	// More than one page, in several batches, undated and dated mixed: the
	// walk follows ingest order, not date order.
	const n = 600
	for from := 0; from < n; from += 250 {
		put(t, s, generatedRange(from, min(from+250, n), 100)...)
	}
	changed := generated(5, 100)
	changed.Text += " Corrected."
	put(t, s, changed)
	got := eachIDs(t, s)
	want := ids(generatedRange(0, n, 0))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("EachDocument visited %d documents, not the %d in ingest order", len(got), len(want))
	}
	if c := count(t, s); c != n {
		t.Errorf("count = %d, want %d", c, n)
	}
	stop := errors.New("stop")
	calls := 0
	err := s.EachDocument(context.Background(), func(doc.Document) error {
		calls++
		if calls == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 10 {
		t.Errorf("EachDocument after fn failed: err %v, %d calls; want stop after 10", err, calls)
	}
}

func testReopen(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	dsn := newDSN(t)
	s, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, generatedRange(0, 20, 300)...)
	passages, relations, chains := reuseFixture()
	if ok, err := s.ReplaceReuse(ctx, 20, passages, relations, chains); err != nil || !ok {
		t.Fatalf("replace reuse: %v, %v", ok, err)
	}
	before := dump(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Opening applies the schema again, which must change nothing.
	for i := 0; i < 2; i++ {
		s2, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatalf("reopen %d: %v", i, err)
		}
		if after := dump(t, s2); after != before {
			t.Errorf("reopen %d: store differs", i)
		}
		s2.Close()
	}
}
