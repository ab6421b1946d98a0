package extract

import (
	"bufio"
	_ "embed"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unsafe"

	"github.com/echotrace/echotrace/internal/normalize"
)

//go:embed data/places.tsv
var placesTSV string

//go:embed data/orgs.tsv
var orgsTSV string

//go:embed data/regions.tsv
var regionsTSV string

// GazetteerEntry is one known place or organisation.
type GazetteerEntry struct {
	ID         string     // stable id: type/country/name
	Name       string     // canonical name
	Type       EntityType // Place or Org
	Kind       string     // country, city, region or org
	Country    string     // ISO 3166-1 alpha-2, when known
	Population int
	Aliases    []string
	// Minor entries (a US state named like a country, an English county)
	// are never linked by name alone: they are candidates where the rest
	// of the document is in their country, and tell where a document is.
	Minor bool
	nkey  string // nameKey(Name), computed once
}

// Gazetteer looks up places and organisations by any of their names, and
// by the transliteration skeleton of a name it does not list.
type Gazetteer struct {
	byKey      map[string]*GazetteerEntry
	cands      map[string][]*GazetteerEntry // every entry a key names, byKey's first
	capsOnly   map[string]bool              // keys only abbreviations in capitals give ("US": not "Us")
	bySkeleton map[string][]*GazetteerEntry
	maxWords   int
	// known has a bit set for the keyHash of every key cands holds: a
	// key whose bit is clear is in none of the maps. Most lookups are of
	// capitalised runs the tables do not hold, and the bits (32 KiB)
	// stay in the processor's caches where the maps' slots do not.
	known *[knownWords]uint64
}

// knownWords is the size of Gazetteer.known in 64-bit words.
const knownWords = 1 << 12

// mayHold reports whether k may be a key of the gazetteer's maps: false
// means it is in none.
func (g *Gazetteer) mayHold(k string) bool {
	h := keyHash(k) >> 40 & (knownWords*64 - 1)
	return g.known[h>>6]&(1<<(h&63)) != 0
}

var (
	defaultGaz     *Gazetteer
	defaultGazOnce sync.Once
)

// DefaultGazetteer is the gazetteer built from the embedded tables.
func DefaultGazetteer() *Gazetteer {
	defaultGazOnce.Do(func() {
		g := NewGazetteer()
		g.Load(placesTSV)
		g.Load(orgsTSV)
		g.Load(regionsTSV)
		g.addVariants(listedVariants)
		defaultGaz = g
	})
	return defaultGaz
}

// NewGazetteer returns an empty gazetteer.
func NewGazetteer() *Gazetteer {
	return &Gazetteer{byKey: map[string]*GazetteerEntry{}, cands: map[string][]*GazetteerEntry{}, capsOnly: map[string]bool{}, bySkeleton: map[string][]*GazetteerEntry{}, known: new([knownWords]uint64)}
}

// Load adds the rows of a table in the places.tsv format. Malformed rows
// are skipped: the tables are embedded and tested, so a bad row is a
// build-time mistake that the tests report.
func (g *Gazetteer) Load(tsv string) int {
	n := 0
	sc := bufio.NewScanner(strings.NewReader(tsv))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			continue
		}
		e := &GazetteerEntry{Name: f[1], Kind: f[0], Country: f[2]}
		e.Population, _ = strconv.Atoi(f[3])
		e.Type = Place
		if f[0] == "org" {
			e.Type = Org
		}
		if f[0] == "minor" {
			e.Kind, e.Minor = "region", true
		}
		e.ID = e.Kind + "/" + f[2] + "/" + f[1]
		if len(f) > 4 && f[4] != "" {
			e.Aliases = strings.Split(f[4], "|")
		}
		g.add(e)
		n++
	}
	return n
}

func (g *Gazetteer) add(e *GazetteerEntry) {
	e.nkey = nameKey(e.Name)
	for i, name := range append([]string{e.Name}, e.Aliases...) {
		k := nameKey(name)
		if k == "" {
			continue
		}
		if e.Minor {
			g.addCandidate(k, e)
			continue
		}
		// A name already taken by a bigger place keeps pointing there
		// (many towns share a name with a capital).
		if old, ok := g.byKey[k]; ok && !(i == 0 && old.Type == e.Type && e.Population > old.Population) {
			g.addCandidate(k, e)
			continue
		}
		g.byKey[k] = e
		g.addCandidate(k, e)
		g.capsOnly[k] = isAllCaps(name) && len([]rune(name)) <= 3
		if w := len(strings.Fields(k)); w > g.maxWords {
			g.maxWords = w
		}
		if i == 0 || e.Kind != "org" {
			if s := skeleton(name); len(s) >= 2 {
				g.bySkeleton[s] = append(g.bySkeleton[s], e)
			}
		}
	}
}

// addCandidate lists e among the entries key k names, once; the entry
// byKey gives stays first, the others follow by population.
func (g *Gazetteer) addCandidate(k string, e *GazetteerEntry) {
	list := g.cands[k]
	for _, x := range list {
		if x == e {
			return
		}
	}
	list = append(list, e)
	h := keyHash(k) >> 40 & (knownWords*64 - 1)
	g.known[h>>6] |= 1 << (h & 63)
	sort.SliceStable(list, func(i, j int) bool {
		if d := g.byKey[k]; d != nil && (list[i] == d) != (list[j] == d) {
			return list[i] == d
		}
		if list[i].Minor != list[j].Minor {
			return !list[i].Minor
		}
		return list[i].Population > list[j].Population
	})
	g.cands[k] = list
}

// key is the lookup key of the entry's name.
func (e *GazetteerEntry) key() string {
	if e.nkey == "" {
		return nameKey(e.Name)
	}
	return e.nkey
}

// Candidates lists every entry a lookup key names (see nameKey): the
// entry Lookup gives first, then its namesakes, minor entries last.
func (g *Gazetteer) Candidates(key string) []*GazetteerEntry {
	if g == nil || !g.mayHold(key) {
		return nil
	}
	return g.cands[key]
}

// nameKey is the lookup form of a name: its token keys joined by spaces.
func nameKey(name string) string {
	return appendNameKey(make([]byte, 0, len(name)), name)
}

// appendNameKey is prefix followed by nameKey(name), as one string: the
// keys joined by spaces straight into it (normalize.AppendKeys), not a
// Token, a list of keys and their join (entity ids and gazetteer
// lookups make one for most names of a document).
func appendNameKey(prefix []byte, name string) string {
	var ends [16]int
	b, _ := normalize.AppendKeys(prefix, ends[:0], name)
	if len(b) == 0 {
		return ""
	}
	// b is not written again.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// Lookup finds an entry by its lookup key (see nameKey).
func (g *Gazetteer) Lookup(key string) *GazetteerEntry {
	if g == nil || !g.mayHold(key) {
		return nil
	}
	return g.byKey[key]
}

// LookupText finds an entry by a name as written, trying its listed names
// first and then its transliteration skeleton ("Kiev" finds Kyiv).
func (g *Gazetteer) LookupText(name string) *GazetteerEntry {
	if g == nil {
		return nil
	}
	k := nameKey(name)
	if k == "" {
		return nil
	}
	if e := g.byKey[k]; e != nil {
		// An abbreviation matches only in capitals: "Us" (the magazine)
		// is not the US.
		if g.capsOnly[k] && !isAllCaps(name) {
			return nil
		}
		return e
	}
	// A possessive or plural ending ("Kiev’s") is not part of the name.
	return g.lookupVariant(name)
}

// LookupSpan is LookupText for the tokens [a, b] of a tokenized text:
// the key is put together from the tokens' keys, without tokenizing the
// name again and without allocating, which matters because every run of
// capitalised words is looked up several times (whole, name proper,
// prefixes).
func (g *Gazetteer) LookupSpan(text string, toks []normalize.Token, a, b int) *GazetteerEntry {
	if g == nil || a > b {
		return nil
	}
	var buf [96]byte
	k := appendRunKey(buf[:0], toks, a, b)
	if !g.mayHold(unsafe.String(unsafe.SliceData(k), len(k))) {
		// (Not held: only a single word's variant may still match.)
	} else if e := g.byKey[string(k)]; e != nil {
		if g.capsOnly[string(k)] && !isAllCaps(text[toks[a].Begin:toks[b].End]) {
			return nil
		}
		return e
	}
	if a == b {
		if w := text[toks[a].Begin:toks[a].End]; !isASCII(w) {
			return g.lookupVariant(w)
		}
	}
	return nil
}

// candidatesSpan is Candidates for the tokens [a, b].
func (g *Gazetteer) candidatesSpan(toks []normalize.Token, a, b int) []*GazetteerEntry {
	if g == nil || a > b {
		return nil
	}
	var buf [96]byte
	k := appendRunKey(buf[:0], toks, a, b)
	if !g.mayHold(unsafe.String(unsafe.SliceData(k), len(k))) {
		return nil
	}
	return g.cands[string(k)]
}

// appendRunKey appends the lookup key of tokens [a, b] (their keys joined
// by spaces, as nameKey gives it) to buf.
func appendRunKey(buf []byte, toks []normalize.Token, a, b int) []byte {
	for i := a; i <= b; i++ {
		if i > a {
			buf = append(buf, ' ')
		}
		buf = append(buf, toks[i].Key...)
	}
	return buf
}

// isASCII reports whether s has only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// addVariants lists further spellings of entries the tables hold, keyed
// by the entry's name ("Kyiv": "Kiev").
func (g *Gazetteer) addVariants(variants map[string][]string) {
	for name, alts := range variants {
		e := g.byKey[nameKey(name)]
		if e == nil || e.Name != name {
			continue
		}
		for _, alt := range alts {
			k := nameKey(alt)
			if _, taken := g.byKey[k]; taken || k == "" {
				continue
			}
			e.Aliases = append(e.Aliases, alt)
			g.byKey[k] = e
			g.addCandidate(k, e)
		}
	}
}

// lookupVariant matches a name written in another script (Cyrillic
// "Киев") to the one entry whose transliteration skeleton it shares, when
// the spellings are close in length and begin alike. A Latin spelling
// the tables do not list is not matched: a near spelling of a place is
// far more often a person's or a team's name ("Brazile", "Perry",
// "Saints") than a variant of the place, so Latin variants are listed
// (listedVariants) instead of guessed.
func (g *Gazetteer) lookupVariant(name string) *GazetteerEntry {
	if len([]rune(name)) < 4 || strings.Contains(name, " ") || isAllCaps(name) || !nonLatinScript(name) {
		return nil
	}
	// Demonyms and adjectives ("Ukrainian") are not the place.
	lf := latinFold(name)
	for _, suf := range []string{"ian", "ean", "an", "ese", "ish", "ic", "ans", "ians"} {
		if strings.HasSuffix(lf, suf) {
			return nil
		}
	}
	cands := g.bySkeleton[skeleton(name)]
	var found *GazetteerEntry
	for _, e := range cands {
		if !similarSpelling(name, e) {
			continue
		}
		if found != nil && found != e {
			if e.Population > found.Population*10 {
				found = e
				continue
			}
			if found.Population > e.Population*10 {
				continue
			}
			return nil // ambiguous
		}
		found = e
	}
	return found
}

func similarSpelling(name string, e *GazetteerEntry) bool {
	a := latinFold(name)
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		b := latinFold(n)
		if a == "" || b == "" || a[0] != b[0] {
			continue
		}
		limit := min(len(a), len(b)) / 2
		if limit > 2 {
			limit = 2
		}
		if editDistance(a, b) <= limit {
			return true
		}
	}
	return false
}

// nonLatinScript reports whether name has letters outside the Latin
// script.
func nonLatinScript(name string) bool {
	for _, r := range name {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return true
		}
	}
	return false
}

// editDistance is the Levenshtein distance between two byte strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
