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

func TestStatus(t *testing.T) {
	if runtime.GOOS != "linux" {
		if _, err := Status("VmRSS"); err == nil {
			t.Error("no error where /proc/self/status does not exist")
		}
		return
	}
	v, err := Status("VmHWM", "VmRSS")
	if err != nil {
		t.Fatal(err)
	}
	if v[1] <= 0 || v[0] < v[1] {
		t.Errorf("VmHWM %d, VmRSS %d: want a resident set above 0 and a peak at least as large", v[0], v[1])
	}
	if _, err := Status("VmRSS", "NoSuchField"); err == nil {
		t.Error("no error for a field /proc/self/status lacks")
	}
}
