package extract

import (
	"math/rand/v2"
	"testing"
)

// TestOneRuneIsRuneCount compares oneRune and twoRunes with counting the
// runes, on short strings of ASCII, multi-byte characters and invalid
// or cut UTF-8.
func TestOneRuneIsRuneCount(t *testing.T) {
	pieces := []string{"", "a", "é", "€", "𝄞", "\xff", "\xe2\x82", "\x80", "ab"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		s := ""
		for range rng.IntN(4) {
			s += pieces[rng.IntN(len(pieces))]
		}
		n := len([]rune(s))
		if oneRune(s) != (n == 1) || twoRunes(s) != (n >= 2) {
			t.Fatalf("%q: oneRune %v, twoRunes %v, %d runes", s, oneRune(s), twoRunes(s), n)
		}
	}
}
