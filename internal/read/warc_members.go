package read

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
)

// A .warc.gz is meant to hold one gzip member per record, but real files
// split a record over several members, put several records in one, or
// carry a damaged member. memberStream therefore decompresses member
// after member into one continuous stream, which the record parser reads
// as if the file were plain; a member that fails to decompress is
// reported and skipped by searching for the next gzip header, and what
// follows it is read. The record parser then finds the record the damage
// cut and resynchronises at the next one.
type memberStream struct {
	cr     *countReader
	zr     *gzip.Reader
	open   bool  // a member is being read
	out    int64 // decompressed bytes delivered
	starts []memberStart
	path   string
	report Report
	// breaks are the stream offsets where a member was reported damaged
	// or missing: the record read across one is named once, by the
	// member's report.
	breaks []int64
	done   bool
}

// memberStart maps the first decompressed byte of a member to the
// member's offset in the file, to name records by where they are.
type memberStart struct{ out, in int64 }

func newMemberStream(cr *countReader, path string, report Report) *memberStream {
	return &memberStream{cr: cr, zr: new(gzip.Reader), path: path, report: report}
}

// fileOffset is the offset in the file of the gzip member that holds the
// decompressed byte at out.
func (m *memberStream) fileOffset(out int64) int64 {
	i := sort.Search(len(m.starts), func(i int) bool { return m.starts[i].out > out }) - 1
	if i < 0 {
		return 0
	}
	return m.starts[i].in
}

func (m *memberStream) Read(p []byte) (int, error) {
	for !m.done {
		if !m.open {
			if !m.next() {
				m.done = true
				break
			}
		}
		n, err := m.zr.Read(p)
		m.out += int64(n)
		if err == io.EOF {
			m.open = false
			if n > 0 {
				return n, nil
			}
			continue
		}
		if err != nil {
			m.fail(err)
			if n > 0 {
				return n, nil
			}
			continue
		}
		return n, nil
	}
	return 0, io.EOF
}

// next starts the next member; false at the end of the file.
func (m *memberStream) next() bool {
	for {
		if _, err := m.cr.br.Peek(1); err != nil {
			return false
		}
		start := m.cr.n
		err := m.zr.Reset(m.cr)
		if err == io.EOF {
			return false
		}
		if err != nil {
			m.problem(start, fmt.Errorf("%w: not a gzip member: %v", ErrMalformed, err))
			if !resyncGzip(m.cr) {
				return false
			}
			continue
		}
		m.zr.Multistream(false)
		m.starts = append(m.starts, memberStart{out: m.out, in: start})
		m.open = true
		return true
	}
}

// fail reports a member that broke off and moves to the next member.
func (m *memberStream) fail(err error) {
	start := m.starts[len(m.starts)-1].in
	m.open = false
	if errors.Is(err, io.ErrUnexpectedEOF) {
		m.problem(start, fmt.Errorf("%w: truncated gzip member (the file ends inside it): %v", ErrMalformed, err))
		return
	}
	m.problem(start, fmt.Errorf("%w: damaged gzip member: %v", ErrMalformed, err))
	resyncGzip(m.cr)
}

func (m *memberStream) problem(offset int64, err error) {
	m.breaks = append(m.breaks, m.out)
	m.report(Problem{Path: m.path, Record: "offset " + strconv.FormatInt(offset, 10), Err: err})
}
