package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store"
)

// SearchManyMatches checks the pages of a search with 2 500 matches (a
// backend may answer a search of many matches another way than one of
// few: it should set its threshold below that for the test): in both
// orders, by offset and by cursor, with a filter, they must be those of
// the same list without the search, when every document matches, and the
// matching subset of it when half of them do.
func SearchManyMatches(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	s := open(t, newDSN(t))
	rng := rand.New(rand.NewPCG(7, 7))
	var docs []doc.Document
	for i := 0; i < 2500; i++ {
		text := "common word"
		if i%2 == 0 {
			text += " even"
		}
		date := ""
		if i%10 != 0 { // some undated, which sort first
			date = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rng.IntN(400)) * time.Hour).Format(time.RFC3339)
		}
		docs = append(docs, doc.Document{ID: fmt.Sprintf("d%04d", i), Text: text, Date: date,
			Outlet: []string{"a", "b"}[i%3%2]})
	}
	if _, err := s.PutDocuments(ctx, docs); err != nil {
		t.Fatal(err)
	}
	ids := func(q store.DocQuery) []string {
		t.Helper()
		got, err := s.Documents(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]string, len(got))
		for i, d := range got {
			out[i] = d.ID
		}
		return out
	}
	for _, desc := range []bool{false, true} {
		for _, outlet := range []string{"", "b"} {
			all := ids(store.DocQuery{Desc: desc, Outlet: outlet})
			var even []string
			for _, id := range all {
				var n int
				fmt.Sscanf(id, "d%d", &n)
				if n%2 == 0 {
					even = append(even, id)
				}
			}
			for word, want := range map[string][]string{"common": all, "even": even} {
				name := fmt.Sprintf("%s desc=%v outlet=%q", word, desc, outlet)
				if got := ids(store.DocQuery{Text: word, Desc: desc, Outlet: outlet}); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: whole list differs (%d vs %d documents)", name, len(got), len(want))
				}
				if got := ids(store.DocQuery{Text: word, Desc: desc, Outlet: outlet, Limit: 51, Offset: 300}); !reflect.DeepEqual(got, want[300:351]) {
					t.Errorf("%s: page at offset 300 = %v, want %v", name, got, want[300:351])
				}
				if got := ids(store.DocQuery{Text: word, Desc: desc, Outlet: outlet, Limit: 51, After: want[99]}); !reflect.DeepEqual(got, want[100:151]) {
					t.Errorf("%s: page after %s = %v, want %v", name, want[99], got, want[100:151])
				}
			}
		}
	}
}
