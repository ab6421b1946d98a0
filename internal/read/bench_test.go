package read

import (
	"context"
	"fmt"
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

// recurringCorpus is n documents of four outlets, each a template header
// and footer around a story of its own.
func recurringCorpus(n int) []*doc.Document {
	langs := []string{"en", "ru", "fr", "de", "es"}
	outlets := []string{"Coast Daily", "Valley Weekly", "Городские новости", "Le Courrier"}
	docs := make([]*doc.Document, n)
	for i := range docs {
		o := outlets[i%len(outlets)]
		docs[i] = &doc.Document{
			ID:     fmt.Sprint(i),
			Outlet: o,
			Text: o + " · Harbour desk\n\n" +
				fmt.Sprintf("Story %d, filed at %d:%02d.\n\n", i, i%24, i%60) +
				plainArticles[langs[i%len(langs)]] +
				"\n\nTips for the harbour desk go to the night editor.\n",
		}
	}
	return docs
}

// BenchmarkRecurringAdd counts the lines of 256 documents into a fresh
// index: the first pass of the reuse stage.
func BenchmarkRecurringAdd(b *testing.B) {
	docs := recurringCorpus(256)
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		x := NewRecurringIndex(DefaultRecurringShare, DefaultRecurringDocs)
		for _, d := range docs {
			x.Add(d)
		}
	}
}

// BenchmarkRecurringMark marks one document: the reuse stage does this
// each time it loads a document of a pair, after Seal.
func BenchmarkRecurringMark(b *testing.B) {
	docs := recurringCorpus(256)
	x := NewRecurringIndex(DefaultRecurringShare, DefaultRecurringDocs)
	for _, d := range docs {
		x.Add(d)
	}
	for _, sealed := range []bool{false, true} {
		if sealed {
			x.Seal()
		}
		b.Run(map[bool]string{false: "unsealed", true: "sealed"}[sealed], func(b *testing.B) {
			b.SetBytes(int64(len(docs[0].Text)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				d := *docs[i%len(docs)]
				if x.Mark(&d) == 0 {
					b.Fatal("nothing marked")
				}
				i++
			}
		})
	}
}
