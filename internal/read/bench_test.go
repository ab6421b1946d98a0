package read

import (
	"context"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

// benchArticle is a news-sized text with some publisher chrome.
var benchArticle = func() string {
	var b strings.Builder
	b.WriteString("Harbour workers end two-week strike FILE PHOTO: The quay. © Port Images / K. Lind\n\n")
	for _, a := range plainArticles {
		b.WriteString(a)
		b.WriteString("\n\n")
	}
	b.WriteString("Follow us on Mastodon and subscribe to our newsletter.\n\nThis article was originally published on Coast Daily.\n")
	return b.String()
}()

func BenchmarkMarkRegions(b *testing.B) {
	b.SetBytes(int64(len(benchArticle)))
	for i := 0; i < b.N; i++ {
		d := doc.Document{Text: benchArticle}
		MarkRegions(&d)
	}
}

func BenchmarkJSONL(b *testing.B) {
	var in strings.Builder
	for i := 0; i < 200; i++ {
		in.WriteString(`{"id":"x`)
		in.WriteString(strings.Repeat("1", i%7+1))
		in.WriteString(`","series":"coast","text":"`)
		in.WriteString(strings.ReplaceAll(strings.ReplaceAll(plainArticles["en"], "\n", `\n`), `"`, `\"`))
		in.WriteString("\"}\n")
	}
	data := in.String()
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		err := readJSONL(context.Background(), Source{Path: "b.jsonl", R: strings.NewReader(data)}, Options{}, func(doc.Document) error { return nil }, func(p Problem) { b.Fatal(p) })
		if err != nil {
			b.Fatal(err)
		}
	}
}
