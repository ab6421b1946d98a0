package normalize

import (
	"bufio"
	"embed"
	"sort"
	"strings"
	"sync"
)

// The lists live in data files rather than Go source so that their origin
// and licence stay visible and they can be updated without touching code.
//
//go:embed stopwords/*.txt
var stopwordFiles embed.FS

var (
	stopwordsOnce sync.Once
	stopwordSets  map[string]map[string]struct{}
)

// loadStopwords reads every embedded list once, keying each word with Key
// so that lookups compare the same form the tokenizer produces.
func loadStopwords() {
	stopwordSets = map[string]map[string]struct{}{}
	entries, err := stopwordFiles.ReadDir("stopwords")
	if err != nil {
		return // cannot happen with a valid embed; no lists then
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".txt") {
			continue
		}
		f, err := stopwordFiles.Open("stopwords/" + name)
		if err != nil {
			continue
		}
		set := map[string]struct{}{}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			w := strings.TrimSpace(sc.Text())
			if w == "" || strings.HasPrefix(w, "#") {
				continue
			}
			set[Key(w)] = struct{}{}
		}
		f.Close()
		stopwordSets[strings.TrimSuffix(name, ".txt")] = set
	}
}

// Stopwords returns the stop-word keys of a language given as an ISO 639-1
// code, or nil when echotrace ships no list for it. The map is shared:
// callers must not modify it.
func Stopwords(lang string) map[string]struct{} {
	stopwordsOnce.Do(loadStopwords)
	return stopwordSets[strings.ToLower(lang)]
}

// IsStopword reports whether a token key (as made by Key) is a stop word
// of the language. With an unknown or empty language it is always false,
// so that text in an unsupported language loses no words.
func IsStopword(lang, key string) bool {
	_, ok := Stopwords(lang)[key]
	return ok
}

// StopwordLanguages lists the languages with a stop-word list, sorted.
func StopwordLanguages() []string {
	stopwordsOnce.Do(loadStopwords)
	out := make([]string, 0, len(stopwordSets))
	for l := range stopwordSets {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}
