package extract

import (
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

// quotesOf extracts the quotations and terms of an invented text.
func quotesOf(text string) []Occurrence {
	return Document(&doc.Document{ID: "t", Text: text}).Quotes
}

func TestSpeakers(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // speaker of each quote-kind occurrence, in order ("" for none)
		parts      []int    // parts of each, when checked
	}{
		{"cue after, inverted", "“We will win this season,” said Jane Doe.", []string{"Jane Doe"}, nil},
		{"cue after", "“We will win this season,” Jane Doe said on Monday.", []string{"Jane Doe"}, nil},
		{"cue before with colon", "Jane Doe told reporters: “We will win this season.”", []string{"Jane Doe"}, nil},
		{"split by its cue", "“The plan is ready,” Mark Smith said. “We start tomorrow at dawn.”", []string{"Mark Smith"}, []int{2}},
		{"reopened paragraphs", "Coach Lena Frost spoke after the game.\n\n“We played badly in the first half.\n\n“Then we found our rhythm,” she said.", []string{"Lena Frost"}, []int{2}},
		{"paragraphs without reopening", "Mayor Tom Ricci answered.\n\n“The budget is short.\n\nWe will cut nothing essential.\n\nSchools come first,” the mayor said.", []string{"Tom Ricci"}, []int{3}},
		{"pronoun", "Maria Lopez, a senior analyst at the bank, spoke on Monday. “Prices will rise again next year,” she said.", []string{"Maria Lopez"}, nil},
		{"role noun prefers the source", "Military expert Ivan Petrov believes the plan failed because of Olga Sand. “It was doomed from the start,” the expert said.", []string{"Ivan Petrov"}, nil},
		{"surname", "Finance Minister Olga Sand spoke to parliament. Later, “Budgets are tight this year,” Sand said.", []string{"Olga Sand"}, nil},
		{"apposition", "“We are ready for talks at any time,” said Pavel Orlov, press secretary of the ministry.", []string{"Pavel Orlov"}, nil},
		{"indefinite source is unknown", "Pavel Orlov spoke first. “Nobody knows what happens next week,” a source said.", []string{""}, nil},
		{"no cue", "The report ended. “Nobody knows what happens next in the region.”", []string{""}, nil},
		{"guillemets and dash", "«Мы не допустим такого развития событий», — заявил Иван Петров.", []string{"Иван Петров"}, nil},
		{"german quotes", "„Wir schaffen das ganz sicher“, sagte Angela Berger.", []string{"Angela Berger"}, nil},
		{"french guillemets", "« Nous allons gagner cette bataille », a déclaré Jean Dupont.", []string{"Jean Dupont"}, nil},
		{"colon statement", "The position of the ministry, voiced by Ann Marsh, is as follows:\nWe have no plans to change course now or later.", []string{"Ann Marsh"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			var parts []int
			for _, o := range quotesOf(tt.text) {
				if o.Kind == KindQuote {
					got = append(got, o.Speaker)
					parts = append(parts, len(o.Parts))
					if o.Speaker != "" && (o.SpeakerSpan == nil || o.CueSpan == nil) {
						t.Errorf("speaker %q without mention or cue offsets", o.Speaker)
					}
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("speakers = %q, want %q", got, tt.want)
			}
			if tt.parts != nil && strings.Trim(strings.Join(strings.Fields(fmtInts(parts)), ","), "[]") != strings.Trim(strings.Join(strings.Fields(fmtInts(tt.parts)), ","), "[]") {
				t.Fatalf("parts = %v, want %v", parts, tt.parts)
			}
		})
	}
}

func fmtInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(rune('0' + x))
	}
	return strings.Join(s, " ")
}

func TestSpeakerMentionOffsets(t *testing.T) {
	text := "Finance Minister Olga Sand spoke. “Budgets are tight this year,” she said."
	qs := quotesOf(text)
	if len(qs) != 1 || qs[0].SpeakerSpan == nil || qs[0].CueSpan == nil {
		t.Fatalf("got %+v", qs)
	}
	if m := text[qs[0].SpeakerSpan.Begin:qs[0].SpeakerSpan.End]; m != "she" {
		t.Errorf("speaker mention %q, want the pronoun", m)
	}
	if c := text[qs[0].CueSpan.Begin:qs[0].CueSpan.End]; c != "said" {
		t.Errorf("cue %q", c)
	}
	if q := text[qs[0].Begin:qs[0].End]; q != "Budgets are tight this year," {
		t.Errorf("quote text %q", q)
	}
}

func TestTermsHaveNoSpeaker(t *testing.T) {
	tests := []string{
		"The so-called “reform” was passed by Anna Berg on Friday.",
		"Anna Berg said the \"reform\" was a mistake.",
		"Anna Berg said this “reform” would fail the port.",
		"Voters would say the plan is a “mirage” if they saw the bill.",
		"Critics call the plan a ‘mirage’, Anna Berg wrote.",
		"He used the words “total victory” twice.",
		"Voters would call the plan a “mirage” if they saw the bill.",
		"The union renewed its call for a “revolution” in the port.",
		"Ada Quill roused the crowd to chants of “Lock her up!”",
	}
	for _, text := range tests {
		qs := quotesOf(text)
		if len(qs) != 1 {
			t.Fatalf("%q: %d occurrences", text, len(qs))
		}
		if qs[0].Kind != KindTerm || qs[0].Speaker != "" {
			t.Errorf("%q: kind %s speaker %q, want a term with no speaker", text, qs[0].Kind, qs[0].Speaker)
		}
	}
}

func TestNestedQuote(t *testing.T) {
	text := "“He called it “a farce” and left the room,” Anna Berg said."
	qs := quotesOf(text)
	if len(qs) != 2 {
		t.Fatalf("got %d occurrences", len(qs))
	}
	if qs[0].Kind != KindQuote || qs[0].Speaker != "Anna Berg" || !strings.Contains(qs[0].Text, "a farce") {
		t.Errorf("outer = %+v", qs[0])
	}
	if qs[1].Kind != KindTerm || qs[1].Speaker != "" || qs[1].Text != "a farce" {
		t.Errorf("inner = %+v", qs[1])
	}
}

func TestUnclosedQuoteIsBounded(t *testing.T) {
	long := strings.Repeat("This goes on and on. ", 40)
	tests := []string{
		"Anna Berg said: “This never ends. " + long + "\n\nA new paragraph that is plain text.\n\nAnother one.",
		"“" + strings.Repeat("word ", 3000),
		"He said “yes and “no and “maybe.\n\n“Then",
	}
	for _, text := range tests {
		for _, o := range quotesOf(text) {
			if o.End-o.Begin > maxQuoteBytes {
				t.Errorf("runaway span of %d bytes", o.End-o.Begin)
			}
			if o.Unclosed && strings.Contains(text[o.Begin:o.End], "\n") {
				t.Errorf("unclosed quote crosses a paragraph: %q", text[o.Begin:o.End])
			}
		}
	}
	qs := quotesOf(tests[0])
	if len(qs) == 0 || !qs[0].Unclosed || qs[0].Speaker != "Anna Berg" {
		t.Fatalf("want one unclosed quote by Anna Berg, got %+v", qs)
	}
}

func TestClaims(t *testing.T) {
	tests := []struct{ text, source, claim string }{
		{"According to Paul Weller, the talks have stalled completely.", "Paul Weller", "the talks have stalled completely."},
		{"Paul Weller said on Tuesday that the talks had stalled completely.", "Paul Weller", "the talks had stalled completely."},
		{"The talks have stalled completely, Paul Weller said.", "Paul Weller", "The talks have stalled completely"},
		{"As Paul Weller put it, the talks have stalled completely.", "Paul Weller", ""},
		{"Reporters claim that the talks have stalled completely.", "", "the talks have stalled completely."},
	}
	for _, tt := range tests {
		cs := Document(&doc.Document{ID: "t", Text: tt.text}).Claims
		if len(cs) != 1 {
			t.Fatalf("%q: %d claims", tt.text, len(cs))
		}
		if cs[0].Speaker != tt.source {
			t.Errorf("%q: source %q, want %q", tt.text, cs[0].Speaker, tt.source)
		}
		if tt.claim != "" && tt.text[cs[0].Begin:cs[0].End] != tt.claim {
			t.Errorf("%q: claim %q, want %q", tt.text, tt.text[cs[0].Begin:cs[0].End], tt.claim)
		}
	}
}

func TestEntitiesFoldSpellings(t *testing.T) {
	text := "Troops left Kiev on Monday. In Kyiv, Mayor Ivan Sokol said the city was calm. Sokol added that Odessa and Odesa are one port."
	r := Document(&doc.Document{ID: "t", Text: text})
	byName := map[string]Entity{}
	for _, e := range r.Entities {
		byName[e.Name] = e
	}
	if e := byName["Kyiv"]; e.Type != Place || len(e.Mentions) != 2 {
		t.Errorf("Kyiv = %+v, want a place with 2 mentions", e)
	}
	if e := byName["Odessa"]; e.Type != Place || len(e.Mentions) != 2 {
		t.Errorf("Odessa = %+v, want a place with 2 mentions", e)
	}
	if e := byName["Ivan Sokol"]; e.Type != Person || len(e.Mentions) < 2 {
		t.Errorf("Ivan Sokol = %+v, want a person mentioned at least twice", e)
	}
}

func TestGazetteerVariants(t *testing.T) {
	g := DefaultGazetteer()
	tests := []struct{ name, want string }{
		{"Kiev", "Kyiv"}, {"Kyiv", "Kyiv"}, {"Киев", "Kyiv"}, {"Kharkov", "Kharkiv"},
		{"Odesa", "Odessa"}, {"Франция", "France"}, {"NATO", "NATO"}, {"ПАСЕ", "Parliamentary Assembly of the Council of Europe"},
		{"Ukrainian", ""}, {"Putin", ""},
	}
	for _, tt := range tests {
		e := g.LookupText(tt.name)
		got := ""
		if e != nil {
			got = e.Name
		}
		if got != tt.want {
			t.Errorf("LookupText(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
