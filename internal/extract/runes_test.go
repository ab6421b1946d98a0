package extract

import (
	"math/rand/v2"
	"strings"
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

// TestCountFieldsIsFields compares countFields with strings.Fields on
// strings of words, white space of every kind and invalid UTF-8.
func TestCountFieldsIsFields(t *testing.T) {
	pieces := []string{"a", "é", " ", "\t", "\n", "\v", "\u00a0", "\u0085", "\u2003", "\xff", "\xc2", "bc"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		s := ""
		for range rng.IntN(10) {
			s += pieces[rng.IntN(len(pieces))]
		}
		want := len(strings.Fields(s))
		for limit := 1; limit <= 6; limit++ {
			if got := countFields(s, limit); got != min(want, limit) {
				t.Fatalf("countFields(%q, %d) = %d, strings.Fields has %d", s, limit, got, want)
			}
		}
	}
}
