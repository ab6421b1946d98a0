package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"syscall"
)

// RunChild runs a command whose standard output is one JSON value, decodes
// it into out, and returns the child's peak resident set in bytes (its
// rusage maxrss): a per-process peak that no other phase of the parent
// can inflate.
func RunChild(ctx context.Context, exe string, args []string, out any) (peak int64, err error) {
	cmd := exec.CommandContext(ctx, exe, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("bench: %s %v: %w: %s", exe, args, err, bytes.TrimSpace(stderr.Bytes()))
	}
	if err := json.Unmarshal(stdout.Bytes(), out); err != nil {
		return 0, fmt.Errorf("bench: output of %s %v: %w", exe, args, err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		peak = ru.Maxrss << 10 // kilobytes on Linux
	}
	return peak, nil
}
