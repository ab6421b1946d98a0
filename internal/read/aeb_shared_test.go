package read

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/echotrace/echotrace/internal/testutil"
)

// TestArticleExtractionShared reads the real pages of the Article
// Extraction Benchmark: every page gives text, none is decoded into
// mojibake, and the words of the text a person marked as the article are
// found as words in ours (a word glued to its neighbour is not). The F1
// the benchmark's own scorer gives is in doc/extraction.md.
func TestArticleExtractionShared(t *testing.T) {
	dir := testutil.Shared(t, filepath.Join("data", "article-extraction"))
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		t.Fatal(err)
	}
	words := func(s string) map[string]int {
		m := map[string]int{}
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			m[strings.ToLower(w)]++
		}
		return m
	}
	found, total, mojibake := 0, 0, 0
	for key, gt := range truth {
		f, err := os.Open(filepath.Join(dir, "html", key+".html.gz"))
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		d, err := ParseHTML(b, HTMLPage{})
		if err != nil {
			t.Errorf("%s: %v", key, err)
			continue
		}
		for _, bad := range []string{"â€", "Ã©", "Ã¨", "Ã¼", "Ã¶"} {
			if strings.Contains(d.Text, bad) && !strings.Contains(gt.ArticleBody, bad) {
				mojibake++
				t.Errorf("%s: mojibake %q in the text", key, bad)
				break
			}
		}
		ours := words(d.Text)
		for w, n := range words(gt.ArticleBody) {
			total += n
			found += min(n, ours[w])
		}
	}
	if recall := float64(found) / float64(total); recall < 0.95 {
		t.Errorf("%.3f of the article's words found as words in the text, want at least 0.95", recall)
	}
}
