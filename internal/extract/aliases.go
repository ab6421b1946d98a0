package extract

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Spellings of one name differ between transliteration systems (Kiev,
// Kyiv; Odessa, Odesa; Kharkov, Kharkiv; Sergei, Sergey) and between
// scripts (Киев). They share their consonants in order: the skeleton of
// a name is its Latin transliteration with vowels after the first letter
// dropped and doubled letters collapsed. The gazetteer matches a name it
// does not list by skeleton, and only to an entry spelled alike in
// first letter and length, so that short names do not collide.

// listedVariants are spellings of places that news in English uses
// besides the tables' name: older transliterations and exonyms.
var listedVariants = map[string][]string{
	"Kyiv": {"Kiev"}, "Kharkiv": {"Kharkov"}, "Odessa": {"Odesa"}, "Lviv": {"Lvov", "Lwow"},
	"Dnipro": {"Dnepr", "Dnipropetrovsk", "Dnepropetrovsk"}, "Luhansk": {"Lugansk"},
	"Beijing": {"Peking"}, "Mumbai": {"Bombay"}, "Kolkata": {"Calcutta"}, "Chennai": {"Madras"},
	"Yangon": {"Rangoon"}, "Myanmar": {"Burma"}, "Belarus": {"Byelorussia"},
}

// cyrillicLatin transliterates Russian and Ukrainian letters.
var cyrillicLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e", 'ё': "e", 'є': "ye",
	'ж': "zh", 'з': "z", 'и': "i", 'і': "i", 'ї': "yi", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh",
	'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu",
	'я': "ya",
}

// stripMarkers hands out diacritic strippers: a transform chain keeps
// state between calls and must not be shared by goroutines.
var stripMarkers = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// latinFold lower-cases a name, transliterates Cyrillic, removes
// diacritics and keeps letters only.
func latinFold(s string) string {
	t := stripMarkers.Get().(transform.Transformer)
	s, _, _ = transform.String(t, strings.ToLower(s))
	stripMarkers.Put(t)
	var b strings.Builder
	for _, r := range s {
		if t, ok := cyrillicLatin[r]; ok {
			b.WriteString(t)
			continue
		}
		if r == '\'' || r == '’' {
			continue
		}
		if unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// skeleton is the consonant skeleton of a name (see above).
func skeleton(s string) string {
	f := latinFold(s)
	if f == "" {
		return ""
	}
	var b strings.Builder
	var last rune = -1
	for i, r := range f {
		if i > 0 && strings.ContainsRune("aeiouy", r) {
			continue
		}
		if r == last {
			continue
		}
		// "kh"/"h" and "w"/"v" are the same sound in transliterations.
		if r == 'w' {
			r = 'v'
		}
		b.WriteRune(r)
		last = r
	}
	return strings.ReplaceAll(b.String(), "kh", "h")
}
