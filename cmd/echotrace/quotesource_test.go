package main

import (
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/extract"
	"github.com/echotrace/echotrace/internal/store"
)

// A claim no occurrence gives a named speaker keeps its source's words
// ("a preliminary report by the water board") in both forms of `quotes`.
func TestQuotesUnnamedSource(t *testing.T) {
	rows := []store.OccurrenceRow{
		{Occurrence: extract.Occurrence{Doc: "wire", Kind: extract.KindClaim, Text: "The leak began on Sunday", Begin: 0, End: 24,
			SpeakerText: "a preliminary report by the water board", SpeakerSpan: &doc.Span{Begin: 40, End: 79}, Cue: "according to"}},
		{Occurrence: extract.Occurrence{Doc: "wire", Kind: extract.KindQuote, Text: "We will not reopen the lake", Begin: 100, End: 127,
			Speaker: "Ilse Marrow", SpeakerText: "Marrow", SpeakerSpan: &doc.Span{Begin: 130, End: 136}, Cue: "said"}},
	}
	out := summariseQuotes(rows)
	var claim, quote *quoteSummary
	for i := range out.Quotes {
		switch out.Quotes[i].Kind {
		case extract.KindClaim:
			claim = &out.Quotes[i]
		case extract.KindQuote:
			quote = &out.Quotes[i]
		}
	}
	if claim == nil || quote == nil {
		t.Fatalf("quotes %+v", out.Quotes)
	}
	if claim.Speaker != nil || claim.Source != "a preliminary report by the water board" {
		t.Errorf("claim: speaker %v, source %q", claim.Speaker, claim.Source)
	}
	if quote.Source != "" {
		t.Errorf("a named speaker's quote has the source %q too", quote.Source)
	}
	var b strings.Builder
	if err := printQuotes(&b, out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "(speaker unknown; source “a preliminary report by the water board”)") {
		t.Errorf("text form:\n%s", b.String())
	}
}
