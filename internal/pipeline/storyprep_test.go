package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/bench"
	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/read"
	"github.com/echotrace/echotrace/internal/store"
)

// TestStoryHandoffAsFromStore: documents prepared for the story stage in
// the quote stage's pass (storyHandoff) give the stories, narratives and
// saved clusterer that the story stage reading them back from the store
// gives: on a new corpus, and when documents are added to one analysed
// already, where only the new ones are prepared and placed.
func TestStoryHandoffAsFromStore(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses a generated corpus four times")
	}
	ctx := context.Background()
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	if _, err := bench.GenerateFiles(ctx, bench.Config{Docs: 600, Seed: 3}, corpus, filepath.Join(dir, "truth.jsonl")); err != nil {
		t.Fatal(err)
	}
	// The corpus in two parts: most of it, then the rest.
	first, rest := filepath.Join(dir, "first.jsonl"), filepath.Join(dir, "rest.jsonl")
	splitLines(t, corpus, 450, first, rest)

	type outcome struct {
		stories, narratives, state []byte
		quotes, mentions           []byte // the quote stage's rows as stored
		reading                    bool   // the story stage read documents from the store
	}
	analyse := func(handoff bool) []outcome {
		st, err := store.Open(ctx, filepath.Join(t.TempDir(), "test.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		var out []outcome
		for _, part := range []string{first, rest} {
			if _, err := Ingest(ctx, st, []string{part}, IngestOptions{}, func(p read.Problem) { t.Log(p) }); err != nil {
				t.Fatal(err)
			}
			var o outcome
			opt := AnalyzeOptions{Reuse: DefaultReuseOptions(), Progress: func(stage string, _, _ int64) {
				o.reading = o.reading || stage == "stories: reading"
			}}
			if !handoff {
				// The quote stage alone, then the story stage alone.
				opt.Stages = []string{"quotes"}
				if _, err := Analyze(ctx, st, opt); err != nil {
					t.Fatal(err)
				}
				opt.Stages = nil
			}
			if _, err := Analyze(ctx, st, opt); err != nil {
				t.Fatal(err)
			}
			o.stories, o.narratives, o.state = storedClusters(t, st)
			o.quotes, o.mentions = storedQuoteRows(t, st)
			out = append(out, o)
		}
		return out
	}
	together, apart := analyse(true), analyse(false)
	for i := range together {
		if together[i].reading || !apart[i].reading {
			t.Fatalf("analysis %d: the story stage read from the store: %v with the quote stage, %v alone; want false, true", i+1, together[i].reading, apart[i].reading)
		}
		if len(together[i].stories) < 1000 {
			t.Fatalf("analysis %d: stories %q", i+1, together[i].stories)
		}
		for _, x := range []struct {
			what      string
			got, want []byte
		}{
			{"stories", together[i].stories, apart[i].stories},
			{"narratives", together[i].narratives, apart[i].narratives},
			// Stored beside placing (storyHandoff.deferStore), or
			// by the quote stage itself.
			{"quote occurrences", together[i].quotes, apart[i].quotes},
			{"entity mentions", together[i].mentions, apart[i].mentions},
		} {
			if !bytes.Equal(x.got, x.want) {
				t.Errorf("analysis %d: %s prepared in the quote stage's pass differ from those read from the store", i+1, x.what)
			}
		}
		// The saved clusterer's bytes hold maps, in no set order.
		a, err := cluster.Read(bytes.NewReader(together[i].state))
		if err != nil {
			t.Fatal(err)
		}
		b, err := cluster.Read(bytes.NewReader(apart[i].state))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("analysis %d: the saved clusterer differs", i+1)
		}
	}
}

// storedQuoteRows returns the stored occurrences and entity mentions as
// JSON, after checking there are some.
func storedQuoteRows(t *testing.T, st store.Store) (quotes, mentions []byte) {
	t.Helper()
	ctx := context.Background()
	qs := st.(store.QuoteStore)
	occs, err := qs.Occurrences(ctx, store.OccurrenceQuery{})
	if err != nil {
		t.Fatal(err)
	}
	ms, err := qs.EntityMentions(ctx, store.EntityQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(occs) == 0 || len(ms) == 0 {
		t.Fatalf("%d occurrences and %d entity mentions stored, want some of each", len(occs), len(ms))
	}
	if quotes, err = json.Marshal(occs); err == nil {
		mentions, err = json.Marshal(ms)
	}
	if err != nil {
		t.Fatal(err)
	}
	return quotes, mentions
}

// TestStoryHandoffStoresQuoteRows: the quote rows handed to the story
// stage are stored once: by the story stage, beside placing, or, when it
// never takes the documents, when the handoff is closed; and their error
// is the analysis's.
func TestStoryHandoffStoresQuoteRows(t *testing.T) {
	handoff := func() *storyHandoff {
		file, err := newPreparedFile(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		h := &storyHandoff{in: &unplaced{file: file}}
		if h.deferStore(func() error { return nil }) {
			t.Fatal("rows handed over before the documents were linked")
		}
		h.in.quotes = h.quotes
		return h
	}
	failed := errors.New("disk full")

	// Never taken: close stores them.
	h := handoff()
	stored := 0
	if !h.deferStore(func() error { stored++; return failed }) {
		t.Fatal("rows not handed over")
	}
	if err := h.close(); !errors.Is(err, failed) || stored != 1 {
		t.Fatalf("close: %v, stored %d times; want %v, once", err, stored, failed)
	}

	// Taken: the story stage stores them; waiting again returns nothing
	// more, and close has nothing left to store.
	h = handoff()
	stored = 0
	h.deferStore(func() error { stored++; return failed })
	in := h.take()
	wait := in.startStoringQuotes()
	if err := wait(); !errors.Is(err, failed) || stored != 1 {
		t.Fatalf("wait: %v, stored %d times; want %v, once", err, stored, failed)
	}
	if err := wait(); err != nil {
		t.Fatalf("second wait: %v, want nil", err)
	}
	if err := errors.Join(in.close(), h.close()); err != nil || stored != 1 {
		t.Fatalf("close: %v, stored %d times; want nil, once", err, stored)
	}

	// No handoff: the quote stage stores them itself.
	var none *storyHandoff
	if none.deferStore(func() error { return nil }) {
		t.Fatal("rows handed to no story stage")
	}
}

// splitLines writes the first n lines of a file to one file and the rest
// to another.
func splitLines(t *testing.T, path string, n int, first, rest string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\n")
	if len(lines) <= n {
		t.Fatalf("%s has %d lines, want more than %d", path, len(lines), n)
	}
	for _, f := range []struct {
		path  string
		lines []string
	}{{first, lines[:n]}, {rest, lines[n:]}} {
		if err := os.WriteFile(f.path, []byte(strings.Join(f.lines, "")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// storedClusters returns the stored stories and narratives as JSON lines
// and the saved clusterer's bytes.
func storedClusters(t *testing.T, st store.Store) (stories, narratives, state []byte) {
	t.Helper()
	ctx := context.Background()
	cs := st.(store.ClusterStore)
	ss, err := cs.Stories(ctx, store.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	ns, err := cs.Narratives(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := cs.ClusterState(ctx, func(r io.Reader) error {
		state, err = io.ReadAll(bufio.NewReader(r))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return jsonLines(t, slices.Values(ss)), jsonLines(t, slices.Values(ns)), state
}

func jsonLines[T any](t *testing.T, seq func(func(T) bool)) []byte {
	t.Helper()
	var b bytes.Buffer
	for v := range seq {
		if err := json.NewEncoder(&b).Encode(v); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}
