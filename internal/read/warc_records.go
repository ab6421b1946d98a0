package read

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
	"time"
)

// maxCheckedBlock is the largest record block read whole, so that its end
// can be checked against the next record before it is handed on; larger
// blocks (videos, archives) are streamed and trusted.
const maxCheckedBlock = 64 << 20

// recordParser reads the records of a plain stream: a plain .warc or
// .arc, or the decompressed members of a gzipped one. A record whose
// Content-Length is wrong is found by what follows its block: when that
// is not the end of a record, the block is cut at the next record header
// within it (Content-Length too long) or read on up to the next header
// (too short); the record is read and named in a problem. Anything else
// unreadable is named and skipped up to the next record header.
type recordParser struct {
	br      *bufio.Reader
	pos     int64         // stream bytes consumed
	members *memberStream // nil for a plain file
	path    string
	visit   WARCVisit
	report  Report
	records int   // records found, readable or not
	cur     int64 // stream offset where the current record starts
}

func (p *recordParser) offset(at int64) int64 {
	if p.members != nil {
		return p.members.fileOffset(at)
	}
	return at
}

// damaged says whether a gzip member that was reported damaged broke off
// inside the current record (as far as it has been read): the record it
// cut is not read, and not named again.
func (p *recordParser) damaged() bool {
	if p.members == nil {
		return false
	}
	for _, at := range p.members.breaks {
		if at >= p.cur && at <= p.pos {
			return true
		}
	}
	return false
}

func (p *recordParser) problem(rec *WARCRecord, err error) {
	if p.damaged() {
		return
	}
	p.report(Problem{Path: p.path, Record: rec.ID(), Err: fmt.Errorf("%w: %v", ErrMalformed, err)})
}

func (p *recordParser) run() error {
	for {
		start := p.pos
		p.cur = start
		hdr, arc, n, err := readRecordHeader(p.br)
		p.pos += n
		if err == io.EOF {
			return nil
		}
		p.records++
		rec := &WARCRecord{Header: hdr, Offset: p.offset(start), ARC: arc}
		if err != nil {
			p.problem(rec, err)
			if !p.resync() {
				return nil
			}
			continue
		}
		raw := strings.TrimSpace(hdr.Get("Content-Length"))
		length, lerr := strconv.ParseInt(raw, 10, 64)
		if lerr != nil || length < 0 {
			p.problem(rec, fmt.Errorf("bad Content-Length %q", raw))
			if !p.resync() {
				return nil
			}
			continue
		}
		rec.Length = length
		if length > maxCheckedBlock {
			if err := p.stream(rec); err != nil {
				return err
			}
			continue
		}
		block := make([]byte, length)
		n2, err := io.ReadFull(p.br, block)
		p.pos += int64(n2)
		block = block[:n2]
		cut := false
		switch {
		case err != nil && nextRecordAt(block, arc) < 0:
			// The input ends inside the block: a truncated file, or a
			// last record whose Content-Length is too long. What there
			// is is read, and the record named.
			if p.damaged() {
				return nil
			}
			p.problem(rec, fmt.Errorf("record truncated: the input ends %d bytes short of its Content-Length %d; what there is was read", length-int64(n2), length))
			rec.Content = bytes.NewReader(trimRecordEnd(block))
			return p.visit(rec)
		case err == nil && p.recordEnd(arc):
		default:
			cut = true
			if i := nextRecordAt(block, arc); i >= 0 {
				p.unread(block[i:])
				block = trimRecordEnd(block[:i])
				p.problem(rec, fmt.Errorf("Content-Length %d is longer than the record (%d bytes); read up to the next record", length, len(block)))
			} else {
				more := p.readToRecord(maxCheckedBlock - len(block))
				block = trimRecordEnd(append(block, more...))
				p.problem(rec, fmt.Errorf("Content-Length %d is shorter than the record (%d bytes); read up to the next record", length, len(block)))
			}
		}
		if cut && p.damaged() {
			continue // cut by a damaged gzip member: named by it, not read
		}
		rec.Content = bytes.NewReader(block)
		if err := p.visit(rec); err != nil {
			return err
		}
	}
}

// stream hands on a block too large to check, as it comes.
func (p *recordParser) stream(rec *WARCRecord) error {
	block := &io.LimitedReader{R: p.br, N: rec.Length}
	rec.Content = block
	if err := p.visit(rec); err != nil {
		return err
	}
	_, err := io.Copy(io.Discard, block)
	p.pos += rec.Length - block.N
	if err != nil {
		return fmt.Errorf("%w: %w", ErrUnreadable, err)
	}
	if block.N > 0 {
		p.problem(rec, fmt.Errorf("record truncated: %d of %d content bytes missing", block.N, rec.Length))
		return nil
	}
	if !p.recordEnd(rec.ARC) {
		p.problem(rec, errors.New("record content longer than its Content-Length (or the record end is missing)"))
		p.resync()
	}
	return nil
}

// unread puts bytes back before the rest of the stream.
func (p *recordParser) unread(b []byte) {
	p.pos -= int64(len(b))
	p.br = bufio.NewReaderSize(io.MultiReader(bytes.NewReader(append([]byte(nil), b...)), p.br), 64<<10)
}

// recordEnd consumes the line breaks after a block and says whether the
// next record (or the end of the input) follows them.
func (p *recordParser) recordEnd(arc bool) bool {
	var skipped []byte
	for {
		b, err := p.br.ReadByte()
		if err != nil {
			return true // the input ends: a missing final line break costs nothing
		}
		if b != '\r' && b != '\n' {
			_ = p.br.UnreadByte()
			break
		}
		skipped = append(skipped, b)
		p.pos++
	}
	if p.atRecord() && (arc || bytes.Count(skipped, []byte("\n")) >= 1) {
		return true
	}
	p.unread(skipped)
	return false
}

// atRecord says whether the stream is at a record header.
func (p *recordParser) atRecord() bool {
	if b, _ := p.br.Peek(5); string(b) == "WARC/" {
		return true
	}
	b, _ := p.br.Peek(4096)
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		_, ok := parseARCHeader(string(b[:i]))
		return ok
	}
	return false
}

// readToRecord reads lines up to the next record header or the end of the
// input, at most limit bytes.
func (p *recordParser) readToRecord(limit int) []byte {
	var out []byte
	for len(out) < limit && !p.atRecord() {
		l, n, err := readLimitedLine(p.br, 1<<30)
		p.pos += n
		out = append(out, l...)
		if err != nil {
			break
		}
	}
	return out
}

// resync skips lines up to the next record header. It returns false at
// the end of the input.
func (p *recordParser) resync() bool {
	for {
		if p.atRecord() {
			return true
		}
		_, n, err := readLimitedLine(p.br, 1<<30)
		p.pos += n
		if err != nil {
			return false
		}
	}
}

// nextRecordAt is the offset in block of a line that starts a record (a
// WARC version line, or an ARC record header in an ARC file), or -1.
func nextRecordAt(block []byte, arc bool) int {
	for i := 0; i < len(block); {
		j := bytes.IndexByte(block[i:], '\n')
		if j < 0 {
			return -1
		}
		at := i + j + 1
		rest := block[at:]
		if bytes.HasPrefix(rest, []byte("WARC/1.")) || bytes.HasPrefix(rest, []byte("WARC/0.")) {
			return at
		}
		if arc {
			if k := bytes.IndexByte(rest, '\n'); k >= 0 {
				if _, ok := parseARCHeader(string(rest[:k])); ok {
					return at
				}
			}
		}
		i = at
	}
	return -1
}

// trimRecordEnd drops the line breaks that end a record from a block.
func trimRecordEnd(b []byte) []byte { return bytes.TrimRight(b, "\r\n") }

// readRecordHeader reads the header of one record: a WARC version line and
// fields, or an ARC record's header line (made into the WARC fields it
// stands for). Blank lines before it are skipped. It returns io.EOF at a
// clean end of input, and the bytes consumed.
func readRecordHeader(br *bufio.Reader) (textproto.MIMEHeader, bool, int64, error) {
	var consumed int64
	var line string
	for {
		l, n, err := readLimitedLine(br, maxWARCHeader)
		consumed += n
		if err != nil {
			if err == io.EOF && strings.TrimSpace(l) == "" {
				return nil, false, consumed, io.EOF
			}
			if err == io.EOF {
				line = l
				break
			}
			return nil, false, consumed, fmt.Errorf("reading record header: %w", err)
		}
		if strings.TrimSpace(l) != "" {
			line = l
			break
		}
	}
	if !strings.HasPrefix(line, "WARC/") {
		if hdr, ok := parseARCHeader(strings.TrimRight(line, "\r\n")); ok {
			return hdr, true, consumed, nil
		}
		return nil, false, consumed, fmt.Errorf("expected a WARC version line or an ARC record header, found %q", clip(line, 40))
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
			return hdr, false, consumed, fmt.Errorf("reading record header: %w", err)
		}
		if size > maxWARCHeader {
			return hdr, false, consumed, fmt.Errorf("record header longer than %d bytes", maxWARCHeader)
		}
		l = strings.TrimRight(l, "\r\n")
		if l == "" {
			return hdr, false, consumed, nil
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			return hdr, false, consumed, fmt.Errorf("header line without a colon: %q", clip(l, 40))
		}
		hdr.Add(strings.TrimSpace(k), strings.TrimSpace(v))
	}
}

// parseARCHeader reads the header line of an ARC record, version 1
// ("URL IP-address Archive-date Content-type Archive-length") or 2 (five
// more fields before the length), into the WARC fields it stands for. A
// URL may hold spaces, so the fields are taken from the right. ok is
// false for a line that is no ARC header; a header whose length is not a
// number is returned with it, for the caller to report.
func parseARCHeader(line string) (textproto.MIMEHeader, bool) {
	f := strings.Fields(line)
	if len(f) < 5 {
		return nil, false
	}
	var url, date, mime string
	switch {
	case isARCDate(f[len(f)-3]):
		url, date, mime = strings.Join(f[:len(f)-4], " "), f[len(f)-3], f[len(f)-2]
	case len(f) >= 10 && isARCDate(f[len(f)-8]):
		url, date, mime = strings.Join(f[:len(f)-9], " "), f[len(f)-8], f[len(f)-7]
	default:
		return nil, false
	}
	if !strings.Contains(url, ":") {
		return nil, false
	}
	hdr := textproto.MIMEHeader{}
	typ := "response"
	if strings.HasPrefix(url, "filedesc:") {
		typ = "warcinfo"
	}
	hdr.Set("WARC-Type", typ)
	hdr.Set("WARC-Target-URI", url)
	if t, err := time.Parse("20060102150405", date[:14]); err == nil {
		hdr.Set("WARC-Date", t.UTC().Format(time.RFC3339))
	}
	hdr.Set("Content-Type", mime)
	hdr.Set("Content-Length", f[len(f)-1])
	return hdr, true
}

// isARCDate says whether s is an ARC archive date: 14 digits or more
// (some writers add fractions of a second).
func isARCDate(s string) bool {
	if len(s) < 14 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
