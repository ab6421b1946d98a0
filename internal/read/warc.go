package read

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
)

// WARC files are web archives: a sequence of records, each a block of
// WARC headers, a blank line, Content-Length bytes of content and two line
// breaks. A .warc.gz holds one gzip member per record, so that a damaged
// member costs one record and the reader can resynchronise at the next.
// No WARC module is available to echotrace, hence this small reader; it
// streams, holding at most one record's content (bounded by MaxBytes).

func init() {
	Register(Format{Name: "warc", Exts: []string{".warc", ".warc.gz", ".arc", ".arc.gz"}, Sniff: sniffWARC, Read: readWARC, Streams: true})
}

// sniffWARC recognises a WARC or ARC file, plain or gzipped, by its first
// record's version line or an ARC file's "filedesc://" header.
func sniffWARC(head []byte) bool {
	isArchive := func(b []byte) bool {
		return bytes.HasPrefix(b, []byte("WARC/")) || bytes.HasPrefix(b, []byte("filedesc://"))
	}
	if isArchive(head) {
		return true
	}
	if len(head) < 2 || head[0] != 0x1f || head[1] != 0x8b {
		return false
	}
	zr, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return false
	}
	b := make([]byte, 11)
	n, _ := io.ReadFull(zr, b)
	return isArchive(b[:n])
}

// maxWARCHeader bounds one record's header block: WARC headers are a few
// hundred bytes; anything much longer is not a header.
const maxWARCHeader = 64 << 10

// WARCRecord is one record's headers and content as read from an archive.
type WARCRecord struct {
	Header textproto.MIMEHeader // WARC headers, canonical keys ("Warc-Type")
	Offset int64                // byte offset of the record (of its gzip member in a .warc.gz)
	// Content is the record block; it is valid only until the next record
	// is read and must be drained or left alone (the reader skips what
	// is not read).
	Content io.Reader
	Length  int64 // Content-Length of the block
	// ARC says the record came from an ARC file: its header fields were
	// made from the ARC record's header line.
	ARC bool
}

// ID names the record in messages: its WARC-Record-ID, else its offset.
func (r *WARCRecord) ID() string {
	if id := r.Header.Get("WARC-Record-ID"); id != "" {
		return id
	}
	return "offset " + strconv.FormatInt(r.Offset, 10)
}

// countReader counts the bytes taken from a buffered reader. It implements
// io.ByteReader so that gzip reads from it byte-exactly and the count is the
// true offset in the compressed file.
type countReader struct {
	br *bufio.Reader
	n  int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.br.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *countReader) ReadByte() (byte, error) {
	b, err := c.br.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

// WARCVisit is called for each record. Returning an error stops the walk
// and is returned by ReadWARC.
type WARCVisit func(rec *WARCRecord) error

// ReadWARC walks the records of a WARC or ARC file, plain or gzipped
// (detected by its first bytes). The members of a gzipped file are read
// as one stream, so a record split over members is read whole; a damaged
// member is reported and the walk goes on at the next member. A record
// whose Content-Length is wrong is read up to the next record and named;
// anything else unreadable is named and skipped up to the next record
// (warc_records.go). The error returned is that of visit, or of reading r
// itself.
func ReadWARC(r io.Reader, path string, visit WARCVisit, report Report) error {
	_, err := readRecords(r, path, visit, report)
	return err
}

// readRecords is ReadWARC that also counts the records found.
func readRecords(r io.Reader, path string, visit WARCVisit, report Report) (int, error) {
	cr := &countReader{br: bufio.NewReaderSize(r, 64<<10)}
	p := &recordParser{path: path, visit: visit, report: report}
	magic, _ := cr.br.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		p.members = newMemberStream(cr, path, report)
		p.br = bufio.NewReaderSize(p.members, 64<<10)
	} else {
		p.br = cr.br
	}
	err := p.run()
	return p.records, err
}

// resyncGzip skips ahead to the next gzip member header (1f 8b 08). It
// returns false at the end of the input.
func resyncGzip(cr *countReader) bool {
	for {
		b, err := cr.br.Peek(3)
		if len(b) < 3 || err != nil {
			_, _ = io.Copy(io.Discard, cr)
			return false
		}
		if b[0] == 0x1f && b[1] == 0x8b && b[2] == 0x08 {
			return true
		}
		_, _ = cr.ReadByte()
	}
}

// readLimitedLine reads one line (with its ending) of at most limit bytes.
func readLimitedLine(br *bufio.Reader, limit int) (string, int64, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		buf = append(buf, chunk...)
		if len(buf) > limit {
			return "", int64(len(buf)), fmt.Errorf("line longer than %d bytes", limit)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return string(buf), int64(len(buf)), err
		}
		return string(buf), int64(len(buf)), nil
	}
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// readWARC turns the response and resource records of an archive holding
// web pages or text into documents; requests, metadata, redirects, error
// pages and non-text payloads are passed over silently, since an archive
// is expected to hold them. An archive without any record is reported.
func readWARC(ctx context.Context, src Source, opt Options, emit Emit, report Report) error {
	visit := func(rec *WARCRecord) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		d, ok, err := WARCDocument(rec, opt.maxBytes())
		if err != nil {
			report(Problem{Path: src.Path, Record: rec.ID(), Err: err})
			return nil
		}
		if !ok {
			return nil
		}
		if src.Path != "-" {
			d.Path = src.Path
		}
		if d.ID == "" {
			d.ID = RecordID(src, "offset "+strconv.FormatInt(rec.Offset, 10), d.Text)
		}
		if d.Extra["truncated"] == true {
			report(Problem{Path: src.Path, Record: rec.ID(), Err: fmt.Errorf("%w: the page's compressed body ends early; what decodes was read", ErrTruncated)})
		}
		FinishRecord(&d, src, opt)
		return emit(d)
	}
	n, err := readRecords(src.R, src.Path, visit, report)
	if err == nil && n == 0 {
		return fmt.Errorf("%w: the archive holds no records", ErrEmpty)
	}
	return err
}

// notArticleSchemes are the target URI schemes of records that describe
// the crawl rather than hold a page: wget's metadata:, dns: lookups, an
// ARC file's filedesc:.
var notArticleSchemes = []string{"metadata:", "dns:", "filedesc:", "warcinfo:"}

// WARCDocument makes a document of one record when it holds a successful
// HTML or plain-text response (or resource): the HTTP body is decoded
// (chunked transfer, gzip or deflate content encoding; a body cut short
// keeps what decodes), the page parsed with ParseHTML, WARC-Target-URI
// used as URL when the page names no canonical one and WARC-Date as date
// when it gives none. ok is false for records that hold no document; err
// says why a record that should have held one could not be read. The
// record's ids are kept in Extra.
func WARCDocument(rec *WARCRecord, maxBytes int64) (d doc.Document, ok bool, err error) {
	typ := strings.ToLower(rec.Header.Get("WARC-Type"))
	if typ != "response" && typ != "resource" {
		return d, false, nil
	}
	target := rec.Header.Get("WARC-Target-URI")
	target = strings.TrimSuffix(strings.TrimPrefix(target, "<"), ">") // WARC 1.0 drafts wrote <uri>
	for _, scheme := range notArticleSchemes {
		if strings.HasPrefix(strings.ToLower(target), scheme) {
			return d, false, nil
		}
	}
	if rec.Length > maxBytes {
		return d, false, tooLarge(rec.Length, maxBytes)
	}
	date := rec.Header.Get("WARC-Date")
	blockType := strings.ToLower(rec.Header.Get("Content-Type"))
	content, err := readAllLimited(rec.Content, maxBytes)
	if err != nil {
		return d, false, err
	}

	var body []byte
	var contentType string
	truncated := false
	isHTTP := strings.HasPrefix(blockType, "application/http") || rec.ARC && bytes.HasPrefix(content, []byte("HTTP/"))
	if typ == "response" && isHTTP {
		resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(content)), nil)
		if err != nil {
			return d, false, fmt.Errorf("%w: bad HTTP response: %w", ErrMalformed, err)
		}
		defer resp.Body.Close()
		if resp.StatusCode < 200 || resp.StatusCode > 299 {
			return d, false, nil // redirects and error pages are not articles
		}
		contentType = resp.Header.Get("Content-Type")
		if !isTextual(contentType) {
			return d, false, nil
		}
		raw, err := io.ReadAll(resp.Body)
		if err != nil && len(resp.TransferEncoding) > 0 {
			// Declared chunked but not (or badly) chunked: the bytes
			// after the headers are the body.
			raw = httpBodyBytes(content)
			err = nil
		}
		if err != nil {
			raw, truncated = httpBodyBytes(content), true
		}
		if body, truncated, err = decodeContent(raw, resp.Header.Get("Content-Encoding"), maxBytes); err != nil {
			return d, false, err
		}
	} else {
		contentType = blockType
		if !isTextual(contentType) {
			return d, false, nil
		}
		body = content
	}

	media, _, _ := mime.ParseMediaType(contentType)
	if media == "text/plain" || (media == "" && !SniffHTML(body)) {
		text, enc, err := DecodeText(body, contentTypeCharset(contentType))
		if err != nil {
			return d, false, err
		}
		d = doc.Document{Text: text, Title: textTitle(text), URL: target, Date: date}
		noteEncoding(&d, enc)
	} else {
		d, err = ParseHTML(body, HTMLPage{URL: target, ContentType: contentType, FetchDate: date})
		if err != nil {
			return d, false, err
		}
	}
	if d.Extra == nil {
		d.Extra = map[string]any{}
	}
	if id := rec.Header.Get("WARC-Record-ID"); id != "" {
		d.Extra["warc_record_id"] = id
	}
	d.Extra["warc_target_uri"] = target
	d.Extra["warc_date"] = date
	if truncated {
		d.Extra["truncated"] = true
	}
	d.ID = WARCDocumentID(rec.Header.Get("WARC-Record-ID"), target, date)
	return d, true, nil
}

// httpBodyBytes is what follows the header block of a raw HTTP message.
func httpBodyBytes(msg []byte) []byte {
	if i := bytes.Index(msg, []byte("\r\n\r\n")); i >= 0 {
		return msg[i+4:]
	}
	if i := bytes.Index(msg, []byte("\n\n")); i >= 0 {
		return msg[i+2:]
	}
	return nil
}

// WARCDocumentID is the id of the document a record holds: its own
// WARC-Record-ID (a URN unique to the record), else its target URI and
// date (one capture of one address); "" when it has neither, and the
// caller names it by its place in the file. The fetcher names the pages
// it archives with it too, so that ingesting the archive later finds the
// same documents instead of adding a second copy of each.
func WARCDocumentID(recordID, target, date string) string {
	recordID = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(recordID), "<"), ">")
	if recordID != "" {
		return recordID
	}
	if target != "" && date != "" {
		return target + " " + date
	}
	return ""
}

// isTextual says whether a Content-Type names a page echotrace reads. An
// absent type is given the benefit of the doubt (the body is sniffed).
func isTextual(ct string) bool {
	if strings.TrimSpace(ct) == "" {
		return true
	}
	media, _, err := mime.ParseMediaType(ct)
	if err != nil {
		media = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	}
	return media == "text/html" || media == "application/xhtml+xml" || media == "text/plain"
}

// decodeContent undoes an HTTP Content-Encoding. A compressed body cut
// short (a truncated capture) keeps what decodes, and truncated says so.
func decodeContent(raw []byte, encoding string, maxBytes int64) (body []byte, truncated bool, err error) {
	var r io.Reader
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "identity":
		return raw, false, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, false, fmt.Errorf("%w: bad gzip content encoding: %v", ErrMalformed, err)
		}
		r = zr
	case "deflate":
		// Servers send either zlib-wrapped or raw deflate; zlib is what the
		// standard says, raw what some send.
		if len(raw) >= 2 && raw[0]&0x0f == 8 && (uint16(raw[0])<<8|uint16(raw[1]))%31 == 0 {
			raw = raw[2:]
		}
		r = flate.NewReader(bytes.NewReader(raw))
	default:
		return nil, false, fmt.Errorf("%w: unsupported content encoding %q", ErrUnreadable, encoding)
	}
	body, err = io.ReadAll(io.LimitReader(r, maxBytes+1))
	if int64(len(body)) > maxBytes {
		return nil, false, fmt.Errorf("%w: more than %d bytes once decoded (raise the limit with --max-bytes)", ErrTooLarge, maxBytes)
	}
	if err != nil {
		if len(body) == 0 {
			return nil, false, fmt.Errorf("%w: %s content encoding: %v", ErrMalformed, encoding, err)
		}
		return body, true, nil
	}
	return body, false, nil
}
