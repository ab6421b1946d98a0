package report

import (
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/extract"
)

// A claim whose source is no name ("according to the environment
// office") still shows the source's words and where they are.
func TestOccurrenceLineUnnamedSource(t *testing.T) {
	tests := []struct {
		name string
		o    extract.Occurrence
		want string
	}{
		{"unnamed source", extract.Occurrence{Doc: "wire", Kind: extract.KindClaim, Begin: 0, End: 30,
			SpeakerText: "the environment  office", SpeakerSpan: &doc.Span{Begin: 44, End: 66}, Cue: "according to"},
			"wire 0-30, speaker unknown, source “the environment office” at 44-66, cue “according to”"},
		{"no source at all", extract.Occurrence{Doc: "wire", Kind: extract.KindClaim, Begin: 0, End: 30},
			"wire 0-30, speaker unknown"},
		{"a named speaker", extract.Occurrence{Doc: "wire", Kind: extract.KindQuote, Begin: 0, End: 30, Speaker: "Ilse Marrow",
			SpeakerText: "Marrow", SpeakerSpan: &doc.Span{Begin: 33, End: 39}, Cue: "said"},
			"wire 0-30, Ilse Marrow as “Marrow” at 33-39, cue “said”"},
	}
	for _, tt := range tests {
		if got := occurrenceLine(tt.o); !strings.Contains(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
