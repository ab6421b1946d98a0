package read

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// Inputs come in many encodings, and the label they carry (an HTTP
// charset, a <meta> or XML declaration) is missing or wrong often enough
// that it cannot decide alone. The rules, in order:
//
//  1. A byte order mark decides: UTF-8, UTF-16 or UTF-32, either order.
//  2. Valid UTF-8 is UTF-8, whatever is declared: text in a single-byte
//     encoding that happens to be valid UTF-8 with non-ASCII letters is
//     vanishingly rare, while UTF-8 pages labelled (or defaulted to)
//     windows-1252 are common ("there’s" read as "thereâ€™s").
//  3. A declared encoding that echotrace knows is used.
//  4. Otherwise the encoding is detected from the content (windows-1251,
//     KOI8-R, latin-1, Shift_JIS, GB18030, ...), falling back to
//     windows-1252, which maps every byte.

// boms are the byte order marks, longest first (UTF-32 LE starts like
// UTF-16 LE).
var boms = []struct {
	mark []byte
	name string
	enc  encoding.Encoding
}{
	{[]byte{0x00, 0x00, 0xFE, 0xFF}, "utf-32be", utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM)},
	{[]byte{0xFF, 0xFE, 0x00, 0x00}, "utf-32le", utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM)},
	{[]byte{0xEF, 0xBB, 0xBF}, "utf-8", unicode.UTF8BOM},
	{[]byte{0xFE, 0xFF}, "utf-16be", unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)},
	{[]byte{0xFF, 0xFE}, "utf-16le", unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)},
}

// unicodeBOM reports the encoding a byte order mark at the start of b
// names, or "" when there is none. A UTF-8 mark is not reported: UTF-8
// needs no decoding.
func unicodeBOM(b []byte) (string, encoding.Encoding) {
	for _, m := range boms {
		if bytes.HasPrefix(b, m.mark) {
			if m.name == "utf-8" {
				return "", nil
			}
			return m.name, m.enc
		}
	}
	return "", nil
}

// decodeText turns b into UTF-8 by the rules above; declared is the
// encoding label the input carries, if any. It returns the name of the
// encoding it decoded from ("utf-8" when nothing was done) and, when the
// encoding was detected rather than declared, detected is true.
func decodeText(b []byte, declared string) (out []byte, name string, detected bool, err error) {
	if name, enc := unicodeBOM(b); enc != nil {
		out, err := enc.NewDecoder().Bytes(b)
		if err != nil {
			return nil, name, false, fmt.Errorf("%w: %s: %v", ErrInvalidUTF8, name, err)
		}
		return out, name, false, nil
	}
	if utf8.Valid(b) {
		return b, "utf-8", false, nil
	}
	if mostlyUTF8(b) {
		// A UTF-8 text with a few bad bytes (a truncated download, a
		// pasted fragment): the bad bytes become U+FFFD, the rest stays.
		return bytes.ToValidUTF8(b, []byte("\uFFFD")), "utf-8", false, nil
	}
	if enc, n := lookupEncoding(declared); enc != nil && n != "utf-8" {
		if out, err := enc.NewDecoder().Bytes(b); err == nil {
			return out, n, false, nil
		}
	}
	enc, n := detectEncoding(b)
	out, err = enc.NewDecoder().Bytes(b)
	if err != nil {
		return nil, n, true, fmt.Errorf("%w: not UTF-8, and decoding as %s failed: %v", ErrInvalidUTF8, n, err)
	}
	return out, n, true, nil
}

// mostlyUTF8 says whether b is UTF-8 with a few bad bytes rather than
// text in another encoding: its valid multi-byte sequences outnumber its
// invalid bytes four to one. In a legacy encoding, bytes over 0x7F seldom
// form valid UTF-8 sequences at all.
func mostlyUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			invalid++
			i++
			continue
		}
		valid++
		i += n
	}
	return valid > 0 && valid >= 4*invalid
}

// lookupEncoding finds an encoding by its label (WHATWG names and
// aliases: "latin1" is windows-1252, as browsers read it).
func lookupEncoding(label string) (encoding.Encoding, string) {
	label = strings.Trim(strings.TrimSpace(label), `"'`)
	if label == "" {
		return nil, ""
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, ""
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		name = strings.ToLower(label)
	}
	return enc, name
}

// detectEncoding guesses the encoding of bytes that are not UTF-8 from
// their statistics; windows-1252 when nothing better is found.
func detectEncoding(b []byte) (encoding.Encoding, string) {
	sample := b
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	if r, err := chardet.NewTextDetector().DetectBest(sample); err == nil && r != nil {
		if enc, name := lookupEncoding(r.Charset); enc != nil && name != "utf-8" {
			return enc, name
		}
	}
	enc, _ := htmlindex.Get("windows-1252")
	return enc, "windows-1252"
}

// decodeInput checks that b is text and decodes it (decodeText): the
// binary test looks at the bytes as they are, except for UTF-16 and
// UTF-32 with a byte order mark, which are decoded first (their ASCII
// letters hold NUL bytes).
func decodeInput(b []byte, declared string) ([]byte, string, bool, error) {
	if _, enc := unicodeBOM(b); enc == nil {
		if err := checkBinary(b); err != nil {
			return nil, "", false, err
		}
	}
	out, name, detected, err := decodeText(b, declared)
	if err != nil {
		return nil, name, detected, err
	}
	if err := checkBinary(out); err != nil {
		return nil, name, detected, err
	}
	return out, name, detected, nil
}

var (
	metaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)
	xmlEncoding = regexp.MustCompile(`(?i)<\?xml[^>]*?encoding\s*=\s*["']\s*([a-z0-9_:.\-]+)`)
)

// declaredCharset is the encoding an HTML or XML document declares in its
// first 1024 bytes (<meta charset>, <meta http-equiv> or the XML
// declaration), or "".
func declaredCharset(b []byte) string {
	head := b[:min(len(b), 1024)]
	if m := xmlEncoding.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	if m := metaCharset.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

// contentTypeCharset is the charset parameter of a Content-Type, or "".
func contentTypeCharset(ct string) string {
	if _, params, err := mime.ParseMediaType(ct); err == nil {
		return params["charset"]
	}
	return ""
}
