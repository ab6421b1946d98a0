package pipeline

import (
	"path/filepath"
	"strings"
)

// ingestRoots makes the paths of ingested documents relative to the ingest
// root (read.Options.Root), as their ids are, or without one to the input
// they were found under, so that the store (and every report and API
// answer made from it) never records where on this machine the corpus
// lay: a document read from directory /home/a/corpus as
// /home/a/corpus/wire/x.html is stored with path "wire/x.html", one read
// from the file /home/a/feeds.jsonl with "feeds.jsonl".
type ingestRoots struct {
	root  string   // absolute; "" when the inputs are the roots
	dirs  []string // absolute, cleaned
	files map[string]bool
}

func newIngestRoots(root string, paths []string, isDir func(string) bool) ingestRoots {
	r := ingestRoots{files: map[string]bool{}}
	if root != "" {
		if abs, err := filepath.Abs(root); err == nil {
			r.root = abs
			return r
		}
	}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		if isDir(abs) {
			r.dirs = append(r.dirs, abs)
		} else {
			r.files[abs] = true
		}
	}
	return r
}

// rel is path relative to the input it came from, with forward slashes;
// a path under no input (or empty) is returned as it is.
func (r ingestRoots) rel(path string) string {
	if path == "" {
		return path
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if r.root != "" {
		if rel, err := filepath.Rel(r.root, abs); err == nil {
			return filepath.ToSlash(rel)
		}
		return path
	}
	if r.files[abs] {
		return filepath.Base(abs)
	}
	best := ""
	for _, d := range r.dirs {
		if len(d) > len(best) && (abs == d || strings.HasPrefix(abs, d+string(filepath.Separator))) {
			best = d
		}
	}
	if best == "" {
		return path
	}
	rel, err := filepath.Rel(best, abs)
	if err != nil || rel == "." {
		return filepath.Base(abs)
	}
	return filepath.ToSlash(rel)
}
