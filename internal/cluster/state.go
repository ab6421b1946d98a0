package cluster

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
)

// stateVersion changes whenever the saved form or the meaning of a saved
// field changes; a state of another version is refused, and the caller
// rebuilds with Recluster.
const stateVersion = 6

// stateBatch is how many documents or stories one gob message of a saved
// state holds. gob builds each message whole in a buffer of its own before
// writing it, so the documents and stories go in batches after the rest:
// one message of a million documents' records would take gigabytes twice
// over (the encoder's buffer, then the output).
const stateBatch = 8192

// state is the clusterer as saved between runs: everything Add needs to
// go on placing documents where the last run stopped.
type state struct {
	Version      int
	Params       Params
	Terms, Ents  vocab
	Docs         []docRecord
	Stories      []*story
	TermPostings map[uint32][]int32
	EntPostings  map[uint32][]int32
	DerivedBy    map[string][]int32
	QuoteIDs     map[string]uint32
	Base         int // documents the clusterer was built from (0 in older states)
	// NDocs and NStories are how many documents and stories follow this
	// message, in batches of stateBatch (docBatch, then storyBatch: each a
	// gob message of bytes in a form of its own, see statebin.go).
	NDocs, NStories int
	MaxKey          orderKey
	Unordered       []int32
}

// WriteState saves the clusterer to w, so that a later run can load it
// (Read) and keep placing new documents without recomputing the corpus.
// It is written as it is encoded, in messages of at most stateBatch
// documents or stories: a store writing it part by part never holds it
// whole (2.8 KB a document: gigabytes at a million documents, at the very
// moment the story stage needs the most).
//
// The state is encoded on a goroutine of its own while the caller's
// goroutine writes what is encoded so far to w: a store's writes (SQLite
// copying each part into its pages) and gob's encoding take about the
// same time, and the analysis waits for both. At most stateAhead chunks
// of stateChunk bytes are held between the two.
func (c *Clusterer) WriteState(w io.Writer) error {
	c.terms.fill()
	c.ents.fill()
	full := make(chan []byte, stateAhead)
	free := make(chan []byte, stateAhead)
	stop := make(chan struct{})
	encoded := make(chan error, 1)
	go func() {
		cw := &chunkWriter{full: full, free: free, stop: stop}
		err := c.encodeState(cw)
		if err == nil {
			err = cw.flush()
		}
		close(full)
		encoded <- err
	}()
	var werr error
	for b := range full {
		if werr == nil {
			if _, werr = w.Write(b); werr != nil {
				close(stop)
			}
		}
		select {
		case free <- b[:0]:
		default:
		}
	}
	if err := <-encoded; werr == nil {
		werr = err
	}
	return werr
}

// stateChunk and stateAhead size the chunks WriteState hands from the
// encoding goroutine to the writing one, and how many may wait.
const (
	stateChunk = 1 << 20
	stateAhead = 4
)

// errStateStopped ends the encoding when writing the state failed.
var errStateStopped = errors.New("cluster: writing the saved state failed")

// chunkWriter copies what the encoder writes into chunks and hands each
// full one on; gob reuses its own buffer once Write returns.
type chunkWriter struct {
	buf        []byte
	full, free chan []byte
	stop       chan struct{}
}

func (cw *chunkWriter) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 {
		if cw.buf == nil {
			select {
			case cw.buf = <-cw.free:
			default:
				cw.buf = make([]byte, 0, stateChunk)
			}
		}
		k := min(len(p), stateChunk-len(cw.buf))
		cw.buf = append(cw.buf, p[:k]...)
		p, n = p[k:], n+k
		if len(cw.buf) == stateChunk {
			if err := cw.flush(); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

// flush hands the chunk being filled on.
func (cw *chunkWriter) flush() error {
	if len(cw.buf) == 0 {
		return nil
	}
	select {
	case cw.full <- cw.buf:
		cw.buf = nil
		return nil
	case <-cw.stop:
		return errStateStopped
	}
}

// MarshalBinary is WriteState into one slice.
func (c *Clusterer) MarshalBinary() ([]byte, error) {
	var buf bytes.Buffer
	err := c.WriteState(&buf)
	return buf.Bytes(), err
}

// encodeState writes the state to w: the state message, then the
// documents and the stories in batches.
func (c *Clusterer) encodeState(w io.Writer) error {
	enc := gob.NewEncoder(w)
	err := enc.Encode(state{
		Version: stateVersion, Params: c.p, Terms: c.terms, Ents: c.ents,
		TermPostings: c.termPostings.asMap(), EntPostings: c.entPostings.asMap(), DerivedBy: c.derivedBy, QuoteIDs: c.quoteIDs, Base: c.base,
		NDocs: len(c.docs), NStories: len(c.stories),
		MaxKey: c.maxKey, Unordered: c.unordered,
	})
	for i := 0; err == nil && i < len(c.docs); i += stateBatch {
		err = enc.Encode(docBatch(c.docs[i:min(i+stateBatch, len(c.docs))]))
	}
	for i := 0; err == nil && i < len(c.stories); i += stateBatch {
		err = enc.Encode(storyBatch(c.stories[i:min(i+stateBatch, len(c.stories))]))
	}
	return err
}

// Load restores a clusterer saved by MarshalBinary.
func Load(data []byte) (*Clusterer, error) {
	return Read(bytes.NewReader(data))
}

// Read restores a clusterer saved by WriteState, decoding it as it reads
// r: the saved form is never held whole beside the clusterer it makes.
func Read(r io.Reader) (*Clusterer, error) {
	var s state
	dec := gob.NewDecoder(r)
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("cluster: reading saved state: %w", err)
	}
	if s.Version != stateVersion {
		return nil, fmt.Errorf("cluster: saved state has version %d, this build reads %d; recluster", s.Version, stateVersion)
	}
	for len(s.Docs) < s.NDocs {
		var batch docBatch
		if err := dec.Decode(&batch); err != nil || len(batch) == 0 {
			return nil, fmt.Errorf("cluster: reading saved documents (%d of %d): %v; recluster", len(s.Docs), s.NDocs, err)
		}
		s.Docs = append(s.Docs, batch...)
	}
	for len(s.Stories) < s.NStories {
		var batch storyBatch
		if err := dec.Decode(&batch); err != nil || len(batch) == 0 {
			return nil, fmt.Errorf("cluster: reading saved stories (%d of %d): %v; recluster", len(s.Stories), s.NStories, err)
		}
		s.Stories = append(s.Stories, batch...)
	}
	if len(s.Docs) != s.NDocs || len(s.Stories) != s.NStories {
		return nil, fmt.Errorf("cluster: saved state is inconsistent; recluster")
	}
	for _, st := range s.Stories {
		if st == nil {
			return nil, fmt.Errorf("cluster: saved state has an empty story record; recluster")
		}
	}
	c := New(s.Params)
	c.terms, c.ents, c.docs, c.stories, c.base = s.Terms, s.Ents, s.Docs, s.Stories, s.Base
	c.terms.readDocs()
	c.ents.readDocs()
	if c.terms.IDs == nil || c.ents.IDs == nil || len(c.terms.DF) != len(c.terms.Surface) || len(c.ents.DF) != len(c.ents.Surface) {
		return nil, fmt.Errorf("cluster: saved state is inconsistent; recluster")
	}
	for i, d := range c.docs {
		if d.Story < 0 || int(d.Story) >= len(c.stories) {
			return nil, fmt.Errorf("cluster: saved state puts document %s in a missing story; recluster", d.ID)
		}
		c.docIndex[d.ID] = int32(i)
	}
	for _, ix := range []struct {
		m map[uint32][]int32
		v *vocab
	}{{s.TermPostings, &c.terms}, {s.EntPostings, &c.ents}} {
		for id, list := range ix.m {
			if int(id) >= len(ix.v.Surface) {
				return nil, fmt.Errorf("cluster: saved index names a missing key; recluster")
			}
			for _, si := range list {
				if si < 0 || int(si) >= len(c.stories) {
					return nil, fmt.Errorf("cluster: saved index names a missing story; recluster")
				}
			}
		}
	}
	c.termPostings, c.entPostings = postingsOf(s.TermPostings), postingsOf(s.EntPostings)
	c.hop = make([]int32, len(c.stories))
	c.holding = make([]uint64, (len(c.stories)+63)/64)
	for si, st := range c.stories {
		if st.Into < 0 || int(st.Into) > len(c.stories) {
			return nil, fmt.Errorf("cluster: saved state merges a story into a missing one; recluster")
		}
		c.noteStory(int32(si))
	}
	c.maxKey = s.MaxKey
	for _, di := range s.Unordered {
		if di < 0 || int(di) >= len(c.docs) {
			return nil, fmt.Errorf("cluster: saved state names a missing document; recluster")
		}
	}
	c.unordered = s.Unordered
	if s.DerivedBy != nil {
		c.derivedBy = s.DerivedBy
	}
	if s.QuoteIDs != nil {
		c.quoteIDs = s.QuoteIDs
	}
	for _, id := range c.quoteIDs {
		if int(id) >= len(c.quoteIDs) {
			return nil, fmt.Errorf("cluster: saved quote numbers are inconsistent; recluster")
		}
	}
	return c, nil
}

// Params are the parameters the clusterer was made with.
func (c *Clusterer) Params() Params { return c.p }
