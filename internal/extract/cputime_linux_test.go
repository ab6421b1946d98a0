//go:build linux

package extract

import "syscall"

// threadCPUSeconds is the CPU time of the calling OS thread (lock the
// goroutine to it first): unlike wall time it does not count waiting for
// a busy machine, and unlike the process's it leaves out other threads.
func threadCPUSeconds() float64 {
	const rusageThread = 1 // RUSAGE_THREAD
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return -1
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}
