//go:build !unix

package cluster

// cpuSeconds is not measured off Unix; the benchmark's cpu-µs/op is 0.
func cpuSeconds() float64 { return 0 }
