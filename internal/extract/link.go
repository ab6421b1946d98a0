package extract

import (
	"encoding/hex"
	"sort"
	"strings"

	"github.com/echotrace/echotrace/internal/normalize"
	"github.com/zeebo/xxh3"
)

// Quote is one quote, term or claim with all its occurrences across
// documents: the same words found exact, cut, re-punctuated or with some
// words changed.
type Quote struct {
	ID          string       `json:"id"`
	Kind        Kind         `json:"kind"`
	Text        string       `json:"text"`    // the longest occurrence's text
	Speaker     string       `json:"speaker"` // the name most occurrences give, "" when none does
	Occurrences []Occurrence `json:"occurrences"`
}

// Variant is one occurrence's text against the quote's text.
type Variant struct {
	Doc   string `json:"doc"`
	Text  string `json:"text"`
	Edits []Edit `json:"edits"`
	Same  bool   `json:"same"` // no word differs
}

// Linking thresholds: two occurrences are the same quote when the shorter
// one's words, and half its word pairs, are found in the longer one.
const (
	linkShingle     = 3    // words per index key
	linkContainment = 0.6  // share of the shorter occurrence's words in the longer
	linkMinWords    = 8    // shorter occurrences link only when identical
	linkBigrams     = 0.5  // share of the shorter occurrence's word pairs in the longer
	linkMaxPostings = 2000 // a shingle in more occurrences than this is not a key
)

// Link joins the occurrences of all results into quotes. Occurrences are
// compared through an index of word shingles (not all pairs), and two
// are joined when at least linkContainment of the shorter one's words
// and linkBigrams of its word pairs occur in the longer; short occurrences and terms join only when their
// words are identical. Quote and claim occurrences never join each other.
// Each occurrence in the returned quotes has its Quote field set; the
// results themselves are not changed.
func Link(results []Result) []Quote {
	var occs []Occurrence
	for _, r := range results {
		occs = append(occs, r.Quotes...)
		occs = append(occs, r.Claims...)
	}
	keys := make([][]string, len(occs))
	sets := make([]map[string]bool, len(occs))
	for i, o := range occs {
		for _, t := range normalize.Tokens(o.Text) {
			keys[i] = append(keys[i], t.Key)
		}
		sets[i] = map[string]bool{}
		for _, k := range keys[i] {
			sets[i][k] = true
		}
	}
	parent := make([]int, len(occs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		if ra, rb := find(a), find(b); ra != rb {
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	// Exact matches (all kinds, terms included) by their word sequence.
	exact := map[string]int{}
	representative := make([]bool, len(occs))
	for i, o := range occs {
		k := string(o.Kind) + "\x00" + strings.Join(keys[i], " ")
		if j, ok := exact[k]; ok {
			union(i, j)
		} else {
			exact[k] = i
			representative[i] = true
		}
	}
	// Near matches through the shingle index.
	index := map[string][]int{}
	// Only one occurrence of each exact text takes part: its copies are
	// joined already.
	for i, o := range occs {
		if o.Kind == KindTerm || len(keys[i]) < linkMinWords || !representative[i] {
			continue
		}
		for _, sh := range shingles(keys[i]) {
			index[sh] = append(index[sh], i)
		}
	}
	for i, o := range occs {
		if o.Kind == KindTerm || len(keys[i]) < linkMinWords || !representative[i] {
			continue
		}
		seen := map[int]bool{}
		for _, sh := range shingles(keys[i]) {
			post := index[sh]
			if len(post) > linkMaxPostings {
				continue
			}
			for _, j := range post {
				if j <= i || seen[j] || occs[j].Kind != o.Kind {
					continue
				}
				seen[j] = true
				if containment(sets[i], sets[j]) >= linkContainment && containment(bigrams(keys[i]), bigrams(keys[j])) >= linkBigrams {
					union(i, j)
				}
			}
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range occs {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	quotes := make([]Quote, 0, len(roots))
	for _, r := range roots {
		q := Quote{Kind: occs[r].Kind}
		longest := -1
		speakers := map[string]int{}
		for _, i := range groups[r] {
			o := occs[i]
			q.Occurrences = append(q.Occurrences, o)
			if longest < 0 || len(o.Text) > len(occs[longest].Text) {
				longest = i
			}
			if o.Speaker != "" {
				speakers[o.Speaker]++
			}
		}
		q.Text = occs[longest].Text
		q.Speaker = topSpeaker(speakers)
		q.ID = quoteID(q.Kind, keys[longest])
		for i := range q.Occurrences {
			q.Occurrences[i].Quote = q.ID
		}
		quotes = append(quotes, q)
	}
	sort.SliceStable(quotes, func(i, j int) bool { return len(quotes[i].Occurrences) > len(quotes[j].Occurrences) })
	return quotes
}

// Variants shows each occurrence of q beside the quote's text, with the
// words that differ marked.
func Variants(q Quote) []Variant {
	out := make([]Variant, 0, len(q.Occurrences))
	for _, o := range q.Occurrences {
		edits := Diff(q.Text, o.Text)
		same := true
		for _, e := range edits {
			if e.Op != OpEqual {
				same = false
			}
		}
		out = append(out, Variant{Doc: o.Doc, Text: o.Text, Edits: edits, Same: same})
	}
	return out
}

func shingles(keys []string) []string {
	if len(keys) < linkShingle {
		return []string{strings.Join(keys, " ")}
	}
	out := make([]string, 0, len(keys)-linkShingle+1)
	for i := 0; i+linkShingle <= len(keys); i++ {
		out = append(out, strings.Join(keys[i:i+linkShingle], " "))
	}
	return out
}

// bigrams is the set of adjacent word pairs: shared words in another
// order or context do not make two texts one quote.
func bigrams(keys []string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for i := 0; i+1 < len(keys); i++ {
		m[keys[i]+" "+keys[i+1]] = true
	}
	return m
}

// containment is the share of the smaller set's words found in the other.
func containment(a, b map[string]bool) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// topSpeaker is the most frequent speaker, ties broken by name.
func topSpeaker(counts map[string]int) string {
	best, bestN := "", 0
	for s, n := range counts {
		if n > bestN || n == bestN && s < best {
			best, bestN = s, n
		}
	}
	return best
}

// quoteID is a stable id from the kind and the words of the quote's text.
func quoteID(k Kind, keys []string) string {
	h := xxh3.HashString(string(k) + "\x00" + strings.Join(keys, " "))
	var b [8]byte
	for i := range b {
		b[i] = byte(h >> (56 - 8*i))
	}
	return string(k[0]) + hex.EncodeToString(b[:])
}
