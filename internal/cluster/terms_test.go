package cluster

import (
	"slices"
	"testing"

	"github.com/echotrace/echotrace/internal/normalize"
)

// TestContentTermsKeepDecimalNumbers: a magnitude or an amount written
// with a point or comma is one term; split at the point its digits would
// be single characters and dropped, and two quakes of 5.2 and 5.9 would
// look the same.
func TestContentTermsKeepDecimalNumbers(t *testing.T) {
	text := "A magnitude-5.9 quake, then 1,200 people fled; losses of $2.6 million. Page 7. In 2008.Then"
	lang := languageOf("en", nil)
	var keys []string
	for _, tm := range contentTerms(text, normalize.Tokens(text), lang, make(stemCache)) {
		keys = append(keys, tm.key)
	}
	for _, want := range []string{"5.9", "1,200", "2.6", "2008"} {
		if !slices.Contains(keys, want) {
			t.Errorf("terms %q lack %q", keys, want)
		}
	}
	for _, bad := range []string{"5", "9", "200", "6", "7", "2008.then"} {
		if slices.Contains(keys, bad) {
			t.Errorf("terms %q hold %q", keys, bad)
		}
	}
}

// TestContentTermsCountRepeatsByStem: the words of a text are looked up
// once and then found among the text's own words; every repetition must
// still count for its stem, under the surface first seen, stopwords must
// stay out however often they repeat, and a cache filled by other texts
// must give the same terms as a fresh one.
func TestContentTermsCountRepeatsByStem(t *testing.T) {
	text := "Talks resumed. The talks stalled, then talk resumed; the TALKS went on and on."
	lang := languageOf("en", nil)
	want := map[string]term{
		"talk":  {key: "talk", surface: "talks", count: 4},
		"resum": {key: "resum", surface: "resumed", count: 2},
		"stall": {key: "stall", surface: "stalled", count: 1},
		"went":  {key: "went", surface: "went", count: 1},
	}
	used := make(stemCache)
	contentTerms("Other talks, other words: the resumed stalling.", normalize.Tokens("Other talks, other words: the resumed stalling."), lang, used)
	for name, stems := range map[string]stemCache{"fresh": make(stemCache), "used": used} {
		got := contentTerms(text, normalize.Tokens(text), lang, stems)
		if len(got) != len(want) {
			t.Errorf("%s cache: terms %+v, want %d terms", name, got, len(want))
		}
		for _, tm := range got {
			if want[tm.key] != tm {
				t.Errorf("%s cache: term %+v, want %+v", name, tm, want[tm.key])
			}
		}
	}
}
