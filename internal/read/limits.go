package read

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/doc"
)

// Kinds of bad input. Readers wrap one of these in the Err of a Problem
// (fmt.Errorf("%w: ...", ErrX, ...)) so that Paths can count problems by
// reason; Reason turns an error into its short name.
var (
	ErrEmpty         = errors.New("empty input")
	ErrTooLarge      = errors.New("input too large")
	ErrBinary        = errors.New("binary data, not text")
	ErrInvalidUTF8   = errors.New("invalid UTF-8")
	ErrMalformed     = errors.New("malformed record")
	ErrWrongType     = errors.New("field of the wrong type")
	ErrNoText        = errors.New("record has no text")
	ErrUnknownFormat = errors.New("unknown input format")
	ErrUnreadable    = errors.New("cannot read")
	// ErrBadDate marks a record that was read but whose date could not be
	// understood; the raw value is kept in Extra["date"]. It is a warning:
	// the record still counts as read.
	ErrBadDate = errors.New("unrecognised date")
	// ErrTruncated marks a document read from a body that was cut short
	// (a compressed page whose end is missing): what decoded was read. It
	// is a warning.
	ErrTruncated = errors.New("cut short")
	// ErrCoerced marks a field given in another type or form than the one
	// wanted (a number for a date, an array for a string, "EN" for a
	// language code) that was read as the nearest value; a warning.
	ErrCoerced = errors.New("field read in another form")
)

// reasons gives each kind of bad input its short name in Stats.Reasons and
// says whether it counts as skipped (nothing lost: there was nothing to
// read) rather than failed.
var reasons = []struct {
	err     error
	name    string
	skipped bool
	warning bool
}{
	// First: an unknown format may also wrap why the content was refused.
	{ErrUnknownFormat, "unknown format", false, false},
	{ErrEmpty, "empty", true, false},
	{ErrTooLarge, "too large", false, false},
	{ErrBinary, "binary", false, false},
	{ErrInvalidUTF8, "invalid utf-8", false, false},
	{ErrMalformed, "malformed", false, false},
	{ErrWrongType, "wrong type", false, false},
	{ErrNoText, "no text", false, false},
	{ErrUnreadable, "unreadable", false, false},
	{fs.ErrPermission, "unreadable", false, false},
	{fs.ErrNotExist, "not found", false, false},
	{ErrBadDate, "bad date", false, true},
	{ErrTruncated, "cut short", false, true},
	{ErrCoerced, "coerced", false, true},
}

// addReason registers a kind of bad input defined in another file of the
// package, with its short name and how it is counted.
func addReason(err error, name string, skipped, warning bool) {
	reasons = append(reasons, struct {
		err     error
		name    string
		skipped bool
		warning bool
	}{err, name, skipped, warning})
}

// Reason is the short name of the kind of an input error, as counted in
// Stats.Reasons ("empty", "binary", "malformed", ...); "error" when the
// error is of no known kind.
func Reason(err error) string {
	for _, r := range reasons {
		if errors.Is(err, r.err) {
			return r.name
		}
	}
	return "error"
}

// severity says how a problem is counted: skipped, failed, or (for a
// warning about a document that was still read) neither.
func severity(err error) (skipped, warning bool) {
	for _, r := range reasons {
		if errors.Is(err, r.err) {
			return r.skipped, r.warning
		}
	}
	return false, false
}

// sniffLen is how much of an input the binary test looks at.
const sniffLen = 8 << 10

// CheckText says why b cannot be read as a text document, or nil when it
// can: binary content (a NUL byte or many control bytes among the first
// 8 KiB), or nothing but white space. Text that is not UTF-8 is decoded
// by DecodeText, which calls it.
func CheckText(b []byte) error {
	_, _, err := DecodeText(b, "")
	return err
}

// DecodeText reads b as a text document: UTF-16 or UTF-32 with a byte
// order mark and text in a legacy encoding are decoded to UTF-8 (the
// declared label, when the source gives one, else detected; decode.go),
// and it fails for binary content and for nothing but white space. enc
// names the encoding decoded from, "utf-8" when nothing was done.
func DecodeText(b []byte, declared string) (text string, enc string, err error) {
	out, enc, _, err := decodeInput(b, declared)
	if err != nil {
		return "", enc, err
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(out, bom))) == 0 {
		if len(b) == 0 {
			return "", enc, fmt.Errorf("%w: no bytes", ErrEmpty)
		}
		return "", enc, fmt.Errorf("%w: %d bytes of white space only", ErrEmpty, len(b))
	}
	return string(out), enc, nil
}

// noteEncoding records in Extra["encoding"] an encoding a document was
// decoded from, when it was not UTF-8.
func noteEncoding(d *doc.Document, enc string) {
	if enc == "" || enc == "utf-8" {
		return
	}
	if d.Extra == nil {
		d.Extra = map[string]any{}
	}
	d.Extra["encoding"] = enc
}

// bom is the UTF-8 byte order mark some editors put before the text.
var bom = []byte{0xEF, 0xBB, 0xBF}

// checkBinary looks at the first 8 KiB of b for signs of binary content.
func checkBinary(b []byte) error {
	head := b
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	if len(head) >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF) {
		return fmt.Errorf("%w: the input is UTF-16 (convert it to UTF-8, for example with iconv)", ErrBinary)
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i)
	}
	control := 0
	for _, c := range head {
		// Tab, newline, form feed and carriage return are text; other C0
		// bytes and DEL are not. Bytes ≥ 0x80 are judged by the UTF-8 test.
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F {
			control++
		}
	}
	// A few stray control bytes occur in real text (pasted escape codes);
	// a tenth of the head is far beyond that and typical of binary formats.
	if len(head) > 0 && control*10 > len(head) {
		return fmt.Errorf("%w (%d control bytes among the first %d)", ErrBinary, control, len(head))
	}
	return nil
}

// firstInvalid is the offset of the first byte of b that is not part of a
// valid UTF-8 sequence, or -1.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// tooLarge is the error for an input of size bytes over the limit.
func tooLarge(size, limit int64) error {
	return fmt.Errorf("%w: %d bytes, the limit is %d (raise it with --max-bytes)", ErrTooLarge, size, limit)
}

// readAllLimited reads r to the end, or fails with ErrTooLarge as soon as
// more than limit bytes arrive, so an over-long stream is never held whole.
func readAllLimited(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrUnreadable, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes (raise the limit with --max-bytes)", ErrTooLarge, limit)
	}
	return b, nil
}
