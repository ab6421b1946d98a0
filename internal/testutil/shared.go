// Package testutil holds helpers shared by tests: where the repository and
// the shared data set beside it are.
package testutil

import (
	"os"
	"path/filepath"
	"testing"
)

// RepoRoot is the directory holding go.mod, found by walking up from the
// working directory of the test (its package directory).
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// Shared returns the path of rel inside the shared data set that sits
// beside the repository (../shared), and skips the test, saying why, when
// it is absent: a fresh clone has no shared data set.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(RepoRoot(t), "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data %s not found beside the repository (../shared/%s): this test runs where the shared data set is present, as in CI", p, rel)
	}
	return p
}
