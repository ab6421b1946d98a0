package normalize

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"
)

// detectLanguages is the set lingua-go chooses from. Limiting the set
// keeps memory small and avoids confusing close languages nobody asked
// for; it covers the news languages echotrace is built for and their
// nearest neighbours (so that, say, Belarusian is not forced into
// Russian).
var detectLanguages = []lingua.Language{
	lingua.English, lingua.Russian, lingua.Ukrainian, lingua.Belarusian,
	lingua.French, lingua.German, lingua.Spanish, lingua.Italian,
	lingua.Portuguese, lingua.Polish, lingua.Dutch, lingua.Bulgarian,
	lingua.Serbian, lingua.Czech, lingua.Romanian, lingua.Turkish,
	lingua.Arabic,
}

var (
	detectorOnce sync.Once
	detector     lingua.LanguageDetector
)

// languageDetector builds the detector on first use. Low-accuracy mode
// loads only the trigram models (about 12 MB for the set above, against
// roughly 240 MB in high-accuracy mode); detection runs on whole articles,
// where trigrams are enough.
func languageDetector() lingua.LanguageDetector {
	detectorOnce.Do(func() {
		detector = lingua.NewLanguageDetectorBuilder().
			FromLanguages(detectLanguages...).
			WithLowAccuracyMode().
			WithPreloadedLanguageModels(). // one predictable load instead of one per new language met
			Build()
	})
	return detector
}

// Text shorter than minLangLetters letters is not classified: a headline
// fragment or a caption gives too little evidence, and a wrong language is
// worse than none.
const minLangLetters = 40

// maxLangSample bounds the bytes given to the detector: the opening of an
// article decides its language as well as the whole does, and the cost
// grows with length (about 2 ms per 1000 bytes in low-accuracy mode).
const maxLangSample = 600

// DetectLanguage guesses the language of text and returns its ISO 639-1
// code in lower case, or "" when the text is too short or the detector is
// not confident.
func DetectLanguage(text string) string {
	sample := text
	if len(sample) > maxLangSample {
		cut := maxLangSample
		for cut > 0 && !utf8.RuneStart(sample[cut]) {
			cut--
		}
		sample = sample[:cut]
	}
	letters := 0
	for _, r := range sample {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < minLangLetters {
		return ""
	}
	lang, ok := languageDetector().DetectLanguageOf(sample)
	if !ok {
		return ""
	}
	return strings.ToLower(lang.IsoCode639_1().String())
}
