package sqlite

import (
	"encoding/json"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

// spansJSON writes what json.Marshal writes, which the parts column has
// always held.
func TestSpansJSONIsMarshal(t *testing.T) {
	for _, spans := range [][]doc.Span{nil, {}, {{Begin: 0, End: 0}}, {{Begin: 3, End: 17}, {Begin: -1, End: 1 << 40}}} {
		want, err := json.Marshal(spans)
		if err != nil {
			t.Fatal(err)
		}
		if got := spansJSON(spans); got != string(want) {
			t.Errorf("spansJSON(%v) = %s, want %s", spans, got, want)
		}
	}
}
