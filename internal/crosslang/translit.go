package crosslang

import (
	"strings"
	"unicode"
)

// cyrillic maps Cyrillic letters to Latin after the BGN/PCGN romanization
// of Russian (without its context rules for е and ё, which only add a y
// that the skeleton drops anyway), with the Ukrainian, Belarusian,
// Serbian and Macedonian letters Russian lacks. Ukrainian г is h and и is
// y in its own romanization; both are written as Russian would here and
// the skeleton (see skeleton) makes the variants meet.
var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh",
	'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu",
	'я': "ya",
	// Ukrainian and Belarusian
	'є': "ye", 'і': "i", 'ї': "yi", 'ґ': "g", 'ў': "u",
	// Serbian and Macedonian
	'ђ': "dj", 'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c", 'џ': "dzh", 'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz",
}

// latinFold spells Latin letters with diacritics and ligatures as plain
// ASCII, the way English usually writes the names they occur in (Müller →
// muller, Besançon → besancon, Straße → strasse).
var latinFold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ą': "a", 'ă': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'č': "c", 'ď': "d", 'đ': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ę': "e", 'ě': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'ı': "i",
	'ł': "l", 'ñ': "n", 'ń': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'œ': "oe", 'ő': "o",
	'ř': "r", 'ś': "s", 'š': "s", 'ş': "s", 'ș': "s", 'ß': "ss", 'ť': "t", 'ț': "t", 'ţ': "t",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u",
	'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
}

// Latin writes a word in lower-case ASCII Latin letters: Cyrillic is
// romanized, diacritics are dropped, digits are kept, anything else is
// left out. Latin("Песков") is "peskov", Latin("Müller") "muller".
func Latin(word string) string {
	var b strings.Builder
	b.Grow(len(word) + 4)
	for _, r := range word {
		r = unicode.ToLower(r)
		switch {
		case r < 0x80:
			if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
				b.WriteRune(r)
			}
		default:
			if s, ok := cyrillic[r]; ok {
				b.WriteString(s)
			} else if s, ok := latinFold[r]; ok {
				b.WriteString(s)
			}
		}
	}
	return b.String()
}

// isCyrillic reports whether a word is written in Cyrillic letters (its
// first letter decides).
func isCyrillic(word string) bool {
	for _, r := range word {
		if unicode.IsLetter(r) {
			return unicode.Is(unicode.Cyrillic, r)
		}
	}
	return false
}
