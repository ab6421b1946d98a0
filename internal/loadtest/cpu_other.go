//go:build !unix

package loadtest

import "time"

// processCPU is unknown here.
func processCPU() time.Duration { return 0 }
