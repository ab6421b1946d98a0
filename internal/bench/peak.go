package bench

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
)

// ResetPeak returns freed heap to the system and restarts the kernel's
// count of this process's peak resident set (VmHWM) from the current
// resident set, so that PeakRSS afterwards measures one phase. It needs
// Linux 4.0 or later; elsewhere it returns an error and the peak is that
// of the whole process.
func ResetPeak() error {
	runtime.GC()
	debug.FreeOSMemory()
	// Writing 5 to clear_refs resets the peak RSS (Documentation/admin-guide/mm/soft-dirty and proc.rst).
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		return fmt.Errorf("bench: resetting peak memory: %w", err)
	}
	return nil
}

// PeakRSS is this process's peak resident set in bytes (VmHWM of
// /proc/self/status).
func PeakRSS() (int64, error) {
	return statusField("VmHWM:")
}

// statusField reads a kB field of /proc/self/status as bytes.
func statusField(name string) (int64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, fmt.Errorf("bench: reading peak memory: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := bytes.Fields(sc.Bytes())
		if len(f) >= 2 && string(f[0]) == name {
			kb, err := strconv.ParseInt(string(f[1]), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("bench: %s in /proc/self/status: %w", name, err)
			}
			return kb << 10, nil
		}
	}
	return 0, errors.New("bench: no " + name + " in /proc/self/status")
}
