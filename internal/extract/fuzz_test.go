package extract

import (
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

// FuzzDocument checks that any text extracts without panicking, with
// every span inside the text, ordered and bounded.
func FuzzDocument(f *testing.F) {
	for _, s := range []string{
		"“A,” he said. “B.”",
		"«Мы», — заявил Иван Петров. „Ja“, sagte sie.",
		"\"\"\"'''“““”””«»«»‘’‚‘",
		"“unclosed\n\n“still\n\nand more",
		"According to , said: ”“",
		"\xff\xfe“\x80”",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := Document(&doc.Document{ID: "f", Text: s})
		check := func(b, e int, what string) {
			if b < 0 || e > len(s) || b > e {
				t.Fatalf("%s span [%d,%d) out of range for %d bytes", what, b, e, len(s))
			}
		}
		for _, o := range append(r.Quotes, r.Claims...) {
			check(o.Begin, o.End, "occurrence")
			for _, p := range o.Parts {
				check(p.Begin, p.End, "part")
				if p.Begin < o.Begin || p.End > o.End {
					t.Fatalf("part outside its occurrence")
				}
			}
			if o.Unclosed && o.End-o.Begin > maxQuoteBytes {
				t.Fatalf("unclosed quotation of %d bytes", o.End-o.Begin)
			}
			if o.SpeakerSpan != nil {
				check(o.SpeakerSpan.Begin, o.SpeakerSpan.End, "speaker")
			}
			if o.CueSpan != nil {
				check(o.CueSpan.Begin, o.CueSpan.End, "cue")
			}
		}
		for _, e := range r.Entities {
			for _, m := range e.Mentions {
				check(m.Begin, m.End, "mention")
			}
		}
	})
}
