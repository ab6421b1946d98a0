// Command aeb writes echotrace's article text for the pages of the Article
// Extraction Benchmark (scrapinghub/article-extraction-benchmark) in the
// benchmark's output format, for its own evaluate.py to score:
//
//	go run ./internal/read/eval/aeb -dir ../shared/data/article-extraction -out /tmp/aeb
//	cd /tmp/aeb && python3 evaluate.py
//
// It copies evaluate.py and ground-truth.json into -out beside
// output/echotrace.json, so the shared data set is only read. The text
// scored is what echotrace keeps as a page's own text: the document read
// as a file of the page is (read.ParseHTML, then the regions a reader
// marks), without the comment, caption and boilerplate regions.
// doc/extraction.md records the figures.
package main

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/read"
)

func main() {
	dir := flag.String("dir", "../shared/data/article-extraction", "the benchmark's directory")
	out := flag.String("out", "", "directory to write output/echotrace.json, evaluate.py and ground-truth.json to")
	flag.Parse()
	if *out == "" {
		log.Fatal("-out is required")
	}
	if err := os.MkdirAll(filepath.Join(*out, "output"), 0o755); err != nil {
		log.Fatal(err)
	}
	for _, name := range []string{"evaluate.py", "ground-truth.json"} {
		if err := copyFile(filepath.Join(*dir, name), filepath.Join(*out, name)); err != nil {
			log.Fatal(err)
		}
	}
	pages, err := filepath.Glob(filepath.Join(*dir, "html", "*.html.gz"))
	if err != nil {
		log.Fatal(err)
	}
	sort.Strings(pages)
	results := map[string]map[string]string{}
	failed := 0
	for _, p := range pages {
		key := strings.TrimSuffix(filepath.Base(p), ".html.gz")
		body, err := gunzip(p)
		if err != nil {
			log.Fatal(err)
		}
		d, err := read.ParseHTML(body, read.HTMLPage{})
		text := ""
		if err != nil {
			failed++
			fmt.Fprintf(os.Stderr, "%s: %v\n", key, err)
		} else {
			read.FinishRegions(&d)
			text = ownText(d)
		}
		results[key] = map[string]string{"articleBody": text}
	}
	b, err := json.Marshal(map[string]any{"version": "echotrace", "output": results})
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*out, "output", "echotrace.json"), b, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d pages, %d without text\n", len(pages), failed)
}

// ownText is the document's text outside comment, caption and
// boilerplate regions.
func ownText(d doc.Document) string {
	var b strings.Builder
	at := 0
	for _, r := range d.Regions {
		if r.Kind == doc.RegionHint {
			continue
		}
		if r.Begin > at {
			b.WriteString(d.Text[at:r.Begin])
		}
		at = max(at, r.End)
	}
	if at < len(d.Text) {
		b.WriteString(d.Text[at:])
	}
	return b.String()
}

func gunzip(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}
