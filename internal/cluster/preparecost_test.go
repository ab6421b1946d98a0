package cluster

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/normalize"
	"github.com/echotrace/echotrace/internal/testutil"
)

// headlineCaseCounted is headlineCase as its rule reads, every word
// counted: the early answer must never differ from it.
func headlineCaseCounted(text string, line []normalize.Token, lang *language) bool {
	content, caps := 0, 0
	for _, t := range line {
		if lang != nil && lang.stopword(t.Key) || allDigits(t.Key) {
			continue
		}
		content++
		if capitalised(text[t.Begin:t.End]) {
			caps++
		}
	}
	return content >= 4 && caps*10 > content*6
}

func TestHeadlineCaseAnswersAsCounted(t *testing.T) {
	words := []string{"the", "The", "of", "Of", "council", "Council", "harbour", "Harbour", "2024", "Lindholm", "vote", "and", "And", "É", "été", "Über"}
	rng := rand.New(rand.NewPCG(3, 4))
	lang := languageOf("en", nil)
	yes := 0
	for n := 0; n < 20000; n++ {
		text := testutil.RandomLine(rng, words, rng.IntN(14), rng.Float64())
		toks := normalize.Tokens(text)
		for _, l := range []*language{lang, nil} {
			got, want := headlineCase(text, toks, l), headlineCaseCounted(text, toks, l)
			if got != want {
				t.Fatalf("headlineCase(%q) = %v, counted %v", text, got, want)
			}
			if want {
				yes++
			}
		}
	}
	if yes == 0 {
		t.Fatal("no line in headline case: the test tests nothing")
	}
}

// A term whose key is the opening bytes of its surface (as preparing
// takes it) is written as the same bytes as one whose key is a copy.
func TestAppendTermsKeyInSurface(t *testing.T) {
	word := "harbours"
	for _, tc := range [][2]string{{word[:7], word}, {word, word}, {word[:7], word[:4]}, {"", word}, {word[:3], "harxyz"}} {
		shared := appendTerms(nil, []PreparedTerm{{Key: tc[0], Surface: tc[1], Count: 2}})
		copied := appendTerms(nil, []PreparedTerm{{Key: strings.Clone(tc[0]), Surface: strings.Clone(tc[1]), Count: 2}})
		if !bytes.Equal(shared, copied) {
			t.Errorf("key %q, surface %q: %x, with copies %x", tc[0], tc[1], shared, copied)
		}
	}
}
