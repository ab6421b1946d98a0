package store

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// MaxWordBytes is the longest indexed word; longer words are cut to this
// (at a character boundary) both when indexed and when searched, so they
// still find themselves while an index key stays small.
const MaxWordBytes = 100

// isWordRune tells the characters words are made of; every other
// character separates words.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// SearchWords splits a full-text query into the words every match must
// contain: runs of letters, digits and marks. Backends quote each word
// themselves, so nothing in the query acts as operator syntax.
func SearchWords(q string) []string {
	return strings.FieldsFunc(q, func(r rune) bool { return !isWordRune(r) })
}

// FoldWord is the indexed form of a word: lower case, without diacritics
// ("État" and "etat" are one word), at most MaxWordBytes long. Backends
// that index words themselves (PostgreSQL) use it for both sides, so that
// search behaves like SQLite's FTS5 (unicode61, remove_diacritics).
func FoldWord(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		if s, _, err := transform.String(t, w); err == nil {
			w = s
		}
	}
	w = strings.ToLower(w)
	if len(w) > MaxWordBytes {
		cut := MaxWordBytes
		for cut > 0 && !utf8.RuneStart(w[cut]) {
			cut--
		}
		w = w[:cut]
	}
	return w
}

// IndexWords is the sorted set of folded words of some texts: what a
// search for any of them must find.
func IndexWords(texts ...string) []string {
	seen := map[string]struct{}{}
	for _, t := range texts {
		for _, w := range SearchWords(t) {
			if f := FoldWord(w); f != "" {
				seen[f] = struct{}{}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	slices.Sort(out)
	return out
}
