package pipeline

import (
	"runtime/debug"
	"sync"
)

// storeGCPercent is the collector's pace (GOGC) while the story stage
// stores its results.
const storeGCPercent = 20

// gcPace counts the steps that asked for the tighter pace, and keeps the
// pace to return to when the last is done: the setting is the process's,
// and two analyses in one process (a server's) may overlap.
var gcPace struct {
	sync.Mutex
	n     int
	saved int
}

// tightenGC sets the collector's pace to at most percent until the
// function it returns is called. A tighter pace set by the user (GOGC)
// is kept.
func tightenGC(percent int) (restore func()) {
	gcPace.Lock()
	defer gcPace.Unlock()
	if gcPace.n == 0 {
		gcPace.saved = debug.SetGCPercent(percent)
		if gcPace.saved >= 0 && gcPace.saved < percent {
			debug.SetGCPercent(gcPace.saved)
		}
	}
	gcPace.n++
	var once sync.Once
	return func() {
		once.Do(func() {
			gcPace.Lock()
			defer gcPace.Unlock()
			if gcPace.n--; gcPace.n == 0 {
				debug.SetGCPercent(gcPace.saved)
			}
		})
	}
}
