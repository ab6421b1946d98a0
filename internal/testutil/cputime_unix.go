//go:build unix

package testutil

import "syscall"

// CPUSeconds is the CPU time (user and system) the process has used, which
// unlike wall time does not count waiting for a busy machine: benchmarks
// that compare two runs report it beside wall time.
func CPUSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}
