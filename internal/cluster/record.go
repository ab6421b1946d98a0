package cluster

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"unsafe"

	"github.com/zeebo/xxh3"
)

// A record is a prepared item in bytes, as a pipeline keeps it between
// preparing documents (in ingest order, on all cores) and placing them
// (in date order, one at a time): at a million documents the prepared
// terms are gigabytes, better kept in a file than in the heap. Placing
// reads the terms and entity keys straight from the record into the
// vocabularies, so a key already interned — almost all of them — costs a
// lookup and no string.
//
// The layout: the strings ID, date (time.MarshalBinary), outlet, title,
// headline and language; the string lists sources and quotes; the
// numbers extracted (0 or 1) and TitleAt; then the terms and the entity
// keys, each a count of entries and every entry key, surface and count.
// A string is its length (uvarint) and its bytes. A surface is written as
// how many of its first bytes are the key's (uvarint) and the string of
// the rest: it is the key itself for most terms and the key's stem
// followed by a few letters for most others, and written whole it was
// 44 % of a record (8.1 KB a document on the bench; 7.9 GB at a million
// documents in the temporary file).

// AppendRecord appends the item's record to b.
func (p *Prepared) AppendRecord(b []byte) ([]byte, error) {
	date, err := p.Date.MarshalBinary()
	if err != nil {
		return b, fmt.Errorf("document %s: date: %w", p.ID, err)
	}
	b = slices.Grow(b, p.recordBound(len(date)))
	b = appendString(b, p.ID)
	b = appendBytes(b, date)
	for _, s := range []string{p.Outlet, p.Title, p.Headline, p.Lang} {
		b = appendString(b, s)
	}
	b = appendStrings(b, p.Sources)
	b = appendStrings(b, p.Quotes)
	extracted := uint64(0)
	if p.Extracted {
		extracted = 1
	}
	b = binary.AppendUvarint(b, extracted)
	b = binary.AppendUvarint(b, uint64(p.TitleAt))
	b = appendTerms(b, p.Terms)
	return appendTerms(b, p.Ents), nil
}

// recordBound is at least the length of the item's record, its date
// taking dateLen bytes: the record is appended to room made once, not
// grown term by term (the terms' keys are most of its bytes).
func (p *Prepared) recordBound(dateLen int) int {
	n := 12*binary.MaxVarintLen64 + dateLen + len(p.ID) + len(p.Outlet) + len(p.Title) + len(p.Headline) + len(p.Lang)
	for _, ss := range [][]string{p.Sources, p.Quotes} {
		for _, s := range ss {
			n += binary.MaxVarintLen64 + len(s)
		}
	}
	for _, ts := range [][]PreparedTerm{p.Terms, p.Ents} {
		for _, t := range ts {
			n += uvarintLen(len(t.Key)) + len(t.Key) + 2*uvarintLen(len(t.Surface)) + len(t.Surface) + uvarintLen(t.Count)
		}
	}
	return n
}

// uvarintLen is the length of n as a uvarint (n ≥ 0).
func uvarintLen(n int) int { return (bits.Len64(uint64(n)|1) + 6) / 7 }

// AppendWithQuotes appends to dst the record b with its quotes replaced
// by quotes, sorted and made unique as Prepare makes an item's (in place:
// what quotes holds afterwards is undefined). A pipeline that prepares a document before the quotes
// are linked across documents (which of its quotes others carry is known
// only once every document is read) gives them this way, when placing.
// The other bytes are copied as they are.
func AppendWithQuotes(dst, b []byte, quotes []string) ([]byte, error) {
	r := recordReader{b: b}
	r.bytes() // ID
	r.bytes() // date
	for range 4 {
		r.bytes() // outlet, title, headline, language
	}
	for n := r.uvarint(); n > 0 && r.err == nil; n-- {
		r.bytes() // a source
	}
	at := len(b) - len(r.b)
	for n := r.uvarint(); n > 0 && r.err == nil; n-- {
		r.bytes() // a quote
	}
	if r.err != nil {
		return dst, r.err
	}
	slices.Sort(quotes)
	dst = append(dst, b[:at]...)
	dst = appendStrings(dst, slices.Compact(quotes))
	return append(dst, r.b...), nil
}

// DecodeRecord reads a whole record back.
func DecodeRecord(b []byte) (Prepared, error) {
	r := recordReader{b: b}
	p := r.head()
	p.Terms = r.terms()
	p.Ents = r.terms()
	return p, r.done()
}

// readRecord reads a record into the item's fields that placing keeps
// (its terms and entity keys left out) and its features, interning keys
// in the vocabularies as Prepared.features does; sc is the caller's
// scratch (one goroutine's).
func (c *Clusterer) readRecord(b []byte, sc *featureScratch) (Prepared, features, error) {
	r := recordReader{b: b}
	p := r.head()
	// The keys are read and hashed first, and the slots of the table by
	// hash where their lookups start are read in a loop of nothing else
	// (vocab.touch): the table of a corpus's vocabulary is far larger
	// than the processor's caches, and its reads, one after the other
	// in the interning loop, were each a miss; here many are under way
	// at once. The keys are interned in the same order as before.
	raw := r.rawTerms(sc.raw[:0])
	c.terms.touch(raw)
	counts := slices.Grow(sc.terms[:0], len(raw))
	for i := range raw {
		t := &raw[i]
		n := t.n
		if i >= p.TitleAt {
			n *= titleWeight
		}
		counts = append(counts, idCount{c.terms.internHash(t.hash, t.key, r.surfaceOf(t)), n})
	}
	raw = r.rawTerms(raw[:0])
	c.ents.touch(raw)
	er := newEntityReader(&p, len(raw), sc)
	for i := range raw {
		t := &raw[i]
		surface := r.surfaceOf(t)
		er.add(c.ents.internHash(t.hash, t.key, surface), t.n, func() string { return string(surface) })
	}
	clear(raw) // the entries point into the record
	sc.raw = raw[:0]
	if err := r.done(); err != nil {
		return p, features{}, err
	}
	return p, er.features(counts, &p, &c.ents, &c.names, sc), nil
}

// rawTerm is an entry of a record's list of terms or entity keys, read
// but not interned: its key and the hash of the key, the key's first
// shared bytes and rest making its surface, its count.
type rawTerm struct {
	key, rest []byte
	hash      uint64
	shared    int
	n         int
}

// rawTerms reads the next list of entries (its count, then every entry)
// and appends them to into.
func (r *recordReader) rawTerms(into []rawTerm) []rawTerm {
	into = slices.Grow(into, r.count())
	for r.more() {
		r.left--
		key := r.bytes()
		shared := r.uvarint()
		rest := r.bytes()
		if shared > uint64(len(key)) {
			r.fail()
			break
		}
		into = append(into, rawTerm{key: key, rest: rest, hash: xxh3.Hash(key), shared: int(shared), n: int(r.uvarint())})
	}
	return into
}

// surfaceOf is the surface of an entry, as term gives it (the surface
// may be in the reader's scratch, valid until the next call).
func (r *recordReader) surfaceOf(t *rawTerm) []byte {
	if len(t.rest) == 0 {
		return t.key[:t.shared]
	}
	r.surface = append(append(r.surface[:0], t.key[:t.shared]...), t.rest...)
	return r.surface
}

// recordReader reads a record; the first error sticks and stops it.
type recordReader struct {
	b       []byte
	left    uint64 // entries of the list being read not read yet
	err     error
	surface []byte // term's scratch
}

// head reads the fields before the terms.
func (r *recordReader) head() Prepared {
	var p Prepared
	p.ID = r.string()
	if err := p.Date.UnmarshalBinary(r.bytes()); err != nil && r.err == nil {
		r.err = fmt.Errorf("date: %w", err)
	}
	p.Outlet, p.Title, p.Headline, p.Lang = r.string(), r.string(), r.string(), r.string()
	p.Sources = r.strings()
	p.Quotes = r.strings()
	p.Extracted = r.uvarint() == 1
	p.TitleAt = int(r.uvarint())
	return p
}

var errTruncated = errors.New("truncated record")

func (r *recordReader) fail() {
	if r.err == nil {
		r.err = errTruncated
	}
	r.b, r.left = nil, 0
}

func (r *recordReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

// bytes returns the next string's bytes, not a copy.
func (r *recordReader) bytes() []byte {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail()
		return nil
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

func (r *recordReader) string() string { return string(r.bytes()) }

func (r *recordReader) strings() []string {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail()
		return nil
	}
	var out []string
	for range n {
		out = append(out, r.string())
	}
	return out
}

// count starts a list of terms and returns its length (bounded by what
// the record can hold, for preallocating).
func (r *recordReader) count() int {
	r.left = r.uvarint()
	if r.left > uint64(len(r.b)) {
		r.fail()
	}
	return int(r.left)
}

// more reports whether the list started by count has an entry left.
func (r *recordReader) more() bool { return r.left > 0 && r.err == nil }

// term reads the next entry of a list: its key and surface, not copies
// (the surface may be in the reader's scratch, valid until the next
// term).
func (r *recordReader) term() (key, surface []byte, n int) {
	r.left--
	key = r.bytes()
	shared := r.uvarint()
	rest := r.bytes()
	switch {
	case shared > uint64(len(key)):
		r.fail()
	case len(rest) == 0:
		surface = key[:shared]
	default:
		r.surface = append(append(r.surface[:0], key[:shared]...), rest...)
		surface = r.surface
	}
	return key, surface, int(r.uvarint())
}

func (r *recordReader) terms() []PreparedTerm {
	out := make([]PreparedTerm, 0, r.count())
	for r.more() {
		key, surface, n := r.term()
		out = append(out, PreparedTerm{Key: string(key), Surface: string(surface), Count: n})
	}
	return out
}

// done reports an error, or bytes left after the record.
func (r *recordReader) done() error {
	if r.err == nil && len(r.b) > 0 {
		r.err = errors.New("bytes after the record")
	}
	return r.err
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendBytes(b, s []byte) []byte {
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

func appendTerms(b []byte, ts []PreparedTerm) []byte {
	b = binary.AppendUvarint(b, uint64(len(ts)))
	for _, t := range ts {
		b = appendString(b, t.Key)
		shared := 0
		if len(t.Key) <= len(t.Surface) && unsafe.StringData(t.Key) == unsafe.StringData(t.Surface) {
			// The key is the surface's opening bytes (as preparing takes
			// most keys from the word): all of it is shared.
			shared = len(t.Key)
		}
		for shared < len(t.Key) && shared < len(t.Surface) && t.Key[shared] == t.Surface[shared] {
			shared++
		}
		b = binary.AppendUvarint(b, uint64(shared))
		b = appendString(b, t.Surface[shared:])
		b = binary.AppendUvarint(b, uint64(t.Count))
	}
	return b
}
