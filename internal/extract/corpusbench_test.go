package extract

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/testutil"
)

// corpusDocs reads the first n documents (all when n <= 0) of a JSONL
// corpus such as `echotrace bench --keep` writes (corpus.jsonl: id,
// outlet, text; the text holds the headline already).
func corpusDocs(tb testing.TB, path string, n int) []*doc.Document {
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var docs []*doc.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() && (n <= 0 || len(docs) < n) {
		var a struct{ ID, Outlet, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, &doc.Document{ID: a.ID, Outlet: a.Outlet, Text: a.Text})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return docs
}

// benchCorpus is the corpus named by ECHOTRACE_CORPUS (a corpus.jsonl of
// `echotrace bench --keep`), its first ECHOTRACE_CORPUS_DOCS documents
// (default 2 000); the test or benchmark is skipped when it is unset.
func benchCorpus(tb testing.TB) []*doc.Document {
	path := os.Getenv("ECHOTRACE_CORPUS")
	if path == "" {
		tb.Skip("ECHOTRACE_CORPUS names no corpus.jsonl")
	}
	n := 2000
	if s := os.Getenv("ECHOTRACE_CORPUS_DOCS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			tb.Fatal(err)
		}
		n = v
	}
	return corpusDocs(tb, path, n)
}

// benchDocumentWords extracts every document as the quote stage's
// workers do (DocumentWords, with a caller that reads the words) and
// reports the CPU seconds of the process per 1 000 documents.
func benchDocumentWords(b *testing.B, docs []*doc.Document) {
	gaz := DefaultGazetteer()
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	read := func(Result, Words) {}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	start := testutil.CPUSeconds()
	for b.Loop() {
		for _, d := range docs {
			DocumentWords(d, gaz, read)
		}
	}
	if b.N > 0 && len(docs) > 0 {
		b.ReportMetric((testutil.CPUSeconds()-start)/float64(b.N)/float64(len(docs))*1000, "cpu-s/1000docs")
	}
}

// BenchmarkDocumentWords extracts the documents of a bench corpus
// (ECHOTRACE_CORPUS, see benchCorpus): the generated news the quote
// stage reads in `echotrace bench`.
func BenchmarkDocumentWords(b *testing.B) {
	benchDocumentWords(b, benchCorpus(b))
}

// BenchmarkDocumentWordsExamples extracts the bundled example corpus
// (examples/newsroom: its text and Markdown files and the texts of its
// feed).
func BenchmarkDocumentWordsExamples(b *testing.B) {
	dir := filepath.Join(testutil.RepoRoot(b), "examples", "newsroom")
	var docs []*doc.Document
	for _, pat := range []string{"*.txt", "*.md"} {
		names, _ := filepath.Glob(filepath.Join(dir, pat))
		for _, name := range names {
			text, err := os.ReadFile(name)
			if err != nil {
				b.Fatal(err)
			}
			docs = append(docs, &doc.Document{ID: filepath.Base(name), Text: string(text)})
		}
	}
	docs = append(docs, corpusDocs(b, filepath.Join(dir, "feed.jsonl"), 0)...)
	if len(docs) == 0 {
		b.Skip("no example documents")
	}
	benchDocumentWords(b, docs)
}

// TestDocumentWordsDigest prints a SHA-256 of everything DocumentWords
// gives for the documents of ECHOTRACE_CORPUS (each result as JSON, the
// tokens, the key numbers and hashes it lends): a change meant to keep
// extraction's results shows the same digest before and after.
func TestDocumentWordsDigest(t *testing.T) {
	docs := benchCorpus(t)
	gaz := DefaultGazetteer()
	h := sha256.New()
	var buf []byte
	for _, d := range docs {
		DocumentWords(d, gaz, func(r Result, w Words) {
			j, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			h.Write(j)
			buf = buf[:0]
			for _, tok := range w.Tokens {
				buf = binary.AppendUvarint(buf, uint64(tok.Begin))
				buf = binary.AppendUvarint(buf, uint64(tok.End))
				buf = append(buf, tok.Key...)
				buf = append(buf, 0)
			}
			for _, id := range w.IDs {
				buf = binary.AppendUvarint(buf, uint64(id))
			}
			buf = binary.AppendUvarint(buf, uint64(w.Keys))
			for _, x := range w.Hashes[:w.Keys] {
				buf = binary.LittleEndian.AppendUint64(buf, x)
			}
			h.Write(buf)
		})
	}
	t.Logf("%d documents: %x", len(docs), h.Sum(nil))
	fmt.Fprintf(os.Stderr, "digest %d documents: %x\n", len(docs), h.Sum(nil))
}

// corpusOccurrences extracts the documents of benchCorpus and returns
// their occurrences in the order the quote stage links them: each
// document's quotations, then its claims.
func corpusOccurrences(tb testing.TB) []Occurrence {
	gaz := DefaultGazetteer()
	var occs []Occurrence
	for _, d := range benchCorpus(tb) {
		r := DocumentWords(d, gaz, nil)
		occs = append(append(occs, r.Quotes...), r.Claims...)
	}
	return occs
}

// BenchmarkLinkerAdd links the occurrences of a bench corpus
// (ECHOTRACE_CORPUS, see benchCorpus) with one Linker, as the quote
// stage's linking goroutine does, and reports the CPU seconds of the
// process per 1 000 occurrences. The extraction before is not timed.
func BenchmarkLinkerAdd(b *testing.B) {
	occs := corpusOccurrences(b)
	if len(occs) == 0 {
		b.Skip("no occurrences")
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := testutil.CPUSeconds()
	for b.Loop() {
		l := NewLinker()
		for _, o := range occs {
			l.Add(o)
		}
	}
	b.ReportMetric((testutil.CPUSeconds()-start)/float64(b.N)/float64(len(occs))*1000, "cpu-s/1000occ")
}

// TestLinkerDigest prints a SHA-256 of the quote id of every occurrence
// of the documents of ECHOTRACE_CORPUS as one Linker links them: a
// change meant to keep the linking shows the same digest before and
// after.
func TestLinkerDigest(t *testing.T) {
	occs := corpusOccurrences(t)
	l := NewLinker()
	for _, o := range occs {
		l.Add(o)
	}
	h := sha256.New()
	for n := range occs {
		fmt.Fprintf(h, "%s %d\n", l.ID(n), l.Chosen(n))
	}
	t.Logf("%d occurrences: %x", len(occs), h.Sum(nil))
	fmt.Fprintf(os.Stderr, "linker digest %d occurrences: %x\n", len(occs), h.Sum(nil))
}
