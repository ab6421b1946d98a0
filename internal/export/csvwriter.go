package export

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// csvWriter writes RFC 4180 records: fields separated by commas, records
// ended by CRLF, a field quoted when it holds a comma, a quote, CR or LF
// or begins with a space, and quotes inside doubled. Unlike encoding/csv
// with UseCRLF it writes a field's own line breaks unchanged, so a text
// with CR LF or a lone CR reads back byte for byte (pandas keeps them;
// encoding/csv turns CR LF inside a field into LF when reading).
type csvWriter struct {
	w    *bufio.Writer
	rows int64
}

func newCSVWriter(w io.Writer) *csvWriter { return &csvWriter{w: buffered(w)} }

// buffered is w when it buffers already, else w buffered.
func buffered(w io.Writer) *bufio.Writer {
	if bw, ok := w.(*bufio.Writer); ok {
		return bw
	}
	return bufio.NewWriter(w)
}

// write writes one record.
func (c *csvWriter) write(fields ...string) error {
	for i, f := range fields {
		if i > 0 {
			c.w.WriteByte(',')
		}
		if f == "" || !(strings.ContainsAny(f, ",\"\r\n") || f[0] == ' ' || f[0] == '\t') {
			c.w.WriteString(f)
			continue
		}
		c.w.WriteByte('"')
		c.w.WriteString(strings.ReplaceAll(f, `"`, `""`))
		c.w.WriteByte('"')
	}
	_, err := c.w.WriteString("\r\n")
	c.rows++
	return err
}

// flush writes out what is buffered.
func (c *csvWriter) flush() error { return c.w.Flush() }

func itoa(n int) string { return strconv.Itoa(n) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func btoa(b bool) string { return strconv.FormatBool(b) }

// optInt is a number, or "" when it is missing.
func optInt(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}
