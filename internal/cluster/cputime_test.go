package cluster

import "github.com/echotrace/echotrace/internal/testutil"

// cpuSeconds is the CPU time the process has used (see testutil.CPUSeconds).
var cpuSeconds = testutil.CPUSeconds
