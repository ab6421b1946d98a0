package store

import "io"

// StateWriter writes a saved clusterer (cluster.Clusterer.WriteState) to
// w. A store may call it more than once (a transaction retried), so it
// must write the same state each time.
type StateWriter func(w io.Writer) error

// MaxStatePart is the largest part of a saved clusterer one row holds:
// both engines refuse a field over 1 GB, and a clusterer that has placed
// a million documents is larger. Parts are small because the database
// engine copies each while writing it. Tests lower it to store small
// states in several parts.
var MaxStatePart = 4 << 20

// WriteStateParts runs state and hands what it writes to put in parts of
// MaxStatePart bytes, numbered 1, 2, … (rows of cluster_state), as each
// fills: only one part is held at a time, never the whole state, which at
// a million documents is gigabytes at the very end of the story stage.
// put must not keep the part (its memory is reused). A nil state puts
// nothing.
func WriteStateParts(state StateWriter, put func(id int, part []byte) error) error {
	if state == nil {
		return nil
	}
	w := &partWriter{buf: make([]byte, 0, MaxStatePart), put: put}
	if err := state(w); err != nil {
		return err
	}
	return w.flush()
}

// partWriter collects writes into one part and puts it when full.
type partWriter struct {
	buf []byte
	id  int
	put func(int, []byte) error
	err error // the first error of put; later writes fail with it
}

func (w *partWriter) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 && w.err == nil {
		k := min(len(p), MaxStatePart-len(w.buf))
		w.buf = append(w.buf, p[:k]...)
		p, n = p[k:], n+k
		if len(w.buf) == MaxStatePart {
			w.err = w.flush()
		}
	}
	return n, w.err
}

func (w *partWriter) flush() error {
	if w.err != nil || len(w.buf) == 0 {
		return w.err
	}
	w.id++
	err := w.put(w.id, w.buf)
	w.buf = w.buf[:0]
	return err
}

// ReadStateParts calls read with the parts in rows (cluster_state's
// data in order of id) joined into one
// stream, fetching each only when read has consumed the one before. When
// there is no part at all, read is not called. An error reading rows
// ends the stream with that error (and is returned, however read handles
// it).
func ReadStateParts(rows Rows, read func(io.Reader) error) error {
	r := &partReader{rows: rows}
	if err := r.fetch(); err != nil {
		return err
	}
	if r.done {
		return nil
	}
	err := read(r)
	if r.err != nil {
		return r.err
	}
	return err
}

// partReader reads the parts of a saved clusterer one after the other.
type partReader struct {
	rows Rows
	cur  []byte
	done bool  // no part is left
	err  error // of reading rows
}

// fetch reads the next part into cur, or sets done.
func (r *partReader) fetch() error {
	if !r.rows.Next() {
		r.done, r.err = true, r.rows.Err()
		return r.err
	}
	r.cur = nil
	r.err = r.rows.Scan(&r.cur)
	return r.err
}

func (r *partReader) Read(p []byte) (int, error) {
	for len(r.cur) == 0 {
		if r.err != nil {
			return 0, r.err
		}
		if r.done {
			return 0, io.EOF
		}
		r.fetch()
	}
	n := copy(p, r.cur)
	r.cur = r.cur[n:]
	return n, nil
}
