package pipeline

import (
	"bytes"
	"os"
	"strconv"
)

// residentMemory is the process's resident memory now and its peak so
// far (VmRSS and VmHWM of /proc/self/status), in bytes.
func residentMemory() (now, peak int64, ok bool) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, 0, false
	}
	field := func(name string) int64 {
		i := bytes.Index(b, []byte(name))
		if i < 0 {
			return -1
		}
		f := bytes.Fields(b[i+len(name):])
		if len(f) == 0 {
			return -1
		}
		kb, err := strconv.ParseInt(string(f[0]), 10, 64)
		if err != nil {
			return -1
		}
		return kb << 10
	}
	now, peak = field("\nVmRSS:"), field("\nVmHWM:")
	return now, peak, now > 0 && peak > 0
}
