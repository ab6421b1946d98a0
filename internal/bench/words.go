package bench

import (
	"cmp"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/echotrace/echotrace/internal/normalize"
)

// commonWords are frequent English words; mixing them with invented words
// gives text the shape of news prose (function words between content
// words) without copying any real text.
var commonWords = strings.Fields(`the of and to a in that is was for on it with as
his he be at by had from this not but are or have an they which one you were
her all she there would their we him been has when who will more no if out so
said what up its about into than them can only other new some could time these
two may then do first any my now such like our over man me even most made after
also did many before must through back years where much your way well down should
because each just those people how too little state good very make world still own
see men work long get here between both life being under never day same another
know while last might us great old year off come since against go came right used
take three city government officials week report country council police minister
according plan public new group month during however local told officials percent
million market company support state court`)

// capitalize upper-cases the first letter of an ASCII word.
func capitalize(w string) string {
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return w
	}
	return string(w[0]-'a'+'A') + w[1:]
}

// The words of running text are drawn from four lists: common English
// words with probability wordCommon, names wordName, numbers from 1 to
// numbers wordNumber, and invented words the rest. Within a list, the
// k-th word (from 0) has a probability proportional to (v+k)^-s, a Zipf
// law, with these exponents s and offsets v.
const (
	wordCommon, wordName, wordNumber = 0.45, 0.06, 0.02
	numbers                          = 2000
)

var (
	zipfCommon   = zipfLaw{s: 1.2, v: 2}
	zipfName     = zipfLaw{s: 1.1, v: 4}
	zipfInvented = zipfLaw{s: 1.05, v: 8}
)

// zipfLaw is the law of math/rand/v2's Zipf: k in [0, n) with probability
// proportional to (v+k)^-s.
type zipfLaw struct{ s, v float64 }

// weights are the probabilities of 0…n-1, scaled to sum to share.
func (z zipfLaw) weights(n int, share float64) []float64 {
	w := make([]float64, n)
	sum := 0.0
	for k := range w {
		w[k] = math.Pow(z.v+float64(k), -z.s)
		sum += w[k]
	}
	for k := range w {
		w[k] *= share / sum
	}
	return w
}

// vocabulary draws words with Zipfian frequencies from a list of common
// English words and a larger list of invented ones. It is not changed
// after newVocabulary, so the goroutines generating documents share it,
// each drawing with a random source of its own.
type vocabulary struct {
	invented []string
	names    []string // capitalised invented words: people and places
	// words are the outcomes of a word of running text: commonWords,
	// names, numbers, invented, in that order.
	words []string
	// The outcomes are drawn by two alias tables (drawWord): head holds
	// the headWords most frequent, drawn with probability headShare
	// (headCut of 2^64), tail the others. Most draws then read only the
	// small table, which stays in the processor's nearest caches; a
	// table of all the outcomes is larger than they are, and reading it
	// at random was most of the cost of writing a word.
	head, tail []wordEntry
	headCut    uint64
	name       aliasTable // over names
	nameHashes []uint64   // the names' token hashes
	said       uint64     // the token hash of "said"
}

// headWords is the size of the table of the most frequent words: with
// the laws above, they are about four in five of the words drawn.
const headWords = 2048

// wordEntry is an outcome of a word of running text and a column of the
// alias table that draws it, together, so that drawing and writing a
// word reads one place of memory.
type wordEntry struct {
	keep  uint32 // the column's share of its own outcome (aliasColumn)
	alias uint16 // the column's other outcome, in the same table
	n     uint8  // the word's length, 0 when it is longer than text
	_     uint8
	k     uint32 // the word's index in words
	hash  uint64 // the word's token hash (normalize.TokenHashes): each word is one token
	text  [16]byte
}

// syllable pieces for invented words: consonant clusters and vowels, so
// the words can be read aloud and tokenise like real ones.
var (
	onsets = strings.Fields("b br c ch d dr f g gr h j k kl l m n p pr r s st sh t tr v w z")
	nuclei = strings.Fields("a e i o u ai ea ou io")
	codas  = []string{"", "", "n", "r", "s", "l", "t", "m", "nd", "st"}
)

// inventWord makes a word of one to four syllables.
func inventWord(r *rand.Rand) string {
	var b strings.Builder
	n := 1 + r.IntN(3)
	if r.IntN(4) == 0 {
		n++
	}
	for range n {
		b.WriteString(onsets[r.IntN(len(onsets))])
		b.WriteString(nuclei[r.IntN(len(nuclei))])
	}
	b.WriteString(codas[r.IntN(len(codas))])
	return b.String()
}

// newVocabulary invents size words and size/10 names.
func newVocabulary(r *rand.Rand, size int) *vocabulary {
	v := &vocabulary{}
	seen := map[string]bool{}
	for _, w := range commonWords {
		seen[w] = true
	}
	for len(v.invented) < size {
		if w := inventWord(r); !seen[w] {
			seen[w] = true
			v.invented = append(v.invented, w)
		}
	}
	for len(v.names) < size/10 {
		if w := inventWord(r); !seen[w] {
			seen[w] = true
			v.names = append(v.names, capitalize(w))
		}
	}
	var weights []float64
	v.words = append(v.words, commonWords...)
	weights = append(weights, zipfCommon.weights(len(commonWords), wordCommon)...)
	v.words = append(v.words, v.names...)
	weights = append(weights, zipfName.weights(len(v.names), wordName)...)
	for k := 1; k <= numbers; k++ {
		v.words = append(v.words, strconv.Itoa(k))
		weights = append(weights, wordNumber/numbers)
	}
	v.words = append(v.words, v.invented...)
	weights = append(weights, zipfInvented.weights(len(v.invented), 1-wordCommon-wordName-wordNumber)...)
	// The most frequent words first; ties (numbers) in their order.
	byWeight := make([]int, len(weights))
	for k := range byWeight {
		byWeight[k] = k
	}
	slices.SortStableFunc(byWeight, func(a, b int) int { return cmp.Compare(weights[b], weights[a]) })
	table := func(ks []int) []wordEntry {
		ws := make([]float64, len(ks))
		for j, k := range ks {
			ws[j] = weights[k]
		}
		t := make([]wordEntry, len(ks))
		for j, c := range newAliasTable(ws) {
			k := ks[j]
			e := &t[j]
			e.keep, e.alias, e.k = c.keep, uint16(c.alias), uint32(k)
			e.hash = normalize.TokenHashes(v.words[k])[0]
			if len(v.words[k]) <= len(e.text) {
				e.n = uint8(copy(e.text[:], v.words[k]))
			}
		}
		return t
	}
	nHead := min(headWords, len(byWeight))
	v.head, v.tail = table(byWeight[:nHead]), table(byWeight[nHead:])
	if len(v.tail) == 0 {
		v.tail = v.head
	}
	headShare := 0.0
	for _, k := range byWeight[:nHead] {
		headShare += weights[k]
	}
	v.headCut = math.MaxUint64
	if headShare < 1 {
		v.headCut = uint64(headShare * (1 << 64))
	}
	v.nameHashes = make([]uint64, len(v.names))
	for k, name := range v.names {
		v.nameHashes[k] = normalize.TokenHashes(name)[0]
	}
	v.said = normalize.TokenHashes("said")[0]
	v.name = newAliasTable(zipfName.weights(len(v.names), 1))
	return v
}

// aliasTable draws from a fixed discrete distribution in constant time
// with one random number (Walker's alias method, Vose's construction):
// the number picks a column uniformly, and its fraction inside the
// column takes the column itself or the column's alias.
type aliasTable []aliasColumn

type aliasColumn struct {
	keep  uint32 // the column is kept when the fraction (32 bits) is below keep
	alias uint32
}

// newAliasTable makes the table of the distribution with the given
// weights (not all zero).
func newAliasTable(weights []float64) aliasTable {
	n := len(weights)
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	scaled := make([]float64, n)
	var small, large []int
	for k, w := range weights {
		scaled[k] = w * float64(n) / sum
		if scaled[k] < 1 {
			small = append(small, k)
		} else {
			large = append(large, k)
		}
	}
	t := make(aliasTable, n)
	for len(small) > 0 && len(large) > 0 {
		s, l := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		t[s] = aliasColumn{keep: uint32(scaled[s] * (1 << 32)), alias: uint32(l)}
		if scaled[l] += scaled[s] - 1; scaled[l] < 1 {
			large = large[:len(large)-1]
			small = append(small, l)
		}
	}
	// What is left is full, up to rounding: it keeps itself.
	for _, k := range append(small, large...) {
		t[k] = aliasColumn{keep: math.MaxUint32, alias: uint32(k)}
	}
	return t
}

// draw returns an outcome, an index into the weights.
func (t aliasTable) draw(r *rand.Rand) int {
	col, frac := bits.Mul64(r.Uint64(), uint64(len(t)))
	if c := t[col]; uint32(frac>>32) >= c.keep {
		return int(c.alias)
	}
	return int(col)
}

// drawWord draws a word of running text.
func (v *vocabulary) drawWord(r *rand.Rand) *wordEntry {
	t := v.tail
	if r.Uint64() < v.headCut {
		t = v.head
	}
	col, frac := bits.Mul64(r.Uint64(), uint64(len(t)))
	// Without a branch on the entry, which may not be in cache yet.
	k := uint64(t[col].alias)
	if uint32(frac>>32) < t[col].keep {
		k = col
	}
	return &t[k]
}

// appendWord appends the word of e to b, its first letter upper-cased
// when capital is set.
func (v *vocabulary) appendWord(b []byte, e *wordEntry, capital bool) []byte {
	at := len(b)
	if e.n == 0 {
		b = append(b, v.words[e.k]...)
	} else {
		// Copy all of text, a fixed size, and keep the word.
		if cap(b)-at < len(e.text) {
			b = slices.Grow(b, len(e.text))
		}
		b = b[:at+len(e.text)]
		*(*[16]byte)(b[at:]) = e.text
		b = b[:at+int(e.n)]
	}
	if capital && 'a' <= b[at] && b[at] <= 'z' {
		b[at] -= 'a' - 'A'
	}
	return b
}

// sentence appends one sentence of 6 to 28 words to b and their token
// hashes to hs: sometimes a quote attributed to a name, with straight or
// curly quotes, sometimes with an ellipsis or commas. It returns b, hs and
// the number of words.
func (v *vocabulary) sentence(r *rand.Rand, b []byte, hs []uint64) ([]byte, []uint64, int) {
	n := 6 + r.IntN(23)
	quoted := r.IntN(8) == 0
	open, close := "“", "”"
	if r.IntN(2) == 0 {
		open, close = `"`, `"`
	}
	if quoted {
		b = append(b, open...)
	}
	// The words are drawn first, then written: the draws do not wait for
	// one another, so the processor fetches the entries of the rare
	// words, which are not in its caches, all at once rather than one
	// after the other. The random numbers are drawn in the same order.
	var words [28]*wordEntry
	var after [28]string // the punctuation after each word
	for i := range n {
		words[i] = v.drawWord(r)
		after[i] = ""
		if i < n-1 && i > 1 {
			switch x := r.IntN(40); {
			case x < 3:
				after[i] = ","
			case x == 3:
				if r.IntN(2) == 0 {
					after[i] = "..."
				} else {
					after[i] = "…"
				}
			}
		}
	}
	for i, e := range words[:n] {
		if i > 0 {
			b = append(b, ' ')
		}
		b = v.appendWord(b, e, i == 0)
		hs = append(hs, e.hash)
		b = append(b, after[i]...)
	}
	if quoted {
		k := v.name.draw(r)
		b = append(b, ","+close+" said "...)
		b = append(b, v.names[k]...)
		b = append(b, '.')
		return b, append(hs, v.said, v.nameHashes[k]), n + 2
	}
	if r.IntN(15) == 0 {
		b = append(b, '?')
	} else {
		b = append(b, '.')
	}
	return b, hs, n
}

// paragraph appends one to four sentences to b and their token hashes to
// hs, and returns b, hs and their word count.
func (v *vocabulary) paragraph(r *rand.Rand, b []byte, hs []uint64) ([]byte, []uint64, int) {
	words := 0
	for i := range 1 + r.IntN(4) {
		if i > 0 {
			b = append(b, ' ')
		}
		var w int
		b, hs, w = v.sentence(r, b, hs)
		words += w
	}
	return b, hs, words
}

// title appends a headline of 5 to 12 words without final punctuation to b
// and its token hashes to hs.
func (v *vocabulary) title(r *rand.Rand, b []byte, hs []uint64) ([]byte, []uint64) {
	for i := range 5 + r.IntN(8) {
		if i > 0 {
			b = append(b, ' ')
		}
		e := v.drawWord(r)
		b = v.appendWord(b, e, true)
		hs = append(hs, e.hash)
	}
	return b, hs
}

// titleText is a headline alone.
func (v *vocabulary) titleText(r *rand.Rand) string {
	b, _ := v.title(r, nil, nil)
	return string(b)
}

// anyWord is a word of running text, for a substitution.
func (v *vocabulary) anyWord(r *rand.Rand) string {
	return v.words[v.drawWord(r).k]
}
