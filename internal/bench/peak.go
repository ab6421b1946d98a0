package bench

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"

	"github.com/echotrace/echotrace/internal/rtmetrics"
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
	v, err := rtmetrics.Status("VmHWM")
	if err != nil {
		return 0, fmt.Errorf("bench: reading peak memory: %w", err)
	}
	return v[0], nil
}
