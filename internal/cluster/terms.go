package cluster

import (
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

func guessLanguage(toks []normalize.Token) string {
	const sample = 400
	n := min(len(toks), sample)
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

// term is one content word of a text: its stem, the surface form it was
// first seen in, and how often it occurs.
type term struct {
	key     string
	surface string
	count   int
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
func contentTerms(text string, toks []normalize.Token, lang *language, stems stemCache) []term {
	// A word repeats in a text: it is looked up in the language's cache
	// once, then found among the text's own words (a small map, a
	// fraction of the cost of the cache's).
	seen := make(map[string]int, len(toks)/2)  // word → its term in out, -1 for none
	index := make(map[string]int, len(toks)/2) // stem → its term in out
	var out []term
	words := stems.words(lang)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		k := t.Key
		if n := numberRun(text, toks[i:]); n > 1 {
			k = text[t.Begin:toks[i+n-1].End]
			i += n - 1
		}
		if at, ok := seen[k]; ok {
			if at >= 0 {
				out[at].count++
			}
			continue
		}
		stem := k
		if utf8.RuneCountInString(k) < 2 {
			stem = ""
		} else if lang != nil {
			stem = words.stem(k, lang) // "" for a stopword
		}
		if stem == "" {
			seen[k] = -1
			continue
		}
		at, ok := index[stem]
		if ok {
			out[at].count++
		} else {
			at = len(out)
			index[stem] = at
			out = append(out, term{key: stem, surface: k, count: 1})
		}
		seen[k] = at
	}
	return out
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
// language code: news vocabulary repeats, and stemming is the costliest
// step of reading a document's terms. One lookup of a word by itself
// answers both whether it is a stopword and what its stem is; a lookup
// keyed by language and word together (a pair of strings) cost several
// times as much, and it was most of the time of preparing a document.
type stemCache map[string]stemWords

// stemWords maps the words of one language to their stems, "" for a
// stopword.
type stemWords map[string]string

// maxStemCache bounds the words remembered for one language; past it
// that language's cache starts over.
const maxStemCache = 1 << 18

// words returns the cache of the language (nil for none).
func (c stemCache) words(lang *language) stemWords {
	if lang == nil {
		return nil
	}
	w := c[lang.code]
	if w == nil {
		w = make(stemWords)
		c[lang.code] = w
	}
	return w
}

// stem returns the stem of the word in lang, or "" for a stopword.
func (w stemWords) stem(word string, lang *language) string {
	if s, ok := w[word]; ok {
		return s
	}
	// A word is often a substring of its document's text; the cache
	// keeps a copy, not the text.
	word = strings.Clone(word)
	s := ""
	if !lang.stopword(word) {
		s = word
		if lang.stemmer != "" {
			if st, err := snowball.Stem(word, lang.stemmer, true); err == nil && st != "" {
				s = st
			}
		}
	}
	if len(w) >= maxStemCache {
		clear(w)
	}
	w[word] = s
	return s
}
