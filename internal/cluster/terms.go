package cluster

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball"
	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/hungarian"
	"github.com/kljensen/snowball/norwegian"
	"github.com/kljensen/snowball/russian"
	"github.com/kljensen/snowball/spanish"
	"github.com/kljensen/snowball/swedish"

	"github.com/echotrace/echotrace/internal/normalize"
)

// language is one language the snowball stemmer knows, with its stopwords.
type language struct {
	name     string // snowball's name for it
	codes    []string
	stopword func(string) bool
}

var languages = []language{
	{"english", []string{"en", "eng"}, english.IsStopWord},
	{"french", []string{"fr", "fra", "fre"}, french.IsStopWord},
	{"spanish", []string{"es", "spa"}, spanish.IsStopWord},
	{"russian", []string{"ru", "rus"}, russian.IsStopWord},
	{"swedish", []string{"sv", "swe"}, swedish.IsStopWord},
	{"norwegian", []string{"no", "nb", "nn", "nor"}, norwegian.IsStopWord},
	{"hungarian", []string{"hu", "hun"}, hungarian.IsStopWord},
}

// languageOf finds the stemmer for a declared language, or guesses it from
// which language's stopwords the tokens use most. Stopwords make up a
// third or more of running text in these languages, so a handful of
// sentences decides; nil means no stemmer applies.
func languageOf(declared string, toks []normalize.Token) *language {
	declared = strings.ToLower(strings.TrimSpace(declared))
	if declared != "" {
		if i := strings.IndexAny(declared, "-_"); i > 0 {
			declared = declared[:i]
		}
		for i := range languages {
			if languages[i].name == declared {
				return &languages[i]
			}
			for _, c := range languages[i].codes {
				if c == declared {
					return &languages[i]
				}
			}
		}
		return nil
	}
	const sample = 400
	n := min(len(toks), sample)
	best, bestHits := -1, 0
	for i := range languages {
		hits := 0
		for _, t := range toks[:n] {
			if languages[i].stopword(t.Key) {
				hits++
			}
		}
		if hits > bestHits {
			best, bestHits = i, hits
		}
	}
	// Below one stopword in ten tokens the text is in none of these
	// languages (or is a list of names), and stemming would only harm.
	if best < 0 || bestHits*10 < n {
		return nil
	}
	return &languages[best]
}

// term is one content word of a text: its stem, the surface form it was
// first seen in, and how often it occurs.
type term struct {
	key     string
	surface string
	count   int
}

// contentTerms counts the stemmed content words of the tokens: stopwords,
// single letters and bare numbers say nothing about what a text is about
// and are dropped.
func contentTerms(toks []normalize.Token, lang *language) []term {
	index := make(map[string]int, len(toks)/2)
	var out []term
	for _, t := range toks {
		k := t.Key
		if utf8.RuneCountInString(k) < 2 || allDigits(k) {
			continue
		}
		if lang != nil && lang.stopword(k) {
			continue
		}
		stem := k
		if lang != nil {
			if s, err := snowball.Stem(k, lang.name, true); err == nil && s != "" {
				stem = s
			}
		}
		if i, ok := index[stem]; ok {
			out[i].count++
			continue
		}
		index[stem] = len(out)
		out = append(out, term{key: stem, surface: k, count: 1})
	}
	return out
}

func allDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
