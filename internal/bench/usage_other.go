//go:build !unix

package bench

import "os"

// cpuSeconds is unknown on this system.
func cpuSeconds() float64 { return 0 }

// childPeak is unknown on this system.
func childPeak(*os.ProcessState) int64 { return 0 }
