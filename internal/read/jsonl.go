package read

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/doc"
)

func init() {
	Register(Format{
		Name:  "jsonl",
		Exts:  []string{".jsonl", ".ndjson"},
		Sniff: sniffJSONL,
		Read:  readJSONL,
		// Passim corpora are large files of many records; each line is
		// bounded instead.
		Streams: true,
	})
}

// sniffJSONL accepts input whose first non-space byte opens an object that
// starts on the same line ({"id": ...): one object per line. A pretty
// printed JSON document ("{" alone on its first line) is left to others.
func sniffJSONL(head []byte) bool {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
	if len(head) == 0 || head[0] != '{' {
		return false
	}
	rest := bytes.TrimLeft(head[1:], " \t")
	return len(rest) == 0 || rest[0] == '"' || rest[0] == '}'
}

// readJSONL reads one document per line in passim's fields. Bad lines are
// reported with their line number and skipped; the rest of the file is read.
func readJSONL(ctx context.Context, src Source, opt Options, emit Emit, report Report) error {
	br := bufio.NewReaderSize(src.R, 64<<10)
	head, _ := br.Peek(sniffLen)
	if err := checkBinary(head); err != nil {
		return err
	}
	lines := newLineReader(br, opt.maxBytes())
	records := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, length, err := lines.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%w after line %d: %w", ErrUnreadable, lines.n, err)
		}
		if lines.n == 1 {
			line = bytes.TrimPrefix(line, bom)
		}
		if line == nil && length > 0 {
			records++
			report(Problem{Path: src.Path, Line: lines.n, Err: fmt.Errorf("%w: line of %d bytes, the limit is %d (raise it with --max-bytes)", ErrTooLarge, length, opt.maxBytes())})
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		records++
		d, warnings, err := parseRecord(line, true)
		if err != nil {
			report(Problem{Path: src.Path, Line: lines.n, Err: err})
			continue
		}
		for _, w := range warnings {
			report(Problem{Path: src.Path, Line: lines.n, Err: w})
		}
		if src.Path != "-" {
			d.Path = src.Path
		}
		d.Line = lines.n
		if d.ID == "" {
			d.ID = RecordID(src, strconv.Itoa(lines.n), d.Text)
		}
		FinishRecord(&d, src, opt)
		if err := emit(d); err != nil {
			return err
		}
	}
	if records == 0 {
		return fmt.Errorf("%w: no records", ErrEmpty)
	}
	return nil
}

// stringFields are the known string fields of a record and where they go.
var stringFields = map[string]func(*doc.Document) *string{
	"series": func(d *doc.Document) *string { return &d.Series },
	"date":   func(d *doc.Document) *string { return &d.Date },
	"text":   func(d *doc.Document) *string { return &d.Text },
	"url":    func(d *doc.Document) *string { return &d.URL },
	"title":  func(d *doc.Document) *string { return &d.Title },
	"outlet": func(d *doc.Document) *string { return &d.Outlet },
	"lang":   func(d *doc.Document) *string { return &d.Lang },
	"author": func(d *doc.Document) *string { return &d.Author },
}

// parseRecord reads one JSON object with passim's fields into a document;
// fields it has no column for go to Extra verbatim (numbers keep their
// exact text). With needText, a record without text is an error.
// Warnings are problems that did not stop the record from being read.
func parseRecord(line []byte, needText bool) (doc.Document, []error, error) {
	if !utf8.Valid(line) {
		return doc.Document{}, nil, fmt.Errorf("%w at byte offset %d of the line", ErrInvalidUTF8, firstInvalid(line))
	}
	obj, ok := flatObject(line)
	if !ok {
		var err error
		if obj, err = decodeObject(line); err != nil {
			return doc.Document{}, nil, err
		}
	}
	var d doc.Document
	var warnings []error
	hasText := false
	for k, v := range obj {
		if k == "id" {
			switch id := v.(type) {
			case string:
				d.ID = id
			case json.Number: // numeric ids are common in exports; keep their exact text
				d.ID = id.String()
			case nil:
			default:
				return doc.Document{}, nil, fmt.Errorf("%w: \"id\" is %s, want a string or a number", ErrWrongType, jsonKind(v))
			}
			continue
		}
		field, known := stringFields[k]
		if !known {
			if d.Extra == nil {
				d.Extra = map[string]any{}
			}
			d.Extra[k] = v
			continue
		}
		switch x := v.(type) {
		case string:
			*field(&d) = x
			if k == "text" {
				hasText = true
			}
		case nil:
		default:
			s, ok := coerceString(k, x)
			if !ok {
				// Kept as it came, so that nothing is lost.
				if d.Extra == nil {
					d.Extra = map[string]any{}
				}
				d.Extra[k] = v
				warnings = append(warnings, fmt.Errorf("%w: %q is %s, want a string; kept in extra", ErrCoerced, k, jsonKind(v)))
				continue
			}
			*field(&d) = s
			if k == "text" {
				hasText = true
			}
			warnings = append(warnings, fmt.Errorf("%w: %q is %s, read as %q", ErrCoerced, k, jsonKind(v), clip(s, 40)))
		}
	}
	if d.Lang != "" {
		if code := langCode(d.Lang); code != d.Lang {
			if code == "" {
				if d.Extra == nil {
					d.Extra = map[string]any{}
				}
				d.Extra["lang"] = d.Lang
				warnings = append(warnings, fmt.Errorf("%w: \"lang\" %q is no ISO 639 code; kept in extra, the language is detected", ErrCoerced, d.Lang))
			} else {
				warnings = append(warnings, fmt.Errorf("%w: \"lang\" %q read as %q", ErrCoerced, d.Lang, code))
			}
			d.Lang = code
		}
	}
	if needText {
		if !hasText {
			return doc.Document{}, nil, fmt.Errorf("%w: no \"text\" field", ErrNoText)
		}
		if len(bytes.TrimSpace([]byte(d.Text))) == 0 {
			if strings.TrimSpace(d.Title) == "" {
				return doc.Document{}, nil, fmt.Errorf("%w: \"text\" is empty", ErrEmpty)
			}
			// A record that carries only a headline is a short
			// document, not nothing: the headline is its text.
			d.Text = strings.TrimSpace(d.Title)
		}
	}
	if d.Date != "" {
		if _, ok := doc.ParseDate(d.Date); !ok {
			if norm, ok := coerceDate(d.Date); ok {
				warnings = append(warnings, fmt.Errorf("%w: \"date\" %q read as %s", ErrCoerced, d.Date, norm))
				d.Date = norm
			}
		}
		if _, ok := doc.ParseDate(d.Date); !ok {
			warnings = append(warnings, fmt.Errorf("%w %q (want RFC 3339 or YYYY-MM-DD); kept in extra as \"date\"", ErrBadDate, d.Date))
			if d.Extra == nil {
				d.Extra = map[string]any{}
			}
			d.Extra["date"] = d.Date
			d.Date = ""
		}
	}
	return d, warnings, nil
}

// decodeObject decodes a line that holds one JSON object with
// encoding/json: numbers keep their exact text.
func decodeObject(line []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return nil, fmt.Errorf("%w: the line is a JSON %s, not an object", ErrMalformed, typeErr.Value)
		}
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if obj == nil {
		return nil, fmt.Errorf("%w: the line is null, not an object", ErrMalformed)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: more than one JSON value on the line", ErrMalformed)
	}
	return obj, nil
}

// coerceString turns a value of another JSON type into the string a field
// wants: a number's text (a "date" given as a number is a Unix time, in
// seconds or milliseconds), an array of strings and numbers joined
// (paragraphs of "text" by blank lines, other fields by commas). ok is
// false for values that have no sensible string (objects, nested arrays).
func coerceString(field string, v any) (string, bool) {
	switch x := v.(type) {
	case json.Number:
		if field == "date" {
			return unixDate(x)
		}
		return x.String(), true
	case bool:
		return strconv.FormatBool(x), true
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			switch y := e.(type) {
			case string:
				parts = append(parts, y)
			case json.Number:
				parts = append(parts, y.String())
			case nil:
			default:
				return "", false
			}
		}
		sep := ", "
		switch field {
		case "text":
			sep = "\n\n"
		case "title":
			sep = " "
		}
		return strings.Join(parts, sep), true
	}
	return "", false
}

// unixDate reads a number as a Unix time: seconds, or milliseconds when
// it is too large to be seconds of this era.
func unixDate(n json.Number) (string, bool) {
	f, err := n.Float64()
	if err != nil || f <= 0 {
		return "", false
	}
	if f > 1e11 { // milliseconds: 1e11 seconds is the year 5138
		f /= 1000
	}
	return time.Unix(int64(f), 0).UTC().Format(time.RFC3339), true
}

// dateLayouts are date forms common in exports that echotrace's own
// (RFC 3339, YYYY-MM-DD) do not cover: Spark and Java write the zone
// without a colon, databases a space and fractions, mail RFC 1123.
var coercedDateLayouts = []string{
	"2006-01-02T15:04:05.000-0700",
	"2006-01-02T15:04:05-0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05-07:00",
	"2006-01-02 15:04:05 -0700",
	time.RFC1123Z,
	time.RFC1123,
	"2006/01/02",
	"02.01.2006",
}

// coerceDate reads a date in one of coercedDateLayouts, or a Unix time
// given as a string, and writes it in RFC 3339.
func coerceDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, l := range coercedDateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && l == "2006/01/02" || l == "02.01.2006" {
				return t.Format("2006-01-02"), true
			}
			return t.UTC().Format(time.RFC3339), true
		}
	}
	if n := json.Number(s); len(s) >= 9 && strings.Trim(s, "0123456789") == "" {
		return unixDate(n)
	}
	return "", false
}

// jsonKind names the JSON type of a decoded value for messages.
func jsonKind(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return "null"
}

// lineReader yields the lines of a stream with a bounded buffer: a line
// longer than the limit is consumed without being kept.
type lineReader struct {
	br    *bufio.Reader
	limit int64
	n     int // number of the line last returned, 1-based
	buf   []byte
}

func newLineReader(br *bufio.Reader, limit int64) *lineReader {
	return &lineReader{br: br, limit: limit}
}

// next returns the next line without its line ending and its length in
// bytes. For a line over the limit it returns a nil line and the length.
// It returns io.EOF after the last line.
func (l *lineReader) next() ([]byte, int64, error) {
	l.buf = l.buf[:0]
	var length int64
	over := false
	for {
		chunk, err := l.br.ReadSlice('\n')
		length += int64(len(chunk))
		if !over {
			if int64(len(l.buf)+len(chunk)) > l.limit+2 { // +2: the line ending is not part of the line
				over = true
				l.buf = l.buf[:0]
			} else {
				l.buf = append(l.buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && err != io.EOF {
			return nil, 0, err
		}
		if err == io.EOF && length == 0 {
			return nil, 0, io.EOF
		}
		l.n++
		if over {
			return nil, length, nil
		}
		line := bytes.TrimSuffix(bytes.TrimSuffix(l.buf, []byte("\n")), []byte("\r"))
		if int64(len(line)) > l.limit {
			return nil, length, nil
		}
		return line, int64(len(line)), nil
	}
}
