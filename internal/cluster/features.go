package cluster

import (
	"strings"
	"unicode/utf8"
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
	ids  map[string]uint32
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
			}
		}
	}
}

// featuresOf computes an item's signals (entities named in the title
// among them, see titleEntities), interning new keys in the
// vocabularies (it does not count document frequencies).
func featuresOf(it *Item, terms, ents *vocab, stems stemCache, names *nameIndex) features {
	p := prepare(it, stems)
	return p.features(terms, ents, names)
}
