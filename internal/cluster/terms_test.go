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
