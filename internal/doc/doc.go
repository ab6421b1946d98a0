// Package doc defines the document model that flows through every stage of
// echotrace: what was read, where it came from, and which parts of its text
// are the article itself.
//
// It sits before the first stage (read) and imports nothing of the project,
// so every stage may use it.
package doc

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// Document is one text as read from a file, a JSONL record, a web page or a
// message. Text is kept exactly as read (after decoding to UTF-8); every
// offset anywhere in echotrace is a byte offset into Text.
type Document struct {
	ID     string `json:"id"`               // stable identity: the source's own id scoped by its source, else its path (read/ids.go)
	Path   string `json:"path,omitempty"`   // file it was read from, if any
	Line   int    `json:"line,omitempty"`   // line of a JSONL file, if any
	Series string `json:"series,omitempty"` // passim's series (the publication)
	Title  string `json:"title,omitempty"`
	Outlet string `json:"outlet,omitempty"`
	Author string `json:"author,omitempty"`
	URL    string `json:"url,omitempty"`
	Lang   string `json:"lang,omitempty"`
	// Date is the publication date as given (RFC 3339 or YYYY-MM-DD), or
	// empty when unknown. Use Time to compare dates.
	Date string `json:"date,omitempty"`
	Text string `json:"text"`
	// Regions mark parts of Text that are not the article's own body
	// (comments, boilerplate, captions) or that carry provenance hints.
	// They never overlap and are sorted by Begin.
	Regions []Region `json:"regions,omitempty"`
	// Extra keeps source fields echotrace has no column for, verbatim.
	Extra map[string]any `json:"extra,omitempty"`
}

// RegionKind says what a Region of a document's text is.
type RegionKind string

// Kinds of regions. Comment and Boilerplate regions are not counted as the
// article's own text in reuse relations; Hint regions are article text that
// also says something about provenance ("Originally published on X").
const (
	RegionComment     RegionKind = "comment"
	RegionBoilerplate RegionKind = "boilerplate"
	RegionCaption     RegionKind = "caption"
	RegionHint        RegionKind = "hint"
)

// Region is a byte range of a document's Text with a kind and, for hints,
// what the hint says (for example the name of the original outlet).
type Region struct {
	Kind  RegionKind `json:"kind"`
	Begin int        `json:"begin"`
	End   int        `json:"end"`
	Note  string     `json:"note,omitempty"`
}

// Span is a half-open byte range [Begin, End) of a document's Text.
type Span struct {
	Begin int `json:"begin"`
	End   int `json:"end"`
}

// Len is the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Begin }

// ContentHash is the hex SHA-256 of a text: the identity of a document
// that has no id of its own.
func ContentHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// dateLayouts are the forms Date may take, most specific first.
var dateLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02",
	"2006-01",
	"2006",
}

// ParseDate reads a date in one of the forms echotrace accepts. It returns
// false when s is empty or not a date.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Time is the document's date, and false when it has none.
func (d *Document) Time() (time.Time, bool) { return ParseDate(d.Date) }

// Excluded reports whether the byte offset lies in a region that is not
// the article's own text (comment, boilerplate or caption).
func (d *Document) Excluded(off int) bool {
	for _, r := range d.Regions {
		if off < r.Begin {
			return false
		}
		if off < r.End {
			return r.Kind == RegionComment || r.Kind == RegionBoilerplate || r.Kind == RegionCaption
		}
	}
	return false
}
