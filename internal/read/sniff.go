package read

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
)

// Files whose ending names no format (a feed saved as .xml, a page saved
// as "article.php?id=5" or with no ending at all) are judged by their
// content; what is not a document echotrace reads is named with why.

// ErrUnsupported marks a document in a format echotrace does not read
// (PDF, office documents, CSV): the input failed, and the message says
// what to do instead.
var ErrUnsupported = errors.New("format not supported")

// ErrNotDocument marks a file a walk passes over because it holds no
// document (an image, other binary data, a hidden entry): skipped.
var ErrNotDocument = errors.New("not a document")

func init() {
	addReason(ErrUnsupported, "unsupported", false, false)
	addReason(ErrNotDocument, "not a document", true, false)
}

// magics are the first bytes of formats that are not text, and what they
// are.
var magics = []struct {
	prefix string
	what   string
	err    error
}{
	{"%PDF-", "PDF is not supported: extract its text first (for example with pdftotext) and ingest the .txt", ErrUnsupported},
	{"PK\x03\x04", "ZIP archives and office documents (.docx, .odt, .xlsx) are not supported: unpack them or save the text as .txt", ErrUnsupported},
	{"{\\rtf", "RTF is not supported: save the text as .txt", ErrUnsupported},
	{"\xD0\xCF\x11\xE0", "old office documents (.doc, .xls) are not supported: save the text as .txt", ErrUnsupported},
	{"\xFF\xD8\xFF", "a JPEG image", ErrNotDocument},
	{"\x89PNG", "a PNG image", ErrNotDocument},
	{"GIF8", "a GIF image", ErrNotDocument},
}

// unsupportedEndings name data formats that are text but not documents.
var unsupportedEndings = map[string]string{
	".csv":  "CSV is not supported: convert it to JSONL, one document a line with a \"text\" field",
	".tsv":  "TSV is not supported: convert it to JSONL, one document a line with a \"text\" field",
	".json": "JSON that is not a Telegram export is not supported: convert it to JSONL, one document a line",
	".xml":  "XML that is not an RSS or Atom feed is not supported",
}

// refuse says why a file whose ending names no format, with the given
// first bytes, is not read, or nil when it is to be read as text.
func refuse(name string, head []byte) error {
	for _, m := range magics {
		if m.err != nil && bytes.HasPrefix(head, []byte(m.prefix)) {
			return wrapReason(m.err, m.what)
		}
	}
	if msg, ok := unsupportedEndings[strings.ToLower(filepath.Ext(name))]; ok {
		return wrapReason(ErrUnsupported, msg)
	}
	if err := checkBinary(head); err != nil {
		if _, enc := unicodeBOM(head); enc == nil {
			return wrapReason(ErrNotDocument, "binary data, not text: "+err.Error())
		}
	}
	return nil
}

func wrapReason(kind error, msg string) error { return &reasonError{kind: kind, msg: msg} }

// reasonError is a kind of problem with its own message.
type reasonError struct {
	kind error
	msg  string
}

func (e *reasonError) Error() string { return e.kind.Error() + ": " + e.msg }
func (e *reasonError) Unwrap() error { return e.kind }
