package pipeline

import (
	"bufio"
	"fmt"
	"slices"
)

// preparedFile keeps the documents read for clustering between reading
// them (in ingest order, on all cores) and placing them (in date order,
// one at a time), in an unlinked temporary file: their terms take a few
// kilobytes a document, gigabytes at a million, and placement needs them
// in an order the store cannot give cheaply. Each is kept as its record
// (cluster.Prepared.AppendRecord); one pread brings one back.
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

// append adds the record of the next item.
func (p *preparedFile) append(record []byte) error {
	if _, err := p.w.Write(record); err != nil {
		return fmt.Errorf("cluster spill file: %w", err)
	}
	p.offs = append(p.offs, p.offs[len(p.offs)-1]+int64(len(record)))
	return nil
}

// done flushes what was appended; call it before reading.
func (p *preparedFile) done() error {
	if err := p.w.Flush(); err != nil {
		return fmt.Errorf("cluster spill file: %w", err)
	}
	return nil
}

// read returns the record of item n, valid until the next read.
func (p *preparedFile) read(n int) ([]byte, error) {
	size := int(p.offs[n+1] - p.offs[n])
	p.buf = slices.Grow(p.buf[:0], size)[:size]
	if _, err := p.f.ReadAt(p.buf, p.offs[n]); err != nil {
		return nil, fmt.Errorf("cluster spill file: %w", err)
	}
	return p.buf, nil
}

// Close closes and removes the file.
func (p *preparedFile) Close() error { return p.f.close() }
