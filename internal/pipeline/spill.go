package pipeline

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
)

// spill keeps records between the pass that makes them and the pass that
// stores them, in an unlinked temporary file rather than the heap: the
// quote stage can name an occurrence's quote only once every document is
// linked, and a million documents' occurrences and entity mentions are
// gigabytes. As with the token file of reuse analysis, the file lives in
// the operating system's cache while the machine has room, which costs
// the process nothing. Records are written by one goroutine, then read
// back once, in order.
//
// Each record is its length and its fields in a spillCodec's binary form.
// (They were gob messages: gob's reflection on every field, and a buffer
// for every message read back, were a third of the linking goroutine's
// work and half of what the store step's reader made of garbage.)
type spill[T any] struct {
	f     tempFile
	w     *bufio.Writer
	codec spillCodec[T]
	buf   []byte
	n     int
}

// spillCodec writes and reads the records of a spill.
type spillCodec[T any] struct {
	// put appends the fields of v to b.
	put func(b []byte, v *T) []byte
	// get reads them back into v (zero) from r.
	get func(r *spillRecord, v *T)
}

// newSpill creates the file in dir ("" for the system's temporary
// directory).
func newSpill[T any](dir, name string, codec spillCodec[T]) (*spill[T], error) {
	f, err := newTempFile(dir, name)
	if err != nil {
		return nil, err
	}
	return &spill[T]{f: f, w: bufio.NewWriterSize(f, 1<<20), codec: codec}, nil
}

// add writes the next record.
func (s *spill[T]) add(v *T) error {
	s.buf = s.codec.put(s.buf[:0], v)
	var head [binary.MaxVarintLen64]byte
	if _, err := s.w.Write(binary.AppendUvarint(head[:0], uint64(len(s.buf)))); err != nil {
		return fmt.Errorf("spill file: %w", err)
	}
	if _, err := s.w.Write(s.buf); err != nil {
		return fmt.Errorf("spill file: %w", err)
	}
	s.n++
	return nil
}

// all reads the records back in the order they were added. It may be
// ranged over once.
func (s *spill[T]) all() iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		if err := s.w.Flush(); err != nil {
			yield(zero, fmt.Errorf("spill file: %w", err))
			return
		}
		size, err := s.f.Seek(0, io.SeekEnd)
		if err != nil {
			yield(zero, fmt.Errorf("spill file: %w", err))
			return
		}
		r := bufio.NewReaderSize(io.NewSectionReader(s.f, 0, size), 1<<20)
		var buf []byte
		for k := range s.n {
			n, err := binary.ReadUvarint(r)
			if err == nil && n > uint64(size) {
				err = errors.New("record longer than the file")
			}
			if err == nil {
				buf = slices.Grow(buf[:0], int(n))[:n]
				_, err = io.ReadFull(r, buf)
			}
			var v T
			if err == nil {
				// One string a record: its string fields are parts of it.
				rec := spillRecord{s: string(buf)}
				s.codec.get(&rec, &v)
				if rec.bad || len(rec.s) > 0 {
					err = errors.New("malformed record")
				}
			}
			if err != nil {
				yield(zero, fmt.Errorf("spill file: record %d: %w", k, err))
				return
			}
			if !yield(v, nil) {
				return
			}
		}
	}
}

// Close closes and removes the file.
func (s *spill[T]) Close() error { return s.f.close() }

// spillRecord is what is left to read of a record; bad is set when a
// field ran past its end.
type spillRecord struct {
	s   string
	bad bool
}

func (r *spillRecord) uvarint() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		if len(r.s) == 0 {
			break
		}
		c := r.s[0]
		r.s = r.s[1:]
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	r.bad = true
	return 0
}

func (r *spillRecord) int() int {
	u := r.uvarint()
	return int(int64(u>>1) ^ -int64(u&1)) // as binary.AppendVarint writes it
}

func (r *spillRecord) bool() bool { return r.uvarint() != 0 }

// getSlice reads a count and that many elements with get; none reads back
// as nil, and a count longer than what is left of the record marks it bad.
func getSlice[T any](r *spillRecord, get func() T) []T {
	n := r.int()
	if n == 0 {
		return nil
	}
	if n < 0 || n > len(r.s) {
		r.bad = true
		return nil
	}
	s := make([]T, n)
	for i := range s {
		s[i] = get()
	}
	return s
}

func (r *spillRecord) string() string {
	n := r.uvarint()
	if n > uint64(len(r.s)) {
		r.bad = true
		return ""
	}
	v := r.s[:n]
	r.s = r.s[n:]
	return v
}

func putInt(b []byte, v int) []byte { return binary.AppendVarint(b, int64(v)) }

func putBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

func putString(b []byte, v string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(v))), v...)
}
