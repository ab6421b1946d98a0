package read

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
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
	Register(Format{Name: "warc", Exts: []string{".warc", ".warc.gz"}, Sniff: sniffWARC, Read: readWARC, Streams: true})
}

// sniffWARC recognises a WARC file, plain or gzipped, by its first
// record's version line.
func sniffWARC(head []byte) bool {
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return true
	}
	if len(head) < 2 || head[0] != 0x1f || head[1] != 0x8b {
		return false
	}
	zr, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return false
	}
	b := make([]byte, 5)
	n, _ := io.ReadFull(zr, b)
	return string(b[:n]) == "WARC/"
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

// errStop is returned by a visitor to stop the walk.
var errStop = errors.New("stop")

// ReadWARC walks the records of a WARC file, plain or gzipped (detected by
// its first bytes). A record or gzip member that is damaged is reported
// with its offset and record id and the walk goes on at the next record;
// a truncated file ends the walk after a report. The error returned is
// that of visit, or of reading r itself.
func ReadWARC(r io.Reader, path string, visit WARCVisit, report Report) error {
	cr := &countReader{br: bufio.NewReaderSize(r, 64<<10)}
	magic, _ := cr.br.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		return readWARCGzip(cr, path, visit, report)
	}
	return readWARCRecords(cr.br, 0, &cr.n, path, visit, report, true)
}

// readWARCGzip reads one gzip member at a time. A member that fails to
// decompress is reported and skipped by searching for the next gzip header.
func readWARCGzip(cr *countReader, path string, visit WARCVisit, report Report) error {
	zr := new(gzip.Reader)
	for {
		start := cr.n
		if _, err := cr.br.Peek(1); err == io.EOF {
			return nil
		}
		if err := zr.Reset(cr); err != nil {
			if err == io.EOF {
				return nil
			}
			report(Problem{Path: path, Record: "offset " + strconv.FormatInt(start, 10),
				Err: fmt.Errorf("%w: not a gzip member: %v", ErrMalformed, err)})
			if !resyncGzip(cr) {
				return nil
			}
			continue
		}
		zr.Multistream(false)
		var used int64
		err := readWARCRecords(bufio.NewReader(zr), start, &used, path, visit, report, false)
		if err != nil {
			var ge gzipError
			if !errors.As(err, &ge) {
				return err // from visit
			}
			truncated := errors.Is(ge.err, io.ErrUnexpectedEOF) || errors.Is(ge.err, io.EOF)
			msg := "damaged gzip member"
			if truncated {
				msg = "truncated gzip member (the file ends inside it)"
			}
			report(Problem{Path: path, Record: ge.record(start), Err: fmt.Errorf("%w: %s: %v", ErrMalformed, msg, ge.err)})
			if truncated {
				return nil
			}
			if !resyncGzip(cr) {
				return nil
			}
			continue
		}
		// Drain what is left of the member (trailing padding) so that the
		// checksum is verified and the next member starts where it should.
		if _, err := io.Copy(io.Discard, zr); err != nil {
			report(Problem{Path: path, Record: "offset " + strconv.FormatInt(start, 10), Err: fmt.Errorf("%w: damaged gzip member: %v", ErrMalformed, err)})
			if !resyncGzip(cr) {
				return nil
			}
		}
	}
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

// gzipError marks a decompression failure inside a member, as opposed to a
// malformed record in intact data.
type gzipError struct {
	err error
	id  string
}

func (e gzipError) Error() string { return e.err.Error() }

func (e gzipError) record(memberStart int64) string {
	if e.id != "" {
		return e.id
	}
	return "offset " + strconv.FormatInt(memberStart, 10)
}

// isDecompressError says whether err came from gzip/flate rather than from
// the structure of the records.
func isDecompressError(err error) bool {
	var ce flate.CorruptInputError
	return errors.As(err, &ce) || errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) ||
		errors.Is(err, io.ErrUnexpectedEOF)
}

// readWARCRecords reads records from br until its end. base is the offset
// of br's first byte (or of the gzip member), *used counts consumed bytes
// for offsets in plain files. In a plain file (resync true) a malformed
// record is reported and reading goes on at the next line starting with
// "WARC/"; in a gzip member the error is returned to skip the member.
func readWARCRecords(br *bufio.Reader, base int64, used *int64, path string, visit WARCVisit, report Report, plain bool) error {
	for {
		var offset int64
		if plain {
			offset = *used
		} else {
			offset = base
		}
		hdr, n, err := readWARCHeader(br)
		*used += n
		if err == io.EOF {
			return nil
		}
		rec := &WARCRecord{Header: hdr, Offset: offset}
		if err != nil {
			if !plain {
				if isDecompressError(err) {
					return gzipError{err: err, id: idOrEmpty(hdr)}
				}
				report(Problem{Path: path, Record: rec.ID(), Err: fmt.Errorf("%w: %v", ErrMalformed, err)})
				return nil // the rest of this member is unusable; the next member is read
			}
			report(Problem{Path: path, Record: rec.ID(), Err: fmt.Errorf("%w: %v", ErrMalformed, err)})
			if !resyncPlain(br, used) {
				return nil
			}
			continue
		}
		length, lerr := strconv.ParseInt(strings.TrimSpace(hdr.Get("Content-Length")), 10, 64)
		if lerr != nil || length < 0 {
			report(Problem{Path: path, Record: rec.ID(), Err: fmt.Errorf("%w: bad Content-Length %q", ErrMalformed, hdr.Get("Content-Length"))})
			if !plain || !resyncPlain(br, used) {
				return nil
			}
			continue
		}
		rec.Length = length
		block := &io.LimitedReader{R: br, N: length}
		rec.Content = block
		if err := visit(rec); err != nil {
			return err
		}
		// Skip what the visitor did not read.
		_, err = io.Copy(io.Discard, block)
		*used += length - block.N
		if err != nil {
			if isDecompressError(err) && !plain {
				return gzipError{err: err, id: rec.ID()}
			}
			return fmt.Errorf("%w: %w", ErrUnreadable, err)
		}
		if block.N > 0 {
			// The input ended inside the block.
			report(Problem{Path: path, Record: rec.ID(), Err: fmt.Errorf("%w: record truncated: %d of %d content bytes missing", ErrMalformed, block.N, length)})
			return nil
		}
		// The block is followed by CRLF CRLF; tolerate bare LFs.
		n, err = skipRecordEnd(br)
		*used += n
		if err != nil {
			if isDecompressError(err) && !plain {
				return gzipError{err: err, id: rec.ID()}
			}
			if err == io.EOF {
				return nil
			}
			report(Problem{Path: path, Record: rec.ID(), Err: fmt.Errorf("%w: %v", ErrMalformed, err)})
			if !plain || !resyncPlain(br, used) {
				return nil
			}
		}
	}
}

func idOrEmpty(h textproto.MIMEHeader) string {
	if h == nil {
		return ""
	}
	return h.Get("WARC-Record-ID")
}

// readWARCHeader reads the version line and header fields of one record.
// Blank lines before the version line are skipped. It returns io.EOF at a
// clean end of input, and the bytes consumed.
func readWARCHeader(br *bufio.Reader) (textproto.MIMEHeader, int64, error) {
	var consumed int64
	var line string
	for {
		l, n, err := readLimitedLine(br, maxWARCHeader)
		consumed += n
		if err != nil {
			if err == io.EOF && consumed == 0 {
				return nil, 0, io.EOF
			}
			if err == io.EOF && strings.TrimSpace(l) == "" {
				return nil, consumed, io.EOF
			}
			return nil, consumed, fmt.Errorf("reading record header: %w", err)
		}
		if strings.TrimSpace(l) != "" {
			line = l
			break
		}
	}
	if !strings.HasPrefix(line, "WARC/") {
		return nil, consumed, fmt.Errorf("expected a WARC version line, found %q", clip(line, 40))
	}
	hdr := textproto.MIMEHeader{}
	size := len(line)
	for {
		l, n, err := readLimitedLine(br, maxWARCHeader)
		consumed += n
		size += int(n)
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return hdr, consumed, fmt.Errorf("reading record header: %w", err)
		}
		if size > maxWARCHeader {
			return hdr, consumed, fmt.Errorf("record header longer than %d bytes", maxWARCHeader)
		}
		l = strings.TrimRight(l, "\r\n")
		if l == "" {
			return hdr, consumed, nil
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			return hdr, consumed, fmt.Errorf("header line without a colon: %q", clip(l, 40))
		}
		hdr.Add(strings.TrimSpace(k), strings.TrimSpace(v))
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

// skipRecordEnd consumes the two line breaks after a record's block.
func skipRecordEnd(br *bufio.Reader) (int64, error) {
	var n int64
	for breaks := 0; breaks < 2; {
		b, err := br.ReadByte()
		if err != nil {
			if err == io.EOF && breaks > 0 {
				return n, nil // a missing final line break costs nothing
			}
			return n, err
		}
		n++
		switch b {
		case '\r':
		case '\n':
			breaks++
		default:
			_ = br.UnreadByte()
			n--
			return n, fmt.Errorf("record content longer than its Content-Length (or the record end is missing)")
		}
	}
	return n, nil
}

// resyncPlain skips lines until one that starts a record ("WARC/"), leaving
// it unread. It returns false at the end of the input.
func resyncPlain(br *bufio.Reader, used *int64) bool {
	for {
		b, err := br.Peek(5)
		if err != nil && len(b) < 5 {
			return false
		}
		if string(b) == "WARC/" {
			return true
		}
		l, n, err := readLimitedLine(br, 1<<30)
		*used += n
		_ = l
		if err != nil && err != bufio.ErrBufferFull {
			return false
		}
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
// is expected to hold them.
func readWARC(ctx context.Context, src Source, opt Options, emit Emit, report Report) error {
	visit := func(rec *WARCRecord) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		d, ok, err := WARCDocument(rec, opt.maxBytes())
		if err != nil && isDecompressError(err) {
			return nil // the walk reports the damaged member or truncated record
		}
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
		FinishRecord(&d, src, opt)
		return emit(d)
	}
	return ReadWARC(src.R, src.Path, visit, report)
}

// WARCDocument makes a document of one record when it holds a successful
// HTML or plain-text response (or resource): the HTTP body is decoded
// (chunked transfer, gzip or deflate content encoding), the page parsed
// with ParseHTML, WARC-Target-URI used as URL when the page names no
// canonical one and WARC-Date as date when it gives none. ok is false for
// records that hold no document; err says why a record that should have
// held one could not be read. The record's ids are kept in Extra.
func WARCDocument(rec *WARCRecord, maxBytes int64) (d doc.Document, ok bool, err error) {
	typ := strings.ToLower(rec.Header.Get("WARC-Type"))
	if typ != "response" && typ != "resource" {
		return d, false, nil
	}
	if rec.Length > maxBytes {
		return d, false, tooLarge(rec.Length, maxBytes)
	}
	target := rec.Header.Get("WARC-Target-URI")
	target = strings.TrimSuffix(strings.TrimPrefix(target, "<"), ">") // WARC 1.0 drafts wrote <uri>
	date := rec.Header.Get("WARC-Date")
	blockType := strings.ToLower(rec.Header.Get("Content-Type"))

	var body []byte
	var contentType string
	if typ == "response" && strings.HasPrefix(blockType, "application/http") {
		resp, err := http.ReadResponse(bufio.NewReader(rec.Content), nil)
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
		r, err := decodeContent(resp.Body, resp.Header.Get("Content-Encoding"))
		if err != nil {
			return d, false, err
		}
		if body, err = readAllLimited(r, maxBytes); err != nil {
			return d, false, err
		}
	} else {
		contentType = blockType
		if !isTextual(contentType) {
			return d, false, nil
		}
		if body, err = readAllLimited(rec.Content, maxBytes); err != nil {
			return d, false, err
		}
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
	d.Extra["warc_record_id"] = rec.Header.Get("WARC-Record-ID")
	d.Extra["warc_target_uri"] = target
	d.Extra["warc_date"] = date
	d.ID = warcRecordID(rec.Header.Get("WARC-Record-ID"), target, date)
	return d, true, nil
}

// warcRecordID is the id of the document a record holds: its own
// WARC-Record-ID (a URN unique to the record), else its target URI and
// date (one capture of one address); "" when it has neither, and the
// caller names it by its place in the file.
func warcRecordID(recordID, target, date string) string {
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

// decodeContent undoes an HTTP Content-Encoding.
func decodeContent(r io.Reader, encoding string) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "identity":
		return r, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("%w: bad gzip content encoding: %v", ErrMalformed, err)
		}
		return zr, nil
	case "deflate":
		// Servers send either zlib-wrapped or raw deflate; zlib is what the
		// standard says, raw what some send.
		br := bufio.NewReader(r)
		if h, err := br.Peek(2); err == nil && h[0]&0x0f == 8 && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 {
			_, _ = br.Discard(2)
		}
		return flate.NewReader(br), nil
	default:
		return nil, fmt.Errorf("%w: unsupported content encoding %q", ErrUnreadable, encoding)
	}
}
