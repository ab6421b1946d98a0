package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/testutil"
)

// BenchmarkDocumentNews extracts the ECB+ news articles of the shared
// data set (topics 1–25): real news, dense with names, where gazetteer
// lookups of name runs are a larger share of the work than in the
// invented BenchmarkDocument text.
func BenchmarkDocumentNews(b *testing.B) {
	f, err := os.Open(testutil.Shared(b, "data/ecbplus/topics-01-25.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var docs []*doc.Document
	size := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var a struct{ ID, Title, Text string }
		if json.Unmarshal(sc.Bytes(), &a) != nil {
			continue
		}
		d := &doc.Document{ID: a.ID, Text: a.Title + "\n\n" + a.Text}
		docs = append(docs, d)
		size += len(d.Text)
	}
	DefaultGazetteer()
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			Document(d)
		}
	}
}
