package extract

import (
	"strings"
	"testing"
)

// TestFrameQuotes: a quotation later in a sentence whose frame attributes
// an earlier quotation or claim is the frame speaker's; a few quoted
// words after a frame without a quotation, and a passive frame, give no
// speaker.
func TestFrameQuotes(t *testing.T) {
	tests := []struct {
		name, text, quoted, speaker string // speaker "" when the quotation must stay without one
	}{
		{"participle after an inverted frame", "“The ferry is late again,” said Odile Brannock at the pier, adding that “nobody on the council has taken the boat in years.”", "nobody on the council", "Odile Brannock"},
		{"coordinated verb after a frame", "“I hate the word,” she said, but added that after the levy “nobody in the valley is living large.”", "nobody in the valley", "she"},
		{"second quotation after because", "Ada Harrow says “the whole harbour has gone soft” because “the board has gone soft like the town has.”", "the board has gone soft", "Ada Harrow"},
		{"a few words after a frame", "“We are ready,” Ramos said at the hall where the “gun show loophole” was first debated.", "gun show loophole", ""},
		{"a few words after a frame with no determiner before them", "In a later vote, Ada Harrow warned of the dangers of “owners of the harbour” who never sail.", "owners of the harbour", "Ada Harrow"},
		{"passive frame", "Later that day Pell was asked by reporters about the “not there yet at all” remark.", "not there yet", ""},
		{"quotation sentence after a cue sentence", "The harbour vote is close. Professor Ines Bystra agreed. “Mainstream voters are running out of time to find another candidate.”", "running out of time", "Ines Bystra"},
		{"quotation sentence after a claim", "Ada Quill spoke in Dover. Quill touted her record on the bill. “We need to find ways to support the ferry workers who want a union.”", "support the ferry workers", "Quill"},
		{"quotation sentence after a sentence with no cue", "Ada Quill shook her head. “Tom is much better about it than I am.”", "much better about it", ""},
		{"quotation sentence after a sentence about a body", "The harbour board tweeted its thanks. “We are grateful to every sailor who came out tonight.”", "grateful to every sailor", ""},
		{"description and a past tense outside the lexicon in the frame", "The board met.\n\n“Let me help you out - the answer is no,” the harbour master riffed.", "the answer is no", "the harbour master"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, o := range quotesOf(tt.text) {
				if !strings.Contains(tt.text[o.Begin:o.End], tt.quoted) {
					continue
				}
				if o.SpeakerText != tt.speaker {
					t.Fatalf("speaker of %q is %q, want %q", o.Text, o.SpeakerText, tt.speaker)
				}
				return
			}
			t.Fatalf("no quotation holding %q", tt.quoted)
		})
	}
}

// TestTimesArchiveSplitQuote: the New York Times archive's two
// apostrophes end and reopen a split quotation like any quotation mark,
// so its second half joins the first.
func TestTimesArchiveSplitQuote(t *testing.T) {
	qs := quotesOf("''The voters are furious,'' Mr. Gidlow said, ''and they are not letting one speech sway them.''")
	if len(qs) != 1 || qs[0].SpeakerText != "Gidlow" || len(qs[0].Parts) != 2 {
		t.Fatalf("got %+v", qs)
	}
}

// TestRelativeNaming: in a relative clause whose object is the thing
// named ("what X called “…”"), the quotation right after the naming verb
// is the subject's.
func TestRelativeNaming(t *testing.T) {
	checkQuoteSpeakers(t, []quoteCase{
		{"In 2009, under what Mr. Hedgeworth called “the prior economy model,” the club let everyone play.", "prior economy model", "Hedgeworth"},
		{"The anger was aimed at Varn, who Ada Beckett on Wednesday called “a horrible human being.”", "horrible human being", "Ada Beckett"},
		{"It was a country that Odo Marrin called “our first and oldest foe.”", "first and oldest foe", "Odo Marrin"},
	})
}

// TestNamingAfterQuotationThatEnded: a naming verb in the sentence after
// a quotation that ended with its full stop is no frame of that quotation.
func TestNamingAfterQuotationThatEnded(t *testing.T) {
	checkQuoteSpeakers(t, []quoteCase{
		{"Odo Vance said Ada Quill \"caused the flood.\" Bernie Marrak called Vance a \"pathological liar.\"", "pathological liar", "Bernie Marrak"},
	})
}

// quoteCase is a text, words of one quotation in it and the mention
// that must be that quotation's speaker.
type quoteCase struct{ text, quoted, speaker string }

// checkQuoteSpeakers checks that each case's quotation is a quote whose
// speaker mention is the one wanted.
func checkQuoteSpeakers(t *testing.T, cases []quoteCase) {
	t.Helper()
	for _, tt := range cases {
		found := false
		for _, o := range quotesOf(tt.text) {
			if strings.Contains(tt.text[o.Begin:o.End], tt.quoted) {
				found = true
				if o.Kind != KindQuote || o.SpeakerText != tt.speaker {
					t.Errorf("%q: %s by %q, want a quote by %q", tt.text, o.Kind, o.SpeakerText, tt.speaker)
				}
			}
		}
		if !found {
			t.Errorf("%q: no quotation holding %q", tt.text, tt.quoted)
		}
	}
}
