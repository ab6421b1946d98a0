package crosslang

import "strings"

// monthStems are the months' names by language, as the start of the word
// (so that Russian and Ukrainian cases, "марта", "березня", match), or
// for a name too short to be a safe prefix its forms separated by "|": a
// date survives translation as its day, its year and its month.
var monthStems = map[string][12]string{
	"en": {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"},
	"ru": {"январ", "феврал", "март", "апрел", "май|мая|мае", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"},
	"uk": {"січ", "лют", "берез", "квіт", "травн", "черв", "лип", "серп", "верес", "жовт", "листопад", "груд"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"de": {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"},
	"es": {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	"it": {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
}

// month returns the month (1–12) a lower-case word names in lang, or 0.
// Stems shorter than the word must be followed by an ending of at most
// two letters ("марта", "мая"), so "май" matches and "майор" does not.
func month(lang, w string) int {
	names, ok := monthStems[lang]
	if !ok {
		return 0
	}
	for i, m := range names {
		if strings.Contains(m, "|") { // a short name: its forms exactly
			for _, f := range strings.Split(m, "|") {
				if w == f {
					return i + 1
				}
			}
			continue
		}
		if !strings.HasPrefix(w, m) {
			continue
		}
		rest := len([]rune(w[len(m):]))
		if rest == 0 || (lang == "ru" || lang == "uk") && rest <= 2 {
			return i + 1
		}
	}
	return 0
}
