package report

import (
	"bufio"
	"io"
	"strings"
)

// WriteText writes the human report, at most Width columns to a line: a
// summary, then each section that has something to say. text returns a
// document's original text so that passages can be quoted; it may be nil,
// or return "" for a document whose text is not at hand, and the report
// then gives byte ranges without excerpts.
func WriteText(w io.Writer, r *Report, text func(docID string) string) error {
	if r == nil {
		r = &Report{}
	}
	p := &printer{w: bufio.NewWriter(w), docs: docIndex(r.Documents), text: text}
	for _, s := range sections {
		if s.text != nil {
			s.text(p, r)
		}
	}
	return p.w.Flush()
}

// printer writes the text report. Everything goes through its methods,
// which wrap and clean, so no line is wider than Width and no document text
// reaches the terminal unfiltered. Write errors are kept by the
// bufio.Writer and returned by Flush.
type printer struct {
	w    *bufio.Writer
	docs map[string]DocInfo
	text func(docID string) string
}

// para writes prose wrapped to Width, the first line starting with first
// and the others with rest.
func (p *printer) para(first, rest, s string) {
	p.lines(wrap(s, first, rest, Width))
}

// units writes unbreakable units wrapped to Width.
func (p *printer) units(first, rest string, units []string) {
	p.lines(wrapUnits(units, first, rest, Width))
}

func (p *printer) lines(ls []string) {
	for _, l := range ls {
		p.w.WriteString(l)
		p.w.WriteByte('\n')
	}
}

// heading starts a section with a blank line, its title and a rule.
func (p *printer) heading(title string) {
	title = truncate(clean(title), Width)
	p.w.WriteString("\n" + title + "\n" + strings.Repeat("-", measure(title)) + "\n")
}

func (p *printer) blank() { p.w.WriteByte('\n') }

// docText is a document's original text, or "" when it is not at hand.
func (p *printer) docText(id string) string {
	if p.text == nil {
		return ""
	}
	return p.text(id)
}
