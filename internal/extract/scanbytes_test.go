package extract

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// The quotation and sentence scanners skip ahead byte by byte to the
// next byte that may begin a mark (quoteMarkBytes, sentenceMarkBytes).
// Every rune they look for must begin with one of those bytes, or a
// mark added to isQuoteRune would silently never be found.
func TestMarkBytesCoverEveryMark(t *testing.T) {
	var buf [utf8.UTFMax]byte
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		utf8.EncodeRune(buf[:], r)
		if isQuoteRune(r) && !quoteMarkBytes[buf[0]] {
			t.Errorf("quotation mark %q begins with byte %#x, not in quoteMarkBytes", r, buf[0])
		}
		if (r == '.' || r == '!' || r == '?' || r == '…') && !sentenceMarkBytes[buf[0]] {
			t.Errorf("sentence mark %q begins with byte %#x, not in sentenceMarkBytes", r, buf[0])
		}
	}
	for b := 0x80; b < 0xC0; b++ {
		if quoteMarkBytes[b] || sentenceMarkBytes[b] {
			t.Errorf("continuation byte %#x is a mark byte: a skip could land inside a rune", b)
		}
	}
}

// runeAtN steps one byte over anything that is not a whole valid rune
// (and over U+FFFD), the rune's length otherwise, and 1 past the end.
func TestRuneAtN(t *testing.T) {
	text := "a“\xff\xe2\x80b\uFFFD…"
	want := []struct {
		r rune
		n int
	}{{'a', 1}, {'“', 3}, {utf8.RuneError, 1}, {utf8.RuneError, 1}, {utf8.RuneError, 1}, {'b', 1}, {utf8.RuneError, 1}}
	i := 0
	for k, w := range want {
		r, n := runeAtN(text, i)
		if r != w.r || n != w.n {
			t.Fatalf("step %d at byte %d: got %q,%d want %q,%d", k, i, r, n, w.r, w.n)
		}
		i += n
	}
	if r, n := runeAtN(text, len(text)); r != 0 || n != 1 {
		t.Errorf("past the end: got %q,%d want 0,1", r, n)
	}
}

// nextByteIn is the first index in [i, end) of text whose byte is in set,
// or end: byteFinder's answer, byte by byte.
func nextByteIn(text string, i, end int, set *[256]bool) int {
	for i < end && !set[text[i]] {
		i++
	}
	return i
}

// byteFinder, which remembers where each byte of its set comes next,
// answers as nextByteIn from every start to every end of random texts
// dense with the sets' bytes, asked in order (as the scanners ask) and
// out of order.
func TestByteFinderIsNextByteIn(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte(".!?\"'ab \xc2\xe2\xe3\x80\x99\x01\xff")
	sets := []struct {
		bytes string
		set   *[256]bool
	}{{quoteMarkLeads, &quoteMarkBytes}, {sentenceMarks, &sentenceMarkBytes}}
	for _, set := range sets {
		for range 300 {
			b := make([]byte, rng.IntN(60))
			for i := range b {
				if rng.IntN(4) == 0 {
					b[i] = alphabet[rng.IntN(len(alphabet))]
				} else {
					b[i] = 'a' + byte(rng.IntN(26))
				}
			}
			text := string(b)
			f := newByteFinder(text, set.bytes)
			ask := func(i, end int) {
				if got, want := f.next(i, end), nextByteIn(text, i, end, set.set); got != want {
					t.Fatalf("next(%d, %d) in %q = %d, want %d", i, end, text, got, want)
				}
			}
			// In order, as a scan asks: from each found byte on.
			for end := 0; end <= len(text); end++ {
				f = newByteFinder(text, set.bytes)
				for i := 0; i < end; i++ {
					ask(i, end)
				}
			}
			// Out of order.
			for range 200 {
				i := rng.IntN(len(text) + 1)
				ask(i, i+rng.IntN(len(text)-i+1))
			}
		}
	}
}
