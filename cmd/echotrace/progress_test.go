package main

import (
	"bytes"
	"testing"
)

// TestStageProgressQuietOffTerminal: the bars are for people at a
// terminal; a log or a pipe gets nothing from them.
func TestStageProgressQuietOffTerminal(t *testing.T) {
	var buf bytes.Buffer
	p := newStageProgress(&buf)
	p.step("finding reuse in corpus version %d", 3)
	for i := int64(1); i <= 100; i++ {
		p.update("quotes", i, 100)
	}
	p.update("stories: placing", 1, 0)
	p.done()
	if buf.Len() != 0 {
		t.Fatalf("progress wrote %q to a writer that is not a terminal", buf.String())
	}
}
