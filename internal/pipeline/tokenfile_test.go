package pipeline

import (
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"sync"
	"testing"
)

func TestTokenFileReadsBackEachDocument(t *testing.T) {
	dir := t.TempDir()
	tf, err := newTokenFile(dir)
	if err != nil {
		t.Fatal(err)
	}
	docs := [][]uint32{{1, 2, 3}, {}, {0xffffffff, 0, 7}, {42}}
	for _, d := range docs {
		if err := tf.append(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := tf.done(); err != nil {
		t.Fatal(err)
	}
	// Read concurrently and out of order: the second pass does.
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var dst []uint64
			var buf []byte
			for n := len(docs) - 1; n >= 0; n-- {
				var err error
				dst, buf, err = tf.read(n, dst, buf)
				if err != nil {
					t.Error(err)
					return
				}
				want := make([]uint64, len(docs[n]))
				for i, v := range docs[n] {
					want[i] = uint64(v)
				}
				if !slices.Equal(dst, want) || tf.count(n) != len(want) {
					t.Errorf("document %d: read %v (count %d), want %v", n, dst, tf.count(n), want)
				}
			}
		}()
	}
	wg.Wait()
	if err := tf.Close(); err != nil {
		t.Fatal(err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(left) != 0 {
		t.Fatalf("token file left behind: %v", left)
	}
}

func TestTokenFileNamesUnusableDirectory(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-dir")
	if _, err := newTokenFile(missing); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err = %v, want a not-exist error", err)
	}
}
