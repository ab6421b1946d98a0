package cluster

import (
	"bytes"
	"encoding/gob"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// TestStateBatchesAsGob: the documents and stories of a saved state read
// back exactly as gob read them back before their binary form (empty
// lists as nil, dates with their offsets), quotes, merged and pinned
// documents, a story's documents out of order and zones other than UTC
// among them; a batch cut short or with bytes after it is refused.
func TestStateBatchesAsGob(t *testing.T) {
	c := New(DefaultParams())
	fill(c, 300, rand.New(rand.NewPCG(3, 4)))
	zone := time.FixedZone("", -5*3600)
	c.docs[1].Quotes = []uint32{0, 7, 300}
	c.docs[2].Pinned = true
	c.docs[3].Date = c.docs[3].Date.In(zone)
	c.docs[4].Date = time.Time{}
	c.docs[5].Terms, c.docs[5].Ents = []weighted{}, nil
	c.stories[1].Docs = []int32{9, 2, 400000, 0}
	c.stories[2].Quotes = []uint32{5}
	c.stories[3].Into = 2
	c.stories[4].Docs = nil
	c.stories[5].First = c.stories[5].First.In(zone)
	c.stories[6].Terms = []weighted{{ID: 1 << 31, W: -0.5}, {ID: 3, W: 1e-30}}

	viaGob := func(in, out any) {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(in); err != nil {
			t.Fatal(err)
		}
		if err := gob.NewDecoder(&buf).Decode(out); err != nil {
			t.Fatal(err)
		}
	}
	var wantDocs []docRecord
	viaGob(c.docs, &wantDocs)
	var wantStories []*story
	viaGob(c.stories, &wantStories)

	data, err := docBatch(c.docs).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var docs docBatch
	if err := docs.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual([]docRecord(docs), wantDocs) {
		t.Fatal("documents read back differ from gob's")
	}
	for _, bad := range [][]byte{data[:len(data)-1], append(data[:len(data):len(data)], 0)} {
		if err := new(docBatch).UnmarshalBinary(bad); err == nil {
			t.Fatal("a damaged batch of documents was read")
		}
	}

	data, err = storyBatch(c.stories).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var stories storyBatch
	if err := stories.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual([]*story(stories), wantStories) {
		t.Fatal("stories read back differ from gob's")
	}
	if err := new(storyBatch).UnmarshalBinary(data[:len(data)/2]); err == nil {
		t.Fatal("a batch of stories cut short was read")
	}
}
