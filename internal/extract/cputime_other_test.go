//go:build !linux

package extract

// threadCPUSeconds is not available here; the tests that need it skip.
func threadCPUSeconds() float64 { return -1 }
