//go:build !unix

package testutil

// CPUSeconds is not measured on this system: it is 0.
func CPUSeconds() float64 { return 0 }
