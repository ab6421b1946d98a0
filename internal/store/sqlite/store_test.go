package sqlite_test

import (
	"path/filepath"
	"testing"

	"github.com/echotrace/echotrace/internal/store/storetest"

	_ "github.com/echotrace/echotrace/internal/store/sqlite"
)

// newDSN is a new database file in the test's temporary directory.
func newDSN(tb testing.TB) string {
	return filepath.Join(tb.TempDir(), "echotrace.db")
}

func TestStore(t *testing.T) { storetest.Run(t, newDSN) }

func TestKill(t *testing.T) { storetest.Kill(t, newDSN) }

func BenchmarkPut(b *testing.B) { storetest.BenchmarkPut(b, newDSN) }

func BenchmarkPutUnchanged(b *testing.B) { storetest.BenchmarkPutUnchanged(b, newDSN) }

func BenchmarkDocuments(b *testing.B) { storetest.BenchmarkDocuments(b, newDSN) }

func TestProcesses(t *testing.T) { storetest.Processes(t, newDSN) }

func TestQuotes(t *testing.T) { storetest.Quotes(t, newDSN) }
