package pipeline

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/echotrace/echotrace/internal/cluster"
)

// preparedFile keeps the documents read for clustering between reading
// them (in ingest order, on all cores) and placing them (in date order,
// one at a time), in an unlinked temporary file: their terms take a few
// kilobytes a document, gigabytes at a million, and placement needs them
// in an order the store cannot give cheaply. One pread brings one back.
type preparedFile struct {
	f    tempFile
	w    *bufio.Writer
	offs []int64 // offs[n]: where item n begins; offs[len-1]: the end
	buf  []byte
}

func newPreparedFile(dir string) (*preparedFile, error) {
	f, err := newTempFile(dir, "clusters")
	if err != nil {
		return nil, err
	}
	return &preparedFile{f: f, w: bufio.NewWriterSize(f, 1<<20), offs: []int64{0}}, nil
}

// append adds the next item.
func (p *preparedFile) append(it *cluster.Prepared) error {
	b := p.buf[:0]
	b = appendString(b, it.ID)
	date, err := it.Date.MarshalBinary()
	if err != nil {
		return fmt.Errorf("document %s: date: %w", it.ID, err)
	}
	b = appendString(b, string(date))
	for _, s := range []string{it.Outlet, it.Title, it.Headline} {
		b = appendString(b, s)
	}
	b = appendStrings(b, it.Sources)
	b = appendTerms(b, it.Terms)
	b = binary.AppendUvarint(b, uint64(it.TitleAt))
	b = appendTerms(b, it.Ents)
	extracted := uint64(0)
	if it.Extracted {
		extracted = 1
	}
	b = binary.AppendUvarint(b, extracted)
	b = appendString(b, it.Lang)
	b = appendStrings(b, it.Quotes)
	p.buf = b
	if _, err := p.w.Write(b); err != nil {
		return fmt.Errorf("cluster spill file: %w", err)
	}
	p.offs = append(p.offs, p.offs[len(p.offs)-1]+int64(len(b)))
	return nil
}

// done flushes what was appended; call it before reading.
func (p *preparedFile) done() error {
	if err := p.w.Flush(); err != nil {
		return fmt.Errorf("cluster spill file: %w", err)
	}
	return nil
}

// read returns item n.
func (p *preparedFile) read(n int) (cluster.Prepared, error) {
	size := int(p.offs[n+1] - p.offs[n])
	p.buf = slices.Grow(p.buf[:0], size)[:size]
	if _, err := p.f.ReadAt(p.buf, p.offs[n]); err != nil {
		return cluster.Prepared{}, fmt.Errorf("cluster spill file: %w", err)
	}
	d := decoder{b: p.buf}
	var it cluster.Prepared
	it.ID = d.string()
	if err := it.Date.UnmarshalBinary([]byte(d.string())); err != nil {
		d.err = errors.Join(d.err, err)
	}
	it.Outlet, it.Title, it.Headline = d.string(), d.string(), d.string()
	it.Sources = d.strings()
	it.Terms = d.terms()
	it.TitleAt = int(d.uvarint())
	it.Ents = d.terms()
	it.Extracted = d.uvarint() == 1
	it.Lang = d.string()
	it.Quotes = d.strings()
	if d.err != nil {
		return it, fmt.Errorf("cluster spill file: item %d: %w", n, d.err)
	}
	return it, nil
}

// Close closes and removes the file.
func (p *preparedFile) Close() error { return p.f.close() }

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendStrings(b []byte, ss []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(ss)))
	for _, s := range ss {
		b = appendString(b, s)
	}
	return b
}

func appendTerms(b []byte, ts []cluster.PreparedTerm) []byte {
	b = binary.AppendUvarint(b, uint64(len(ts)))
	for _, t := range ts {
		b = appendString(b, t.Key)
		b = appendString(b, t.Surface)
		b = binary.AppendUvarint(b, uint64(t.Count))
	}
	return b
}

// decoder reads what the append functions wrote; the first error sticks.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errors.Join(d.err, errors.New("truncated record"))
		d.b = nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.err = errors.Join(d.err, errors.New("truncated record"))
		d.b = nil
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) strings() []string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.err = errors.Join(d.err, errors.New("truncated record"))
		return nil
	}
	var out []string
	for range n {
		out = append(out, d.string())
	}
	return out
}

func (d *decoder) terms() []cluster.PreparedTerm {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.err = errors.Join(d.err, errors.New("truncated record"))
		return nil
	}
	out := make([]cluster.PreparedTerm, 0, n)
	for range n {
		t := cluster.PreparedTerm{Key: d.string(), Surface: d.string()}
		t.Count = int(d.uvarint())
		out = append(out, t)
	}
	return out
}
