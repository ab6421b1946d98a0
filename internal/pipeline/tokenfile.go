package pipeline

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
)

// tokenFile keeps every document's 32-bit token hashes between the two
// passes of reuse analysis, in a temporary file rather than the heap.
//
// Why a file: alignment needs the token hashes of both documents of every
// candidate pair, and the second pass meets the documents in no useful
// order. At a million news-sized articles the hashes take 3.7 GB, more
// than everything else reuse analysis holds together; kept in the heap
// (where the garbage collector's target doubles them) they were most of
// the 15 GB a 1 M run took. Written once and read back with one pread per
// document, they live in the operating system's file cache instead, which
// costs the process nothing and is read back at memory speed while the
// machine has room, and from disk when it has not.
//
// The file is removed as soon as it is created where the system allows it
// (Unix), so a killed analysis leaves nothing behind; elsewhere Close
// removes it. Appending is for one goroutine; reading is safe from many
// once appending is done (pread does not move a shared offset).
type tokenFile struct {
	f       tempFile
	w       *bufio.Writer
	offs    []int64 // offs[n]: first token of document n; offs[len-1]: the end
	scratch []byte
}

// newTokenFile creates the file in dir ("" for the system's temporary
// directory).
func newTokenFile(dir string) (*tokenFile, error) {
	f, err := newTempFile(dir, "tokens")
	if err != nil {
		return nil, err
	}
	return &tokenFile{f: f, w: bufio.NewWriterSize(f, 1<<20), offs: []int64{0}}, nil
}

// append adds the next document's token hashes.
func (t *tokenFile) append(tokens []uint32) error {
	t.scratch = slices.Grow(t.scratch[:0], 4*len(tokens))
	for _, v := range tokens {
		t.scratch = binary.LittleEndian.AppendUint32(t.scratch, v)
	}
	if _, err := t.w.Write(t.scratch); err != nil {
		return fmt.Errorf("token file: %w", err)
	}
	t.offs = append(t.offs, t.offs[len(t.offs)-1]+int64(len(tokens)))
	return nil
}

// done flushes what was appended; call it before reading.
func (t *tokenFile) done() error {
	if err := t.w.Flush(); err != nil {
		return fmt.Errorf("token file: %w", err)
	}
	t.w = nil
	t.scratch = nil
	return nil
}

// count is the number of tokens of document n.
func (t *tokenFile) count(n int) int { return int(t.offs[n+1] - t.offs[n]) }

// read returns document n's token hashes, widened to 64 bits for the
// shingle and alignment code, in dst's storage; buf is byte scratch space.
// Both are returned for reuse.
func (t *tokenFile) read(n int, dst []uint64, buf []byte) ([]uint64, []byte, error) {
	lo, hi := t.offs[n], t.offs[n+1]
	size := int(4 * (hi - lo))
	buf = slices.Grow(buf[:0], size)[:size]
	if _, err := t.f.ReadAt(buf, 4*lo); err != nil && !(err == io.EOF && size == 0) {
		return dst, buf, fmt.Errorf("token file: %w", err)
	}
	dst = slices.Grow(dst[:0], size/4)[:size/4]
	for i := range dst {
		dst[i] = uint64(binary.LittleEndian.Uint32(buf[4*i:]))
	}
	return dst, buf, nil
}

// Close closes and removes the file.
func (t *tokenFile) Close() error { return t.f.close() }
