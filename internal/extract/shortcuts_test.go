package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/normalize"
	"github.com/echotrace/echotrace/internal/testutil"
)

// isTitleCaseCounted is isTitleCase as its rule reads, every word
// counted: the answer from the counts analyse keeps by token must never
// differ from it.
func isTitleCaseCounted(text string, toks []normalize.Token, first, last int) bool {
	long, upper := 0, 0
	for i := first; i <= last; i++ {
		w := text[toks[i].Begin:toks[i].End]
		if len(w) < 4 || !unicode.IsLetter(firstRune(w)) {
			continue
		}
		long++
		if isUpperStart(w) {
			upper++
		}
	}
	return long >= 4 && upper*4 >= long*3
}

func TestIsTitleCaseAnswersAsCounted(t *testing.T) {
	words := []string{"the", "council", "harbour", "Lindholm", "2024", "vote", "of", "approves", "budget", "été", "über", "Élan", "works", "Ørsted", "ÅS", "Ωmega", "1st", "_under"}
	rng := rand.New(rand.NewPCG(5, 6))
	yes := 0
	for n := 0; n < 20000; n++ {
		text := testutil.RandomLine(rng, words, 1+rng.IntN(14), rng.Float64())
		a := analyse(text, DefaultGazetteer())
		toks := a.toks
		first := rng.IntN(len(toks))
		last := first + rng.IntN(len(toks)-first)
		got, want := a.isTitleCase(first, last), isTitleCaseCounted(text, toks, first, last)
		a.release()
		if got != want {
			t.Fatalf("isTitleCase(%q, %d, %d) = %v, counted %v", text, first, last, got, want)
		}
		if want {
			yes++
		}
	}
	if yes == 0 {
		t.Fatal("no title case: the test tests nothing")
	}
}

// The tokens' marks of being inside a quotation, read with a cursor over
// the quotations' spans, are inSpans' for each token.
func TestInQuoteIsInSpans(t *testing.T) {
	texts := []string{
		`“We will not,” she said. “Not today.” He left. ‘Maybe’ and "plain" quotes.`,
		"No quotation at all here.",
		"“Unclosed quotation that runs on\n\nNext paragraph “with one” inside.",
		`He said "a 'nested' word" and «guillemets» and „German“ ones.`,
	}
	rng := rand.New(rand.NewPCG(7, 8))
	pieces := []string{"“", "”", "\"", "'", "‘", "’", "«", "»", " word", " Name", ", ", ". ", "\n\n", " said"}
	for n := 0; n < 2000; n++ {
		var b strings.Builder
		for k := rng.IntN(40); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		a := analyse(text, DefaultGazetteer())
		for i, tk := range a.toks {
			if got, want := a.inQuote[i], inSpans(a.qspans, tk.Begin); got != want {
				t.Fatalf("%q: token %d (%q) in a quotation %v, inSpans %v", text, i, tk.Key, got, want)
			}
		}
		a.release()
	}
}

// isUpperStart, isAllCaps and runeBefore read ASCII bytes without
// decoding them: they must answer as the rune by rune forms do, for
// every ASCII byte and for words mixing ASCII and other letters.
func TestASCIIShortcutsAnswerAsRunes(t *testing.T) {
	upperStart := func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	allCaps := func(w string) bool {
		n := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				if !unicode.IsUpper(r) {
					return false
				}
				n++
			}
		}
		return n >= 2
	}
	before := func(text string, i int) rune {
		if i <= 0 || i > len(text) {
			return 0
		}
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		return r
	}
	// analyse tests only " and ' among the ASCII bytes before a token
	// for a quotation mark.
	for c := rune(0); c < utf8.RuneSelf; c++ {
		if isQuoteRune(c) != (c == '"' || c == '\'') {
			t.Fatalf("isQuoteRune(%q) = %v: analyse's test of the byte before a token misses it", c, isQuoteRune(c))
		}
	}
	var words []string
	for c := 0; c < 256; c++ {
		words = append(words, string([]byte{byte(c)}), string([]byte{byte(c), 'A'}), "N"+string([]byte{byte(c)})+"TO")
	}
	pieces := []string{"A", "b", "Z", "z", "1", "-", "É", "é", "Ж", "ж", "ǅ", "\xff", "’", " "}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 20000 {
		var b strings.Builder
		for k := rng.IntN(6); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		words = append(words, b.String())
	}
	for _, w := range words {
		if got, want := isUpperStart(w), upperStart(w); got != want {
			t.Fatalf("isUpperStart(%q) = %v, want %v", w, got, want)
		}
		if got, want := isAllCaps(w), allCaps(w); got != want {
			t.Fatalf("isAllCaps(%q) = %v, want %v", w, got, want)
		}
		for i := -1; i <= len(w)+1; i++ {
			if got, want := runeBefore(w, i), before(w, i); got != want {
				t.Fatalf("runeBefore(%q, %d) = %q, want %q", w, i, got, want)
			}
		}
	}
}

// trimLeftBytes and trimRightBytes trim as strings.TrimLeft and
// TrimRight do with the same ASCII cut set, texts with other bytes too.
func TestTrimBytesAsStrings(t *testing.T) {
	pieces := []string{" ", ".", ",", "!", "?", "a", "”", "\"", "\xff", "é"}
	rng := rand.New(rand.NewPCG(11, 12))
	for range 20000 {
		var b strings.Builder
		for k := rng.IntN(8); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for _, cut := range []string{" ", " .,!?"} {
			if got, want := trimLeftBytes(s, cut), strings.TrimLeft(s, cut); got != want {
				t.Fatalf("trimLeftBytes(%q, %q) = %q, want %q", s, cut, got, want)
			}
			if got, want := trimRightBytes(s, cut), strings.TrimRight(s, cut); got != want {
				t.Fatalf("trimRightBytes(%q, %q) = %q, want %q", s, cut, got, want)
			}
		}
	}
}

// isAbbreviation answers as the look-up of the lowered word it stands
// for, on every abbreviation in every case, on words beside them, and on
// words whose lowering changes their length (the Kelvin sign).
func TestIsAbbreviationIsLowerLookup(t *testing.T) {
	words := []string{"", "J", "Smith", "approximately", "APPROX", "Approx", "e.G", "I.E", "U.S", "ТЫС", "Млрд", "\u212At", "\u212Ao", "Mrs", "MRS", "mR", "St", "a-long-ascii-word-of-many-bytes", "Ünter"}
	for k := range abbreviations {
		words = append(words, k, strings.ToUpper(k), strings.ToUpper(k[:1])+k[1:], k+"x", "x"+k)
	}
	rng := rand.New(rand.NewPCG(9, 10))
	for n := 0; n < 2000; n++ {
		w := []byte(words[rng.IntN(len(words))])
		for i := range w {
			if w[i] < utf8.RuneSelf && rng.IntN(2) == 0 {
				w[i] = byte(unicode.ToUpper(rune(w[i])))
			}
		}
		words = append(words, string(w))
	}
	for _, w := range words {
		if got, want := isAbbreviation(w), abbreviations[strings.ToLower(w)]; got != want {
			t.Fatalf("isAbbreviation(%q) = %v, look-up %v", w, got, want)
		}
	}
}

// lastFields gives the last two fields of strings.Fields and their
// count up to 3, on names with white space of several kinds, invalid
// bytes and none at all.
func TestLastFieldsAreFields(t *testing.T) {
	pieces := []string{"Ann", "Lee", "III", " ", "  ", "\t", "\u00a0", "\u2009", "\u3000", "\xff", "\xc2", "\x85", "Ørsted", "O’Neil", "Jr", ""}
	rng := rand.New(rand.NewPCG(11, 12))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.IntN(8); k > 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		f := strings.Fields(s)
		var prev, last string
		if len(f) > 0 {
			last = f[len(f)-1]
		}
		if len(f) > 1 {
			prev = f[len(f)-2]
		}
		gp, gl, gn := lastFields(s)
		if gp != prev || gl != last || gn != min(len(f), 3) {
			t.Fatalf("lastFields(%q) = %q, %q, %d; Fields %q", s, gp, gl, gn, f)
		}
	}
}

// loweredIn answers as the look-up of normalize.Key's key for the
// generations people.add asks about.
func TestLoweredInIsKeyLookup(t *testing.T) {
	words := []string{"", "III", "Iii", "iii", "IIII", "Jr", "JR", "jr.", "Sr", "IV", "Ⅳ", "ⅲ", "Ｊｒ", "Smith", "a-long-ascii-word-of-many-bytes"}
	for _, w := range words {
		if got, want := loweredIn(generations, w, generationLen, normalize.Key), generations[normalize.Key(w)]; got != want {
			t.Fatalf("loweredIn(generations, %q) = %v, look-up %v", w, got, want)
		}
	}
}
