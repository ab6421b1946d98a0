// Package read is the first stage: it turns files, directories, standard
// input and (in other files of the package) web pages, archives, feeds and
// exports into documents.
//
// Paths walks its arguments (directories recursively, in sorted order,
// hidden entries skipped) and hands each file to the Format registered for
// its ending, or for what its first bytes look like; Register adds formats.
// Plain text, Markdown and passim-style JSONL are read here; a directory's
// meta.jsonl gives metadata for its files. Every document gets a stable id
// (the source's own scoped by its source, else its path; see ids.go), and MarkRegions marks
// the parts of its text that are comments, boilerplate, captions or
// provenance hints; RecurringLines adds an outlet's recurring template
// lines once many documents are known.
//
// Readers never stop at the first bad input. Each problem is reported with
// the file (and line or record) it concerns, counted by reason in Stats,
// and the rest is read. No input is loaded whole when it is larger than
// Options.MaxBytes, and at most one document's text is held at a time.
package read

import (
	"fmt"
	"io"

	"github.com/echotrace/echotrace/internal/doc"
)

// Problem is one input that could not be read, or was read only in part.
type Problem struct {
	Path   string // file, or "-" for standard input
	Line   int    // 1-based line of a line-oriented file, 0 when not known
	Record string // record within an archive or export (WARC record id, message id), if any
	Err    error
}

func (p Problem) Error() string {
	loc := p.Path
	if p.Line > 0 {
		loc = fmt.Sprintf("%s:%d", loc, p.Line)
	}
	if p.Record != "" {
		loc = fmt.Sprintf("%s (record %s)", loc, p.Record)
	}
	return fmt.Sprintf("%s: %v", loc, p.Err)
}

func (p Problem) Unwrap() error { return p.Err }

// Emit receives each document read. Returning an error stops reading.
type Emit func(doc.Document) error

// Report receives each problem; reading goes on after it.
type Report func(Problem)

// DefaultMaxBytes is the largest input file (and JSONL line) read when
// Options.MaxBytes is not set: 32 MiB.
const DefaultMaxBytes = 32 << 20

// Options control reading. The zero value is usable.
type Options struct {
	// MaxBytes is the largest file, and the longest JSONL line, that is
	// read; larger inputs are reported and skipped without being loaded.
	// Zero means DefaultMaxBytes.
	MaxBytes int64
	// Root is the ingest root: the ids of files are their paths relative
	// to it (see ids.go). Empty means the directory each walk starts from
	// (for a file named directly, its directory).
	Root string
	// Stdin is read for the path "-"; nil means no standard input.
	Stdin io.Reader
	// NoRegions turns off MarkRegions in the readers (for debugging the
	// region rules; the pipeline leaves it false).
	NoRegions bool
	// DeferRegions leaves MarkRegions to the caller, who calls
	// FinishRegions on each document: the pipeline marks a batch of
	// documents on all cores while the reader goes on reading.
	DeferRegions bool
}

// maxBytes is the effective size limit.
func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}
