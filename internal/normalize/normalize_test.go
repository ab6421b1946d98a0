package normalize

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"“Quoted” text", `"Quoted" text`},
		{"it’s", "it's"},
		{"wait…", "wait..."},
		{"a — b – c", "a - b - c"},
		{"«ёлка»", `"ёлка"`},
		{"ﬁne  \n\t line", "fine line"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokensOffsetsPointAtOriginal(t *testing.T) {
	text := "Kiev’s “units” — ﬁve ЁЛКА… 2,000 Café"
	toks := Tokens(text)
	var keys []string
	for _, tk := range toks {
		keys = append(keys, tk.Key)
		if Key(text[tk.Begin:tk.End]) != tk.Key {
			t.Errorf("token %q does not match original bytes %q", tk.Key, text[tk.Begin:tk.End])
		}
	}
	want := []string{"kiev", "s", "units", "five", "ёлка", "2", "000", "café"}
	if !reflect.DeepEqual(keys, want) {
		t.Fatalf("keys = %q, want %q", keys, want)
	}
}

func TestTokensEllipsisAndQuoteVariantsMatch(t *testing.T) {
	a := Hashes(Tokens("everything is serious... There is talk"))
	b := Hashes(Tokens("everything is serious… There is talk"))
	if !reflect.DeepEqual(a, b) {
		t.Fatal("ellipsis variants tokenise differently")
	}
}

func TestTokensInvalidUTF8(t *testing.T) {
	text := "ab\xffcd \xe2\x80 ef"
	toks := Tokens(text)
	if len(toks) != 3 || text[toks[0].Begin:toks[0].End] != "ab" || text[toks[2].Begin:toks[2].End] != "ef" {
		t.Fatalf("unexpected tokens %+v", toks)
	}
}

func FuzzTokens(f *testing.F) {
	f.Add("Hello, “world”… ﬁn")
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tk := range Tokens(s) {
			if tk.Begin < prev || tk.End <= tk.Begin || tk.End > len(s) {
				t.Fatalf("bad token %+v in %q", tk, s)
			}
			prev = tk.End
		}
	})
}

func TestTokenHashesAndCountAgreeWithTokens(t *testing.T) {
	for _, s := range []string{
		"Kiev’s “UNITS” — ﬁve ЁЛКА… 2,000 Café",
		"plain lower words only",
		strings.Repeat("X", 100) + " long ASCII word",
		"ab\xffcd \xe2\x80 ef",
		"",
	} {
		if got, want := TokenHashes(s), Hashes(Tokens(s)); !reflect.DeepEqual(got, want) {
			t.Errorf("TokenHashes(%q) disagrees with Hashes(Tokens())", s)
		}
		sp, toks := Spans(s), Tokens(s)
		if len(sp) != len(toks) {
			t.Fatalf("Spans and Tokens disagree on %q", s)
		}
		if got := AppendTokens([]Token{{Key: "before"}}, s); len(got) != 1+len(toks) || got[0].Key != "before" || !reflect.DeepEqual(got[1:], toks) && len(toks) > 0 {
			t.Errorf("AppendTokens(%q) = %v, want the tokens %v after the one given", s, got, toks)
		}
		if n := CountWords(s); n != len(toks) {
			t.Errorf("CountWords(%q) = %d, Tokens gives %d", s, n, len(toks))
		}
		for i := range sp {
			if int(sp[i].Begin) != toks[i].Begin || int(sp[i].End) != toks[i].End {
				t.Errorf("span %d of %q: %v vs %+v", i, s, sp[i], toks[i])
			}
		}
	}
}

func FuzzTokenHashes(f *testing.F) {
	f.Add("Hello, “World”… ﬁn ЁЛКА")
	f.Fuzz(func(t *testing.T, s string) {
		if !reflect.DeepEqual(TokenHashes(s), Hashes(Tokens(s))) {
			t.Fatalf("TokenHashes disagrees with Hashes(Tokens()) on %q", s)
		}
		if CountWords(s) != len(Tokens(s)) {
			t.Fatalf("CountWords disagrees with Tokens on %q", s)
		}
	})
}

func BenchmarkTokenHashes(b *testing.B) {
	text := strings.Repeat("The Minister said on Tuesday that “talks” continue… ", 200)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		TokenHashes(text)
	}
}

func BenchmarkTokens(b *testing.B) {
	text := strings.Repeat("The Minister said on Tuesday that “talks” continue… ", 200)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		Hashes(Tokens(text))
	}
}

func TestFoldASCIIFastPath(t *testing.T) {
	for in, want := range map[string]string{
		"  plain  ascii\ttext \n": "plain ascii text",
		"back`tick":               "back'tick",
		"a\x0bb":                  "a b",
		"":                        "",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestInvisibleCharacters: soft hyphens, zero-width characters, word
// joiners and stray byte order marks do not split or change a word, and
// the word's range still points into the original text.
func TestInvisibleCharacters(t *testing.T) {
	plain := "Information about the neighbourhood association"
	marked := "\uFEFFInfor\u00ADmation ab\u200Bout the neigh\u00ADbour\u00ADhood\u2060 asso\u200Cci\u200Dation\u00AD"
	if !reflect.DeepEqual(TokenHashes(plain), TokenHashes(marked)) {
		t.Errorf("hashes differ: %v / %v", Tokens(plain), Tokens(marked))
	}
	toks := Tokens(marked)
	var keys, words []string
	for _, tk := range toks {
		keys = append(keys, tk.Key)
		words = append(words, marked[tk.Begin:tk.End])
	}
	if strings.Join(keys, " ") != "information about the neighbourhood association" {
		t.Errorf("keys %q", keys)
	}
	want := []string{"Infor\u00ADmation", "ab\u200Bout", "the", "neigh\u00ADbour\u00ADhood", "asso\u200Cci\u200Dation"}
	if !reflect.DeepEqual(words, want) {
		t.Errorf("word ranges %q, want %q (no range starts or ends with an invisible character)", words, want)
	}
	if got := Fold("soft\u00ADhyphen\u200B text"); got != "softhyphen text" {
		t.Errorf("Fold = %q", got)
	}
}

// scanByRune is scan as a plain reading of its definition, rune by rune
// and without a fast path: a word is a maximal run of word runes,
// invisible runes inside it passed over, and it ends at its last word
// rune.
func scanByRune(text string, fn func(begin, end int)) {
	start, end := -1, -1
	for i, r := range text {
		size := utf8.RuneLen(r)
		if r == utf8.RuneError {
			// An invalid byte, or U+FFFD itself: either way no letter.
			_, size = utf8.DecodeRuneInString(text[i:])
		}
		if r != utf8.RuneError && isWordRune(r) {
			if start < 0 {
				start = i
			}
			end = i + size
		} else if !isInvisible(r) && start >= 0 {
			fn(start, end)
			start = -1
		}
	}
	if start >= 0 {
		fn(start, end)
	}
}

func spansBy(scanner func(string, func(int, int)), s string) [][2]int {
	var out [][2]int
	scanner(s, func(b, e int) { out = append(out, [2]int{b, e}) })
	return out
}

func FuzzScanByRune(f *testing.F) {
	for _, s := range []string{"Kiev’s “UNITS” — ﬁve ЁЛКА… 2,000 Café", "soft\u00adhyphen\u200b zero\u200dwidth\ufeff", "ab\xffcd \xe2\x80 ef", "a1_b2-c3 \t\n", "\ufffdx\ufffd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := spansBy(scan, s), spansBy(scanByRune, s); !reflect.DeepEqual(got, want) {
			t.Fatalf("scan(%q) = %v, rune by rune %v", s, got, want)
		}
	})
}

// The ASCII path of Fold collapses white space as strings.Fields and
// strings.Join do.
func FuzzCollapseASCIISpace(f *testing.F) {
	for _, s := range []string{"", " ", "a", " a ", "a  b\t\tc\n", "\v\fa\rb \x01 c", "x\x7f y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !isASCII(s) {
			return
		}
		if got, want := collapseASCIISpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("collapseASCIISpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// KeyHash is never 0 (an empty slot of the tables that use it), and the
// short keys of a text's words do not meet.
func TestKeyHash(t *testing.T) {
	seen := map[uint64]string{}
	for _, tok := range Tokens("the Talks of 2008 résumé négociations négociation a b ab ba aa aaaaaaaa aaaaaaaaa Straße ﬁve") {
		h := KeyHash(tok.Key)
		if h == 0 {
			t.Errorf("KeyHash(%q) = 0", tok.Key)
		}
		if k, ok := seen[h]; ok && k != tok.Key {
			t.Errorf("KeyHash(%q) = KeyHash(%q)", tok.Key, k)
		}
		seen[h] = tok.Key
	}
}

// tokensByScan is AppendTokens as scan and Key define it, which
// AppendTokens writes out with a fast path of its own.
func tokensByScan(text string) []Token {
	var out []Token
	scan(text, func(b, e int) { out = append(out, Token{Key: Key(text[b:e]), Begin: b, End: e}) })
	return out
}

func TestAppendTokensIsScanAndKey(t *testing.T) {
	pieces := []string{"a", "Z", "q9", "ABC", "x", "7", " ", "  ", ",", ".", "-", "’", "é", "É", "ß", "ﬁ", "Ё", "\u00ad", "\u200b", "\ufeff", "\xff", "\xe2\x80", "\u0301", "\n", "“", "…", "Straße"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 50000; n++ {
		var b strings.Builder
		for k := rng.IntN(12); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := AppendTokens(nil, s), tokensByScan(s); !reflect.DeepEqual(got, want) && len(want) > 0 {
			t.Fatalf("AppendTokens(%q) = %+v, scan and Key give %+v", s, got, want)
		}
	}
}

func FuzzAppendTokens(f *testing.F) {
	f.Add("Kiev’s “UNITS” — ﬁve ЁЛКА… 2,000 Café ab\xffcd soft\u00adhyphen")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := AppendTokens(nil, s), tokensByScan(s); !reflect.DeepEqual(got, want) && len(want) > 0 {
			t.Fatalf("AppendTokens(%q) = %+v, scan and Key give %+v", s, got, want)
		}
		checkAppendKeys(t, s)
	})
}

// checkAppendKeys fails unless AppendKeys gives the keys of Tokens(s),
// joined by spaces after what dst held, each ending where ends says.
func checkAppendKeys(t *testing.T, s string) {
	t.Helper()
	toks := Tokens(s)
	want := []byte("kind\x00")
	var wantEnds []int
	for k, tok := range toks {
		if k > 0 {
			want = append(want, ' ')
		}
		want = append(want, tok.Key...)
		wantEnds = append(wantEnds, len(want))
	}
	got, ends := AppendKeys([]byte("kind\x00"), []int{7}, s)
	if string(got) != string(want) || !slices.Equal(ends[1:], wantEnds) || ends[0] != 7 {
		t.Fatalf("AppendKeys(%q) = %q %v, want %q %v", s, got, ends, want, wantEnds)
	}
}

// AppendKeys gives the keys of Tokens, for the same invented texts as
// TestAppendTokensIsScanAndKey.
func TestAppendKeysIsTokensKeys(t *testing.T) {
	pieces := []string{"a", "Z", "q9", "ABC", "x", "7", " ", "  ", ",", ".", "-", "’", "é", "É", "ß", "ﬁ", "Ё", "\u00ad", "\u200b", "\ufeff", "\xff", "\xe2\x80", "\u0301", "\n", "“", "…", "Straße", "\ufdfa"}
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 50000; n++ {
		var b strings.Builder
		for k := rng.IntN(12); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		checkAppendKeys(t, b.String())
	}
}

// shortKey is a key's bytes, little endian, with its length in the top
// byte below 8 bytes.
func TestShortKeyIsTheBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	seen := map[uint64]string{}
	for n := 0; n < 200000; n++ {
		b := make([]byte, 1+rng.IntN(8))
		for i := range b {
			b[i] = byte(8 + rng.IntN(248))
		}
		k := string(b)
		var want uint64
		for i := 0; i < len(k); i++ {
			want |= uint64(k[i]) << (8 * i)
		}
		if len(k) < 8 {
			want |= uint64(len(k)) << 56
		}
		if len(k) <= 3 {
			want = uint64(k[0]) | uint64(k[len(k)/2])<<8 | uint64(k[len(k)-1])<<16 | uint64(len(k))<<56
		}
		if got := shortKey(k); got != want {
			t.Fatalf("shortKey(%q) = %x, want %x", k, got, want)
		}
		if o, ok := seen[KeyHash(k)]; ok && o != k {
			t.Fatalf("KeyHash(%q) = KeyHash(%q)", k, o)
		}
		seen[KeyHash(k)] = k
	}
}

// TestFoldSharedIsFold compares FoldShared with Fold on texts of
// letters, spaces of every kind, backticks and other characters than
// ASCII, and checks that it returns the text itself only when Fold
// would not change it.
func TestFoldSharedIsFold(t *testing.T) {
	pieces := []string{"a", "b", " ", "  ", "\t", "\n", "`", "é", "“", "\u00a0", "\u200b", ".", "x y"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		got, want := FoldShared(s), Fold(s)
		if got != want {
			t.Fatalf("FoldShared(%q) = %q, want %q", s, got, want)
		}
		if len(s) > 0 && unsafe.StringData(got) == unsafe.StringData(s) && got != s {
			t.Fatalf("FoldShared(%q) shares the text but is %q", s, got)
		}
	}
}

// TestFoldTypographicIsFold compares Fold's one pass for ASCII and
// typographic quotes, dashes and ellipses with its general path (NFKC, then rune
// by rune) on random texts of those and of other characters.
func TestFoldTypographicIsFold(t *testing.T) {
	pieces := []string{"a", "B", " ", "  ", "\t", "\n", "`", "'", "\"", "-", "‘", "’", "“", "”", "–", "—",
		"é", "e\u0301", "\u0301", "…", "\u00a0", "\u200b", "\u00ad", "＂", "″", "ﬁ", "."}
	rng := rand.New(rand.NewPCG(3, 4))
	typographic := 0
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		got, ok := foldTypographic(s)
		if !ok {
			continue
		}
		typographic++
		if want := foldRunes(s); got != want {
			t.Fatalf("foldTypographic(%q) = %q, want %q", s, got, want)
		}
	}
	if typographic < 1000 {
		t.Fatalf("only %d texts took the one pass", typographic)
	}
	for _, r := range "‘’“”–—" {
		if norm.NFKC.String(string(r)) != string(r) {
			t.Errorf("NFKC changes %q", r)
		}
	}
	if norm.NFKC.String("…") != "..." {
		t.Errorf("NFKC(…) = %q", norm.NFKC.String("…"))
	}
}
