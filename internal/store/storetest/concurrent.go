package storetest

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"sync"
	"testing"

	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

// testConcurrentPut has several writers, each with a store of its own as a
// separate process would, put overlapping sets of documents at once, in
// different orders. Afterwards every document is there exactly once, each
// was counted as added by exactly one writer, and the corpus version
// counted every addition.
func testConcurrentPut(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	dsn := newDSN(t)
	open(t, dsn) // create the schema before the writers race
	const writers, span, stride, batch = 4, 150, 50, 25
	total := (writers-1)*stride + span
	var wg sync.WaitGroup
	results := make([]store.PutResult, writers)
	errs := make([]error, writers)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			s, err := store.Open(ctx, dsn)
			if err != nil {
				errs[w] = err
				return
			}
			defer s.Close()
			docs := generatedRange(w*stride, w*stride+span, 300)
			if w%2 == 1 { // half the writers go backwards
				for i, j := 0, len(docs)-1; i < j; i, j = i+1, j-1 {
					docs[i], docs[j] = docs[j], docs[i]
				}
			}
			for from := 0; from < len(docs); from += batch {
				res, err := s.PutDocuments(ctx, docs[from:min(from+batch, len(docs))])
				if err != nil {
					errs[w] = fmt.Errorf("writer %d: %w", w, err)
					return
				}
				results[w].Added += res.Added
				results[w].Updated += res.Updated
				results[w].Unchanged += res.Unchanged
			}
		}(w)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	s := open(t, dsn)
	var added, updated, seen int
	for _, r := range results {
		added, updated, seen = added+r.Added, updated+r.Updated, seen+r.Added+r.Updated+r.Unchanged
	}
	if added != total || updated != 0 || seen != writers*span {
		t.Errorf("writers added %d, updated %d, saw %d; want %d, 0, %d", added, updated, seen, total, writers*span)
	}
	got := eachIDs(t, s)
	sort.Strings(got)
	if want := ids(generatedRange(0, total, 0)); !reflect.DeepEqual(got, want) {
		t.Errorf("stored %d documents (%d distinct wanted), not each exactly once", len(got), total)
	}
	if v := version(t, s); v != int64(total) {
		t.Errorf("corpus version = %d, want %d", v, total)
	}
	for _, i := range []int{0, total / 2, total - 1} {
		want := generated(i, 300)
		d, err := s.Document(ctx, want.ID)
		if err != nil || d.Text != want.Text {
			t.Errorf("document %s: %v, text stored right: %v", want.ID, err, d.Text == want.Text)
		}
	}
}

// testConcurrentReplaceReuse races analyses of several corpus versions; the
// newest must win whatever the order they finish in.
func testConcurrentReplaceReuse(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	dsn := newDSN(t)
	s := open(t, dsn)
	const newest = 8
	var wg sync.WaitGroup
	errs := make(chan error, newest)
	for v := int64(newest); v >= 1; v-- {
		wg.Add(1)
		go func(v int64) {
			defer wg.Done()
			w, err := store.Open(ctx, dsn)
			if err != nil {
				errs <- err
				return
			}
			defer w.Close()
			var ps []relate.Passage
			for i := 0; i < 50; i++ {
				ps = append(ps, relate.Passage{
					A: relate.End{Doc: fmt.Sprintf("a%d", i), End: 10}, B: relate.End{Doc: fmt.Sprintf("b%d", i), End: 10},
					Tokens: int(v), Identity: 1,
				})
			}
			if _, err := w.ReplaceReuse(ctx, v, ps, nil, []relate.Chain{{fmt.Sprint(v), "x"}}); err != nil {
				errs <- err
			}
		}(v)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if v, err := s.ReuseVersion(ctx); err != nil || v != newest {
		t.Fatalf("reuse version = %d, %v; want %d", v, err, newest)
	}
	ps, err := s.Passages(ctx, store.PassageQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 50 {
		t.Errorf("%d passages stored, want the 50 of one analysis", len(ps))
	}
	for _, p := range ps {
		if p.Tokens != newest {
			t.Fatalf("a passage of version %d survived next to version %d", p.Tokens, newest)
		}
	}
	if cs, err := s.Chains(ctx); err != nil || len(cs) != 1 || cs[0][0] != fmt.Sprint(newest) {
		t.Errorf("chains = %v, %v; want only the newest", cs, err)
	}
}
