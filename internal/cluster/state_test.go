package cluster

import (
	"bytes"
	"errors"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
	"testing/iotest"
)

// TestStateInBatches saves a clusterer whose documents and stories take
// several batches of the saved form and loads it back whole, read a byte
// at a time; a state cut short is refused. The state is written as it is
// encoded: no single write holds the whole of it, so a store writing it
// part by part never holds it whole.
func TestStateInBatches(t *testing.T) {
	c := New(DefaultParams())
	fill(c, 2*stateBatch+100, rand.New(rand.NewPCG(7, 8)))
	var w largestWrite
	if err := c.WriteState(&w); err != nil {
		t.Fatal(err)
	}
	data := w.buf.Bytes()
	if w.largest > len(data)/2 {
		t.Fatalf("one write of %d bytes of a saved state of %d", w.largest, len(data))
	}
	back, err := Read(iotest.OneByteReader(bytes.NewReader(data)))
	if err != nil {
		t.Fatal(err)
	}
	if back.Len() != c.Len() || len(back.stories) != len(c.stories) {
		t.Fatalf("loaded %d documents in %d stories, saved %d in %d", back.Len(), len(back.stories), c.Len(), len(c.stories))
	}
	if !maps.Equal(back.Assignments(), c.Assignments()) {
		t.Fatal("loaded state puts documents in other stories")
	}
	if _, err := Load(data[:len(data)*3/4]); err == nil {
		t.Fatal("a state cut short loaded")
	}
}

// largestWrite keeps what is written to it and the size of the largest
// single write.
type largestWrite struct {
	buf     bytes.Buffer
	largest int
}

func (w *largestWrite) Write(p []byte) (int, error) {
	w.largest = max(w.largest, len(p))
	return w.buf.Write(p)
}

// TestStateWriteFails stops encoding when the writer fails: WriteState
// returns the writer's error after the first failed write. A state larger
// than a chunk goes through several.
func TestStateWriteFails(t *testing.T) {
	c := New(DefaultParams())
	fill(c, stateBatch+100, rand.New(rand.NewPCG(7, 8)))
	var a bytes.Buffer
	if err := c.WriteState(&a); err != nil {
		t.Fatal(err)
	}
	if a.Len() <= 2*stateChunk {
		t.Fatalf("the state (%d bytes) fits two chunks", a.Len())
	}
	if back, err := Load(a.Bytes()); err != nil || !maps.Equal(back.Assignments(), c.Assignments()) {
		t.Fatalf("state written in chunks does not load back the same (%v)", err)
	}
	w := &failingWriter{after: 1}
	if err := c.WriteState(w); err != errWrite {
		t.Fatalf("WriteState into a failing writer returned %v", err)
	}
	if w.writes != 2 {
		t.Fatalf("%d writes, want the one that worked and the one that failed", w.writes)
	}
}

var errWrite = errors.New("write failed")

// failingWriter fails every write after the first after.
type failingWriter struct{ after, writes int }

func (w *failingWriter) Write(p []byte) (int, error) {
	w.writes++
	if w.writes > w.after {
		return 0, errWrite
	}
	return len(p), nil
}

// TestStateQuoteNumbers: a loaded state numbers the quotes it has seen as
// before, and new ones after them.
func TestStateQuoteNumbers(t *testing.T) {
	c := New(DefaultParams())
	if got := c.quoteNumbers([]string{"q7", "q3"}); !slices.Equal(got, []uint32{0, 1}) {
		t.Fatalf("numbered %v", got)
	}
	data, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Load(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := back.quoteNumbers([]string{"q3", "q9"}); !slices.Equal(got, []uint32{1, 2}) {
		t.Fatalf("after loading, numbered %v, want [1 2]", got)
	}
}
