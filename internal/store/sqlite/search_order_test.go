package sqlite_test

import (
	"testing"

	"github.com/echotrace/echotrace/internal/store/storetest"
)

// A search with many matches walks the date index instead of sorting its
// matches (documents.go): 2 500 matches are many here.
func TestSearchManyMatchesPages(t *testing.T) { storetest.SearchManyMatches(t, newDSN) }
