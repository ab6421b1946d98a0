package extract

import "testing"

// The tables of needFor answer as the computation they keep.
func TestNeedForTables(t *testing.T) {
	for _, share := range []float64{linkContainment, linkBigrams, linkAgreement, 0.7} {
		for size := range needSizes + 10 {
			if got, want := needFor(size, share), needForShare(size, share); got != want {
				t.Fatalf("needFor(%d, %v) = %d, want %d", size, share, got, want)
			}
		}
	}
}
