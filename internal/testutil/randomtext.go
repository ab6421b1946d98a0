package testutil

import (
	"math/rand/v2"
	"strings"
	"unicode"
)

// RandomLine joins n words drawn from words, each capitalised with one
// chance in capShare: lines of every mix of capitals, from none to all,
// for checking a rule about capitals against a plainer form of it.
func RandomLine(rng *rand.Rand, words []string, n int, capShare float64) string {
	ws := make([]string, n)
	for i := range ws {
		w := words[rng.IntN(len(words))]
		if rng.Float64() < capShare {
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			w = string(r)
		}
		ws[i] = w
	}
	return strings.Join(ws, " ")
}
