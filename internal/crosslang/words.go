package crosslang

import (
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/normalize"
)

// wordInfo is what features needs of a word of a language, whatever the
// sentence: computing it stems and romanizes the word, which costs more
// than everything else, and news repeats its words, so it is cached.
type wordInfo struct {
	stop        bool
	month       int
	latin       string   // the word romanized (see Latin)
	english     uint64   // an English word's key (see englishKey)
	trans       []uint64 // the dictionary's English keys
	proper      bool     // the dictionary translates it to a name
	whole, stem string   // skeleton keys of the word and of its stem
	short       bool     // fewer than three letters: no skeleton
}

// maxCachedWords bounds the cache: beyond it words are computed each time
// (a corpus's vocabulary of a few hundred thousand words fits).
const maxCachedWords = 1 << 20

// wordCache holds wordInfo by language and word key; safe for concurrent use.
type wordCache struct {
	m sync.Map // lang + "\\x00" + key → *wordInfo
	n atomic.Int64
}

// word returns what the analyzer's language says of a word key (as made
// by normalize.Key).
func (a *analyzer) word(key string) *wordInfo {
	ck := a.lang + "\x00" + key
	if a.words != nil {
		if v, ok := a.words.m.Load(ck); ok {
			return v.(*wordInfo)
		}
	}
	w := &wordInfo{stop: normalize.IsStopword(a.lang, key), month: month(a.lang, key), latin: Latin(key)}
	if a.lang == "en" {
		w.english = englishKey(key)
	} else if a.dict != nil {
		w.trans, w.proper = a.dict.lookup(key)
	}
	w.short = utf8.RuneCountInString(key) < 3
	if !w.short {
		w.whole = skeletonKey(w.latin)
		w.stem = skeletonKey(Latin(reduce(a.lang, key)))
	}
	if a.words != nil && a.words.n.Load() < maxCachedWords {
		if _, loaded := a.words.m.LoadOrStore(ck, w); !loaded {
			a.words.n.Add(1)
		}
	}
	return w
}
