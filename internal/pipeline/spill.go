package pipeline

import (
	"bufio"
	"encoding/gob"
	"fmt"
	"io"
	"iter"
)

// spill keeps records between the pass that makes them and the pass that
// stores them, in an unlinked temporary file rather than the heap: the
// quote stage can name an occurrence's quote only once every document is
// linked, and a million documents' occurrences and entity mentions are
// gigabytes. As with the token file of reuse analysis, the file lives in
// the operating system's cache while the machine has room, which costs
// the process nothing. Records are written by one goroutine, then read
// back once, in order.
type spill[T any] struct {
	f   tempFile
	w   *bufio.Writer
	enc *gob.Encoder
	n   int
}

// newSpill creates the file in dir ("" for the system's temporary
// directory).
func newSpill[T any](dir, name string) (*spill[T], error) {
	f, err := newTempFile(dir, name)
	if err != nil {
		return nil, err
	}
	s := &spill[T]{f: f, w: bufio.NewWriterSize(f, 1<<20)}
	s.enc = gob.NewEncoder(s.w)
	return s, nil
}

// add writes the next record.
func (s *spill[T]) add(v *T) error {
	if err := s.enc.Encode(v); err != nil {
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
		dec := gob.NewDecoder(bufio.NewReaderSize(io.NewSectionReader(s.f, 0, size), 1<<20))
		for range s.n {
			var v T
			if err := dec.Decode(&v); err != nil {
				yield(zero, fmt.Errorf("spill file: %w", err))
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
