package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
)

// vocabulary for generated texts: invented, plain words.
var vocabulary = strings.Fields(`harbour council ferry lantern orchard quarry mayor bridge
	festival tide granary mill engineer weaver river market ledger storm beacon
	schooner tannery chapel meadow foundry warden canal archive railway pasture
	said announced yesterday morning evening officials residents plans new old
	the a of to and in on for with was were will after before during`)

// syllables make the invented words of lexicon.
var syllables = strings.Fields(`ka lo mi ter van sul dor ri pe nas tol gu be rin ska fo lem dri an ho
	vel ti mar os cu zen bra lu ef`)

// lexicon is a few thousand invented words that generated texts draw from
// with Zipf frequencies, so that, as in real text, a few words are common
// and most are rare: full-text indexes and searches meet realistic
// selectivity.
var lexicon = func() []string {
	n := len(syllables)
	words := make([]string, 0, 6000)
	for i := 0; len(words) < cap(words); i++ {
		w := syllables[i%n] + syllables[(i/n)%n]
		if i >= n*n {
			w += syllables[(i/(n*n))%n]
		}
		words = append(words, w)
	}
	return words
}()

var outlets = []string{"Valley Courier", "Harbour Gazette", "Northern Ledger", "Riverside Post"}

var langs = []string{"en", "de", "fr"}

// generated is document i of a deterministic synthetic corpus: a text of
// about size bytes, an outlet, a language, a date (every seventh document
// has none), sometimes regions and extra fields.
func generated(i, size int) doc.Document {
	rng := rand.New(rand.NewPCG(uint64(i), 0x5eed))
	zipf := rand.NewZipf(rng, 1.07, 1, uint64(len(lexicon)-1))
	var b strings.Builder
	for b.Len() < size {
		if rng.IntN(5) < 2 {
			b.WriteString(lexicon[zipf.Uint64()])
		} else {
			b.WriteString(vocabulary[rng.IntN(len(vocabulary))])
		}
		if rng.IntN(12) == 0 {
			b.WriteString(". ")
		} else {
			b.WriteByte(' ')
		}
	}
	text := strings.TrimSpace(b.String()) + "."
	d := doc.Document{
		ID:     fmt.Sprintf("gen-%07d", i),
		Path:   fmt.Sprintf("gen/batch-%03d.jsonl", i/1000),
		Line:   i%1000 + 1,
		Title:  fmt.Sprintf("Item %d on the %s", i, vocabulary[i%len(vocabulary)]),
		Outlet: outlets[i%len(outlets)],
		Lang:   langs[i%len(langs)],
		Text:   text,
	}
	if i%7 != 0 {
		d.Date = fmt.Sprintf("2021-%02d-%02d", i%12+1, i%28+1)
	}
	if i%5 == 0 && len(text) > 20 {
		d.Regions = []doc.Region{{Kind: doc.RegionBoilerplate, Begin: len(text) - 10, End: len(text)}}
	}
	if i%3 == 0 {
		d.Extra = map[string]any{"section": "local", "page": float64(i%40 + 1)}
	}
	return d
}

// generatedRange is documents from..to-1 of the synthetic corpus.
func generatedRange(from, to, size int) []doc.Document {
	docs := make([]doc.Document, 0, to-from)
	for i := from; i < to; i++ {
		docs = append(docs, generated(i, size))
	}
	return docs
}
