package read

import (
	"context"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/echotrace/echotrace/internal/doc"
)

// Source is one input handed to a Format's reader: a file, or standard
// input. The reader consumes R; it must not assume R can be rewound.
type Source struct {
	Path string // file path as given or found in a walk; "-" for standard input
	// Name is the source's identity (see ids.go): the id of the document a
	// one-document file holds, and the scope of the ids of a file of many
	// records. It is the path relative to the ingest root, extension
	// included, with "/" separators; empty for standard input.
	Name string
	R    io.Reader
	Size int64 // bytes, or -1 when unknown (standard input)
	// Meta is the metadata a directory's meta.jsonl gives for this file,
	// or nil. Readers copy its non-empty fields over what they found.
	Meta *doc.Document
}

// Format is one kind of input echotrace can read.
type Format struct {
	Name string
	// Exts are the file name endings that select this format, with the
	// leading dot, compared case-insensitively; double endings such as
	// ".warc.gz" are allowed and win over shorter ones. An ending without
	// a leading dot is a whole file name ("result.json").
	Exts []string
	// Sniff says whether the first bytes of an input (up to 512) look like
	// this format. It is used when the extension does not decide (standard
	// input). Nil means the format is never sniffed.
	Sniff func(head []byte) bool
	// Read turns the source into documents. It calls emit for each document
	// and report for each problem, and goes on after a problem. An error
	// returned means the source as a whole could not be read (or emit
	// asked to stop); it is counted as failed.
	Read func(ctx context.Context, src Source, opt Options, emit Emit, report Report) error
	// Streams says the reader holds only one record at a time (JSONL, an
	// archive): the file size limit does not apply to it, and the reader
	// bounds each record by Options.MaxBytes itself.
	Streams bool
}

var (
	formatsMu sync.RWMutex
	formats   []Format
)

// Register adds a format. Formats register themselves in init functions;
// registering a second format with the same name replaces the first.
func Register(f Format) {
	formatsMu.Lock()
	defer formatsMu.Unlock()
	for i := range f.Exts {
		f.Exts[i] = strings.ToLower(f.Exts[i])
	}
	for i, g := range formats {
		if g.Name == f.Name {
			formats[i] = f
			return
		}
	}
	formats = append(formats, f)
}

// Formats lists the registered formats sorted by name.
func Formats() []Format {
	formatsMu.RLock()
	defer formatsMu.RUnlock()
	out := append([]Format(nil), formats...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// FormatFor chooses the format for a file name by its ending, the longest
// matching ending winning (".warc.gz" over ".gz"). It returns false when no
// format claims the name.
func FormatFor(name string) (Format, bool) {
	lower := strings.ToLower(name)
	formatsMu.RLock()
	defer formatsMu.RUnlock()
	best, bestLen := Format{}, 0
	for _, f := range formats {
		for _, e := range f.Exts {
			if len(e) > bestLen && strings.HasSuffix(lower, e) && len(lower) > len(e) && strings.HasPrefix(e, ".") {
				best, bestLen = f, len(e)
			}
			// An ending without a dot is a whole file name ("result.json").
			if e != "" && e[0] != '.' && len(e) > bestLen && (lower == e || strings.HasSuffix(lower, "/"+e) || strings.HasSuffix(lower, `\`+e)) {
				best, bestLen = f, len(e)
			}
		}
	}
	return best, bestLen > 0
}

// SniffFormat chooses the format whose Sniff accepts head, trying formats
// in name order so that the choice is deterministic. It returns false when
// none does.
func SniffFormat(head []byte) (Format, bool) {
	for _, f := range Formats() {
		if f.Sniff != nil && f.Sniff(head) {
			return f, true
		}
	}
	return Format{}, false
}

// StripExt removes the ending that selected a format from a file name
// ("a/b.warc.gz" → "a/b"); a name no format claims loses its last
// extension only.
func StripExt(name string) string {
	if f, ok := FormatFor(name); ok {
		lower := strings.ToLower(name)
		for _, e := range f.Exts {
			if strings.HasSuffix(lower, e) {
				return name[:len(name)-len(e)]
			}
		}
	}
	slash := strings.LastIndexAny(name, `/\`)
	if dot := strings.LastIndexByte(name, '.'); dot > slash+1 {
		return name[:dot]
	}
	return name
}

// FinishFile completes a document read from a source that holds one
// document (a text file, a web page): the source's metadata is applied
// over what the reader found, the id is the source's name (standard input:
// its content hash, see ids.go), the outlet falls back to the series, and
// the regions of the text are marked (unless opt.NoRegions).
func FinishFile(d *doc.Document, src Source, opt Options) {
	if d.ID == "" {
		d.ID = src.Name
	}
	ApplyMeta(d, src.Meta)
	if d.ID == "" {
		d.ID = stdinID(d.Text)
	}
	finish(d, opt)
}

// FinishRecord completes a document that is one record of a source with
// many (a JSONL line, an archive record, a message): the source's metadata
// only fills empty fields and never gives the id. A reader gives each
// record its id (RecordID); one that did not is named within its source
// by its content hash. Outlet and regions as in FinishFile.
func FinishRecord(d *doc.Document, src Source, opt Options) {
	fillMeta(d, src.Meta)
	if d.ID == "" {
		d.ID = RecordID(src, HashID(d.Text), d.Text)
	}
	finish(d, opt)
}

func finish(d *doc.Document, opt Options) {
	if d.Outlet == "" {
		d.Outlet = d.Series
	}
	if !opt.NoRegions && !opt.DeferRegions {
		FinishRegions(d)
	}
}

// FinishRegions marks the regions of a document read with
// Options.DeferRegions, as the reader would have.
func FinishRegions(d *doc.Document) {
	MarkRegions(d)
	trimTitleCaption(d)
}

// trimTitleCaption cuts a caption glued to the end of the first line off
// a title that was taken from that line ("Headline FILE PHOTO: ...").
func trimTitleCaption(d *doc.Document) {
	if d.Title == "" {
		return
	}
	at := strings.Index(d.Text, d.Title)
	if at < 0 {
		return
	}
	for _, r := range d.Regions {
		if r.Kind == doc.RegionCaption && r.Begin > at && r.Begin < at+len(d.Title) && r.End >= at+len(d.Title) {
			d.Title = strings.TrimSpace(d.Text[at:r.Begin])
			return
		}
	}
}
