// Package read is the first stage: it turns files, directories, standard
// input and (later) archives, feeds and exports into documents.
//
// Readers never stop at the first bad input. Each problem is reported with
// the file (and line or record) it concerns, and the rest is read.
package read

import (
	"fmt"

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
