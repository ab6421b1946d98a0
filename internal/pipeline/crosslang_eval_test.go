package pipeline

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/crosslang"
	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/normalize"
	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/testutil"
)

// The evaluation of the translation search on the shared WMT test sets
// (../shared/data/translation) among unrelated English news (ECB+): see
// doc/crosslang.md. Corpora are built at run time; nothing of the shared
// text is kept in the repository.

// mapCorpus is a Corpus over documents in memory, found by id in a map.
type mapCorpus struct {
	docs []doc.Document
	byID map[string]int
}

func newMapCorpus(docs []doc.Document) *mapCorpus {
	m := &mapCorpus{docs: docs, byID: map[string]int{}}
	for i, d := range docs {
		m.byID[d.ID] = i
	}
	return m
}

func (m *mapCorpus) Each(ctx context.Context, fn func(doc.Document) error) error {
	for _, d := range m.docs {
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}

func (m *mapCorpus) Load(ctx context.Context, id string) (doc.Document, error) {
	i, ok := m.byID[id]
	if !ok {
		return doc.Document{}, fmt.Errorf("no document %q", id)
	}
	return m.docs[i], nil
}

// parallelDoc is one line of a translation/*.jsonl file.
type parallelDoc struct {
	ID       string `json:"id"`
	LangSrc  string `json:"lang_src"`
	LangTgt  string `json:"lang_tgt"`
	OrigLang string `json:"origlang"`
	Src      string `json:"src"`
	Tgt      string `json:"tgt"`
}

func readJSONL[T any](t testing.TB, path string) []T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for n := 1; sc.Scan(); n++ {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s, line %d: %v", path, n, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// lineDoc joins a document's segments into one paragraph, as the sources
// mark none, and remembers where each segment lies: the sentence truth.
func lineDoc(id, text string) (doc.Document, []doc.Span) {
	var b strings.Builder
	var lines []doc.Span
	for i, ln := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteByte(' ')
		}
		lines = append(lines, doc.Span{Begin: b.Len(), End: b.Len() + len(ln)})
		b.WriteString(ln)
	}
	d := doc.Document{ID: id, Text: b.String()}
	d.Lang = normalize.DetectLanguage(d.Text) // as ingest does for sources naming no language
	return d, lines
}

// translationEval is the truth and the corpus of one evaluation.
type translationEval struct {
	docs  []doc.Document
	pairs map[[2]string]bool     // true translation pairs, A < B
	lines map[string][]doc.Span  // segment spans of the parallel documents
	truth map[[2]string][][2]int // per pair, aligned segment numbers (A's, B's)
}

func buildTranslationEval(t *testing.T, file string, distractors int) *translationEval {
	ev := &translationEval{pairs: map[[2]string]bool{}, lines: map[string][]doc.Span{}, truth: map[[2]string][][2]int{}}
	for _, p := range readJSONL[parallelDoc](t, testutil.Shared(t, "data/translation/"+file)) {
		src, ls := lineDoc(p.LangSrc+":"+p.ID, p.Src)
		tgt, lt := lineDoc(p.LangTgt+":"+p.ID, p.Tgt)
		ev.docs = append(ev.docs, src, tgt)
		ev.lines[src.ID], ev.lines[tgt.ID] = ls, lt
		a, b := src.ID, tgt.ID
		swap := b < a
		if swap {
			a, b = b, a
		}
		key := [2]string{a, b}
		ev.pairs[key] = true
		for i := range ls {
			if swap {
				ev.truth[key] = append(ev.truth[key], [2]int{i, i})
			} else {
				ev.truth[key] = append(ev.truth[key], [2]int{i, i})
			}
		}
	}
	type ecb struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		Text  string `json:"text"`
	}
	for i, e := range readJSONL[ecb](t, testutil.Shared(t, "data/ecbplus/topics-01-25.jsonl")) {
		if i >= distractors {
			break
		}
		d := doc.Document{ID: "ecb:" + e.ID, Title: e.Title, Text: strings.TrimSpace(e.Title + "\n\n" + e.Text)}
		d.Lang = normalize.DetectLanguage(d.Text)
		ev.docs = append(ev.docs, d)
	}
	return ev
}

// linesIn are the segments of a document that a passage's span holds at
// least half of.
func linesIn(lines []doc.Span, begin, end int) []int {
	var out []int
	for i, l := range lines {
		lo, hi := max(l.Begin, begin), min(l.End, end)
		if hi > lo && 2*(hi-lo) >= l.Len() {
			out = append(out, i)
		}
	}
	return out
}

type translationScore struct {
	truePairs, found, correct             int
	sentTruth, sentPredicted, sentCorrect int
	unknownLang                           int
}

func (s translationScore) String() string {
	p := float64(s.correct) / float64(max(s.found, 1))
	r := float64(s.correct) / float64(max(s.truePairs, 1))
	sp := float64(s.sentCorrect) / float64(max(s.sentPredicted, 1))
	sr := float64(s.sentCorrect) / float64(max(s.sentTruth, 1))
	return fmt.Sprintf("documents: precision %.3f (%d/%d) recall %.3f (%d/%d); sentence pairs: precision %.3f recall %.3f F1 %.3f (%d correct, %d predicted, %d true)",
		p, s.correct, s.found, r, s.correct, s.truePairs, sp, sr, 2*sp*sr/max(sp+sr, 1e-9), s.sentCorrect, s.sentPredicted, s.sentTruth)
}

func (s translationScore) docPrecision() float64 {
	return float64(s.correct) / float64(max(s.found, 1))
}
func (s translationScore) docRecall() float64 {
	return float64(s.correct) / float64(max(s.truePairs, 1))
}
func (s translationScore) sentF1() float64 {
	sp := float64(s.sentCorrect) / float64(max(s.sentPredicted, 1))
	sr := float64(s.sentCorrect) / float64(max(s.sentTruth, 1))
	return 2 * sp * sr / max(sp+sr, 1e-9)
}

// scoreTranslations compares found relations and passages with the truth.
// Sentence pairs of a relation that is not a true pair all count as wrong.
func scoreTranslations(ev *translationEval, res *CrossLangResult) translationScore {
	s := translationScore{truePairs: len(ev.pairs)}
	for _, tr := range ev.truth {
		s.sentTruth += len(tr)
	}
	for _, d := range ev.docs {
		if d.Lang == "" {
			s.unknownLang++
		}
	}
	for _, r := range res.Relations {
		if r.Kind != relate.Translation {
			continue
		}
		s.found++
		if ev.pairs[[2]string{r.A, r.B}] {
			s.correct++
		}
	}
	want := map[[2]string]map[[2]int]bool{}
	for k, tr := range ev.truth {
		want[k] = map[[2]int]bool{}
		for _, x := range tr {
			want[k][x] = true
		}
	}
	seen := map[[2]string]map[[2]int]bool{}
	for _, p := range res.Passages {
		key := [2]string{p.A.Doc, p.B.Doc}
		la, lb := ev.lines[p.A.Doc], ev.lines[p.B.Doc]
		as, bs := linesIn(la, p.A.Begin, p.A.End), linesIn(lb, p.B.Begin, p.B.End)
		if seen[key] == nil {
			seen[key] = map[[2]int]bool{}
		}
		for _, i := range as {
			for _, j := range bs {
				if seen[key][[2]int{i, j}] {
					continue
				}
				seen[key][[2]int{i, j}] = true
				s.sentPredicted++
				if want[key][[2]int{i, j}] {
					s.sentCorrect++
				}
			}
		}
		if len(as) == 0 || len(bs) == 0 {
			s.sentPredicted++ // a passage that holds no whole segment: wrong
		}
	}
	return s
}

// TestTranslationsWMT measures the translation search on the Russian,
// French and German originals of the shared WMT sets among 535 unrelated
// English articles, and holds it to the goals of doc/crosslang.md:
// documents linked with precision and recall of at least 0.9, aligned
// sentence pairs with F1 of at least 0.8.
func TestTranslationsWMT(t *testing.T) {
	if testing.Short() || raceDetector {
		t.Skip("reads the shared data set and aligns some thousand pairs (TestAnalyzeFindsTranslations races the same code)")
	}
	// ru-en.en-orig holds English originals with their Russian
	// translations: the contrast, measured but not held to the goals.
	for _, file := range []string{"ru-en.jsonl", "fr-en.jsonl", "de-en.jsonl", "ru-en.en-orig.jsonl"} {
		t.Run(strings.TrimSuffix(file, ".jsonl"), func(t *testing.T) {
			ev := buildTranslationEval(t, file, 535)
			opt := DefaultCrossLangOptions()
			if dir := os.Getenv("ECHOTRACE_DICT_DIR"); dir != "" {
				opt.DictDir = dir
			}
			if !strings.HasPrefix(file, "ru") {
				if d, err := crosslang.NewDictionaries(opt.DictDir).For(file[:2]); err != nil || d == nil {
					t.Skipf("no FreeDict dictionary %s→English installed (apt-get install dict-freedict-%s-eng): %v", file[:2], map[string]string{"fr": "fra", "de": "deu"}[file[:2]], err)
				}
			}
			res, err := FindTranslations(context.Background(), newMapCorpus(ev.docs), opt, nil)
			if err != nil {
				t.Fatal(err)
			}
			s := scoreTranslations(ev, res)
			t.Logf("%s: %d documents (%d of unknown language), %d candidate pairs aligned: %s", file, len(ev.docs), s.unknownLang, res.Stats.Candidates, s)
			if strings.Contains(file, "orig") {
				return
			}
			if s.docPrecision() < 0.9 || s.docRecall() < 0.9 || s.sentF1() < 0.8 {
				t.Errorf("below the goals (documents: precision and recall 0.9; sentence pairs: F1 0.8)")
			}
		})
	}
}
