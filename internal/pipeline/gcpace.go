package pipeline

import (
	"os"
	"runtime/debug"
	"sync"
	"time"

	"github.com/echotrace/echotrace/internal/rtmetrics"
)

// storeGCPercent is the collector's pace (GOGC) while a later stage
// stores its results, when no bound holds (see boundGC).
const storeGCPercent = 20

// gcPace keeps the collector's settings the later stages change, and what
// to return to: the settings are the process's, and two analyses in one
// process (a server's) may overlap. It counts the steps that asked for
// the tighter pace (tightenGC) and the analyses whose later stages run
// under a bound (boundGC); the settings are the user's again when both
// counts are 0.
var gcPace struct {
	sync.Mutex
	tight, bounded int
	// savedPercent and savedLimit are the user's settings, kept while
	// either count is above 0.
	savedPercent int
	savedLimit   int64
	// target is the largest bound on the process's resident memory asked
	// for by an analysis under way, and limit the soft memory limit the
	// bound sets now (0 for none).
	target, limit int64
	stop          chan struct{} // ends the bound's watch
}

// tightenGC sets the collector's pace to at most storeGCPercent until
// the function it returns is called. A tighter pace set by the user
// (GOGC) is kept.
func tightenGC() (restore func()) {
	return holdPace(func() { gcPace.tight++ }, func() { gcPace.tight-- })
}

// holdPace changes the counts with enter, applies the settings they ask
// for, and returns a function that undoes it once.
func holdPace(enter, leave func()) (restore func()) {
	gcPace.Lock()
	defer gcPace.Unlock()
	if gcPace.tight == 0 && gcPace.bounded == 0 {
		gcPace.savedPercent = debug.SetGCPercent(100)
		debug.SetGCPercent(gcPace.savedPercent)
		gcPace.savedLimit = debug.SetMemoryLimit(-1)
	}
	enter()
	applyPace()
	var once sync.Once
	return func() {
		once.Do(func() {
			gcPace.Lock()
			defer gcPace.Unlock()
			leave()
			applyPace()
		})
	}
}

// applyPace sets the collector's pace and limit from gcPace: the user's
// when nothing holds a pace; under a bound, the looser boundGCPercent
// (unless the user chose the pace) and the bound's limit (unless the
// user's is lower); while a step asks for it, at most storeGCPercent.
func applyPace() {
	p, limit := gcPace.savedPercent, gcPace.savedLimit
	if gcPace.bounded > 0 {
		if !userChosePace() {
			p = boundGCPercent
		}
		if gcPace.limit > 0 {
			limit = min(limit, gcPace.limit)
		}
	}
	if gcPace.tight > 0 && (p < 0 || p > storeGCPercent) {
		p = storeGCPercent
	}
	debug.SetGCPercent(p)
	debug.SetMemoryLimit(limit)
}

// userChosePace reports whether the user set the collector's pace
// (GOGC), which a bound then keeps.
func userChosePace() bool { return os.Getenv("GOGC") != "" }

// boundGCPercent is the collector's pace (GOGC) in the later stages
// under a bound: loose, so that the bound, not the pace, decides when the
// collector runs once the heap comes near it.
const boundGCPercent = 400

// boundFactor times the process's resident memory at its peak so far
// (the reuse analysis's) is the later stages' bound: below the 1.5 times
// issue 16 allows the whole analysis, with room for what the bound does
// not hold at once (at 100 000 documents the quote stage went some 8 %
// over it: the memory outside Go and the heap both grow between two
// looks, and the collector finishes a cycle after the limit is passed).
const boundFactor = 1.15

// boundGC runs the later stages of an analysis under a bound until the
// function it returns is called: the process's resident memory is to stay
// under boundFactor times its peak so far (the reuse analysis's, when it
// ran just before), and the collector runs when the Go heap comes near
// what the bound leaves it, at a looser pace otherwise. Where the
// resident memory cannot be read, the bound is on the Go runtime's memory
// alone. It returns nil when there is no peak to bound by.
func boundGC() (restore func()) {
	_, peak, ok := residentMemory()
	if !ok {
		peak = goMemoryPeak()
	}
	if peak <= 0 {
		return nil
	}
	target := int64(float64(peak) * boundFactor)
	return holdPace(func() {
		gcPace.bounded++
		gcPace.target = max(gcPace.target, target)
		if gcPace.bounded == 1 {
			gcPace.limit = boundLimit(gcPace.target)
			gcPace.stop = make(chan struct{})
			go watchBound(gcPace.stop)
		}
	}, func() {
		if gcPace.bounded--; gcPace.bounded == 0 {
			close(gcPace.stop)
			gcPace.target, gcPace.limit = 0, 0
		}
	})
}

// boundInterval is how often the bound's limit follows the memory outside
// the Go runtime.
const boundInterval = 50 * time.Millisecond

// watchBound sets the bound's limit again every boundInterval until stop
// is closed.
func watchBound(stop chan struct{}) {
	t := time.NewTicker(boundInterval)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		gcPace.Lock()
		if gcPace.bounded > 0 {
			if limit := boundLimit(gcPace.target); limit != gcPace.limit {
				gcPace.limit = limit
				applyPace()
			}
		}
		gcPace.Unlock()
	}
}

// boundLimit is the soft memory limit of the Go runtime that keeps the
// process's resident memory under target: target less the memory outside
// the Go runtime (the database engine's caches, the program's code), in
// steps of a MiB. It never leaves the heap less room than the tightened
// pace does (storeGCPercent over what was live at the last collection),
// so that a bound too low for what is live costs no more collections
// than the tightened pace.
func boundLimit(target int64) int64 {
	m := readGoMemory()
	limit := target
	if rss, _, ok := residentMemory(); ok {
		limit -= max(0, rss-m.resident)
	}
	// The heap's spans (objects, the free room in them) and the free
	// pages are what the heap grows into; the rest of the Go memory
	// (stacks, the runtime's own) comes on top of the heap's goal.
	floor := m.resident - m.free - m.objects - m.unused + m.live*(100+storeGCPercent)/100
	return max(limit, floor) &^ (1<<20 - 1)
}

// goMemory is what runtime/metrics says of the Go runtime's memory.
type goMemory struct {
	mapped   int64 // mapped, never unmapped: the peak of what it held
	resident int64 // mapped less what it returned to the system
	objects  int64 // heap objects, live and dead
	free     int64 // free heap not returned to the system
	unused   int64 // room in the heap's spans not holding objects
	live     int64 // heap live at the last collection
}

func readGoMemory() goMemory {
	v := rtmetrics.Read(
		"/memory/classes/total:bytes",
		"/memory/classes/heap/released:bytes",
		"/memory/classes/heap/objects:bytes",
		"/gc/heap/live:bytes",
		"/memory/classes/heap/free:bytes",
		"/memory/classes/heap/unused:bytes",
	)
	return goMemory{mapped: int64(v[0]), resident: int64(v[0] - v[1]), objects: int64(v[2]), live: int64(v[3]), free: int64(v[4]), unused: int64(v[5])}
}

// residentMemory is the process's resident memory now and its peak so
// far (VmRSS and VmHWM), where the system says them.
func residentMemory() (now, peak int64, ok bool) {
	v, err := rtmetrics.Status("VmRSS", "VmHWM")
	if err != nil {
		return 0, 0, false
	}
	return v[0], v[1], v[0] > 0 && v[1] > 0
}

// goMemoryPeak is the most memory the Go runtime has held so far: the
// memory it mapped, which it never unmaps (pages it returned to the
// system stay mapped), so the peak of the Go heap, its stacks and the
// runtime's own memory.
func goMemoryPeak() int64 { return readGoMemory().mapped }
