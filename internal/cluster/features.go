package cluster

import (
	"slices"
	"strings"
	"unicode/utf8"

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

// ownNames indexes a document's entity under its full name and, for a
// name of several words, its last word (a surname, mostly), for finding
// it in the document's title.
func ownNames(own map[string]uint32, name string, id uint32, lang *language) {
	k := nameKey(name)
	if k == "" {
		return
	}
	own[k] = id
	if i := strings.LastIndexByte(k, ' '); i > 0 {
		last := k[i+1:]
		if utf8.RuneCountInString(last) >= 3 && !allDigits(last) && (lang == nil || !lang.stopword(last)) {
			if _, taken := own[last]; !taken {
				own[last] = id
			}
		}
	}
}

// nameIndex maps the names of the entities seen so far to their ids, so
// that a title can name an entity its own text does not. It is rebuilt
// from the vocabulary, not saved.
type nameIndex struct {
	ids map[string]uint32
	// spaces holds, by the first word of every name of ids (its key up
	// to the first space), the most spaces a name opening with it has.
	// A title asks ids of up to maxNameWords runs of words from each
	// capitalised word, nearly all of them names of no entity, and ids
	// grows with the corpus's entities far beyond the processor's
	// caches, so each lookup was a miss; spaces has an entry a first
	// word, far fewer, and tells which runs ids cannot hold (see
	// mostSpaces).
	spaces map[string]int
	upTo   int // entity ids below this are indexed
}

// sync indexes the entities interned since the last call.
func (n *nameIndex) sync(ents *vocab) {
	if n.ids == nil {
		n.ids = make(map[string]uint32)
		n.spaces = make(map[string]int)
	}
	for ; n.upTo < len(ents.Surface); n.upTo++ {
		if k := nameKey(ents.Surface[n.upTo]); k != "" {
			if _, taken := n.ids[k]; !taken {
				n.ids[k] = uint32(n.upTo)
				first, spaces := firstWord(k), strings.Count(k, " ")
				if m, ok := n.spaces[first]; !ok || spaces > m {
					n.spaces[first] = spaces
				}
			}
		}
	}
}

// mostSpaces is the most spaces a name of ids opening with the word w
// has (the first word of w, should it have spaces), -1 when none opens
// with it: ids holds no name key opening with w with more spaces.
func (n *nameIndex) mostSpaces(w string) int {
	if m, ok := n.spaces[firstWord(w)]; ok {
		return m
	}
	return -1
}

// firstWord is a name key up to its first space.
func firstWord(k string) string {
	if i := strings.IndexByte(k, ' '); i >= 0 {
		return k[:i]
	}
	return k
}

// featuresOf computes an item's signals (entities named in the title
// among them, see titleEntities), interning new keys in the
// vocabularies (it does not count document frequencies).
func featuresOf(it *Item, terms, ents *vocab, stems stemCache, names *nameIndex) features {
	p := prepare(it, stems, nil, nil, nil, nil)
	return p.features(terms, ents, names)
}

// outletWords are the content words of an outlet's name, for telling
// when a document names its own publisher.
type outletWords []string

// outletName keeps the words of the outlet's name that are not stopwords
// ("The Valley Ledger" gives valley, ledger).
func outletName(outlet string, lang *language) outletWords {
	var words []string
	for _, t := range normalize.Tokens(outlet) {
		if lang != nil && lang.stopword(t.Key) {
			continue
		}
		words = append(words, t.Key)
	}
	return words
}

// names reports whether an entity name is the outlet's own: its content
// words are a run of the outlet's name covering at least half of it
// ("Valley Ledger", "Ledger" for The Valley Ledger; not "Oster Valley").
func (o outletWords) names(name string, lang *language) bool {
	if len(o) == 0 {
		return false
	}
	// Stopwords of the name ("The Valley Ledger") do not count.
	var words []string
	for _, t := range normalize.Tokens(name) {
		if lang == nil || !lang.stopword(t.Key) {
			words = append(words, t.Key)
		}
	}
	if len(words) == 0 || 2*len(words) < len(o) {
		return false
	}
	for i := 0; i+len(words) <= len(o); i++ {
		if slices.Equal(o[i:i+len(words)], words) {
			return true
		}
	}
	return false
}
