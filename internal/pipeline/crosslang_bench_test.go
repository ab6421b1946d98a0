package pipeline

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store/sqlite"
	"github.com/echotrace/echotrace/internal/testutil"
)

// threeLanguageCorpus is n documents in English, Russian and German: the
// real parallel articles of the shared WMT sets (Russian, French and
// German originals with their English translations), and synthetic
// articles in the three languages filling the rest, each drawn word by
// word from the words of that language's real articles (so names, numbers
// and dates are as frequent as in news, but no text is shared by chance).
func threeLanguageCorpus(b *testing.B, n int) []doc.Document {
	b.Helper()
	var docs []doc.Document
	words := map[string][]string{}
	for _, file := range []string{"ru-en.jsonl", "fr-en.jsonl", "de-en.jsonl"} {
		for _, p := range readJSONL[parallelDoc](b, testutil.Shared(b, "data/translation/"+file)) {
			docs = append(docs,
				doc.Document{ID: p.LangSrc + ":" + p.ID, Lang: p.LangSrc, Text: strings.ReplaceAll(p.Src, "\n", " ")},
				doc.Document{ID: p.LangTgt + ":" + p.ID, Lang: p.LangTgt, Text: strings.ReplaceAll(p.Tgt, "\n", " ")})
			words[p.LangSrc] = append(words[p.LangSrc], strings.Fields(p.Src)...)
			words[p.LangTgt] = append(words[p.LangTgt], strings.Fields(p.Tgt)...)
		}
	}
	rng := rand.New(rand.NewPCG(1, 17))
	langs := []string{"en", "ru", "de"}
	for i := 0; len(docs) < n; i++ {
		lang := langs[i%len(langs)]
		ws := words[lang]
		var t strings.Builder
		for s := 0; s < 8+rng.IntN(16); s++ {
			k := 10 + rng.IntN(16)
			for j := 0; j < k; j++ {
				w := strings.Trim(ws[rng.IntN(len(ws))], ".!?")
				if w == "" {
					w = "-"
				}
				if j == 0 {
					r, size := utf8.DecodeRuneInString(w)
					w = string(unicode.ToUpper(r)) + w[size:]
				}
				t.WriteString(w)
				if j < k-1 {
					t.WriteByte(' ')
				}
			}
			t.WriteString(". ")
		}
		docs = append(docs, doc.Document{ID: fmt.Sprintf("syn-%s-%05d", lang, i), Lang: lang, Text: t.String()})
	}
	return docs
}

// BenchmarkCrossLangCost measures what the translation search adds to the
// analysis of a stored corpus of 10 000 documents in three languages (see
// doc/crosslang.md):
//
//	go test ./internal/pipeline -run '^$' -bench CrossLangCost -benchtime 1x
//
// Two identical SQLite databases are analysed, one with the search off
// and one with it on (reuse, the search, storing and the later stages:
// quotes, stories). It reports the seconds of each, the search's own
// passes, and their ratio (the goal is at most 1.5), in wall time and in
// CPU time, which a machine busy with other work disturbs less.
// Dictionaries are loaded in the timed run, as in a fresh process (from
// the dictionary cache when an earlier run left one).
func BenchmarkCrossLangCost(b *testing.B) {
	ctx := context.Background()
	docs := threeLanguageCorpus(b, 10000)
	open := func(name string) *sqlite.DB {
		st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), name))
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { st.Close() })
		if _, err := st.PutDocuments(ctx, docs); err != nil {
			b.Fatal(err)
		}
		return st
	}
	for i := 0; i < b.N; i++ {
		off, on := open(fmt.Sprintf("off%d.db", i)), open(fmt.Sprintf("on%d.db", i))
		b.ResetTimer()
		start, cpu := time.Now(), testutil.CPUSeconds()
		if _, err := Analyze(ctx, off, AnalyzeOptions{Reuse: DefaultReuseOptions()}); err != nil {
			b.Fatal(err)
		}
		without, withoutCPU := time.Since(start).Seconds(), testutil.CPUSeconds()-cpu
		start, cpu = time.Now(), testutil.CPUSeconds()
		res, err := Analyze(ctx, on, AnalyzeOptions{Reuse: DefaultReuseOptions(), CrossLang: DefaultCrossLangOptions()})
		if err != nil {
			b.Fatal(err)
		}
		with, withCPU := time.Since(start).Seconds(), testutil.CPUSeconds()-cpu
		b.StopTimer()
		cl := res.CrossLang
		b.ReportMetric(float64(len(docs)), "docs")
		b.ReportMetric(without, "without-s")
		b.ReportMetric(with, "with-s")
		b.ReportMetric(cl.IndexSeconds+cl.AlignSeconds, "crosslang-s")
		b.ReportMetric(res.Reuse.Stats.IndexSeconds+res.Reuse.Stats.AlignSeconds, "reuse-s")
		b.ReportMetric(float64(cl.Candidates), "cl-candidates")
		b.ReportMetric(float64(cl.Translations), "translations")
		b.ReportMetric(with/without, "ratio")
		b.ReportMetric(withoutCPU, "without-cpu-s")
		b.ReportMetric(withCPU, "with-cpu-s")
		b.ReportMetric(withCPU/withoutCPU, "cpu-ratio")
	}
}
