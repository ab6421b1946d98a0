package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
)

// Usage is what a process used: its peak resident set in bytes and its
// user plus system CPU time.
type Usage struct {
	PeakRSS    int64   `json:"peak_rss_bytes"`
	CPUSeconds float64 `json:"cpu_seconds"`
}

// RunChild runs a command whose standard output is one JSON value, decodes
// it into out, and returns the child's usage: a per-process peak that no
// other phase of the parent can inflate, and CPU time that other load on
// the machine does not inflate as it does wall time.
func RunChild(ctx context.Context, exe string, args []string, out any) (Usage, error) {
	cmd := exec.CommandContext(ctx, exe, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return Usage{}, fmt.Errorf("bench: %s %v: %w: %s", exe, args, err, bytes.TrimSpace(stderr.Bytes()))
	}
	if err := json.Unmarshal(stdout.Bytes(), out); err != nil {
		return Usage{}, fmt.Errorf("bench: output of %s %v: %w", exe, args, err)
	}
	ps := cmd.ProcessState
	return Usage{PeakRSS: childPeak(ps), CPUSeconds: (ps.UserTime() + ps.SystemTime()).Seconds()}, nil
}
