package export

import (
	"bufio"
	"encoding/xml"
	"io"
)

// xmlWriter writes XML by hand, so that a graph of a million nodes streams
// out without a document tree in memory. Every text and attribute value
// goes through xml.EscapeText, which also replaces characters XML 1.0 does
// not allow (control characters in a scanned text) with U+FFFD, so the
// file is always well-formed.
type xmlWriter struct {
	w     *bufio.Writer
	err   error
	nodes int64
	edges int64
}

func newXMLWriter(w io.Writer) *xmlWriter { return &xmlWriter{w: buffered(w)} }

// raw writes markup as it is.
func (x *xmlWriter) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

// text writes s escaped, for element content and attribute values.
func (x *xmlWriter) text(s string) {
	if x.err == nil {
		x.err = xml.EscapeText(x.w, []byte(s))
	}
}

// attr writes ` name="value"`.
func (x *xmlWriter) attr(name, value string) {
	x.raw(" " + name + `="`)
	x.text(value)
	x.raw(`"`)
}

func (x *xmlWriter) counts() (nodes, edges int64) { return x.nodes, x.edges }

// finish flushes and returns the first error met.
func (x *xmlWriter) finish() error {
	if x.err == nil {
		x.err = x.w.Flush()
	}
	return x.err
}
