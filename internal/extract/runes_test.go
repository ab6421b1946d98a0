package extract

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/normalize"
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

// TestNameKeyIsJoinedKeys checks nameKey and EntityID against the keys
// of normalize.Tokens joined by spaces.
func TestNameKeyIsJoinedKeys(t *testing.T) {
	for _, name := range []string{"", " ", "Emmanuel Macron", "  Jean-Luc  MÉLENCHON ", "O’Brien", "ﬁeld Marshal", "Ursula von der Leyen", "北京", "a\u00adb c"} {
		toks := normalize.Tokens(name)
		keys := make([]string, len(toks))
		for i, tk := range toks {
			keys[i] = tk.Key
		}
		want := strings.Join(keys, " ")
		if got := nameKey(name); got != want {
			t.Errorf("nameKey(%q) = %q, want %q", name, got, want)
		}
		if got := EntityID(Person, name); got != string(Person)+"/"+want {
			t.Errorf("EntityID(Person, %q) = %q", name, got)
		}
	}
}

// TestFirstClosingIn compares topQuotes.firstClosingIn with a scan of
// the quotations, on random ones whose closing offsets repeat and are
// out of order.
func TestFirstClosingIn(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for range 2000 {
		quotes := make([]rawQuote, rng.IntN(8))
		for i := range quotes {
			quotes[i] = rawQuote{Open: rng.IntN(40), Close: rng.IntN(40), Depth: rng.IntN(2)}
		}
		top := newTopQuotes(quotes)
		for range 20 {
			lo, hi := rng.IntN(42)-1, rng.IntN(42)-1
			want := -1
			for qi, q := range quotes {
				if q.Depth == 0 && lo <= q.Close && q.Close <= hi {
					want = qi
					break
				}
			}
			if got := top.firstClosingIn(lo, hi); got != want {
				t.Fatalf("%+v: firstClosingIn(%d, %d) = %d, want %d", quotes, lo, hi, got, want)
			}
		}
	}
}
