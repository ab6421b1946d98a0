//go:build !linux

package pipeline

// residentMemory is unknown here.
func residentMemory() (now, peak int64, ok bool) { return 0, 0, false }
