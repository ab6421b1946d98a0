package crosslang

import (
	"strings"
	"sync"

	"github.com/echotrace/echotrace/internal/normalize"
	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/russian"
	"github.com/kljensen/snowball/spanish"
	"github.com/zeebo/xxh3"
)

// reduce is a word's stem in its language, lower case: Snowball's stemmer
// where there is one, a light suffix stripper for German, and the lowered
// word otherwise. Dictionary headwords and the words looked up in them are
// reduced alike, so inflected forms meet their headword.
func reduce(lang, word string) string {
	w := strings.ToLower(word)
	switch lang {
	case "en":
		return english.Stem(w, true)
	case "fr":
		return french.Stem(w, true)
	case "es":
		return spanish.Stem(w, true)
	case "ru", "uk", "be", "bg", "sr":
		// Slavic languages in Cyrillic share most case endings; the
		// Russian stemmer removes them well enough to compare stems.
		return russian.Stem(w, true)
	case "de":
		return germanStem(w)
	}
	return w
}

// germanStem strips German inflectional endings (after the CISTEM
// stemmer's idea, much simplified): umlauts and ß are folded, then -ern,
// -em, -er, -en, -es, -nd, -e, -s, -n, -t are removed while at least four
// letters remain. Derivation is left alone.
func germanStem(w string) string {
	w = germanFold.Replace(w)
	for _, suf := range []string{"ern", "em", "er", "en", "es", "nd"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	for _, suf := range []string{"e", "s", "n", "t"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	return w
}

var germanFold = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss")

// englishKey is the key of an English word's stem: what dictionary
// translations and English text are compared by.
func englishKey(w string) uint64 { return hashKey("e:", english.Stem(w, true)) }

// hashKey hashes a key of one kind (the prefix keeps kinds apart).
func hashKey(kind, s string) uint64 {
	var buf [64]byte
	if len(kind)+len(s) <= len(buf) {
		n := copy(buf[:], kind)
		n += copy(buf[n:], s)
		return xxh3.Hash(buf[:n])
	}
	return xxh3.HashString(kind + s)
}

var (
	englishStopOnce sync.Once
	englishStopSet  map[string]struct{}
)

// englishStop is English's stop-word list, as plain lower-case words.
func englishStop() map[string]struct{} {
	englishStopOnce.Do(func() { englishStopSet = normalize.Stopwords("en") })
	return englishStopSet
}
