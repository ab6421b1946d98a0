package cluster

import (
	"slices"

	"github.com/echotrace/echotrace/internal/normalize"
)

// features are an item's signals in vocabulary ids.
type features struct {
	terms  []weighted // unit sublinear tf of content stems
	ents   []weighted // unit vector of entity keys
	quotes []string   // sorted, unique
}

// titleWeight is how many times a title's words count: a headline names
// what the text is about in few words.
const titleWeight = 2

// featuresOf computes an item's signals, interning new keys in the
// vocabularies (it does not count document frequencies).
func featuresOf(it *Item, terms, ents *vocab, stems stemCache) features {
	toks := it.Tokens
	if toks == nil {
		toks = normalize.Tokens(it.Text)
	}
	titleToks := normalize.Tokens(it.Title)
	lang := languageOf(it.Lang, append(slices.Clip(titleToks), toks...))

	counts := make(map[uint32]int)
	for _, t := range contentTerms(toks, lang, stems) {
		counts[terms.intern(t.key, t.surface)] += t.count
	}
	for _, t := range contentTerms(titleToks, lang, stems) {
		counts[terms.intern(t.key, t.surface)] += t.count * titleWeight
	}

	entCounts := make(map[uint32]int)
	if len(it.Entities) > 0 {
		for _, e := range it.Entities {
			k := normalize.Key(e)
			if k == "" {
				continue
			}
			name := it.EntityNames[e]
			if name == "" {
				name = e
			}
			entCounts[ents.intern(k, name)]++
		}
	} else {
		for _, e := range capitalisedEntities(it.Text, toks, lang) {
			entCounts[ents.intern(e.key, e.surface)]++
		}
		for _, e := range capitalisedEntities(it.Title, titleToks, lang) {
			entCounts[ents.intern(e.key, e.surface)]++
		}
	}
	q := slices.Clone(it.Quotes)
	slices.Sort(q)
	return features{terms: unitVector(counts), ents: unitVector(entCounts), quotes: slices.Compact(q)}
}
