package report

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/extract"
)

func TestGoldenFindings(t *testing.T) {
	texts := findingsTexts()
	var txt, js bytes.Buffer
	if err := WriteText(&txt, findings(t), func(id string) string { return texts[id] }); err != nil {
		t.Fatal(err)
	}
	golden(t, "findings.txt.golden", txt.Bytes())
	if err := WriteJSON(&js, findings(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "findings.json.golden", js.Bytes())
}

// TestFindingsJSONShape pins the field names of quotes, stories and
// narratives that scripts rely on.
func TestFindingsJSONShape(t *testing.T) {
	m := decode(t, findings(t))
	first := func(key string) map[string]any { return m[key].([]any)[0].(map[string]any) }
	summary := []string{"documents", "entities", "first", "headline", "id", "label", "last", "outlets", "terms", "timeline", "undated"}
	tests := []struct {
		name string
		obj  map[string]any
		want []string
	}{
		{"quote", first("quotes"), []string{"documents", "id", "kind", "occurrences", "speaker", "text", "variants"}},
		{"occurrence", first("quotes")["occurrences"].([]any)[0].(map[string]any), []string{
			"begin", "cue", "cue_begin", "cue_end", "doc", "end", "kind", "parts", "quote",
			"speaker", "speaker_begin", "speaker_end", "speaker_text", "text", "unclosed"}},
		{"variant", first("quotes")["variants"].([]any)[0].(map[string]any), []string{"begin", "doc", "edits", "same"}},
		{"story", first("stories"), append(slices.Clone(summary), "narrative")},
		{"narrative", first("narratives"), append(slices.Clone(summary), "stories")},
		{"timeline day", first("stories")["timeline"].([]any)[0].(map[string]any), []string{"date", "documents", "outlet"}},
	}
	for _, tt := range tests {
		want := slices.Sorted(slices.Values(tt.want))
		if got := keys(tt.obj); !reflect.DeepEqual(got, want) {
			t.Errorf("%s keys %v, want %v", tt.name, got, want)
		}
	}
	// Unknown values are null, not "" or 0.
	var bus, routine map[string]any
	for _, q := range m["quotes"].([]any) {
		switch q := q.(map[string]any); q["id"] {
		case "c-bus":
			bus = q
		case "t-routine":
			routine = q
		}
	}
	occ := bus["occurrences"].([]any)[0].(map[string]any)
	if bus["speaker"] != nil || occ["speaker"] != nil || occ["speaker_begin"] != nil || occ["speaker_end"] != nil {
		t.Errorf("unknown speaker not null: %v", occ)
	}
	if occ["cue"] != "said" || occ["quote"] != "c-bus" {
		t.Errorf("claim occurrence cue %v quote %v", occ["cue"], occ["quote"])
	}
	if occ := routine["occurrences"].([]any)[0].(map[string]any); occ["cue"] != nil || occ["cue_begin"] != nil {
		t.Errorf("term has a cue: %v", occ)
	}
	s2 := m["stories"].([]any)[1].(map[string]any)
	if s2["id"] != "s2" || s2["narrative"] != nil || s2["headline"] != nil {
		t.Errorf("second story %v: want s2 (natural order) with null narrative and headline", s2)
	}
}

// TestFindingsJSONOrderIndependent: quotes, their occurrences, stories and
// narratives in any order give the same bytes.
func TestFindingsJSONOrderIndependent(t *testing.T) {
	var want bytes.Buffer
	if err := WriteJSON(&want, findings(t)); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 20 {
		r := findings(t)
		rng.Shuffle(len(r.Quotes), func(i, j int) { r.Quotes[i], r.Quotes[j] = r.Quotes[j], r.Quotes[i] })
		for _, q := range r.Quotes {
			rng.Shuffle(len(q.Occurrences), func(i, j int) { q.Occurrences[i], q.Occurrences[j] = q.Occurrences[j], q.Occurrences[i] })
		}
		rng.Shuffle(len(r.Stories), func(i, j int) { r.Stories[i], r.Stories[j] = r.Stories[j], r.Stories[i] })
		rng.Shuffle(len(r.Narratives), func(i, j int) { r.Narratives[i], r.Narratives[j] = r.Narratives[j], r.Narratives[i] })
		var got bytes.Buffer
		if err := WriteJSON(&got, r); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("shuffle %d changed the JSON output", i)
		}
	}
}

func TestFindingsWritersDoNotModifyReport(t *testing.T) {
	r, before := findings(t), findings(t)
	if err := WriteJSON(new(bytes.Buffer), r); err != nil {
		t.Fatal(err)
	}
	if err := WriteText(new(bytes.Buffer), r, nil); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r, before) {
		t.Fatal("writing the report reordered or changed its findings")
	}
}

func TestTextQuotes(t *testing.T) {
	texts := findingsTexts()
	var buf bytes.Buffer
	if err := WriteText(&buf, findings(t), func(id string) string { return texts[id] }); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"Anouk Feld: 3 occurrences of 1 quote or claim in 3 documents",
		"Mara Lind: 1 occurrence of 1 quote or claim in 1 document",
		"words: We cannot put a [-loaded-] {+full+} ferry against a pier we do not trust [-The divers go down again at first light-]",
		fmt.Sprintf("harbour-wire %d-%d (2 parts), Anouk Feld as “harbour master Anouk Feld”",
			strings.Index(harbourText, "We cannot"), strings.Index(harbourText, "first light.")+len("first light.")),
		"speaker unknown, cue “said”",
	} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Errorf("text report lacks %q", want)
		}
	}
	// The quote in three documents comes before the claim in two; a
	// quote in one document and a quoted term are counted, not listed.
	ferry, bus := strings.Index(out, "quote q-ferry"), strings.Index(out, "claim c-bus")
	if ferry < 0 || bus < 0 || ferry > bus {
		t.Errorf("shared quotes missing or out of order (q-ferry at %d, c-bus at %d)", ferry, bus)
	}
	if strings.Contains(out, "q-weak") || strings.Contains(out, "t-routine") {
		t.Error("a quote found in one document, or a quoted term, is listed as shared")
	}
}

func TestTextStoriesLargestFirst(t *testing.T) {
	out := writeText(t, findings(t))
	var order []string
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) > 1 && strings.HasPrefix(line, "[") && (f[1][0] == 's' || f[1][0] == 'n') {
			order = append(order, f[1])
		}
	}
	// s1 has four documents; s10 and s2 one each, s10 dated earlier.
	if want := []string{"s1", "s10", "s2", "n1", "n2"}; !reflect.DeepEqual(order, want) {
		t.Fatalf("stories and narratives in order %v, want %v", order, want)
	}
	for _, want := range []string{
		"per day: 2024-05-03 ×1, 2024-05-04 ×1, 2024-05-06 ×1",
		"[2] s10 · 2024-05-04 · 2 documents, 1 outlet (1 undated) · narrative n2",
		"    market hall · roof", // a label without its parts is shown whole
		"stories: s1",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q", want)
		}
	}
}

// TestTextCaps: a large corpus lists the top of each section and says how
// many more there are; the JSON form keeps them all.
func TestTextCaps(t *testing.T) {
	r := &Report{}
	for i := range 27 {
		id := fmt.Sprintf("s%d", i)
		docs := make([]string, 30-i)
		for k := range docs {
			docs[k] = fmt.Sprintf("d%d-%d", i, k)
		}
		r.Stories = append(r.Stories, cluster.Story{Summary: cluster.Summary{ID: id, Label: id, Documents: docs}})
		speaker := fmt.Sprintf("Speaker %d", i)
		q := extract.Quote{ID: fmt.Sprintf("q%02d", i), Kind: extract.KindQuote, Text: "words", Speaker: speaker}
		for _, d := range docs[:2] {
			q.Occurrences = append(q.Occurrences, extract.Occurrence{Doc: d, Kind: extract.KindQuote, Text: "words", Speaker: speaker, Quote: q.ID})
		}
		r.Quotes = append(r.Quotes, q)
	}
	out := writeText(t, r)
	for _, want := range []string{
		"… and 7 more stories (the JSON form lists them all).",
		"… and 7 more quotes (the JSON form lists them all).",
		"… and 7 more speakers",
		"[1] s0 · undated · 30 documents\n", // no outlet known: none counted
		"[20] s19 ·",
		"d0-10, d0-11 and 18 more documents", // documents named in one story
	} {
		if !strings.Contains(out, want) && !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Errorf("text report lacks %q", want)
		}
	}
	if strings.Contains(out, "[21]") {
		t.Error("more than the cap listed")
	}
	m := decode(t, r)
	if len(m["stories"].([]any)) != 27 || len(m["quotes"].([]any)) != 27 {
		t.Error("JSON form is capped")
	}
}

// TestFindingsWidth: quotes, stories and narratives keep to Width
// columns however long or wide their ids, names, labels and texts are, and
// control characters in them do not reach the terminal.
func TestFindingsWidth(t *testing.T) {
	r := findings(t)
	wide := strings.Repeat("報道", 50)
	long := strings.Repeat("x", 150) + "\x1b[2J"
	q := extract.Quote{ID: long, Kind: extract.KindQuote, Speaker: wide, Text: wide + " " + long}
	for _, d := range []string{wide, long} {
		q.Occurrences = append(q.Occurrences, extract.Occurrence{Doc: d, Kind: extract.KindQuote, Begin: 1 << 40, End: 1<<40 + 3,
			Text: long + " " + wide, Speaker: wide, SpeakerText: long, SpeakerSpan: nil, Cue: wide, Quote: long})
	}
	r.Quotes = append(r.Quotes, q)
	r.Stories = append(r.Stories, cluster.Story{Summary: cluster.Summary{ID: wide, Label: long,
		Details:   cluster.Label{Entities: []string{wide, long}, Terms: []string{long}, Headline: wide + long},
		Documents: []string{wide, long, wide}, Outlets: []string{long}, First: long, Last: wide,
		Timeline: []cluster.TimelineDay{{Date: long, Outlet: wide, Documents: 1 << 30}}}, Narrative: long})
	texts := findingsTexts()
	var buf bytes.Buffer
	if err := WriteText(&buf, r, func(id string) string { return texts[id] }); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "\x1b") {
		t.Error("an escape sequence reached the text report")
	}
	for i, line := range strings.Split(out, "\n") {
		if n := columns(line); n > Width {
			t.Errorf("line %d is %d columns wide: %q", i+1, n, line)
		}
	}
}
