package pipeline

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

func randomWords(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, 11))
	w := make([]string, n)
	for i := range w {
		w[i] = fmt.Sprintf("w%d", r.IntN(40000))
	}
	return strings.Join(w, " ")
}

// withBlock returns text with block inside it, and the document with the
// block marked as a boilerplate region.
func withBlock(id, before, block, after string) doc.Document {
	text := before + "\n\n" + block + "\n\n" + after
	b := len(before) + 2
	return doc.Document{ID: id, Text: text, Regions: []doc.Region{{Kind: doc.RegionBoilerplate, Begin: b, End: b + len(block)}}}
}

// TestBoilerplateOnlyWhenMostOfAPassageIs: a copy with a newsletter block
// inside it is one passage of reuse, not boilerplate; two documents that
// share only the block share a boilerplate passage, kept and marked.
func TestBoilerplateOnlyWhenMostOfAPassageIs(t *testing.T) {
	block := "Sign up to our newsletter " + randomWords(1, 30)
	story1, story2 := randomWords(2, 120), randomWords(3, 100)
	c := memCorpus{
		withBlock("copy-a", story1, block, story2),
		withBlock("copy-b", story1, block, story2),
		withBlock("other-c", randomWords(4, 150), block, randomWords(5, 90)),
	}
	res, err := FindReuse(context.Background(), c, DefaultReuseOptions())
	if err != nil {
		t.Fatal(err)
	}
	var copies, boiler int
	for _, p := range res.Passages {
		pair := p.A.Doc + " " + p.B.Doc
		switch {
		case pair == "copy-a copy-b":
			copies++
			if p.Boilerplate {
				t.Errorf("the copy %+v is marked boilerplate for the block inside it", p)
			}
		case p.Boilerplate:
			boiler++
		default:
			t.Errorf("passage %+v of the shared block alone is not marked boilerplate", p)
		}
	}
	if copies != 1 || boiler != 2 {
		t.Fatalf("%d passages of the copy and %d of boilerplate, want 1 and 2: %+v", copies, boiler, res.Passages)
	}
	if len(res.Relations) != 1 || res.Relations[0].A != "copy-a" || res.Relations[0].B != "copy-b" {
		t.Fatalf("relations %+v, want only copy-a–copy-b", res.Relations)
	}
}
