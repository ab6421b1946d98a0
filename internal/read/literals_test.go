package read

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The single-line rules find their literals with lineLiterals in one pass
// over a line; these tests hold it to what it replaced: strings.Contains of
// each literal in strings.ToLower of the line.

// naiveCountPhrases is countPhrases as it was before lineLiterals.
func naiveCountPhrases(s string) int {
	lower := strings.ToLower(s)
	n := 0
	for _, p := range boilerplatePhrases {
		if strings.Contains(lower, p.literal) && p.re.MatchString(s) {
			n++
		}
	}
	return n
}

// literalSeeds are lines that put literals where a search may slip: at the
// very start and end, overlapping, in capitals, in Russian, French and
// Spanish, next to runes that lower to ASCII or change length, and cut in
// the middle of a character.
var literalSeeds = []string{
	"",
	"s",
	"sh",
	"share",
	"SHARE",
	"Share this article",
	"share this article and share it on Facebook",
	"Follow us on Mastodon and subscribe to our weekly newsletter.",
	"Please donate: click here to support our journalism today.",
	"© 2023 Coast Daily Media. All rights reserved.",
	"©",
	"©2024",
	"Photo: © AFP / Jane Doe",
	"(c) Reuters",
	"(C) Getty Images",
	"(Ｃ) Getty Images",
	"Reuters/Ap Photo",
	"ap",
	"AP",
	"epa-efe",
	"EPA-EFE/ANP",
	"getty imagesgetty",
	"subscribesubscri",
	"subscrisubscrib",
	"sharesharesh",
	"abonnez-vousabonnieren",
	"partagez cet article — suivez-nous",
	"Tous droits réservés © 2022 Le Courrier",
	"« Abonnez-vous à notre newsletter »",
	"Подписывайтесь на наш канал в Telegram",
	"ПОДПИСЫВАЙТЕСЬ НА НАШ КАНАЛ",
	"© 2022 Городские новости. Все права защищены.",
	"Поделитесь этой новостью. Нажмите здесь.",
	"Фото: РИА Новости / ТАСС",
	"Коммерсантъ",
	"КОММЕРСАНТЪ",
	"Síguenos en redes. Suscríbete. Todos los derechos reservados.",
	"SÍGUENOS EN REDES",
	"Haz clic aquí y apóyanos",
	"HAZ CLIC AQUÍ",
	"Folgen Sie uns — Alle Rechte vorbehalten. Jetzt spenden!",
	"Originally published on Coast Daily",
	"Dieser Artikel erschien zuerst auf Küste.de",
	"Cet article a d'abord été publié sur Le Courrier",
	"Впервые опубликовано на сайте",
	"Source: https://example.org/a",
	"www.example.org",
	"HTTP://EXAMPLE.ORG",
	"the piece ran on Monday",
	" ran ",
	"ſhare this article", // long s: the regexp folds it to s, strings.ToLower does not
	"\u212Aommersant",    // Kelvin sign: lowers to an ASCII k
	"\u0130stock",        // dotted capital I: lowers to an ASCII i
	"ⱥpple Ⱥpple",        // Ⱥ grows from two bytes to three when lowered
	"share\xffthis",
	"\xff\xfe\xfd",
	"sha\xe2\x80",
	"©\xc2",
	"\xc2\xa9 2024 all rights reserved",
	"Coast Daily · Harbour desk · 3 hours ago",
	"2 hours AGO",
	"Il y a 3 heures",
	"“Share” — ‘follow us’ … «subscribe»",
	"tap here\ttap here",
}

// literalLines are literalSeeds and lines built around every literal.
func literalLines() []string {
	lines := append([]string(nil), literalSeeds...)
	rng := rand.New(rand.NewPCG(1, 2))
	lits := lineLiterals.lits
	glue := []string{"", " ", "x", "É", "ß", "—", "©", "Ж", "\xff", "A", ".", "\t"}
	for _, lit := range lits {
		up, title := strings.ToUpper(lit), strings.ToUpper(lit[:1])+lit[1:]
		lines = append(lines, lit, up, title, "x"+lit, lit+"x", "Ё"+lit+"ё",
			lit[:len(lit)-1], lit[1:], strings.Repeat(lit, 3), lit+lit[:len(lit)/2])
	}
	for range 4000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			lit := lits[rng.IntN(len(lits))]
			switch rng.IntN(4) {
			case 0:
				lit = strings.ToUpper(lit)
			case 1:
				lit = lit[:rng.IntN(len(lit)+1)] // may cut a character
			}
			b.WriteString(glue[rng.IntN(len(glue))])
			b.WriteString(lit)
		}
		b.WriteString(glue[rng.IntN(len(glue))])
		lines = append(lines, b.String())
	}
	return lines
}

// checkLiterals compares lineLiterals and everything built on it with
// strings.Contains over strings.ToLower.
func checkLiterals(t *testing.T, line string) {
	t.Helper()
	lower := strings.ToLower(line)
	if got := string(appendLower(nil, line)); got != lower {
		t.Fatalf("appendLower(%q) = %q, strings.ToLower gives %q", line, got, lower)
	}
	folded := []byte(line)
	for i, b := range folded {
		folded[i] = asciiLower[b]
	}
	if got, want := onlyASCIILowers(line), string(folded) == lower; got != want {
		t.Errorf("onlyASCIILowers(%q) = %v, want %v", line, got, want)
	}
	hits := lineLiterals.find(line)
	for g, first := range lineLiterals.groups {
		end := len(lineLiterals.lits)
		if g+1 < len(lineLiterals.groups) {
			end = lineLiterals.groups[g+1]
		}
		anyWant := false
		for k := first; k < end; k++ {
			lit := lineLiterals.lits[k]
			want := strings.Contains(lower, lit)
			anyWant = anyWant || want
			if got := hits.has(g, k-first); got != want {
				t.Errorf("%q: literal %q found %v, strings.Contains says %v", line, lit, got, want)
			}
		}
		if got := hits.any(g); got != anyWant {
			t.Errorf("%q: any of group %d = %v, want %v", line, g, got, anyWant)
		}
	}
	if got, want := countPhrases(line, hits), naiveCountPhrases(line); got != want {
		t.Errorf("countPhrases(%q) = %d, the naive loop gives %d", line, got, want)
	}
	if got, want := lowerHasPrefix(line, "(c)"), strings.HasPrefix(lower, "(c)"); got != want {
		t.Errorf("lowerHasPrefix(%q, \"(c)\") = %v, want %v", line, got, want)
	}
	if got, want := agoLiteral.find(line).any(0), strings.Contains(lower, "ago"); got != want {
		t.Errorf("agoLiteral in %q = %v, want %v", line, got, want)
	}
}

func TestLineLiteralsMatchContains(t *testing.T) {
	lines := literalLines()
	// The article texts, line by line, and whole: long lines too.
	for _, text := range plainArticles {
		lines = append(lines, text, strings.ToUpper(text))
		for _, l := range splitLines(text) {
			lines = append(lines, l.text)
		}
	}
	lines = append(lines, strings.Repeat("Share this article. Подписывайтесь на канал. ", 60))
	for _, line := range lines {
		checkLiterals(t, line)
	}
}

func TestCountPhrasesFound(t *testing.T) {
	// The equality above would hold for a find that finds nothing.
	for _, tt := range []struct {
		line string
		n    int
	}{
		{"Share this article", 1},
		{"Follow us on Mastodon and subscribe to our weekly newsletter.", 3},
		{"ПОДПИСЫВАЙТЕСЬ НА НАШ КАНАЛ", 1},
		{"Tous droits réservés", 1},
		{"The harbour board met on Monday.", 0},
	} {
		if got := countPhrases(tt.line, lineLiterals.find(tt.line)); got != tt.n {
			t.Errorf("countPhrases(%q) = %d, want %d", tt.line, got, tt.n)
		}
	}
}

func FuzzCountPhrases(f *testing.F) {
	for _, s := range literalSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if len(line) > 4000 {
			return
		}
		checkLiterals(t, line)
	})
}

// findLiterals folds ASCII letters even in a line strings.ToLower has
// lowered already; that is right only because no rune lowers to an ASCII
// capital.
func TestNoRuneLowersToASCIICapital(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); 'A' <= l && l <= 'Z' {
			t.Fatalf("unicode.ToLower(%U) = %q", r, l)
		}
	}
}

// The characters that end a label or a disclaimer lead-in have no other
// case, so labelRe and disclaimerRe, case-insensitive as they are, cannot
// match without one of them as it stands.
func TestLabelEndsHaveNoCase(t *testing.T) {
	for _, s := range append(append([]string(nil), labelEnds...), disclaimerEnds...) {
		r, _ := utf8.DecodeRuneInString(s)
		if utf8.RuneLen(r) != len(s) || unicode.SimpleFold(r) != r {
			t.Errorf("label end %q is not a single character without case", s)
		}
	}
}

func TestNewLiteralSetRejects(t *testing.T) {
	for _, lit := range []string{"a", "", "Share"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("newLiteralSet took %q", lit)
				}
			}()
			newLiteralSet([]string{lit})
		}()
	}
}
