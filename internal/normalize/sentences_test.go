package normalize

import (
	"reflect"
	"testing"
)

func sentenceTexts(text, lang string) []string {
	var out []string
	for _, s := range Sentences(text, lang) {
		out = append(out, text[s.Begin:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"english abbreviations and initials", "en",
			"Dr. Jane Roe met Mr. J. Smith at 5 p.m. on Friday. They talked, e.g. about ferries. Then they left!",
			[]string{"Dr. Jane Roe met Mr. J. Smith at 5 p.m. on Friday.", "They talked, e.g. about ferries.", "Then they left!"}},
		{"russian", "ru",
			"В 2020 г. мост закрыли, т.е. движение остановилось. Проф. Иванов возразил. Что дальше?",
			[]string{"В 2020 г. мост закрыли, т.е. движение остановилось.", "Проф. Иванов возразил.", "Что дальше?"}},
		{"ukrainian", "uk",
			"На вул. Садовій відкрили кав'ярню. Мешканці раді… Чи надовго?",
			[]string{"На вул. Садовій відкрили кав'ярню.", "Мешканці раді…", "Чи надовго?"}},
		{"french", "fr",
			"M. Dupont est arrivé. Mme Martin, elle, est restée chez elle. « Pourquoi ? » demanda-t-il.",
			[]string{"M. Dupont est arrivé.", "Mme Martin, elle, est restée chez elle.", "« Pourquoi ? » demanda-t-il."}},
		{"german ordinal and abbreviation", "de",
			"Am 3. März sprach Prof. Weber, z.B. über Brücken. Danach war Schluss.",
			[]string{"Am 3. März sprach Prof. Weber, z.B. über Brücken.", "Danach war Schluss."}},
		{"spanish", "es",
			"¿Quién llegó? La Sra. García llegó tarde. ¡Qué sorpresa!",
			[]string{"¿Quién llegó?", "La Sra. García llegó tarde.", "¡Qué sorpresa!"}},
		{"paragraph break always splits", "en",
			"A title without a stop\n\nThe body starts here.",
			[]string{"A title without a stop", "The body starts here."}},
		{"wrapped line joined", "en",
			"The ferry kept\nrunning all winter. Nobody\ncomplained.",
			[]string{"The ferry kept\nrunning all winter.", "Nobody\ncomplained."}},
		{"empty", "en", "  \n ", nil},
		{"unknown language still splits", "", "One. Two.", []string{"One.", "Two."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sentenceTexts(tt.text, tt.lang); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func FuzzSentences(f *testing.F) {
	f.Add("Dr. A. Smith. Hello\nworld. \n\nNext.", "en")
	f.Add("т.е. г. \xff.", "ru")
	f.Fuzz(func(t *testing.T, text, lang string) {
		prev := 0
		for _, s := range Sentences(text, lang) {
			if s.Begin < prev || s.End <= s.Begin || s.End > len(text) {
				t.Fatalf("bad span %+v in %q", s, text)
			}
			prev = s.End
		}
	})
}
