package normalize

import (
	"reflect"
	"testing"
)

func TestIsStopword(t *testing.T) {
	tests := []struct {
		lang, word string
		want       bool
	}{
		{"en", "the", true},
		{"en", "The", true}, // keyed with Key, so case does not matter
		{"en", "harbour", false},
		{"ru", "что", true},
		{"ru", "Что", true},
		{"uk", "що", true},
		{"uk", "міст", false},
		{"fr", "les", true},
		{"de", "über", true},
		{"de", "Brücke", false},
		{"es", "porque", true},
		{"it", "della", true},
		{"EN", "and", true},
		{"", "the", false},
		{"xx", "the", false},
	}
	for _, tt := range tests {
		if got := IsStopword(tt.lang, Key(tt.word)); got != tt.want {
			t.Errorf("IsStopword(%q, %q) = %v, want %v", tt.lang, tt.word, got, tt.want)
		}
	}
}

func TestStopwordLanguagesCoverRequiredSet(t *testing.T) {
	want := []string{"de", "en", "es", "fr", "it", "ru", "uk"}
	if got := StopwordLanguages(); !reflect.DeepEqual(got, want) {
		t.Fatalf("StopwordLanguages() = %v, want %v", got, want)
	}
	for _, l := range want {
		if n := len(Stopwords(l)); n < 50 {
			t.Errorf("%s list has only %d words", l, n)
		}
	}
}
