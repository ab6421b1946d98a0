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

// TestPlaceStaysPlace checks that a place that speaks, with no person of
// that surname in the text, gives no speaker.
func TestPlaceStaysPlace(t *testing.T) {
	text := "Talks stalled on Monday.\n\n“We will respond to every attack on our ships,” Paris said."
	r := Document(&doc.Document{ID: "t", Text: text})
	for _, o := range r.Quotes {
		if o.SpeakerText != "" {
			t.Fatalf("quotation attributed to %q", o.SpeakerText)
		}
	}
}

// TestCountryStaysPlace: a country is a place, and a speaker is a person
// or an organisation, never a place (issue 14): "Russia insisted" names
// no one who speaks, though PolNeAR makes such countries sources.
func TestCountryStaysPlace(t *testing.T) {
	text := "Talks stalled on Monday.\n\nRussia insisted that the fleet “stop its dangerous escapades at once.”"
	r := Document(&doc.Document{ID: "t", Text: text})
	for _, q := range r.Quotes {
		if q.SpeakerText != "" || q.Speaker != "" {
			t.Fatalf("quote %q attributed to %q (%q), want no speaker", q.Text, q.SpeakerText, q.Speaker)
		}
	}
}

// TestPlaceSurnameSpeaks: a one-word place that is the surname of a
// person the text names in full, title or not, is that person when it
// speaks.
func TestPlaceSurnameSpeaks(t *testing.T) {
	text := "Joe Scarborough spoke on the radio on Monday.\n\n“It is breathtaking and it is disqualifying,” Scarborough said."
	r := Document(&doc.Document{ID: "t", Text: text})
	if len(r.Quotes) != 1 || r.Quotes[0].SpeakerText != "Scarborough" || r.Quotes[0].Speaker != "Joe Scarborough" {
		t.Fatalf("got %+v", r.Quotes)
	}
}
