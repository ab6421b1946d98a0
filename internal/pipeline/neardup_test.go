package pipeline

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

// TestViralCopiesAreNotBoilerplate: an item copied by more documents than
// the frequency limit allows is still found, through the near-duplicate
// index, and its copies are reuse, not boilerplate.
func TestViralCopiesAreNotBoilerplate(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	w := make([]string, 300)
	for i := range w {
		w[i] = fmt.Sprintf("w%d", r.IntN(40000))
	}
	item := strings.Join(w, " ")
	var c memCorpus
	for i := 0; i < 6; i++ {
		c = append(c, doc.Document{ID: fmt.Sprintf("copy%d", i), Text: fmt.Sprintf("Outlet %d reposts: %s", i, item)})
	}
	opt := DefaultReuseOptions()
	opt.MaxDF = 3 // fewer than the six copies
	res, err := FindReuse(context.Background(), c, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Relations) != 15 {
		t.Fatalf("%d relations among six copies, want all 15 pairs", len(res.Relations))
	}
	for _, p := range res.Passages {
		if p.Boilerplate {
			t.Fatalf("passage of a travelling item marked boilerplate: %+v", p)
		}
	}
	opt.NearDup = 0
	res, err = FindReuse(context.Background(), c, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Relations) != 0 {
		t.Fatalf("without the near-duplicate index the frequency limit should hide the copies; got %d relations", len(res.Relations))
	}
}
