package cluster_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/cluster/eval"
)

// preparedStream prepares the labelled stream in the clusterer's order.
func preparedStream(t *testing.T) []cluster.Prepared {
	t.Helper()
	stream := eval.Stream(eval.DefaultStream(5))
	items := make([]cluster.Item, len(stream))
	for i, l := range stream {
		items[i] = l.Item
	}
	cluster.Order(items)
	prepared := make([]cluster.Prepared, len(items))
	for i, it := range items {
		prepared[i] = cluster.Prepare(it)
	}
	return prepared
}

// TestRecordRoundTrip: a record read back is the prepared item it was
// made of, every field; a record cut short or with bytes after it is an
// error, never a panic or an item quietly short of terms.
func TestRecordRoundTrip(t *testing.T) {
	for _, p := range preparedStream(t)[:40] {
		b, err := p.AppendRecord([]byte("junk before"))
		if err != nil {
			t.Fatal(err)
		}
		b = b[len("junk before"):]
		got, err := cluster.DecodeRecord(b)
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		if !reflect.DeepEqual(got, p) {
			t.Fatalf("%s: read back %+v\nwant %+v", p.ID, got, p)
		}
		for _, cut := range []int{0, 1, len(b) / 2, len(b) - 1} {
			if _, err := cluster.DecodeRecord(b[:cut]); err == nil {
				t.Fatalf("%s: a record cut to %d of %d bytes read without error", p.ID, cut, len(b))
			}
		}
		if _, err := cluster.DecodeRecord(append(b[:len(b):len(b)], 0)); err == nil {
			t.Fatalf("%s: a record with a byte after it read without error", p.ID)
		}
	}
}

// TestAddRecordsPlacesAsAddPrepared: placing the records of a stream,
// their keys read from the bytes into the vocabularies, gives the stories
// and labels of placing the prepared items one at a time, and a record
// buffer reused for every record changes nothing.
func TestAddRecordsPlacesAsAddPrepared(t *testing.T) {
	prepared := preparedStream(t)
	p := cluster.DefaultParams()
	recs := cluster.New(p)
	var buf []byte
	err := recs.AddRecords(func(yield func([]byte, error) bool) {
		for _, it := range prepared {
			var err error
			if buf, err = it.AppendRecord(buf[:0]); err != nil {
				t.Error(err)
				return
			}
			if !yield(buf, nil) {
				return
			}
		}
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sameAsOneByOne(t, prepared, recs)

	// A broken record stops placing with an error.
	c := cluster.New(p)
	good, _ := prepared[0].AppendRecord(nil)
	bad, _ := prepared[1].AppendRecord(nil)
	err = c.AddRecords(func(yield func([]byte, error) bool) {
		_ = yield(good, nil) && yield(bad[:len(bad)-3], nil)
	}, nil)
	if err == nil || c.Len() != 1 {
		t.Fatalf("a truncated record: error %v, %d placed; want an error and 1 placed", err, c.Len())
	}
	broken := errors.New("spill file unreadable")
	c = cluster.New(p)
	err = c.AddRecords(func(yield func([]byte, error) bool) { yield(nil, broken) }, nil)
	if !errors.Is(err, broken) || c.Len() != 0 {
		t.Fatalf("a walk error: %v, %d placed", err, c.Len())
	}
}
