package cluster

import (
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

// TestHeaderLinesAreNotContent: a byline and a header line that only
// names the outlet and the date are blanked (offsets kept), and entity
// mentions in them are not kept; a wire dateline that runs on into the
// first sentence, and a sentence that mentions "by", stay.
func TestHeaderLinesAreNotContent(t *testing.T) {
	text := strings.Join([]string{
		"Quarry Workers Stopped By Union Ballot",
		"By Mira van der Holt and Tom Esk",
		"Harbour Weekly, June 11, 2024",
		"DELMORE, June 11, 2024 (NWS) – Workers at the Delmore quarry walked out on Monday.",
		"The strike was called by the union after talks failed.",
		"Articles by: Mira van der Holt",
	}, "\n")
	it := NewItem(doc.Document{ID: "q", Text: text})
	if len(it.Text) != len(text) {
		t.Fatalf("blanking changed the length: %d, want %d", len(it.Text), len(text))
	}
	for _, gone := range []string{"Mira", "Harbour Weekly", "Tom Esk"} {
		if strings.Contains(it.Text, gone) {
			t.Errorf("%q is still read as content:\n%s", gone, it.Text)
		}
	}
	for _, kept := range []string{"Quarry Workers Stopped By Union Ballot", "DELMORE, June 11, 2024 (NWS) – Workers", "called by the union"} {
		if !strings.Contains(it.Text, kept) {
			t.Errorf("%q was blanked:\n%s", kept, it.Text)
		}
	}
	if it.Kept(strings.Index(text, "Mira")) || it.Kept(strings.Index(text, "Harbour")) {
		t.Error("a mention in the byline or the header line is kept")
	}
	if !it.Kept(strings.Index(text, "Delmore quarry")) {
		t.Error("a mention in the first sentence is not kept")
	}
	if d, ok := Dateline(text); !ok || d.Format("2006-01-02") != "2024-06-11" {
		t.Errorf("the dateline is no longer read: %v %v", d, ok)
	}
}

// TestLongHeaderLines: a header line longer than the opening headerOnly
// reads first is still a header line when all of it is, and a line
// whose capitalised opening runs past that point is not one when
// running text follows.
func TestLongHeaderLines(t *testing.T) {
	long := "Harbour Weekly, June 11, 2024 | Home | World | Business | Opinion | Technology | Culture | Sport"
	if len(long) <= headerOpening {
		t.Fatalf("the test line is %d bytes, not longer than %d", len(long), headerOpening)
	}
	if !headerOnly(long) {
		t.Errorf("%q is not read as a header line", long)
	}
	for _, line := range []string{
		long + " Workers at the quarry walked out on Monday",
		"Harbour Weekly, June 11, 2024 | quarry workers walked out on Monday after talks with the owners failed again",
	} {
		if headerOnly(line) {
			t.Errorf("%q is read as a header line", line)
		}
	}
}
