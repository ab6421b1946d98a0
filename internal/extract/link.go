package extract

import "sort"

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

// Linking thresholds: two occurrences are the same quote when most of the
// shorter one's words, and half its word pairs, are found in the longer
// one, and they make at least half of the longer one's words.
const (
	linkShingle     = 3    // words per index key
	linkContainment = 0.6  // share of the shorter occurrence's words in the longer
	linkMinWords    = 8    // shorter occurrences link only when identical
	linkBigrams     = 0.5  // share of the shorter occurrence's word pairs in the longer
	linkAgreement   = 0.5  // share of the longer occurrence's words in the shorter: most words agree
	linkMaxPostings = 2000 // a shingle in more occurrences than this is not a key
)

// Link joins the occurrences of all results into quotes (see Linker).
// Each occurrence in the returned quotes has its Quote field set; the
// results themselves are not changed. Quotes come with the most
// occurrences first, then in the order each first occurs.
func Link(results []Result) []Quote {
	l := NewLinker()
	// Sized up front: an Occurrence is large, and doubling a slice of them
	// copies the whole document's quotes out of cache again and again.
	n := 0
	for _, r := range results {
		n += len(r.Quotes) + len(r.Claims)
	}
	occs := make([]Occurrence, 0, n)
	for _, r := range results {
		for _, list := range [][]Occurrence{r.Quotes, r.Claims} {
			for _, o := range list {
				l.Add(o)
				occs = append(occs, o)
			}
		}
	}
	groups := map[int32][]int{}
	var roots []int32
	for i := range occs {
		r := l.find(int32(i))
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	quotes := make([]Quote, 0, len(roots))
	for _, r := range roots {
		// The text is that of the occurrence that names the quote.
		q := Quote{Kind: occs[r].Kind, ID: l.ID(int(r)), Text: occs[l.Chosen(int(r))].Text}
		speakers := map[string]int{}
		q.Occurrences = make([]Occurrence, 0, len(groups[r]))
		for _, i := range groups[r] {
			o := occs[i]
			o.Quote = q.ID
			q.Occurrences = append(q.Occurrences, o)
			if o.Speaker != "" {
				speakers[o.Speaker]++
			}
		}
		q.Speaker = topSpeaker(speakers)
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
