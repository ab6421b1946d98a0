package cluster

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball"

	"github.com/echotrace/echotrace/internal/normalize"
)

// snowballNames maps ISO 639-1 codes to the languages the snowball
// stemmer knows.
var snowballNames = map[string]string{
	"en": "english", "fr": "french", "es": "spanish", "ru": "russian",
	"sv": "swedish", "no": "norwegian", "nb": "norwegian", "nn": "norwegian", "hu": "hungarian",
}

// language is the language of one text: its ISO code (for stopwords) and
// the snowball stemmer for it, if there is one.
type language struct {
	code    string
	stemmer string
}

func (l *language) stopword(key string) bool { return normalize.IsStopword(l.code, key) }

// languageOf takes the declared language, or else guesses it from which
// language's stopwords the tokens use most. Stopwords make up a third or
// more of running text in the languages echotrace ships lists for, so a
// few sentences decide, at a fraction of the cost of a full detector; nil
// means no list applies.
func languageOf(declared string, toks []normalize.Token) *language {
	code := strings.ToLower(strings.TrimSpace(declared))
	if i := strings.IndexAny(code, "-_"); i > 0 {
		code = code[:i]
	}
	if code == "" {
		code = guessLanguage(toks)
	}
	if code == "" || (normalize.Stopwords(code) == nil && snowballNames[code] == "") {
		return nil
	}
	return &language{code: code, stemmer: snowballNames[code]}
}

// languageSample is how many tokens guessLanguage reads, the first.
const languageSample = 400

func guessLanguage(toks []normalize.Token) string {
	n := min(len(toks), languageSample)
	best, bestHits := "", 0
	for _, code := range normalize.StopwordLanguages() {
		hits := 0
		for _, t := range toks[:n] {
			if normalize.IsStopword(code, t.Key) {
				hits++
			}
		}
		if hits > bestHits {
			best, bestHits = code, hits
		}
	}
	// Below one stopword in ten tokens the text is in none of these
	// languages (or is a list of names), and stemming would only harm.
	if bestHits*10 < n {
		return ""
	}
	return best
}

// contentTerms counts the stemmed content words of the tokens: stopwords
// and single characters say nothing about what a text is about and are
// dropped. Numbers of two digits or more stay: a year, a toll, a score or
// a magnitude tells one event from another of the same kind with the same
// actors (measured on ECB+, where such pairs are the hard cases).
//
// A number written with a decimal point or comma ("5.9", "2,6", "1,000")
// is one term, read from the text: split at the point, its digits would
// be single characters and dropped, and a magnitude or an amount is what
// tells one quake or heist from another.
//
// The terms are appended to out, each with its stem as key, the surface
// form it was first seen in, and how often it occurs.
func contentTerms(out []PreparedTerm, text string, toks []normalize.Token, lang *language, stems stemCache) []PreparedTerm {
	return numberedTerms(out, text, toks, nil, nil, nil, lang, stems)
}

// numberedTerms is contentTerms for tokens whose keys are numbered (ids,
// one a token: the same number for the same key; nil when they are
// not). seen has an entry for each number, all 0: it notes what the
// first token of each key turned out to be (-1 for no term, else 1 + its
// term's place in the text's terms), so that the key's next tokens are
// counted there, without looking the word up in the stem cache again (a
// text's words are mostly repeats, and the cache is far larger than the
// processor's caches). seen is left as it was filled. given are the
// keys' hashes by number as far as the caller has them (see hashKeys).
func numberedTerms(out []PreparedTerm, text string, toks []normalize.Token, ids []int32, seen []int32, given []uint64, lang *language, stems stemCache) []PreparedTerm {
	words := stems.words(lang)
	from := len(out)
	places := &words.places
	places.reset(len(toks))
	var hashes []uint64
	if ids != nil {
		hashes = words.hashKeys(toks, ids, seen, given)
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		k := t.Key
		var id int32 = -1 // the key's number, when the term is that of the key
		// A key opening with an ASCII byte not a digit is no number.
		n := 0
		if len(k) == 0 || k[0] >= utf8.RuneSelf || k[0] >= '0' && k[0] <= '9' {
			n = numberRun(text, toks[i:])
		}
		if n > 1 {
			k = text[t.Begin:toks[i+n-1].End]
			i += n - 1
		} else if ids != nil {
			id = ids[i]
			if at := seen[id]; at != hashedKey {
				if at > 0 {
					out[from+int(at)-1].Count++
				}
				continue
			}
		}
		var ws wordStem
		if id >= 0 {
			ws = words.lookupHash(hashes[id], k) // a key read once in this text
		} else {
			ws = words.stem(k)
		}
		stem := ws.number
		if stem == 0 {
			if id >= 0 {
				seen[id] = -1
			}
			continue // a single character or a stopword
		}
		place := places.find(stem)
		if place.stem == stem {
			out[from+int(place.at)-1].Count++
			if id >= 0 {
				seen[id] = place.at
			}
			continue
		}
		// The key is taken from the word when it opens the word (most
		// stems do): the same bytes, where writing the record reads them
		// next to the surface's instead of from the cache's copy, which
		// is not read at all then.
		var key string
		if ws.keyLen >= 0 && int(ws.keyLen) <= len(k) {
			key = k[:ws.keyLen]
		} else {
			key = words.stems[stem]
		}
		out = append(out, PreparedTerm{Key: key, Surface: k, Count: 1})
		*place = termPlace{stem, int32(len(out) - from)}
		if id >= 0 {
			seen[id] = place.at
		}
	}
	return out
}

// hashedKey marks in numberedTerms' seen a key whose hash hashKeys has
// taken and that is not looked up yet.
const hashedKey = -2

// hashKeys hashes the key of each number of ids once (the first token
// with it; seen is all 0 and becomes hashedKey for each number a token
// has) and reads the slot of the word table where its lookup starts, so
// that numberedTerms finds it in the processor's caches: the lookups of
// a text's distinct words were each a miss of the caches, one after the
// other, where this loop, short and with no lookup depending on another,
// has many of them under way at once. It returns the hashes by number,
// in the cache's room. given are the hashes of the first numbers, as the
// caller's reading of the words took them (normalize.KeyHash; extraction
// lends them): those keys are not hashed again.
func (w *stemWords) hashKeys(toks []normalize.Token, ids []int32, seen []int32, given []uint64) []uint64 {
	hashes := w.hashes[:0]
	if cap(hashes) < len(seen) {
		hashes = make([]uint64, 0, len(seen))
	}
	hashes = hashes[:len(seen)]
	if cap(hashes) <= maxKeptPlaces {
		w.hashes = hashes
	}
	for i, id := range ids {
		if seen[id] == 0 {
			seen[id] = hashedKey
			if int(id) < len(given) {
				hashes[id] = given[id]
			} else {
				hashes[id] = normalize.KeyHash(toks[i].Key)
			}
		}
	}
	if slots := w.ids.slots; len(slots) > 0 {
		// A number no token has keeps an older hash: its read is of
		// some slot, and harmless.
		var touched uint32
		shift := 64 - bits.TrailingZeros(uint(len(slots)))
		for _, h := range hashes {
			touched += slots[h>>shift].number1
		}
		w.touched += touched // kept, so that the reads are made
	}
	return hashes
}

// termPlaces is the table of the stems a text has terms for, and where:
// open addressing by stem number, at most half full, made empty for each
// text. It is small and is read for every term of the text, so it stays
// in the processor's caches, where a place kept by every stem of the
// cache (a table as long as the vocabulary) was a miss of the caches for
// most stems a text has.
type termPlaces struct {
	slots []termPlace // a power of two of them
}

// termPlace is a stem's number (0: an empty slot) and 1 + its term's place
// among the text's terms.
type termPlace struct {
	stem uint32
	at   int32
}

// maxKeptPlaces bounds the slots a termPlaces keeps for the next text.
const maxKeptPlaces = 1 << 16

// reset empties the table for a text of n tokens (it has at most n stems).
func (t *termPlaces) reset(n int) {
	size := 64
	for size < 2*n {
		size <<= 1
	}
	if cap(t.slots) < size || cap(t.slots) > max(size, maxKeptPlaces) {
		t.slots = make([]termPlace, size)
		return
	}
	t.slots = t.slots[:size]
	clear(t.slots)
}

// find returns the slot of stem (not 0): its own, or the empty slot where
// it goes.
func (t *termPlaces) find(stem uint32) *termPlace {
	mask := uint32(len(t.slots) - 1)
	for i := (stem * 0x9e3779b1) & mask; ; i = (i + 1) & mask {
		if s := &t.slots[i]; s.stem == stem || s.stem == 0 {
			return s
		}
	}
}

// numberRun is how many tokens from toks[0] make up one number: digit
// tokens joined by a single point or comma with no space ("1,250.5" is
// three); 1 when toks[0] is not followed by such a part, 0 when it is not
// a number.
func numberRun(text string, toks []normalize.Token) int {
	if len(toks) == 0 || !allDigits(toks[0].Key) {
		return 0
	}
	n := 1
	for n < len(toks) && allDigits(toks[n].Key) && toks[n].Begin == toks[n-1].End+1 && toks[n-1].End < len(text) {
		if c := text[toks[n-1].End]; c != '.' && c != ',' {
			break
		}
		n++
	}
	return n
}

func allDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// stemCache remembers how the words of each language read as terms, by
// language code ("" for a text of no known language): news vocabulary
// repeats, and stemming is the costliest step of reading a document's
// terms. Looking a word up was still most of the time of preparing a
// document — a cache of every word of a corpus is far larger than the
// processor's caches, and a lookup keyed by strings touches the key's
// bytes too — so a word is looked up by its 64-bit hash
// (normalize.KeyHash, which extraction takes of every key it reads and
// lends with its words) and its stem is a number, which a text's own
// terms are then counted by.
type stemCache map[string]*stemWords

// stemWords is the cache of one language.
type stemWords struct {
	lang  *language // nil: no stopwords and no stemming
	ids   wordTable // the hash of a word → its stem's number, 0 for no term
	stems []string  // by number; stems[0] is unused
	// places are the stems of the text being read that have a term.
	places  termPlaces
	numbers map[string]uint32 // stem → number
	// recent holds words looked up lately, in a slot chosen by their
	// hash: the words a text repeats and the corpus's most common ones
	// are found there, in memory the processor keeps at hand, before the
	// map of every word is asked.
	recent [recentWords]recentWord
	// hashes are hashKeys' room, touched the sum of the slots it read.
	hashes  []uint64
	touched uint32
}

// recentWords is how many slots stemWords.recent has (a power of two).
const recentWords = 1 << 12

// recentWord is a word's hash and its stem; number 0 with hash 0 is an
// empty slot.
type recentWord struct {
	hash uint64
	wordStem
}

// wordStem is the number of a word's stem, and the stem's length in bytes
// when the word opens with it (-1 when it does not).
type wordStem struct {
	number uint32
	keyLen int32
}

// maxStemCache bounds the words remembered for one language; past it
// that language's cache starts over (between two texts, never within
// one, whose terms are counted by stem number).
const maxStemCache = 1 << 18

// words returns the cache of the language, made or started over as
// needed.
func (c stemCache) words(lang *language) *stemWords {
	code := ""
	if lang != nil {
		code = lang.code
	}
	w := c[code]
	if w == nil || w.ids.n >= maxStemCache {
		w = &stemWords{lang: lang, stems: []string{""}, numbers: make(map[string]uint32)}
		c[code] = w
	}
	return w
}

// stem returns the word's stem: number 0 when the word is no term (a
// single character or a stopword).
func (w *stemWords) stem(word string) wordStem {
	h := normalize.KeyHash(word)
	slot := &w.recent[h&(recentWords-1)]
	if slot.hash == h && (h != 0 || slot.number != 0) {
		return slot.wordStem
	}
	ws, ok := w.ids.get(h)
	if !ok {
		ws = w.number(word)
		w.ids.put(h, ws)
	}
	*slot = recentWord{h, ws}
	return ws
}

// lookup is stem for a word its caller reads once in a text (the first
// token of a key, its repeats counted by number): the recent slots, which
// serve the repeats, are neither asked nor filled.
func (w *stemWords) lookup(word string) wordStem {
	return w.lookupHash(normalize.KeyHash(word), word)
}

// lookupHash is lookup of a word whose hash is h.
func (w *stemWords) lookupHash(h uint64, word string) wordStem {
	ws, ok := w.ids.get(h)
	if !ok {
		ws = w.number(word)
		w.ids.put(h, ws)
	}
	return ws
}

// wordTable maps a word's 64-bit hash to its stem (and, for
// vocab.internBytes, a key's hash to its id): an open addressing table,
// at most half full, each slot the hash and the number side by side. A lookup is most often one read of memory the processor
// has not cached (a Go map of the same took about two).
type wordTable struct {
	slots []wordSlot // a power of two of them, or none
	n     int        // slots in use
}

// wordSlot is a hash, 1 + its stem's number and the stem's keyLen;
// number1 0 is an empty slot.
type wordSlot struct {
	hash    uint64
	number1 uint32
	keyLen  int32
}

// minWordSlots is how many slots a wordTable starts with.
const minWordSlots = 1 << 12

// at is the first slot to look in for hash h: its high bits (the low
// ones choose the slot of stemWords.recent).
func (t *wordTable) at(h uint64) uint64 {
	return h >> (64 - bits.TrailingZeros(uint(len(t.slots))))
}

// get returns the stem of hash h, and whether the table has it.
func (t *wordTable) get(h uint64) (wordStem, bool) {
	if len(t.slots) == 0 {
		return wordStem{}, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.at(h); ; i = (i + 1) & mask {
		switch s := &t.slots[i]; {
		case s.number1 == 0:
			return wordStem{}, false
		case s.hash == h:
			return wordStem{s.number1 - 1, s.keyLen}, true
		}
	}
}

// put adds hash h, not in the table, with its stem.
func (t *wordTable) put(h uint64, ws wordStem) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]wordSlot, max(minWordSlots, 2*len(old)))
		for _, s := range old {
			if s.number1 != 0 {
				t.place(s)
			}
		}
	}
	t.place(wordSlot{h, ws.number + 1, ws.keyLen})
	t.n++
}

// place puts a slot in the first empty place from its hash's.
func (t *wordTable) place(s wordSlot) {
	mask := uint64(len(t.slots) - 1)
	i := t.at(s.hash)
	for t.slots[i].number1 != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}

// number reads a word not seen before.
func (w *stemWords) number(word string) wordStem {
	if utf8.RuneCountInString(word) < 2 || w.lang != nil && w.lang.stopword(word) {
		return wordStem{0, -1}
	}
	stem := word
	if w.lang != nil && w.lang.stemmer != "" {
		if s, err := snowball.Stem(word, w.lang.stemmer, true); err == nil && s != "" {
			stem = s
		}
	}
	ws := wordStem{0, -1}
	if strings.HasPrefix(word, stem) {
		ws.keyLen = int32(len(stem))
	}
	if n, ok := w.numbers[stem]; ok {
		ws.number = n
		return ws
	}
	// A word is often a substring of its document's text; the cache
	// keeps a copy, not the text.
	stem = strings.Clone(stem)
	n := uint32(len(w.stems))
	w.stems = append(w.stems, stem)
	w.numbers[stem] = n
	ws.number = n
	return ws
}
