package extract

import (
	"strings"
	"testing"
)

// TestTranscriptLabels: the paragraphs of an interview transcript are
// their labels' words, the host's too once one label names a person the
// text names; a page label gives none.
func TestTranscriptLabels(t *testing.T) {
	text := "Mayor Ada Quill spoke to the radio on Sunday. Partial transcript as follows:\n\n" +
		"\"VANE: Let us start with the harbour. Why did the ferry stop?\n\n" +
		"\"QUILL: Well, look, the ferry stopped because the pier is “falling apart” and we said so.\n\n" +
		"\"VANE: Do you really think the pier can be saved?\n"
	want := map[string]string{"Why did the ferry stop": "VANE", "the ferry stopped because": "QUILL", "pier can be saved": "VANE"}
	for _, o := range quotesOf(text) {
		for piece, who := range want {
			if strings.Contains(o.Text, piece) && o.SpeakerText != who {
				t.Errorf("%q: speaker %q, want %q", o.Text, o.SpeakerText, who)
			}
		}
	}
	for _, text := range []string{
		"The harbour reopened.\n\nUPDATE: The ferry will run on Monday, the board said, and “nobody” knew.\n",
	} {
		for _, o := range quotesOf(text) {
			if o.SpeakerText == "UPDATE" {
				t.Errorf("%q: speaker %q from a label", o.Text, o.SpeakerText)
			}
		}
	}
}
