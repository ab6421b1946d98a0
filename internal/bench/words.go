package bench

import (
	"math/rand/v2"
	"strconv"
	"strings"
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

// vocabulary draws words with Zipfian frequencies from a list of common
// English words and a larger list of invented ones.
type vocabulary struct {
	r        *rand.Rand
	invented []string
	names    []string // capitalised invented words: people and places
	common   *rand.Zipf
	rare     *rand.Zipf
	name     *rand.Zipf
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
	v := &vocabulary{r: r}
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
	v.common = rand.NewZipf(r, 1.2, 2, uint64(len(commonWords)-1))
	v.rare = rand.NewZipf(r, 1.05, 8, uint64(len(v.invented)-1))
	v.name = rand.NewZipf(r, 1.1, 4, uint64(len(v.names)-1))
	return v
}

// word draws one word of running text.
func (v *vocabulary) word() string {
	switch p := v.r.Float64(); {
	case p < 0.45:
		return commonWords[v.common.Uint64()]
	case p < 0.51:
		return v.names[v.name.Uint64()]
	case p < 0.53:
		return strconv.Itoa(1 + v.r.IntN(2000))
	default:
		return v.invented[v.rare.Uint64()]
	}
}

// sentence writes one sentence of 6 to 28 words into b: sometimes a quote
// attributed to a name, with straight or curly quotes, sometimes with an
// ellipsis or commas. It returns the number of words.
func (v *vocabulary) sentence(b *strings.Builder) int {
	n := 6 + v.r.IntN(23)
	quoted := v.r.IntN(8) == 0
	open, close := "“", "”"
	if v.r.IntN(2) == 0 {
		open, close = `"`, `"`
	}
	if quoted {
		b.WriteString(open)
	}
	for i := range n {
		w := v.word()
		if i == 0 {
			w = capitalize(w)
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		if i < n-1 && i > 1 {
			switch x := v.r.IntN(40); {
			case x < 3:
				b.WriteByte(',')
			case x == 3:
				if v.r.IntN(2) == 0 {
					b.WriteString("...")
				} else {
					b.WriteString("…")
				}
			}
		}
	}
	if quoted {
		b.WriteString("," + close + " said ")
		b.WriteString(v.names[v.name.Uint64()])
		b.WriteByte('.')
		return n + 2
	}
	if v.r.IntN(15) == 0 {
		b.WriteByte('?')
	} else {
		b.WriteByte('.')
	}
	return n
}

// paragraph returns one to four sentences and their word count.
func (v *vocabulary) paragraph() (string, int) {
	var b strings.Builder
	words := 0
	n := 1 + v.r.IntN(4)
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		words += v.sentence(&b)
	}
	return b.String(), words
}

// title returns a headline of 5 to 12 words without final punctuation.
func (v *vocabulary) title() string {
	n := 5 + v.r.IntN(8)
	ws := make([]string, n)
	for i := range ws {
		ws[i] = capitalize(v.word())
	}
	return strings.Join(ws, " ")
}
