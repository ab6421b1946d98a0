package read

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
)

// Stats counts what Paths did with its inputs. Read counts documents;
// Skipped and Failed count inputs (files, or records of a file of many)
// that gave no document; Files and Records say which of those were whole
// files and which single records. Reasons counts every problem and skip
// by its short reason (see Reason), warnings included.
type Stats struct {
	Read    int            `json:"read"`
	Skipped int            `json:"skipped"`
	Failed  int            `json:"failed"`
	Files   Counts         `json:"files"`
	Records Counts         `json:"records"`
	Reasons map[string]int `json:"reasons,omitempty"`
}

// Counts are the files (or records) read, skipped and failed.
type Counts struct {
	Read    int `json:"read"`
	Skipped int `json:"skipped"`
	Failed  int `json:"failed"`
}

// Paths reads files, directories (recursively, in sorted order, skipping
// hidden entries and files of unknown type) and "-" for opt.Stdin, calling
// emit for each document and report for each problem. It holds at most one
// document's text at a time (plus the metadata of the meta.jsonl files on
// the way). It stops early only when ctx is done or emit returns an error,
// and then returns that error; bad inputs are reported and counted.
func Paths(ctx context.Context, paths []string, opt Options, emit Emit, report Report) (Stats, error) {
	w := &walker{ctx: ctx, opt: opt, stats: Stats{Reasons: map[string]int{}}, metaCache: map[string]*metaTable{}}
	w.report = func(p Problem) {
		skipped, warning := severity(p.Err)
		whole := p.Line == 0 && p.Record == ""
		if whole && errors.Is(p.Err, ErrEmpty) {
			// An empty file or archive is a failed input (a record with
			// an empty text is only skipped: nothing was in it).
			skipped = false
		}
		counts := &w.stats.Records
		if whole {
			counts = &w.stats.Files
		}
		switch {
		case warning:
		case skipped:
			w.stats.Skipped++
			counts.Skipped++
		default:
			w.stats.Failed++
			counts.Failed++
		}
		w.stats.Reasons[Reason(p.Err)]++
		if report != nil {
			report(p)
		}
	}
	w.emit = func(d doc.Document) error {
		if err := ctx.Err(); err != nil {
			w.fatal = err
			return err
		}
		if err := emit(d); err != nil {
			w.fatal = err
			return err
		}
		w.stats.Read++
		return nil
	}
	for _, p := range paths {
		w.arg(p)
		if w.fatal != nil {
			w.stats.Records.Read = w.stats.Read
			return w.stats, w.fatal
		}
	}
	w.stats.Records.Read = w.stats.Read // every document is a record read
	return w.stats, nil
}

// walker carries the state of one Paths call.
type walker struct {
	ctx       context.Context
	opt       Options
	emit      Emit
	report    Report
	stats     Stats
	fatal     error                 // ctx or emit error: stop everything
	metaCache map[string]*metaTable // meta.jsonl of directories of files named directly
}

// arg reads one command-line argument.
func (w *walker) arg(p string) {
	if p == "-" {
		w.stdin()
		return
	}
	info, err := os.Stat(p)
	if err != nil {
		w.report(Problem{Path: p, Err: statErr(err)})
		return
	}
	if info.IsDir() {
		w.dir(p, p, nil)
		return
	}
	dir := filepath.Dir(p)
	meta, ok := w.metaCache[dir]
	if !ok {
		if _, err := os.Stat(filepath.Join(dir, MetaFile)); err == nil {
			meta = loadMeta(filepath.Join(dir, MetaFile), w.opt, w.report)
		}
		w.metaCache[dir] = meta
	}
	base := filepath.Base(p)
	w.file(p, fileID(w.opt.Root, dir, p), info, meta.lookup(base), true)
}

// statErr says why a path cannot be read.
func statErr(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w: no such file or directory", fs.ErrNotExist)
	}
	return fmt.Errorf("%w: %w", ErrUnreadable, err)
}

// stdin reads standard input, choosing the format by sniffing.
func (w *walker) stdin() {
	if w.opt.Stdin == nil {
		w.report(Problem{Path: "-", Err: fmt.Errorf("%w: no standard input available", ErrUnreadable)})
		return
	}
	br := bufio.NewReaderSize(w.opt.Stdin, 64<<10)
	head, _ := br.Peek(512)
	f, ok := SniffFormat(head)
	if !ok {
		f, _ = formatByName("text")
	}
	w.run(f, Source{Path: "-", R: br, Size: -1})
}

// formatByName finds a registered format.
func formatByName(name string) (Format, bool) {
	for _, f := range Formats() {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// dir reads a directory recursively. root is the directory argument the
// walk started from (ids are relative to it); metas are the meta.jsonl
// tables of the directories above, nearest last.
func (w *walker) dir(root, dir string, metas []*metaTable) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.report(Problem{Path: dir, Err: fmt.Errorf("%w: %w", ErrUnreadable, err)})
		// ReadDir returns what it read before the error; go on with that.
	}
	var own *metaTable
	for _, e := range entries {
		if e.Name() == MetaFile && !e.IsDir() {
			own = loadMeta(filepath.Join(dir, MetaFile), w.opt, w.report)
			if own != nil {
				metas = append(metas[:len(metas):len(metas)], own)
			}
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		if w.fatal != nil {
			return
		}
		name := e.Name()
		p := filepath.Join(dir, name)
		if strings.HasPrefix(name, ".") {
			w.report(Problem{Path: p, Err: wrapReason(ErrNotDocument, "hidden (its name starts with a dot); name it to read it")})
			continue
		}
		if name == MetaFile && !e.IsDir() {
			continue
		}
		info, err := os.Stat(p) // follows symbolic links
		if err != nil {
			w.report(Problem{Path: p, Err: statErr(err)})
			continue
		}
		if info.IsDir() {
			if e.Type()&fs.ModeSymlink != 0 {
				// Following links to directories could loop; name the
				// target directly to read it.
				w.report(Problem{Path: p, Err: wrapReason(ErrNotDocument, "a link to a directory, not followed in a walk (links could loop); name its target to read it")})
				continue
			}
			w.dir(root, p, metas)
			continue
		}
		if !info.Mode().IsRegular() {
			w.report(Problem{Path: p, Err: wrapReason(ErrNotDocument, "not a regular file")})
			continue
		}
		w.file(p, fileID(w.opt.Root, root, p), info, lookupMeta(metas, p), false)
	}
	own.reportUnused(w.report)
}

// lookupMeta finds a file's metadata in the nearest meta.jsonl above it
// that names it.
func lookupMeta(metas []*metaTable, p string) *doc.Document {
	for i := len(metas) - 1; i >= 0; i-- {
		rel, err := filepath.Rel(metas[i].dir, p)
		if err != nil {
			continue
		}
		if m := metas[i].lookup(rel); m != nil {
			return m
		}
	}
	return nil
}

// file reads one file. A file whose ending names no format is judged by
// its content (sniff.go): a gzipped file by what it holds, a feed, page,
// archive or export by its first bytes, text as text; anything else is
// named with why it is not read (a walk skips what is no document; a file
// named on the command line fails).
func (w *walker) file(p, name string, info fs.FileInfo, meta *doc.Document, named bool) {
	if filepath.Base(p) == MetaFile {
		w.report(Problem{Path: p, Err: fmt.Errorf("%w: %s gives metadata for the files of its directory and holds no documents; name the directory instead", ErrUnknownFormat, MetaFile)})
		return
	}
	fh, err := os.Open(p)
	if err != nil {
		w.report(Problem{Path: p, Err: fmt.Errorf("%w: %w", ErrUnreadable, err)})
		return
	}
	defer fh.Close()
	var r io.Reader = fh
	size := info.Size()
	f, ok := FormatFor(p)
	if !ok {
		br := bufio.NewReaderSize(fh, 64<<10)
		head, _ := br.Peek(sniffLen)
		r = br
		if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
			// A gzipped file (page.html.gz): read what it holds.
			zr, err := gzip.NewReader(br)
			if err != nil {
				w.report(Problem{Path: p, Err: fmt.Errorf("%w: not a readable gzip file: %v", ErrMalformed, err)})
				return
			}
			defer zr.Close()
			zbr := bufio.NewReaderSize(zr, 64<<10)
			r, size = zbr, -1
			head, _ = zbr.Peek(sniffLen)
			f, ok = FormatFor(strings.TrimSuffix(strings.ToLower(p), ".gz"))
		}
		if !ok {
			f, ok = SniffFormat(head[:min(len(head), 512)])
		}
		if !ok {
			if len(head) == 0 {
				f, _ = formatByName("text") // reports the file empty
			} else if err := refuse(p, head); err != nil {
				if named && errors.Is(err, ErrNotDocument) {
					err = fmt.Errorf("%w: the name has no known ending (%s) and the content is not text: %w", ErrUnknownFormat, knownEndings(), err)
				}
				w.report(Problem{Path: p, Err: err})
				return
			} else {
				f, _ = formatByName("text")
			}
		}
	}
	// Checked before reading: a huge file is never loaded. Streaming
	// formats bound each record instead.
	if limit := w.opt.maxBytes(); size > limit && !f.Streams {
		w.report(Problem{Path: p, Err: tooLarge(size, limit)})
		return
	}
	w.run(f, Source{Path: p, Name: name, R: r, Size: size, Meta: meta})
}

// run hands a source to its format's reader and reports a failure of the
// source as a whole.
func (w *walker) run(f Format, src Source) {
	report := func(p Problem) {
		if p.Path == "" {
			p.Path = src.Path
		}
		w.report(p)
	}
	err := f.Read(w.ctx, src, w.opt, w.emit, report)
	if err == nil {
		w.stats.Files.Read++
		return
	}
	if w.fatal != nil {
		return
	}
	if ctxErr := w.ctx.Err(); ctxErr != nil {
		w.fatal = ctxErr
		return
	}
	w.report(Problem{Path: src.Path, Err: err})
}

// knownEndings lists the file endings of the registered formats.
func knownEndings() string {
	var exts []string
	for _, f := range Formats() {
		exts = append(exts, f.Exts...)
	}
	sort.Strings(exts)
	return strings.Join(exts, " ")
}
