package extract

import "testing"

// TestSentenceSubjectOpenings: the subject of a sentence is found after
// an opening phrase of time ("A few days later,") and when a name ends in
// -ly like an adverb ("Carly …"); a participle cue later in the sentence
// then gives the subject's words.
func TestSentenceSubjectOpenings(t *testing.T) {
	checkQuoteSpeakers(t, []quoteCase{
		{"Carly Fennimore threw her support behind the plan, saying it is time for a “real change at the harbour.”", "real change", "Carly Fennimore"},
		{"But a few days later, Odo Vance reversed himself again, telling the radio that the levy was “set in stone for now.”", "set in stone", "Odo Vance"},
		{"Two weeks ago, Ada Quill went further, saying the ferry was “a danger to every family.”", "danger to every family", "Ada Quill"},
		{"The harbour campaign answered Friday, saying the board had “never once read the report.”", "never once read", "The harbour campaign"},
	})
}
