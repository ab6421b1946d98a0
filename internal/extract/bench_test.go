package extract

import (
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

// benchText is an invented article of about 30 KB with quotations,
// claims and names.
var benchText = strings.Repeat(`Finance Minister Olga Sand spoke in Kyiv on Monday. “Budgets are tight this year, and we will cut what we must,” she said. “But schools come first.”

According to Sand, the deficit will shrink by a third. Critics call the plan a “mirage”, and economist Pavel Orlov believes that it cannot work.

“Nobody in the ministry has explained where the money comes from,” the economist told reporters.

`, 60)

func BenchmarkDocument(b *testing.B) {
	d := &doc.Document{ID: "bench", Text: benchText}
	DefaultGazetteer()
	b.SetBytes(int64(len(benchText)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Document(d)
	}
}

func BenchmarkLink(b *testing.B) {
	var results []Result
	for i := 0; i < 20; i++ {
		results = append(results, Document(&doc.Document{ID: string(rune('a' + i)), Text: benchText[:len(benchText)/(i%4+1)]}))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Link(results)
	}
}
