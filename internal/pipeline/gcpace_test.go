package pipeline

import (
	"runtime/debug"
	"sync"
	"testing"
)

// TestTightenGC: overlapping steps that tighten the collector's pace
// leave it as it was once all are done, whatever order they end in, and
// a pace the user set tighter is not loosened.
func TestTightenGC(t *testing.T) {
	orig := debug.SetGCPercent(100)
	defer debug.SetGCPercent(orig)

	first := tightenGC(20)
	if got := debug.SetGCPercent(20); got != 20 {
		t.Fatalf("pace while tightened = %d, want 20", got)
	}
	second := tightenGC(20)
	first()
	first() // a second call changes nothing
	if got := debug.SetGCPercent(20); got != 20 {
		t.Fatalf("pace while the second step runs = %d, want 20", got)
	}
	second()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("pace after both = %d, want 100 again", got)
	}

	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tightenGC(20)()
		}()
	}
	wg.Wait()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("pace after concurrent steps = %d, want 100", got)
	}

	debug.SetGCPercent(10)
	restore := tightenGC(20)
	if got := debug.SetGCPercent(10); got != 10 {
		t.Fatalf("the user's tighter pace 10 became %d", got)
	}
	restore()
	if got := debug.SetGCPercent(100); got != 10 {
		t.Fatalf("pace after a step over the user's 10 = %d", got)
	}
}
