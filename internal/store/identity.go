package store

import (
	"errors"
	"fmt"
	"path"
	"strings"
)

// Document identity in the store. An id names one record of one source
// (see the read package): putting a document whose id is stored updates
// that document, because it is the same record read again, perhaps
// edited. Two things are not updates:
//
//   - A clash: the stored document under that id came from another file
//     and has another text. That is a different record that happens to
//     carry the same id (two JSONL files both numbering from 1); it is
//     rejected with ErrIDClash, and the stored one is kept.
//   - A legacy document: databases made before ids were scoped by their
//     source named documents by file stem ("index") or content hash, which
//     merged equal texts of different sources. The migration marks those
//     rows; when a document with a new id arrives that is the same record
//     as a legacy row (equal text, read from the same file and line), the
//     row takes the new id instead of a copy being added. A legacy row
//     that had swallowed another source's record is taken by one of them;
//     the other is added, as it always should have been.

// ErrIDClash marks a document not stored because its id names a different
// record already stored.
var ErrIDClash = errors.New("id already names a different record")

// Stored is what a backend knows of a stored document when deciding what
// a put of the same id means.
type Stored struct {
	Path        string
	ContentHash string
}

// Clash says why r must not replace the stored document s under the same
// id, or nil when it may (it is the same record, read again or edited).
func Clash(s Stored, r Record) error {
	if s.ContentHash == r.ContentHash || s.Path == "" || r.Doc.Path == "" || s.Path == r.Doc.Path {
		return nil
	}
	return fmt.Errorf("%w: %q is stored from %s with another text; rename one of them (the stored document is kept)", ErrIDClash, r.Doc.ID, s.Path)
}

// ClashRejection is the rejection of a document for a clash.
func ClashRejection(r Record, err error) Rejection {
	return Rejection{ID: r.Doc.ID, Path: r.Doc.Path, Line: r.Doc.Line, Err: err}
}

// SameLegacyRecord says whether a legacy row (stored path and line, text
// equal to r's by the caller's content hash lookup) is the record r was
// read from: the same file (the same path, or the same file name when the
// path was given from another directory) and line.
func SameLegacyRecord(storedPath string, storedLine int, r Record) bool {
	d := r.Doc
	if storedLine != d.Line {
		return false
	}
	if storedPath == d.Path {
		return true
	}
	base := func(p string) string { return path.Base(strings.ReplaceAll(p, `\`, "/")) }
	return storedPath != "" && d.Path != "" && base(storedPath) == base(d.Path)
}

// WithRejections joins the rejections of a batch into one error.
func WithRejections(err error, more []Rejection) error {
	if len(more) == 0 {
		return err
	}
	var rej *RejectedError
	if errors.As(err, &rej) {
		return &RejectedError{Rejected: append(append([]Rejection(nil), rej.Rejected...), more...)}
	}
	return &RejectedError{Rejected: more}
}
