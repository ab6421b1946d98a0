package read

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
)

// MetaFile is the name of the file that gives metadata for the other files
// of its directory, one JSON object per line with a "file" field naming
// the file (relative to that directory, "/" separated) and any of id,
// title, outlet, series, date, url, lang, author and further fields.
const MetaFile = "meta.jsonl"

// ErrMetaUnused marks a meta.jsonl entry for a file that was not found. It
// is a warning: nothing was lost, but the entry is probably misspelt.
var ErrMetaUnused = errors.New("meta.jsonl names a file that was not read")

func init() {
	addReason(ErrMetaUnused, "unused metadata", false, true)
}

// metaTable is the content of one meta.jsonl.
type metaTable struct {
	path    string // of the meta.jsonl itself
	dir     string // directory whose files it describes
	entries map[string]*metaEntry
}

type metaEntry struct {
	meta doc.Document
	line int
	used bool
}

// loadMeta reads a meta.jsonl. Bad lines are reported and the rest used.
// A file that cannot be read at all is reported and yields no table.
func loadMeta(metaPath string, opt Options, report Report) *metaTable {
	f, err := os.Open(metaPath)
	if err != nil {
		report(Problem{Path: metaPath, Err: fmt.Errorf("%w: %w", ErrUnreadable, err)})
		return nil
	}
	defer f.Close()
	t := &metaTable{path: metaPath, dir: filepath.Dir(metaPath), entries: map[string]*metaEntry{}}
	lines := newLineReader(bufio.NewReader(f), opt.maxBytes())
	for {
		line, length, err := lines.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			report(Problem{Path: metaPath, Line: lines.n + 1, Err: fmt.Errorf("%w: %w", ErrUnreadable, err)})
			break
		}
		if line == nil && length > 0 {
			report(Problem{Path: metaPath, Line: lines.n, Err: fmt.Errorf("%w: line of %d bytes, the limit is %d (raise it with --max-bytes)", ErrTooLarge, length, opt.maxBytes())})
			continue
		}
		if lines.n == 1 {
			line = []byte(strings.TrimPrefix(string(line), string(bom)))
		}
		if strings.TrimSpace(string(line)) == "" {
			continue
		}
		m, warnings, err := parseRecord(line, false)
		if err != nil {
			report(Problem{Path: metaPath, Line: lines.n, Err: err})
			continue
		}
		for _, w := range warnings {
			report(Problem{Path: metaPath, Line: lines.n, Err: w})
		}
		name, ok := m.Extra["file"].(string)
		if !ok || strings.TrimSpace(name) == "" {
			report(Problem{Path: metaPath, Line: lines.n, Err: fmt.Errorf("%w: no \"file\" string naming the file described", ErrMalformed)})
			continue
		}
		delete(m.Extra, "file")
		if len(m.Extra) == 0 {
			m.Extra = nil
		}
		key := metaKey(name)
		if prev, dup := t.entries[key]; dup {
			report(Problem{Path: metaPath, Line: lines.n, Err: fmt.Errorf("%w: %q is described again (first on line %d); the later entry is used", ErrMalformed, name, prev.line)})
		}
		t.entries[key] = &metaEntry{meta: m, line: lines.n}
	}
	return t
}

// metaKey is the canonical form of a file name relative to a directory.
func metaKey(name string) string {
	return path.Clean(strings.TrimPrefix(filepath.ToSlash(strings.TrimSpace(name)), "./"))
}

// lookup finds the metadata for a file, given by its path relative to the
// table's directory, and marks it used.
func (t *metaTable) lookup(rel string) *doc.Document {
	if t == nil {
		return nil
	}
	e, ok := t.entries[metaKey(rel)]
	if !ok {
		return nil
	}
	e.used = true
	m := e.meta
	return &m
}

// reportUnused reports entries that matched no file read, in line order.
func (t *metaTable) reportUnused(report Report) {
	if t == nil {
		return
	}
	var unused []string
	for k, e := range t.entries {
		if !e.used {
			unused = append(unused, k)
		}
	}
	sort.Slice(unused, func(i, j int) bool { return t.entries[unused[i]].line < t.entries[unused[j]].line })
	for _, k := range unused {
		report(Problem{Path: t.path, Line: t.entries[k].line, Err: fmt.Errorf("%w: %q", ErrMetaUnused, k)})
	}
}

// ApplyMeta copies metadata over a document: every non-empty field of m
// replaces d's, and m's Extra fields are merged into d's. It is for a
// source that is one document (a text file, a web page), where what the
// reader derived (an id from the file name, a title from the first line)
// is weaker than what the user wrote down.
func ApplyMeta(d *doc.Document, m *doc.Document) {
	if m == nil {
		return
	}
	set := func(dst *string, src string) {
		if src != "" {
			*dst = src
		}
	}
	set(&d.ID, m.ID)
	set(&d.Series, m.Series)
	set(&d.Title, m.Title)
	set(&d.Outlet, m.Outlet)
	set(&d.Author, m.Author)
	set(&d.URL, m.URL)
	set(&d.Lang, m.Lang)
	set(&d.Date, m.Date)
	mergeExtra(d, m, true)
}

// fillMeta copies metadata into the empty fields of a document only, and
// never its id: for a source of many records (a JSONL file, an archive),
// where the records' own fields win and one id cannot name them all.
func fillMeta(d *doc.Document, m *doc.Document) {
	if m == nil {
		return
	}
	fill := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	fill(&d.Series, m.Series)
	fill(&d.Title, m.Title)
	fill(&d.Outlet, m.Outlet)
	fill(&d.Author, m.Author)
	fill(&d.URL, m.URL)
	fill(&d.Lang, m.Lang)
	fill(&d.Date, m.Date)
	mergeExtra(d, m, false)
}

// mergeExtra merges m.Extra into d.Extra; override says who wins a clash.
func mergeExtra(d, m *doc.Document, override bool) {
	if len(m.Extra) == 0 {
		return
	}
	if d.Extra == nil {
		d.Extra = make(map[string]any, len(m.Extra))
	}
	for k, v := range m.Extra {
		if _, has := d.Extra[k]; has && !override {
			continue
		}
		d.Extra[k] = v
	}
}
