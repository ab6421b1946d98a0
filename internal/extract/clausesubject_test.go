package extract

import (
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

// TestThatBeforeNameStaysRelative checks that "that" before a name whose
// verb has an object, not a quotation, is still read as a relative
// pronoun or demonstrative: the name is no subject of a claim.
func TestThatBeforeNameStaysRelative(t *testing.T) {
	text := "The ledger that Ada Quill posted on her page listed every payment."
	r := Document(&doc.Document{ID: "t", Text: text})
	for _, o := range append(r.Quotes, r.Claims...) {
		if o.SpeakerText == "Ada Quill" {
			t.Fatalf("%s attributed to Ada Quill: %q", o.Kind, text[o.Begin:o.End])
		}
	}
}
