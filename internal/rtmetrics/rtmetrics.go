// Package rtmetrics reads the Go runtime's metrics (runtime/metrics) by
// name, as numbers.
package rtmetrics

import "runtime/metrics"

// Read returns the values of the metrics named, in order: counts and
// bytes as well as seconds as float64 (exact up to 2^53), 0 for a metric
// this runtime does not have or that is a histogram.
func Read(names ...string) []float64 {
	s := make([]metrics.Sample, len(names))
	for i, name := range names {
		s[i].Name = name
	}
	metrics.Read(s)
	out := make([]float64, len(s))
	for i, x := range s {
		switch x.Value.Kind() {
		case metrics.KindUint64:
			out[i] = float64(x.Value.Uint64())
		case metrics.KindFloat64:
			out[i] = x.Value.Float64()
		}
	}
	return out
}
