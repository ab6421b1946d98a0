package rtmetrics

import (
	"runtime"
	"testing"
)

func TestRead(t *testing.T) {
	runtime.GC()
	v := Read("/gc/cycles/total:gc-cycles", "/memory/classes/total:bytes", "/cpu/classes/gc/total:cpu-seconds", "/no/such:metric")
	if len(v) != 4 {
		t.Fatalf("got %d values, want 4", len(v))
	}
	if v[0] < 1 || v[1] <= 0 || v[2] < 0 || v[3] != 0 {
		t.Errorf("values %v: want cycles >= 1, bytes > 0, seconds >= 0, 0 for an unknown metric", v)
	}
}
