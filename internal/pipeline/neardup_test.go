package pipeline

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/normalize"
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

func TestStopwordShinglesMakeNoCandidates(t *testing.T) {
	// Two unrelated English texts sharing only runs of stopwords.
	stop := "and it was in the of that he had for on with as"
	a := "Harbour engineers dredged the channel. " + stop + " quayside cranes idle."
	b := "Orchard growers protested quotas. " + stop + " apple prices fell."
	c := memCorpus{{ID: "a", Lang: "en", Text: a}, {ID: "b", Lang: "en", Text: b}}
	var tokens []uint64
	for _, h := range normalize.TokenHashes(stop) {
		tokens = append(tokens, uint64(uint32(h)))
	}
	if fps := fingerprints(tokens, "en", DefaultReuseOptions()); len(fps) != 0 {
		t.Fatalf("a run of stopwords kept %d fingerprints", len(fps))
	}
	res, err := FindReuse(context.Background(), c, DefaultReuseOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Passages) != 0 {
		t.Fatalf("stopword runs made passages: %+v", res.Passages)
	}
}
