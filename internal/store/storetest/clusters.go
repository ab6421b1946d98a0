package storetest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"reflect"
	"testing"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/store"
)

// Clusters checks the ClusterStore topic of a backend: stories,
// narratives and state round-trip, queries select, an older analysis
// never replaces a newer one and an equal one does.
func Clusters(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	s := open(t, newDSN(t))
	cs, ok := s.(store.ClusterStore)
	if !ok {
		t.Skip("backend does not implement store.ClusterStore")
	}
	if state, err := stateOf(ctx, cs); err != nil || state != nil {
		t.Fatalf("empty store: state %v, %v; want nil, nil", state, err)
	}
	stories := []cluster.Story{
		{Summary: cluster.Summary{ID: "s1", Label: "Kolvik, bridge", Documents: []string{"a", "b"}, Outlets: []string{"x"},
			First: "2031-06-03", Last: "2031-06-04", Timeline: []cluster.TimelineDay{{Date: "2031-06-03", Outlet: "x", Documents: 2}}}, Narrative: "n1"},
		{Summary: cluster.Summary{ID: "s2", Label: "cup final", Documents: []string{"c"}, Undated: 1}, Narrative: "n2"},
	}
	narratives := []cluster.Narrative{
		{Summary: cluster.Summary{ID: "n1", Label: "floods", Documents: []string{"a", "b"}}, Stories: []string{"s1"}},
		{Summary: cluster.Summary{ID: "n2", Label: "football", Documents: []string{"c"}}, Stories: []string{"s2"}},
	}
	state := []byte{0, 1, 2, 255}
	if ok, err := cs.ReplaceClusters(ctx, 3, oneAtATime{Stories: stories, Narratives: narratives}, stateBytes(state)); err != nil || !ok {
		t.Fatalf("ReplaceClusters = %v, %v", ok, err)
	}
	got, err := cs.Stories(ctx, store.StoryQuery{})
	if err != nil || !reflect.DeepEqual(got, stories) {
		t.Fatalf("Stories = %+v, %v; want %+v", got, err, stories)
	}
	tests := []struct {
		name string
		q    store.StoryQuery
		want []string
	}{
		{"by id", store.StoryQuery{ID: "s2"}, []string{"s2"}},
		{"by narrative", store.StoryQuery{Narrative: "n1"}, []string{"s1"}},
		{"by document", store.StoryQuery{Doc: "b"}, []string{"s1"}},
		{"unknown document", store.StoryQuery{Doc: "zz"}, nil},
		{"limit", store.StoryQuery{Limit: 1}, []string{"s1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cs.Stories(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, s := range got {
				ids = append(ids, s.ID)
			}
			if !reflect.DeepEqual(ids, tt.want) {
				t.Errorf("ids = %v, want %v", ids, tt.want)
			}
		})
	}
	ns, err := cs.Narratives(ctx)
	if err != nil || !reflect.DeepEqual(ns, narratives) {
		t.Fatalf("Narratives = %+v, %v", ns, err)
	}
	if got, err := stateOf(ctx, cs); err != nil || !reflect.DeepEqual(got, state) {
		t.Fatalf("ClusterState = %v, %v", got, err)
	}
	// A state of several parts comes back whole, in order.
	defer func(n int) { store.MaxStatePart = n }(store.MaxStatePart)
	store.MaxStatePart = 3
	long := []byte("a saved clusterer in several parts")
	if ok, err := cs.ReplaceClusters(ctx, 3, store.ClusterList{Stories: stories, Narratives: narratives}, stateBytes(long)); err != nil || !ok {
		t.Fatalf("ReplaceClusters with a state of several parts = %v, %v", ok, err)
	}
	if got, err := stateOf(ctx, cs); err != nil || !reflect.DeepEqual(got, long) {
		t.Fatalf("ClusterState of several parts = %q, %v; want %q", got, err, long)
	}
	// A state that fails while being written, after some of its parts
	// are stored, changes nothing.
	failing := func(w io.Writer) error {
		if _, err := w.Write([]byte("several parts, then")); err != nil {
			return err
		}
		return errors.New("the clusterer could not be saved")
	}
	if ok, err := cs.ReplaceClusters(ctx, 4, store.ClusterList{Stories: stories[:1], Narratives: narratives[:1]}, failing); err == nil || ok {
		t.Fatalf("ReplaceClusters with a failing state = %v, %v; want an error", ok, err)
	}
	if got, err := stateOf(ctx, cs); err != nil || !reflect.DeepEqual(got, long) {
		t.Fatalf("ClusterState after a failed replacement = %q, %v; want %q", got, err, long)
	}
	if got, _ := cs.Stories(ctx, store.StoryQuery{}); len(got) != len(stories) {
		t.Fatalf("after a failed replacement %d stories, want %d", len(got), len(stories))
	}
	// A reader that stops early gets its error back.
	stop := errors.New("stop")
	if err := cs.ClusterState(ctx, func(r io.Reader) error {
		_, err := io.ReadFull(r, make([]byte, 4))
		return errors.Join(err, stop)
	}); !errors.Is(err, stop) {
		t.Fatalf("ClusterState with a reader that stops = %v, want %v", err, stop)
	}
	if ok, err := cs.ReplaceClusters(ctx, 1, store.ClusterList{}, nil); err != nil || ok {
		t.Fatalf("older analysis replaced the stored one: %v, %v", ok, err)
	}
	if ok, err := cs.ReplaceClusters(ctx, 3, store.ClusterList{Stories: stories[:1], Narratives: narratives[:1]}, nil); err != nil || !ok {
		t.Fatalf("equal version (a recluster) did not replace: %v, %v", ok, err)
	}
	if got, _ := cs.Stories(ctx, store.StoryQuery{}); len(got) != 1 {
		t.Errorf("after recluster %d stories, want 1", len(got))
	}
	if got, _ := stateOf(ctx, cs); got != nil {
		t.Errorf("state kept after a replacement without one")
	}
	if v, err := cs.ClustersVersion(ctx); err != nil || v != 3 {
		t.Errorf("ClustersVersion = %d, %v; want 3", v, err)
	}
}

// stateBytes is a StateWriter of fixed bytes.
func stateBytes(b []byte) store.StateWriter {
	return func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	}
}

// stateOf reads the saved clusterer whole; nil when there is none.
func stateOf(ctx context.Context, cs store.ClusterStore) ([]byte, error) {
	var data []byte
	err := cs.ClusterState(ctx, func(r io.Reader) error {
		var buf bytes.Buffer
		_, err := io.Copy(&buf, r)
		data = buf.Bytes()
		return err
	})
	return data, err
}

// oneAtATime gives its stories and narratives one a batch, each batch in
// the same slice, as cluster.Summaries reuses its batches: a store must
// write a batch before it asks for the next.
type oneAtATime store.ClusterList

func (l oneAtATime) EachStory(fn func([]cluster.Story) error) error {
	return eachOne(l.Stories, fn)
}

func (l oneAtATime) EachNarrative(fn func([]cluster.Narrative) error) error {
	return eachOne(l.Narratives, fn)
}

func eachOne[T any](all []T, fn func([]T) error) error {
	batch := make([]T, 1)
	for _, v := range all {
		batch[0] = v
		if err := fn(batch); err != nil {
			return err
		}
	}
	return nil
}
