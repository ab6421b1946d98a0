package report

import (
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/relate"
)

// TestPassageTextInJSON: with the documents' texts at hand, each side of
// a passage carries its original text, a long side an excerpt flagged as
// such unless the full text is asked for; boilerplate passages are listed
// and marked.
func TestPassageTextInJSON(t *testing.T) {
	long := strings.Repeat("The harbour authority suspended crossings again. ", 60) // over PassageTextBytes
	texts := map[string]string{"a": "Intro. " + long, "b": long + " Outro.", "c": "Sign up to our newsletter today."}
	r := &Report{
		Passages: []relate.Passage{
			{A: relate.End{Doc: "a", Begin: 7, End: 7 + len(long)}, B: relate.End{Doc: "b", Begin: 0, End: len(long)}, Tokens: 360, Identity: 1},
			{A: relate.End{Doc: "a", Begin: 0, End: 6}, B: relate.End{Doc: "c", Begin: 0, End: 9}, Tokens: 12, Identity: 1, Boilerplate: true},
		},
		Settings: map[string]string{"min_tokens": "12"},
		Text:     func(id string) string { return texts[id] },
	}
	side := func(m map[string]any, i int, s string) map[string]any {
		return m["passages"].([]any)[i].(map[string]any)[s].(map[string]any)
	}
	m := decode(t, r)
	long0 := side(m, 0, "a") // passages sort by their documents: a–b first
	if long0["excerpt"] != true || len(long0["text"].(string)) >= len(long) || !strings.HasPrefix(long, strings.Split(long0["text"].(string), " … ")[0]) {
		t.Fatalf("long side: excerpt %v, text of %d bytes; want a flagged excerpt of the beginning and end", long0["excerpt"], len(long0["text"].(string)))
	}
	short := side(m, 1, "a")
	if short["text"] != "Intro." || short["excerpt"] != nil {
		t.Fatalf("short side = %v, want its whole text, unflagged", short)
	}
	if bp := m["passages"].([]any)[1].(map[string]any)["boilerplate"]; bp != true {
		t.Fatalf("the boilerplate passage is listed with boilerplate %v, want true", bp)
	}
	if got := m["settings"].(map[string]any)["min_tokens"]; got != "12" {
		t.Fatalf("settings %v, want min_tokens 12", m["settings"])
	}
	r.FullText = true
	m = decode(t, r)
	if full := side(m, 0, "b"); full["text"] != long || full["excerpt"] != nil {
		t.Fatalf("with full text, the long side has %d bytes (excerpt %v), want all %d", len(full["text"].(string)), full["excerpt"], len(long))
	}
	r.Text = nil
	if a := side(decode(t, r), 0, "a"); a["text"] != nil {
		t.Fatalf("without texts a side has text %v", a["text"])
	}
}
