package crosslang

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// DefaultDictDir is where Debian's dict-freedict-* packages install their
// dictionaries (dictd's format: NAME.index and NAME.dict.dz).
const DefaultDictDir = "/usr/share/dictd"

// iso639_3 names the FreeDict file of a language: freedict-fra-eng for
// French to English.
var iso639_3 = map[string]string{
	"fr": "fra", "de": "deu", "ru": "rus", "uk": "ukr", "es": "spa", "it": "ita", "pt": "por",
	"pl": "pol", "nl": "nld", "cs": "ces", "sv": "swe", "da": "dan", "fi": "fin", "tr": "tur",
	"bg": "bul", "sr": "srp", "ro": "ron", "hu": "hun", "el": "ell", "ar": "ara",
}

// Dictionary gives the English words a word of one language translates
// to, as keys comparable with the English side's (see englishKey). It is
// read at run time from an installed FreeDict dictionary: the
// dictionaries are GPL and are never part of echotrace.
type Dictionary struct {
	lang  string
	words map[string]uint64 // word → (offset<<16 | proper<<15 | count) into keys
	keys  []uint64
}

// properBit marks a headword whose translation is written with a capital:
// a place or a person (München → Munich), a name even in a language that
// capitalizes all nouns.
const properBit = 1 << 15

// Dictionaries loads the FreeDict dictionaries of a directory on first
// use, one language at a time, and remembers what it found (or that there
// is none). It is safe for concurrent use.
type Dictionaries struct {
	dir string
	// CacheDir keeps what was read of each dictionary (see dictcache.go);
	// "" for none. NewDictionaries sets the user's cache directory.
	CacheDir string
	mu       sync.Mutex
	have     map[string]*dictLoad
}

type dictLoad struct {
	once sync.Once
	d    *Dictionary
	err  error
}

// NewDictionaries reads dictionaries from dir (DefaultDictDir when empty).
func NewDictionaries(dir string) *Dictionaries {
	if dir == "" {
		dir = DefaultDictDir
	}
	ds := &Dictionaries{dir: dir, have: map[string]*dictLoad{}}
	if c, err := os.UserCacheDir(); err == nil {
		ds.CacheDir = filepath.Join(c, "echotrace")
	}
	return ds
}

// For returns the dictionary from lang (ISO 639-1) to English, nil when
// none is installed; an error when one is installed but unreadable.
func (ds *Dictionaries) For(lang string) (*Dictionary, error) {
	if ds == nil || lang == "en" {
		return nil, nil
	}
	code, ok := iso639_3[lang]
	if !ok {
		return nil, nil
	}
	ds.mu.Lock()
	l := ds.have[lang]
	if l == nil {
		l = &dictLoad{}
		ds.have[lang] = l
	}
	ds.mu.Unlock()
	l.once.Do(func() {
		base := filepath.Join(ds.dir, "freedict-"+code+"-eng")
		if _, err := os.Stat(base + ".index"); errors.Is(err, os.ErrNotExist) {
			return // not installed: the language works from anchors alone
		}
		cache := dictCachePath(ds.CacheDir, base)
		if cache != "" {
			if d, err := readDictCache(cache); err == nil && d.lang == lang {
				l.d = d
				return
			}
		}
		l.d, l.err = LoadDictionary(base, lang)
		if l.err == nil && cache != "" {
			_ = writeDictCache(cache, l.d) // without a cache, the next run reads the dictionary again
		}
	})
	return l.d, l.err
}

// LoadDictionary reads a dictd dictionary: base.index and base.dict.dz
// (or base.dict). lang is the language of its headwords.
func LoadDictionary(base, lang string) (*Dictionary, error) {
	entries, err := readDictIndex(base + ".index")
	if err != nil {
		return nil, err
	}
	var body io.Reader
	f, err := os.Open(base + ".dict.dz")
	if errors.Is(err, os.ErrNotExist) {
		f, err = os.Open(base + ".dict")
		body = f
	} else if err == nil {
		var z *gzip.Reader
		if z, err = gzip.NewReader(bufio.NewReaderSize(f, 1<<16)); err == nil {
			body = z
		}
	}
	if err != nil {
		if f != nil {
			f.Close()
		}
		return nil, fmt.Errorf("dictionary %s: %w", base, err)
	}
	defer f.Close()
	d := &Dictionary{lang: lang, words: make(map[string]uint64, len(entries))}
	stems := map[string]uint64{}
	r := bufio.NewReaderSize(body, 1<<16)
	pos := int64(0)
	var buf []byte
	perWord := map[string][]uint64{}
	proper := map[string]bool{}
	var prev dictEntry
	var words []string
	for _, e := range entries {
		if e.off != prev.off || e.n != prev.n || words == nil {
			if e.off < pos {
				continue // overlaps the entry read before: a broken index
			}
			if _, err := io.CopyN(io.Discard, r, e.off-pos); err != nil {
				return nil, fmt.Errorf("dictionary %s: entry %q at %d: %w", base, e.word, e.off, err)
			}
			buf = slices.Grow(buf[:0], int(e.n))[:e.n]
			if _, err := io.ReadFull(r, buf); err != nil {
				return nil, fmt.Errorf("dictionary %s: entry %q at %d: %w", base, e.word, e.off, err)
			}
			pos = e.off + e.n
			var capital bool
			words, capital = definitionWords(string(buf))
			words = append(words, "")[:len(words)] // never nil once read
			if capital {
				proper[reduce(lang, e.word)] = true
			}
			prev = e
		}
		form := reduce(lang, e.word)
		for _, w := range words {
			k, ok := stems[w]
			if !ok {
				k = englishKey(w)
				stems[w] = k
			}
			if ks := perWord[form]; len(ks) < maxTranslations && !slices.Contains(ks, k) {
				perWord[form] = append(ks, k)
			}
		}
	}
	for w, ks := range perWord {
		d.words[w] = uint64(len(d.keys))<<16 | uint64(len(ks))
		if proper[w] {
			d.words[w] |= properBit
		}
		d.keys = append(d.keys, ks...)
	}
	return d, nil
}

// maxTranslations bounds the English words kept for one stem: the first
// senses are the common ones, and a word with dozens of senses would match
// almost any English sentence.
const maxTranslations = 8

type dictEntry struct {
	word   string
	off, n int64
}

// readDictIndex reads a dictd index: "headword TAB offset TAB length", the
// numbers in dictd's base64. Only single-word headwords are kept (phrases
// are never looked up), sorted by offset so the body is read once in order.
func readDictIndex(path string) ([]dictEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("dictionary index: %w", err)
	}
	defer f.Close()
	var out []dictEntry
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) < 3 {
			continue
		}
		w := strings.TrimSpace(parts[0])
		if w == "" || strings.HasPrefix(w, "00database") || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			continue
		}
		off, ok1 := dictNumber(parts[1])
		n, ok2 := dictNumber(parts[2])
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("dictionary index %s, line %d: bad offset or length", path, line)
		}
		out = append(out, dictEntry{strings.ToLower(w), off, n})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("dictionary index %s: %w", path, err)
	}
	slices.SortFunc(out, func(a, b dictEntry) int {
		if a.off != b.off {
			if a.off < b.off {
				return -1
			}
			return 1
		}
		return 0
	})
	return out, nil
}

// dictNumber decodes dictd's base64 numbers (most significant digit first).
func dictNumber(s string) (int64, bool) {
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	var v int64
	if s == "" || len(s) > 10 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		k := strings.IndexByte(digits, s[i])
		if k < 0 {
			return 0, false
		}
		v = v*64 + int64(k)
	}
	return v, true
}

// definitionWords are the English content words of one dictd entry: the
// lines after the headword line, without pronunciations (/…/), grammar
// (<…>), domains ([…]), glosses ((…)), cross-references, examples and
// synonyms, split at commas and semicolons; a translation of more than
// three words is a phrase and is skipped. capital says that the first
// translation is a single word written with a capital: a proper name.
func definitionWords(entry string) (out []string, capital bool) {
	first := true
	lines := strings.Split(entry, "\n")
	for _, ln := range lines[1:] {
		ln = strings.TrimSpace(ln)
		if ln == "" || strings.HasPrefix(ln, "\"") {
			continue // an example
		}
		if f := strings.Fields(ln); strings.HasSuffix(f[0], ":") {
			continue // "see:", "Synonym:", "Note:"
		}
		ln = stripBracketed(ln)
		for _, piece := range strings.FieldsFunc(ln, func(r rune) bool { return r == ',' || r == ';' }) {
			ws := strings.Fields(piece)
			if len(ws) > 0 && strings.TrimRight(ws[0], "0123456789.") == "" {
				ws = ws[1:] // "1." numbering of senses
			}
			if len(ws) == 0 || len(ws) > 3 {
				continue
			}
			if first {
				capital = len(ws) == 1 && startsUpper(ws[0])
				first = false
			}
			for _, w := range ws {
				w = strings.ToLower(strings.Trim(w, ".!?'\""))
				if len(w) < 2 || strings.IndexFunc(w, func(r rune) bool { return r > 'z' || r < 'a' }) >= 0 {
					continue
				}
				if _, stop := englishStop()[w]; stop {
					continue
				}
				out = append(out, w)
			}
		}
	}
	return out, capital
}

// stripBracketed removes text inside /…/, <…>, […], (…) and {…}.
func stripBracketed(s string) string {
	var b strings.Builder
	depth := 0
	slash := false
	for _, r := range s {
		switch {
		case r == '/' && depth == 0:
			slash = !slash
			continue
		case r == '<' || r == '[' || r == '(' || r == '{':
			depth++
			continue
		case (r == '>' || r == ']' || r == ')' || r == '}') && depth > 0:
			depth--
			continue
		}
		if depth == 0 && !slash {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lookup returns the English keys a word of the dictionary's language
// translates to. Headwords and the words looked up are both reduced to
// their stems (see reduce), so inflected forms find their headword.
func (d *Dictionary) lookup(word string) (keys []uint64, proper bool) {
	if d == nil {
		return nil, false
	}
	if v, ok := d.words[reduce(d.lang, word)]; ok {
		off, n := v>>16, v&(properBit-1)
		return d.keys[off : off+n], v&properBit != 0
	}
	return nil, false
}

// Words is the number of headwords the dictionary translates.
func (d *Dictionary) Words() int { return len(d.words) }
