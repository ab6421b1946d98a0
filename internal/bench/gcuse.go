package bench

import "github.com/echotrace/echotrace/internal/rtmetrics"

// GCUse is what the garbage collector did in a phase: its CPU time (the
// runtime's estimate, all threads: marking beside the program, assists
// and pauses; it counts a collector's thread as busy while the system
// runs other processes on its core, so on a loaded machine it is too
// high), its completed cycles, and the memory the Go runtime had mapped
// at the phase's end (heap, stacks and the runtime's own; never unmapped,
// so the Go memory's peak so far; not memory outside Go, such as
// SQLite's).
type GCUse struct {
	CPUSeconds float64 `json:"cpu_seconds"`
	Cycles     uint64  `json:"cycles"`
	GoBytes    uint64  `json:"go_bytes_at_end"`
}

// readGC reads the collector's counts so far; since takes an earlier
// reading from a later one.
func readGC() GCUse {
	v := rtmetrics.Read("/cpu/classes/gc/total:cpu-seconds", "/gc/cycles/total:gc-cycles", "/memory/classes/total:bytes")
	return GCUse{v[0], uint64(v[1]), uint64(v[2])}
}

func (u GCUse) since(before GCUse) GCUse {
	return GCUse{u.CPUSeconds - before.CPUSeconds, u.Cycles - before.Cycles, u.GoBytes}
}
