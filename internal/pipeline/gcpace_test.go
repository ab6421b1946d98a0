package pipeline

import (
	"runtime"
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

	first := tightenGC()
	if got := debug.SetGCPercent(20); got != 20 {
		t.Fatalf("pace while tightened = %d, want 20", got)
	}
	second := tightenGC()
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
			tightenGC()()
		}()
	}
	wg.Wait()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("pace after concurrent steps = %d, want 100", got)
	}

	debug.SetGCPercent(10)
	restore := tightenGC()
	if got := debug.SetGCPercent(10); got != 10 {
		t.Fatalf("the user's tighter pace 10 became %d", got)
	}
	restore()
	if got := debug.SetGCPercent(100); got != 10 {
		t.Fatalf("pace after a step over the user's 10 = %d", got)
	}
}

// TestBoundGC: under a bound the collector runs at the looser pace with
// a soft memory limit no higher than the user's; a step's tighter pace
// still applies inside it; overlapping bounds and steps leave the user's
// settings once all are done; a pace the user chose (GOGC) is kept.
func TestBoundGC(t *testing.T) {
	t.Setenv("GOGC", "")
	orig := debug.SetGCPercent(100)
	defer debug.SetGCPercent(orig)
	userLimit := int64(1) << 40
	origLimit := debug.SetMemoryLimit(userLimit)
	defer debug.SetMemoryLimit(origLimit)

	first := boundGC()
	if first == nil {
		t.Fatal("no bound")
	}
	if got := debug.SetGCPercent(-1); got != boundGCPercent {
		t.Errorf("pace under a bound = %d, want %d", got, boundGCPercent)
	}
	debug.SetGCPercent(boundGCPercent)
	if got := debug.SetMemoryLimit(-1); got <= 0 || got > userLimit {
		t.Errorf("limit under a bound = %d, want in (0, %d]", got, userLimit)
	}
	step := tightenGC()
	if got := debug.SetGCPercent(-1); got != storeGCPercent {
		t.Errorf("pace of a step under a bound = %d, want %d", got, storeGCPercent)
	}
	debug.SetGCPercent(storeGCPercent)
	second := boundGC()
	first()
	step()
	if got := debug.SetGCPercent(-1); got != boundGCPercent {
		t.Errorf("pace under the second bound = %d, want %d", got, boundGCPercent)
	}
	debug.SetGCPercent(boundGCPercent)
	second()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("pace after the bounds = %d, want 100", got)
	}
	if got := debug.SetMemoryLimit(-1); got != userLimit {
		t.Errorf("limit after the bounds = %d, want the user's %d", got, userLimit)
	}

	// A limit the user set below the bound is kept.
	debug.SetMemoryLimit(1 << 20)
	restore := boundGC()
	if got := debug.SetMemoryLimit(-1); got != 1<<20 {
		t.Errorf("the user's limit 1 MiB became %d under a bound", got)
	}
	restore()
	debug.SetMemoryLimit(userLimit)

	// A pace the user chose is kept.
	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	restore = boundGC()
	if got := debug.SetGCPercent(-1); got != 50 {
		t.Errorf("the user's pace 50 became %d under a bound", got)
	}
	debug.SetGCPercent(50)
	restore()
	if got := debug.SetGCPercent(100); got != 50 {
		t.Errorf("pace after a bound over the user's 50 = %d", got)
	}
}

// TestBoundLimitFloor: a bound too low for what is live still leaves the
// heap the tightened pace's room over it.
func TestBoundLimitFloor(t *testing.T) {
	keep := make([]byte, 32<<20)
	runtime.GC()
	m := readGoMemory()
	want := m.live * (100 + storeGCPercent) / 100
	if got := boundLimit(0); got < want-(1<<20) {
		t.Errorf("limit for a bound of 0 = %d, want at least %d (live %d)", got, want, m.live)
	}
	runtime.KeepAlive(keep)
}
