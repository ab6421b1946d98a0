package extract

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

// quotedNews is n paragraphs of invented quoted news: quotations,
// attributions through pronouns and roles, claims, colon statements and
// names, repeated with small changes so that quotes recur across the
// document as they do in a digest or a transcript.
func quotedNews(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Minister Olga Sand%d spoke in Kyiv on day %d. “Budgets are tight this year, and we will cut what we must in item %d,” she said. “But schools come first.”\n\n", i%7, i, i%13)
		fmt.Fprintf(&b, "According to Sand, the deficit will shrink by a third. Critics call the plan a “mirage”, and economist Pavel Orlov%d believes that it cannot work.\n\n", i%5)
		fmt.Fprintf(&b, "The economist told reporters:\nNobody in the ministry has explained where the money comes from, not in week %d.\n\n", i%11)
		fmt.Fprintf(&b, "“Nobody in the ministry has explained where the money for item %d comes from,” the expert said, as Orlov put it.\n\n", i%17)
	}
	return b.String()
}

// TestLinearInDocumentSize pins that extracting and linking the quotes of
// one document takes time linear in its size: a document four times as
// long may take at most five times as long. Quadratic steps (every
// attribution scanning every quotation) made a 4 MB document take 15
// times as long as a 1 MB one. The time is this thread's CPU time, the
// least of three runs, so a busy machine does not decide.
func TestLinearInDocumentSize(t *testing.T) {
	if testing.Short() {
		t.Skip("measures documents of 0.3 and 1.2 MB")
	}
	if threadCPUSeconds() < 0 {
		t.Skip("no per-thread CPU time on this system")
	}
	DefaultGazetteer()
	cost := func(text string) float64 {
		d := &doc.Document{ID: "long", Text: text}
		best := -1.0
		for range 3 {
			runtime.GC()
			start := threadCPUSeconds()
			Link([]Result{Document(d)})
			if s := threadCPUSeconds() - start; best < 0 || s < best {
				best = s
			}
		}
		return best
	}
	small, large := quotedNews(600), quotedNews(2400)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cs, cl := cost(small), cost(large)
	t.Logf("%d bytes: %.3f s; %d bytes: %.3f s (%.1f×)", len(small), cs, len(large), cl, cl/cs)
	if cl > 5*cs {
		t.Errorf("a document 4× as long took %.1f× as long (%.3f s against %.3f s): extraction is not linear in its size", cl/cs, cl, cs)
	}
}
