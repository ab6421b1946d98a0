package report

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/relate"
)

// benchReport is a report of n relations, each with two passages and a
// document text of a few kilobytes.
func benchReport(n int) (*Report, func(string) string) {
	text := strings.Repeat("A sentence of an invented news article, long enough to wrap. ", 60)
	r := &Report{}
	for i := range n {
		a, b := fmt.Sprintf("doc-%06d", 2*i), fmt.Sprintf("doc-%06d", 2*i+1)
		r.Documents = append(r.Documents,
			DocInfo{ID: a, Title: "An invented headline about a harbour and a ferry", Outlet: "Outlet A", Date: "2024-05-03", Bytes: len(text)},
			DocInfo{ID: b, Title: "Another invented headline", Outlet: "Outlet B", Bytes: len(text)})
		r.Relations = append(r.Relations, relate.Relation{A: a, B: b, Kind: relate.Partial, CoverageA: float64(i%100) / 100, CoverageB: 0.3,
			Passages: 2, Direction: relate.AToB, Confidence: 0.9, Reason: "a is dated and b is not"})
		for k := range 2 {
			r.Passages = append(r.Passages, relate.Passage{
				A: relate.End{Doc: a, Begin: 100 + 1000*k, End: 900 + 1000*k}, B: relate.End{Doc: b, Begin: 50 + 1000*k, End: 850 + 1000*k},
				Tokens: 120, Identity: 0.97})
		}
		r.Chains = append(r.Chains, relate.Chain{a, b})
	}
	return r, func(string) string { return text }
}

func BenchmarkWriteText(b *testing.B) {
	r, text := benchReport(1000)
	b.ResetTimer()
	for b.Loop() {
		if err := WriteText(io.Discard, r, text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteJSON(b *testing.B) {
	r, _ := benchReport(1000)
	b.ResetTimer()
	for b.Loop() {
		if err := WriteJSON(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}
