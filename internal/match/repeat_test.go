package match

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// The cases of text that repeats inside a document: a copy must come out as
// one passage aligned to its true counterpart, whatever repeats it holds.

// wordCount is the number of tokens of the parts (the test texts are
// words separated by spaces).
func wordCount(parts ...string) int {
	n := 0
	for _, p := range parts {
		n += len(strings.Fields(p))
	}
	return n
}

// noOverlap fails when two passages share a token on either side.
func noOverlap(t *testing.T, als []Alignment) {
	t.Helper()
	for i, p := range als {
		for _, q := range als[i+1:] {
			if p.A0 < q.A1 && q.A0 < p.A1 || p.B0 < q.B1 && q.B0 < p.B1 {
				t.Fatalf("passages %+v and %+v overlap", p, q)
			}
		}
	}
}

func TestAlignRepeatedLineInsideCopy(t *testing.T) {
	refrain := "and the river runs down to the sea where the old boats wait for the morning tide"
	x, y, z := words(300, 60), words(301, 50), words(302, 70)
	src := x + " " + refrain + " " + y + " " + refrain + " " + z
	for _, tc := range []struct{ name, copy string }{
		{"verbatim", src},
		{"edited", editEvery(src, 13)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Align(hashes(src), hashes(tc.copy), DefaultAlignOptions())
			if len(got) != 1 {
				t.Fatalf("got %d passages %+v, want 1", len(got), got)
			}
			n := wordCount(src)
			if al := got[0]; al.A0 > 1 || al.B0 > 1 || al.A1 < n-1 || al.B1 < n-1 || al.A0 != al.B0 {
				t.Fatalf("passage %+v, want the whole text on one diagonal (0..%d)", al, n)
			}
		})
	}
}

func TestAlignRepeatAlignedToItsTrueCounterpart(t *testing.T) {
	// The source has the line three times; the copy takes the middle one
	// with its context. The passage must pair it with the middle one.
	line := "useful information and websites relating to the county council and its services"
	p := []string{words(310, 40), line, words(311, 40), line, words(312, 40), line, words(313, 40)}
	src := strings.Join(p, " ")
	copied := strings.Join(p[2:5], " ")
	b := words(314, 30) + " " + copied + " " + words(315, 30)
	got := Align(hashes(src), hashes(b), DefaultAlignOptions())
	if len(got) != 1 {
		t.Fatalf("got %d passages %+v, want 1", len(got), got)
	}
	start := wordCount(p[:2]...)
	if al := got[0]; al.A0 != start || al.A1 != start+wordCount(copied) || al.B0 != 30 {
		t.Fatalf("passage %+v, want A [%d, %d) from B 30", al, start, start+wordCount(copied))
	}
}

func TestAlignRepeatedListItems(t *testing.T) {
	// A list of places repeated in the source (a schedule) and copied once
	// with the text around its second occurrence: one passage.
	places := "Arden Mill, Bexley Cross, Carrow Fen, Dunmore Quay, Elstow Green, Farley Heath, Garth Row"
	p := []string{words(320, 30), "Venues: " + places + ".", words(321, 25), "Again at: " + places + ".", words(322, 35)}
	src := strings.Join(p, " ")
	b := words(323, 20) + " " + strings.Join(p[2:], " ")
	got := Align(hashes(src), hashes(b), DefaultAlignOptions())
	if len(got) != 1 {
		t.Fatalf("got %d passages %+v, want 1", len(got), got)
	}
	if al := got[0]; al.A0 != wordCount(p[:2]...) || al.B0 != 20 {
		t.Fatalf("passage %+v, want it to start at A %d, B 20", al, wordCount(p[:2]...))
	}
}

func TestAlignTemplateSentencesOutsideCopyStayOut(t *testing.T) {
	// Lists of sentences made from one template with different fillers
	// share their fixed words, a few tokens apart, and nothing else: they
	// are not a copy. The copied text elsewhere is one passage.
	offers := func(what ...string) string {
		var s []string
		for _, w := range what {
			s = append(s, "a complimentary "+w+" for 2 persons with a welcome drink.")
		}
		return strings.Join(s, " ")
	}
	copied := words(330, 80)
	a := words(332, 40) + " " + copied + " " + words(333, 20) + " " + offers("buffet dinner", "afternoon tea", "boat trip", "wine tasting") + " " + words(334, 20)
	b := words(335, 40) + " " + offers("spa treatment", "city tour", "late checkout", "museum pass") + " " + words(336, 20) + " " + copied + " " + words(337, 30)
	got := Align(hashes(a), hashes(b), DefaultAlignOptions())
	if len(got) != 1 {
		t.Fatalf("got %d passages %+v, want only the copy", len(got), got)
	}
	if al := got[0]; al.A0 != 40 || al.A1 != 40+wordCount(copied) {
		t.Fatalf("passage %+v, want A [40, %d)", al, 40+wordCount(copied))
	}
}

func TestAlignPassagesNeverOverlap(t *testing.T) {
	// Random texts built from a few recurring lines, copied with edits,
	// cuts and repeats: whatever the aligner reports, no token of either
	// side is in two passages.
	lines := []string{
		"publish date twenty june two thousand and eight by the editorial staff of the paper",
		"span style font style normal font weight normal color black text decoration none",
		"useful information and websites relating to the district council and its many services",
	}
	r := rand.New(rand.NewPCG(9, 9))
	for trial := range 40 {
		var a, b []string
		for k := range 12 {
			var part string
			if r.IntN(2) == 0 {
				part = lines[r.IntN(len(lines))]
			} else {
				part = words(uint64(1000*trial+k), 10+r.IntN(30))
			}
			a = append(a, part)
			if r.IntN(4) != 0 {
				b = append(b, editEvery(part, 9+r.IntN(10)))
			}
			if r.IntN(5) == 0 {
				b = append(b, lines[r.IntN(len(lines))])
			}
		}
		got := Align(hashes(strings.Join(a, " ")), hashes(strings.Join(b, " ")), DefaultAlignOptions())
		t.Run(fmt.Sprint(trial), func(t *testing.T) { noOverlap(t, got) })
	}
}

func TestAlignShortBlockMovedIntoAGap(t *testing.T) {
	// A short paragraph moved between two others, where the gap it makes
	// is one a chain could bridge: three passages, the moved one too.
	p1, x, y := words(340, 20), words(341, 120), words(342, 200)
	a := p1 + " " + x + " " + y
	b := x + " " + p1 + " " + y
	got := Align(hashes(a), hashes(b), DefaultAlignOptions())
	if len(got) != 3 {
		t.Fatalf("got %d passages %+v, want 3 (each block)", len(got), got)
	}
	noOverlap(t, got)
	if al := got[0]; al.A0 != 0 || al.A1 != 20 || al.B0 != 120 || al.B1 != 140 {
		t.Fatalf("moved block %+v, want A [0, 20) at B [120, 140)", al)
	}
}
