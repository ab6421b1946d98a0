package cluster

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"
)

// A saved state's documents and stories, nearly all of its bytes, go as
// batches in a binary form of their own (docBatch, storyBatch), each one
// gob message of bytes: gob encodes a slice of structs field by field
// through reflection, every coordinate of every vector a struct of its
// own, and at 100 000 documents that took 1.9 CPU s on one goroutine
// while the store waited for it. The form (all numbers uvarints unless
// said otherwise):
//
//	document: ID, date (time.MarshalBinary), outlet, headline (strings:
//	length and bytes); story (zigzag varint); terms, entities (vectors);
//	quotes (a list); pinned (0 or 1)
//	story: documents (a list of zigzag varints, each the difference
//	from the one before); terms, entities (vectors); quotes (a list);
//	first, last (dates); into (zigzag varint)
//	vector: its length, then each coordinate's id as the difference
//	from the one before and its weight's four bytes (little-endian
//	float32 bits)
//	list of quotes: its length, then each number
//
// An empty list or vector is read back as nil, as gob gave it.

// docBatch is a batch of a saved state's documents.
type docBatch []docRecord

// storyBatch is a batch of a saved state's stories.
type storyBatch []*story

// MarshalBinary encodes the batch (see above).
func (b docBatch) MarshalBinary() ([]byte, error) {
	n := 0
	for i := range b {
		d := &b[i]
		n += 64 + len(d.ID) + len(d.Outlet) + len(d.Headline) + 9*(len(d.Terms)+len(d.Ents)) + 5*len(d.Quotes)
	}
	out := binary.AppendUvarint(make([]byte, 0, n+binary.MaxVarintLen64), uint64(len(b)))
	for i := range b {
		d := &b[i]
		out = appendString(out, d.ID)
		var err error
		if out, err = appendTime(out, d.Date); err != nil {
			return nil, fmt.Errorf("document %s: %w", d.ID, err)
		}
		out = appendString(out, d.Outlet)
		out = appendString(out, d.Headline)
		out = binary.AppendVarint(out, int64(d.Story))
		out = appendVector(out, d.Terms)
		out = appendVector(out, d.Ents)
		out = appendNumbers(out, d.Quotes)
		pinned := byte(0)
		if d.Pinned {
			pinned = 1
		}
		out = append(out, pinned)
	}
	return out, nil
}

// UnmarshalBinary decodes a batch MarshalBinary encoded.
func (b *docBatch) UnmarshalBinary(data []byte) error {
	r := recordReader{b: data}
	n := r.count()
	out := make(docBatch, 0, n)
	for range n {
		if r.err != nil {
			break
		}
		var d docRecord
		d.ID = r.string()
		d.Date = r.time()
		d.Outlet = r.string()
		d.Headline = r.string()
		d.Story = r.int32()
		d.Terms = r.vector()
		d.Ents = r.vector()
		d.Quotes = r.numbers()
		d.Pinned = r.flag()
		out = append(out, d)
	}
	if err := r.done(); err != nil {
		return fmt.Errorf("saved documents: %w", err)
	}
	*b = out
	return nil
}

// MarshalBinary encodes the batch (see above).
func (b storyBatch) MarshalBinary() ([]byte, error) {
	n := 0
	for _, s := range b {
		if s == nil {
			return nil, errors.New("an empty story record")
		}
		n += 64 + 5*len(s.Docs) + 9*(len(s.Terms)+len(s.Ents)) + 5*len(s.Quotes)
	}
	out := binary.AppendUvarint(make([]byte, 0, n+binary.MaxVarintLen64), uint64(len(b)))
	for _, s := range b {
		out = binary.AppendUvarint(out, uint64(len(s.Docs)))
		prev := int64(0)
		for _, d := range s.Docs {
			out = binary.AppendVarint(out, int64(d)-prev)
			prev = int64(d)
		}
		out = appendVector(out, s.Terms)
		out = appendVector(out, s.Ents)
		out = appendNumbers(out, s.Quotes)
		var err error
		if out, err = appendTime(out, s.First); err != nil {
			return nil, err
		}
		if out, err = appendTime(out, s.Last); err != nil {
			return nil, err
		}
		out = binary.AppendVarint(out, int64(s.Into))
	}
	return out, nil
}

// UnmarshalBinary decodes a batch MarshalBinary encoded.
func (b *storyBatch) UnmarshalBinary(data []byte) error {
	r := recordReader{b: data}
	n := r.count()
	out := make(storyBatch, 0, n)
	for range n {
		if r.err != nil {
			break
		}
		s := new(story)
		if k := r.count(); k > 0 {
			s.Docs = make([]int32, 0, k)
			prev := int64(0)
			for range k {
				prev += r.varint()
				if prev < math.MinInt32 || prev > math.MaxInt32 {
					r.fail()
				}
				s.Docs = append(s.Docs, int32(prev))
			}
		}
		s.Terms = r.vector()
		s.Ents = r.vector()
		s.Quotes = r.numbers()
		s.First = r.time()
		s.Last = r.time()
		s.Into = r.int32()
		out = append(out, s)
	}
	if err := r.done(); err != nil {
		return fmt.Errorf("saved stories: %w", err)
	}
	*b = out
	return nil
}

func appendTime(b []byte, t time.Time) ([]byte, error) {
	date, err := t.MarshalBinary()
	if err != nil {
		return b, err
	}
	return appendBytes(b, date), nil
}

func appendVector(b []byte, v []weighted) []byte {
	b = binary.AppendUvarint(b, uint64(len(v)))
	prev := uint32(0)
	for _, x := range v {
		// Vectors are sorted by id; a difference that wraps (an unsorted
		// one) still reads back as the same id.
		b = binary.AppendUvarint(b, uint64(x.ID-prev))
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x.W))
		prev = x.ID
	}
	return b
}

func appendNumbers(b []byte, ns []uint32) []byte {
	b = binary.AppendUvarint(b, uint64(len(ns)))
	for _, n := range ns {
		b = binary.AppendUvarint(b, uint64(n))
	}
	return b
}

// varint reads what binary.AppendVarint wrote (a zigzag uvarint).
func (r *recordReader) varint() int64 {
	u := r.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

func (r *recordReader) int32() int32 {
	v := r.varint()
	if v < math.MinInt32 || v > math.MaxInt32 {
		r.fail()
		return 0
	}
	return int32(v)
}

func (r *recordReader) uint32() uint32 {
	v := r.uvarint()
	if v > math.MaxUint32 {
		r.fail()
		return 0
	}
	return uint32(v)
}

func (r *recordReader) flag() bool {
	if len(r.b) == 0 {
		r.fail()
		return false
	}
	v := r.b[0]
	r.b = r.b[1:]
	if v > 1 {
		r.fail()
	}
	return v == 1
}

func (r *recordReader) time() time.Time {
	var t time.Time
	if err := t.UnmarshalBinary(r.bytes()); err != nil && r.err == nil {
		r.err = fmt.Errorf("date: %w", err)
		r.b = nil
	}
	return t
}

// vector reads a vector appendVector wrote (nil when empty).
func (r *recordReader) vector() []weighted {
	n := r.count()
	if n == 0 || r.err != nil {
		return nil
	}
	v := make([]weighted, 0, n)
	id := uint32(0)
	for range n {
		id += r.uint32()
		if len(r.b) < 4 {
			r.fail()
			return nil
		}
		w := math.Float32frombits(binary.LittleEndian.Uint32(r.b))
		r.b = r.b[4:]
		v = append(v, weighted{id, w})
	}
	return v
}

// numbers reads a list appendNumbers wrote (nil when empty).
func (r *recordReader) numbers() []uint32 {
	n := r.count()
	if n == 0 || r.err != nil {
		return nil
	}
	out := make([]uint32, 0, n)
	for range n {
		out = append(out, r.uint32())
	}
	return out
}
