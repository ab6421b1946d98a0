package rtmetrics

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
)

// Status reads fields of the process's memory as the kernel counts it
// (/proc/self/status, Linux): for each name, such as "VmRSS" or "VmHWM",
// its value in bytes. Elsewhere, or when a field is missing, it returns
// an error.
func Status(names ...string) ([]int64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return nil, fmt.Errorf("process memory: %w", err)
	}
	out := make([]int64, len(names))
	found := make([]bool, len(names))
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := bytes.Fields(sc.Bytes())
		if len(f) < 2 {
			continue
		}
		key := string(bytes.TrimSuffix(f[0], []byte(":")))
		for i, name := range names {
			if key != name {
				continue
			}
			kb, err := strconv.ParseInt(string(f[1]), 10, 64)
			if err != nil {
				return nil, fmt.Errorf("process memory: %s in /proc/self/status: %w", name, err)
			}
			out[i], found[i] = kb<<10, true
		}
	}
	for i, ok := range found {
		if !ok {
			return nil, fmt.Errorf("process memory: no %s in /proc/self/status", names[i])
		}
	}
	return out, nil
}
