package match

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/normalize"
)

func hashes(s string) []uint64 { return normalize.Hashes(normalize.Tokens(s)) }

// words returns n pseudo-random words from a seeded generator, so tests have
// long texts that share nothing by accident.
func words(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, 7))
	w := make([]string, n)
	for i := range w {
		w[i] = fmt.Sprintf("w%d", r.IntN(50000))
	}
	return strings.Join(w, " ")
}

func TestWinnowGuarantee(t *testing.T) {
	// Any shared run of w+k-1 tokens must yield a common fingerprint.
	const k, w = 5, 8
	shared := words(1, w+k-1)
	a := hashes(words(2, 100) + " " + shared + " " + words(3, 50))
	b := hashes(words(4, 37) + " " + shared + " " + words(5, 80))
	fa := Winnow(Shingles(a, k), w)
	fb := Winnow(Shingles(b, k), w)
	set := map[uint64]bool{}
	for _, f := range fa {
		set[f.Hash] = true
	}
	found := false
	for _, f := range fb {
		found = found || set[f.Hash]
	}
	if !found {
		t.Fatal("no common fingerprint for a shared run of w+k-1 tokens")
	}
	if len(fa) > len(Shingles(a, k))/2 {
		t.Errorf("winnowing kept %d of %d shingles; expected about 2/(w+1)", len(fa), len(Shingles(a, k)))
	}
}

func TestWinnowShortInput(t *testing.T) {
	if got := Winnow(Shingles(hashes("one two three"), 5), 8); got != nil {
		t.Fatalf("want nil for fewer tokens than a shingle, got %v", got)
	}
	if got := Winnow(Shingles(hashes("one two three four five six"), 5), 8); len(got) != 1 {
		t.Fatalf("want one fingerprint for a short text, got %v", got)
	}
}

func TestAlign(t *testing.T) {
	opt := DefaultAlignOptions()
	p1 := words(10, 80)
	p2 := words(11, 60)
	caption := "FILE PHOTO a man stands near a window credit agency photographer name here"
	tests := []struct {
		name      string
		a, b      string
		passages  int
		minIdent  float64
		minTokens int
	}{
		{"verbatim", words(1, 30) + " " + p1 + " " + words(2, 30), words(3, 20) + " " + p1, 1, 1, 80},
		{"caption pasted inside", p1 + " " + p2, p1 + " " + caption + " " + p2, 1, 0.9, 140},
		{"one word changed every 15", p1, editEvery(p1, 15), 1, 0.85, 70},
		{"paragraphs reordered", p1 + " " + words(20, 40) + " " + p2, p2 + " " + words(21, 40) + " " + p1, 2, 1, 60},
		{"unrelated", words(30, 300), words(31, 300), 0, 0, 0},
		{"too short", words(40, 20) + " alpha beta gamma delta epsilon zeta eta theta iota kappa " + words(41, 20),
			words(42, 20) + " alpha beta gamma delta epsilon zeta eta theta iota kappa " + words(43, 20), 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Align(hashes(tt.a), hashes(tt.b), opt)
			if len(got) != tt.passages {
				t.Fatalf("got %d passages %+v, want %d", len(got), got, tt.passages)
			}
			for _, al := range got {
				if al.Identity() < tt.minIdent {
					t.Errorf("identity %.2f < %.2f", al.Identity(), tt.minIdent)
				}
				if al.Matched < tt.minTokens {
					t.Errorf("matched %d < %d", al.Matched, tt.minTokens)
				}
			}
		})
	}
}

// TestAlignScatteredPhrasesAreNotChained checks that texts on one topic,
// sharing only short stock phrases a few words apart, give no passage.
func TestAlignScatteredPhrasesAreNotChained(t *testing.T) {
	phrases := []string{"the armed forces of", "said on tuesday that", "the prime minister of", "in the capital city"}
	var a, b []string
	for i, p := range phrases {
		a = append(a, words(uint64(100+i), 8), p)
		b = append(b, words(uint64(200+i), 8), p)
	}
	if got := Align(hashes(strings.Join(a, " ")), hashes(strings.Join(b, " ")), DefaultAlignOptions()); len(got) != 0 {
		t.Fatalf("scattered stock phrases aligned as %+v", got)
	}
}

func editEvery(s string, n int) string {
	f := strings.Fields(s)
	for i := n / 2; i < len(f); i += n {
		f[i] = "edited"
	}
	return strings.Join(f, " ")
}

func TestIndexCandidatesRespectDFLimit(t *testing.T) {
	const k, w = 5, 8
	boiler := words(50, 40)
	story := words(51, 120)
	docs := []string{
		words(1, 100) + " " + boiler,
		words(2, 100) + " " + boiler,
		words(3, 100) + " " + boiler + " " + story,
		words(4, 100) + " " + boiler + " " + story,
	}
	x := NewIndex()
	fps := make([][]Fingerprint, len(docs))
	for i, d := range docs {
		fps[i] = Winnow(Shingles(hashes(d), k), w)
		x.Add(uint32(i), fps[i])
	}
	cands, _ := x.Candidates(fps[2], CandidateOptions{MaxDF: 3, MinShared: 2, After: -1, Exclude: 2}, nil)
	if len(cands) != 1 || cands[0].Doc != 3 {
		t.Fatalf("candidates of doc 2 = %+v, want only doc 3 (boilerplate is in 4 docs)", cands)
	}
	cands, _ = x.Candidates(fps[0], CandidateOptions{MaxDF: 3, MinShared: 1, After: -1, Exclude: 0}, nil)
	if len(cands) != 0 {
		t.Fatalf("candidates of doc 0 = %+v, want none beyond the frequency limit", cands)
	}
}

func BenchmarkAlign(b *testing.B) {
	x := hashes(words(1, 400) + " " + words(2, 300))
	y := hashes(words(3, 100) + " " + editEvery(words(2, 300), 20) + " " + words(4, 200))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Align(x, y, DefaultAlignOptions())
	}
}

func TestIndexIncrementalAddAfterQuery(t *testing.T) {
	x := NewIndex()
	a := Winnow(Shingles(hashes(words(60, 200)), 5), 8)
	x.Add(0, a)
	if c, _ := x.Candidates(a, CandidateOptions{After: -1, Exclude: 0}, nil); len(c) != 0 {
		t.Fatalf("a lone document has candidates %v", c)
	}
	x.Add(1, a) // a second copy arrives after the first query
	x.Add(2, Winnow(Shingles(hashes(words(61, 200)), 5), 8))
	c, _ := x.Candidates(a, CandidateOptions{After: -1, Exclude: 0}, nil)
	if len(c) != 1 || c[0].Doc != 1 {
		t.Fatalf("candidates %v, want document 1", c)
	}
	if x.DF(a[0].Hash) != 2 {
		t.Fatalf("DF = %d, want 2", x.DF(a[0].Hash))
	}
}

func TestTemplatesAreNotFollowedWithinTheirGroup(t *testing.T) {
	const k, w = 5, 8
	furniture := words(70, 40) // one outlet's standfirst and sign-off
	story := words(71, 150)
	var texts []string
	for i := 0; i < 6; i++ {
		texts = append(texts, furniture+" "+words(uint64(80+i), 150))
	}
	texts = append(texts, furniture+" "+story) // 6: same outlet, reposts 7
	texts = append(texts, story)               // 7: another outlet
	group := func(d uint32) uint32 {
		if d < 7 {
			return 1
		}
		return 2
	}
	x := NewIndex()
	fps := make([][]Fingerprint, len(texts))
	for i, s := range texts {
		fps[i] = Winnow(Shingles(hashes(s), k), w)
		x.Add(uint32(i), fps[i])
	}
	x.Templates(group, 4, 0.5)
	if x.TemplateCount() == 0 {
		t.Fatal("no template fingerprints found")
	}
	c, _ := x.Candidates(fps[0], CandidateOptions{After: -1, Exclude: 0, Group: 1}, nil)
	if len(c) != 0 {
		t.Fatalf("document 0 shares only its outlet's furniture, yet has candidates %v", c)
	}
	c, _ = x.Candidates(fps[6], CandidateOptions{After: -1, Exclude: 6, Group: 1}, nil)
	if len(c) != 1 || c[0].Doc != 7 {
		t.Fatalf("candidates of document 6 = %v, want the other outlet's copy (7)", c)
	}
}
