package cluster

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
)

func TestDateline(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		text string
		want time.Time // zero: no dateline
	}{
		{"english month first", "Harbour Weekly, March 3, 2021\n\nThe ferry strike ended.", day(2021, 3, 3)},
		{"english day first", "By A. Writer\n4 October 2019\nThe council met.", day(2019, 10, 4)},
		{"ordinal", "Posted on July 21st, 2020 by staff", day(2020, 7, 21)},
		{"iso", "2022-12-05 — Night trains return to the valley.", day(2022, 12, 5)},
		{"german", "Berlin, 11. Juni 2024. Die Brücke bleibt gesperrt.", day(2024, 6, 11)},
		{"french", "Publié le 2 février 2023 à 10h", day(2023, 2, 2)},
		{"spanish", "Madrid, 15 de agosto de 2018. La feria abrió.", day(2018, 8, 15)},
		{"russian genitive", "Москва, 7 ноября 2017 г. Сегодня открылась выставка.", day(2017, 11, 7)},
		{"impossible day", "February 30, 2020: a date that never was.", time.Time{}},
		{"no year", "On March 9 the minister spoke.", time.Time{}},
		{"date deep in the body is an event, not a dateline",
			strings.Repeat("The story goes on and on about the harbour. ", 20) + "It began on May 1, 2001.", time.Time{}},
		{"published marker deep in the body",
			strings.Repeat("Words of the article body fill this space. ", 20) + "\nPublished: 2015-04-30\n", day(2015, 4, 30)},
		{"russian marker deep in the body",
			strings.Repeat("Текст статьи занимает это место. ", 20) + "\nОпубликовано 3 марта 2016\n", day(2016, 3, 3)},
		{"marker inside a longer word does not count",
			strings.Repeat("Words of the article body fill this space. ", 20) + "\nUnpublished draft of 2015-04-30\n", time.Time{}},
		{"empty", "", time.Time{}},
		{"dateline with agency", "BRENNICK, March 12, 2024 (NWS) – The ban was extended.", day(2024, 3, 12)},
		{"weekday before the date", "Tuesday, October 10, 1972\nThe court sat.", day(1972, 10, 10)},
		{"byline and time", "By Jane Roe | June 11, 2024 10:32 am\nThe mill reopened.", day(2024, 6, 11)},
		{"a date in the first sentence is an event",
			"On Tuesday, Oct. 10, 1972, the court ruled that the strike was legal.", time.Time{}},
		{"a date after the first words of a sentence is an event",
			"Police said the man, born on 4 May 1970 in the town, was arrested.", time.Time{}},
		{"a date in a sentence after a place is an event",
			"WASHINGTON, Oct. 10, 1972, was the day the treaty was signed.", time.Time{}},
		{"a short sentence with a date is an event", "It ended on June 11, 2024 after talks.", time.Time{}},
		{"published inside a sentence is an event",
			"The report, which the board published on June 11, 2024 after a long review of the harbour, found nothing.", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Dateline(tt.text)
			if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
				t.Errorf("Dateline = %v, %v; want %v", got, ok, tt.want)
			}
		})
	}
}

func ExampleDateline() {
	d, ok := Dateline("Valley Courier, June 11, 2024\n\nThe mill reopened on Monday.")
	fmt.Println(d.Format(time.DateOnly), ok)
	// Output: 2024-06-11 true
}

// TestMayMarkPublished: wherever the published marker matches, in any mix
// of the cases its words fold to (ſ and the Kelvin sign among them), the
// pre-check says it may; and it says no for a text without a marker word.
func TestMayMarkPublished(t *testing.T) {
	words := []string{"published", "posted", "updated", "publié", "mis à jour", "veröffentlicht", "aktualisiert",
		"publicado", "actualizado", "pubblicato", "опубликовано", "обновлено", "опубліковано"}
	rng := rand.New(rand.NewPCG(1, 2))
	// folds are every rune a word's rune folds to, itself first.
	folds := func(r rune) []rune {
		out := []rune{r}
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			out = append(out, f)
		}
		return out
	}
	contexts := []string{"%s", "Story %s: 2024-06-11\nText.", "“%s” — on Monday", "x%s", "Ein Artikel, %s am 11. Juni 2024"}
	matched := 0
	for _, w := range words {
		for range 200 {
			var b strings.Builder
			for _, r := range w {
				f := folds(r)
				b.WriteRune(f[rng.IntN(len(f))])
			}
			for _, ctx := range contexts {
				text := strings.Replace(ctx, "%s", b.String(), 1)
				if !publishedMarker.MatchString(text) {
					continue
				}
				matched++
				if !mayMarkPublished(text) {
					t.Fatalf("%q: the marker matches, the pre-check says it cannot", text)
				}
			}
		}
	}
	if matched == 0 {
		t.Fatal("no text matched the marker")
	}
	if mayMarkPublished("The council met on Tuesday and agreed the budget.") {
		t.Error("a text without any marker word passes the pre-check")
	}
}

// BenchmarkPublishedMarker compares the pre-check with the expression on
// an article without a marker word.
func BenchmarkPublishedMarker(b *testing.B) {
	text := strings.Repeat("The council of Kolvik met on Tuesday and agreed, after a long debate, the budget for the new bridge. ", 60)
	b.Run("regexp", func(b *testing.B) {
		for range b.N {
			publishedMarker.FindAllStringSubmatchIndex(text, 8)
		}
	})
	b.Run("pre-check", func(b *testing.B) {
		for range b.N {
			mayMarkPublished(text)
		}
	})
}

// TestISODateOpening: the look at a token's opening before the expression
// finds exactly the matches at the start the expression alone finds.
func TestISODateOpening(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	pieces := []string{"2024", "-", "06", "11", "1", "x", " ", "é", "9", "2024-06-11", "-11", "_", "\n"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		var want []int
		if m := isoDate.FindStringSubmatchIndex(s); m != nil && m[0] == 0 {
			want = m
		}
		if got := isoDateOpening(s); !slices.Equal(got, want) {
			t.Fatalf("%q: %v, want %v", s, got, want)
		}
	}
}
