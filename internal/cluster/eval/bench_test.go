package eval

import (
	"testing"

	"github.com/echotrace/echotrace/internal/cluster"
)

func BenchmarkRunSynthetic(b *testing.B) {
	s := Stream(DefaultStream(1))
	for b.Loop() {
		Run(s, cluster.DefaultParams(), false)
	}
}
