package cluster

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/zeebo/xxh3"

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
	// may is a Bloom filter of the keys of ids: a title asks ids of up
	// to maxNameWords runs of words from each capitalised word, nearly
	// all of them names of no entity, and ids grows with the corpus's
	// entities far beyond the processor's caches, so each lookup was a
	// miss or two (the map's control bytes, then its keys). The filter
	// reads one cache line a run, and the few runs it lets through are
	// asked of ids.
	may  nameFilter
	upTo int // entity ids below this are indexed
}

// sync indexes the entities interned since the last call.
func (n *nameIndex) sync(ents *vocab) {
	if n.ids == nil {
		n.ids = make(map[string]uint32)
	}
	for ; n.upTo < len(ents.Surface); n.upTo++ {
		if k := nameKey(ents.Surface[n.upTo]); k != "" {
			if _, taken := n.ids[k]; !taken {
				n.ids[k] = uint32(n.upTo)
				n.may.add(n.ids, xxh3.HashString(k))
			}
		}
	}
}

// mayHold reports whether ids may hold the name key b: false only when
// it does not.
func (n *nameIndex) mayHold(b []byte) bool { return n.may.has(xxh3.Hash(b)) }

// nameFilter is a Bloom filter of name keys by their hashes (xxh3), the
// two bits of a key in one block of a cache line, at least
// nameFilterBits bits a key: some 2 % of the keys not added pass.
type nameFilter struct {
	blocks [][8]uint64 // a power of two of them
	keys   int
}

// nameFilterBits is the least bits of a nameFilter a key has.
const nameFilterBits = 16

// add adds the key of hash h, the last key added to ids: when the
// filter is full, it is made anew twice as large from every key of ids.
func (f *nameFilter) add(ids map[string]uint32, h uint64) {
	f.keys++
	if f.keys*nameFilterBits <= len(f.blocks)*512 {
		f.set(h)
		return
	}
	f.blocks = make([][8]uint64, max(64, 2*len(f.blocks)))
	for k := range ids {
		f.set(xxh3.HashString(k))
	}
}

func (f *nameFilter) set(h uint64) {
	b := &f.blocks[h&uint64(len(f.blocks)-1)]
	b1, b2 := h>>32&511, h>>41&511
	b[b1>>6] |= 1 << (b1 & 63)
	b[b2>>6] |= 1 << (b2 & 63)
}

// has reports whether the key of hash h may have been added: false only
// when it was not. An empty filter (no key added) has none.
func (f *nameFilter) has(h uint64) bool {
	if len(f.blocks) == 0 {
		return false
	}
	b := &f.blocks[h&uint64(len(f.blocks)-1)]
	b1, b2 := h>>32&511, h>>41&511
	return b[b1>>6]&(1<<(b1&63)) != 0 && b[b2>>6]&(1<<(b2&63)) != 0
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
