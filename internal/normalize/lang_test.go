package normalize

import (
	"math"
	"sync"
	"testing"

	"github.com/shopspring/decimal"
)

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The harbour committee met on Tuesday evening and decided that the old ferry would keep running until the new bridge opens next spring.", "en"},
		{"Городской совет во вторник вечером решил, что старый паром будет ходить до тех пор, пока весной не откроют новый мост.", "ru"},
		{"Міська рада у вівторок увечері вирішила, що старий пором курсуватиме, доки навесні не відкриють новий міст.", "uk"},
		{"Le conseil municipal a décidé mardi soir que le vieux bac continuerait de circuler jusqu'à l'ouverture du nouveau pont au printemps.", "fr"},
		{"Der Stadtrat hat am Dienstagabend beschlossen, dass die alte Fähre weiterfährt, bis im Frühjahr die neue Brücke eröffnet wird.", "de"},
		{"El ayuntamiento decidió el martes por la noche que el viejo transbordador seguirá funcionando hasta que se abra el nuevo puente en primavera.", "es"},
		{"Short line", ""},
		{"", ""},
		{"12345 67890 !!! ??? ... 2024-01-01", ""},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.text); got != tt.want {
			t.Errorf("DetectLanguage(%.30q...) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestDetectLanguageLongTextSampledOnRuneBoundary(t *testing.T) {
	// A long Cyrillic text cut at maxLangSample must not split a rune and
	// must still be recognised.
	s := ""
	for len(s) < 3*maxLangSample {
		s += "Міська рада вирішила, що старий пором курсуватиме далі. "
	}
	if got := DetectLanguage("я" + s); got != "uk" {
		t.Fatalf("got %q, want uk", got)
	}
}

// Language detection runs on many goroutines at once (ingest detects each
// batch's languages on all cores). For long texts lingua-go computes
// exp(x) of very negative sums with shopspring/decimal's ExpTaylor at
// precision 25, whose versions before 1.4 grew a package-level table of
// factorials without a lock: a data race CI's race stage caught in
// ingest. Run under -race (CI runs this package so), this fails on such a
// version of the library.
func TestExpTaylorConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				x := -float64(g*20+i+1) / 7
				e, err := decimal.NewFromFloat(x).ExpTaylor(25)
				if err != nil {
					t.Error(err)
					return
				}
				if got, want := e.InexactFloat64(), math.Exp(x); math.Abs(got-want) > 1e-12*want {
					t.Errorf("exp(%g) = %g, want %g", x, got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}
