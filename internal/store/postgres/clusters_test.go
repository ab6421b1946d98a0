package postgres_test

import (
	"testing"

	"github.com/echotrace/echotrace/internal/store/storetest"
)

func TestClusters(t *testing.T) { storetest.Clusters(t, newDSN) }

func TestCounts(t *testing.T) { storetest.Counts(t, newDSN) }
