package cluster

import (
	"bytes"
	"encoding/gob"
	"fmt"
)

// stateVersion changes whenever the saved form or the meaning of a saved
// field changes; a state of another version is refused, and the caller
// rebuilds with Recluster.
const stateVersion = 2

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
	Base         int // documents the clusterer was built from (0 in older states)
}

// MarshalBinary saves the clusterer, so that a later run can load it and
// keep placing new documents without recomputing the corpus.
func (c *Clusterer) MarshalBinary() ([]byte, error) {
	c.terms.fill()
	c.ents.fill()
	var buf bytes.Buffer
	err := gob.NewEncoder(&buf).Encode(state{
		Version: stateVersion, Params: c.p, Terms: c.terms, Ents: c.ents, Docs: c.docs, Stories: c.stories,
		TermPostings: c.termPostings, EntPostings: c.entPostings, DerivedBy: c.derivedBy, Base: c.base,
	})
	return buf.Bytes(), err
}

// Load restores a clusterer saved by MarshalBinary.
func Load(data []byte) (*Clusterer, error) {
	var s state
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&s); err != nil {
		return nil, fmt.Errorf("cluster: reading saved state: %w", err)
	}
	if s.Version != stateVersion {
		return nil, fmt.Errorf("cluster: saved state has version %d, this build reads %d; recluster", s.Version, stateVersion)
	}
	c := New(s.Params)
	c.terms, c.ents, c.docs, c.stories, c.base = s.Terms, s.Ents, s.Docs, s.Stories, s.Base
	if c.terms.IDs == nil || c.ents.IDs == nil || len(c.terms.DF) != len(c.terms.Surface) || len(c.ents.DF) != len(c.ents.Surface) {
		return nil, fmt.Errorf("cluster: saved state is inconsistent; recluster")
	}
	for i, d := range c.docs {
		if d.Story < 0 || int(d.Story) >= len(c.stories) {
			return nil, fmt.Errorf("cluster: saved state puts document %s in a missing story; recluster", d.ID)
		}
		c.docIndex[d.ID] = int32(i)
	}
	for _, m := range []*map[uint32][]int32{&s.TermPostings, &s.EntPostings} {
		if *m == nil {
			*m = make(map[uint32][]int32)
		}
		for _, list := range *m {
			for _, si := range list {
				if si < 0 || int(si) >= len(c.stories) {
					return nil, fmt.Errorf("cluster: saved index names a missing story; recluster")
				}
			}
		}
	}
	c.termPostings, c.entPostings = s.TermPostings, s.EntPostings
	if s.DerivedBy != nil {
		c.derivedBy = s.DerivedBy
	}
	return c, nil
}

// Params are the parameters the clusterer was made with.
func (c *Clusterer) Params() Params { return c.p }
