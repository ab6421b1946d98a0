package cluster

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kljensen/snowball"

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
	for _, tm := range contentTerms(nil, text, normalize.Tokens(text), lang, make(stemCache)) {
		keys = append(keys, tm.Key)
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
	want := map[string]PreparedTerm{
		"talk":  {Key: "talk", Surface: "talks", Count: 4},
		"resum": {Key: "resum", Surface: "resumed", Count: 2},
		"stall": {Key: "stall", Surface: "stalled", Count: 1},
		"went":  {Key: "went", Surface: "went", Count: 1},
	}
	used := make(stemCache)
	contentTerms(nil, "Other talks, other words: the resumed stalling.", normalize.Tokens("Other talks, other words: the resumed stalling."), lang, used)
	for name, stems := range map[string]stemCache{"fresh": make(stemCache), "used": used} {
		got := contentTerms(nil, text, normalize.Tokens(text), lang, stems)
		if len(got) != len(want) {
			t.Errorf("%s cache: terms %+v, want %d terms", name, got, len(want))
		}
		for _, tm := range got {
			if want[tm.Key] != tm {
				t.Errorf("%s cache: term %+v, want %+v", name, tm, want[tm.Key])
			}
		}
	}
}

// TestPrepareGuessesLanguageFromOpening: a document that declares no
// language is read in the language its title and opening use most
// stopwords of, whatever follows; a declared language is taken as is.
func TestPrepareGuessesLanguageFromOpening(t *testing.T) {
	french := strings.Repeat("Le gouvernement a annoncé que les négociations avec les syndicats sont dans une impasse et que la grève continue. ", 30)
	english := strings.Repeat("The government said that the talks with the unions are at an impasse and that the strike goes on for now. ", 60)
	if n := len(normalize.Tokens(french)); n < languageSample {
		t.Fatalf("the French opening has %d tokens, fewer than the %d read", n, languageSample)
	}
	p := Prepare(Item{ID: "a", Title: "La grève continue", Text: french + english})
	if p.Lang != "fr" {
		t.Errorf("guessed %q from a French opening, want fr", p.Lang)
	}
	p = Prepare(Item{ID: "b", Title: "The strike goes on", Text: english + french})
	if p.Lang != "en" {
		t.Errorf("guessed %q from an English opening, want en", p.Lang)
	}
	p = Prepare(Item{ID: "c", Lang: "en", Title: "La grève continue", Text: french})
	if p.Lang != "en" {
		t.Errorf("declared en, read as %q", p.Lang)
	}
}

// TestContentTermsAgreeWithStemmer: with a cache filled by thousands of
// other words, so that words share the cache's slots of recent words and
// push each other out, every text's terms are still those of stemming
// each word on its own: its count, its stem and the surface seen first.
func TestContentTermsAgreeWithStemmer(t *testing.T) {
	lang := languageOf("en", nil)
	rng := rand.New(rand.NewPCG(3, 4))
	syllables := []string{"ka", "ro", "min", "tel", "su", "ard", "ing", "ed", "es", "on", "the", "and"}
	word := func() string {
		var b strings.Builder
		for range 1 + rng.IntN(4) {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		return b.String()
	}
	stems := make(stemCache)
	for range 50 {
		words := make([]string, 400)
		for i := range words {
			words[i] = word()
		}
		text := strings.Join(words, " ")
		want := map[string]PreparedTerm{}
		var order []string
		for _, w := range words {
			if utf8.RuneCountInString(w) < 2 || lang.stopword(w) {
				continue
			}
			s, err := snowball.Stem(w, lang.stemmer, true)
			if err != nil || s == "" {
				s = w
			}
			tm, ok := want[s]
			if !ok {
				tm = PreparedTerm{Key: s, Surface: w}
				order = append(order, s)
			}
			tm.Count++
			want[s] = tm
		}
		got := contentTerms(nil, text, normalize.Tokens(text), lang, stems)
		if len(got) != len(order) {
			t.Fatalf("%d terms, want %d", len(got), len(order))
		}
		for i, tm := range got {
			if tm != want[order[i]] {
				t.Fatalf("term %d: %+v, want %+v", i, tm, want[order[i]])
			}
		}
	}
}
