package report

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/relate"
)

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func decode(t *testing.T, r *Report) map[string]any {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatalf("WriteJSON wrote invalid JSON: %v\n%s", err, buf.Bytes())
	}
	return m
}

// TestJSONShape pins the field names scripts rely on.
func TestJSONShape(t *testing.T) {
	m := decode(t, fixture(t))
	if got, want := keys(m), []string{"chains", "documents", "narratives", "passages", "problems", "quotes", "relations", "settings", "stories"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("top-level keys %v, want %v", got, want)
	}
	first := func(key string) map[string]any { return m[key].([]any)[0].(map[string]any) }
	tests := []struct {
		name string
		obj  map[string]any
		want []string
	}{
		{"document", first("documents"), []string{"bytes", "date", "id", "outlet", "path", "title", "url"}},
		{"passage", first("passages"), []string{"a", "b", "boilerplate", "identity", "tokens"}},
		{"passage end", first("passages")["a"].(map[string]any), []string{"begin", "doc", "end"}},
		{"relation", first("relations"), []string{"a", "b", "confidence", "copy", "coverage_a", "coverage_b", "direction", "kind", "passages", "reason", "source"}},
	}
	for _, tt := range tests {
		if got := keys(tt.obj); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s keys %v, want %v", tt.name, got, tt.want)
		}
	}
	// A document that was not read from a file has a null path.
	for _, d := range m["documents"].([]any) {
		d := d.(map[string]any)
		if d["id"] == hashID && d["path"] != nil {
			t.Errorf("path of a document not read from a file = %v, want null", d["path"])
		}
	}
}

// TestJSONOrderIndependent: the same findings in any order give the same
// bytes, so reports can be diffed and cached.
func TestJSONOrderIndependent(t *testing.T) {
	var want bytes.Buffer
	if err := WriteJSON(&want, fixture(t)); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 20 {
		r := fixture(t)
		rng.Shuffle(len(r.Documents), func(i, j int) { r.Documents[i], r.Documents[j] = r.Documents[j], r.Documents[i] })
		rng.Shuffle(len(r.Passages), func(i, j int) { r.Passages[i], r.Passages[j] = r.Passages[j], r.Passages[i] })
		rng.Shuffle(len(r.Relations), func(i, j int) { r.Relations[i], r.Relations[j] = r.Relations[j], r.Relations[i] })
		rng.Shuffle(len(r.Chains), func(i, j int) { r.Chains[i], r.Chains[j] = r.Chains[j], r.Chains[i] })
		rng.Shuffle(len(r.Problems), func(i, j int) { r.Problems[i], r.Problems[j] = r.Problems[j], r.Problems[i] })
		var got bytes.Buffer
		if err := WriteJSON(&got, r); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("shuffle %d changed the JSON output", i)
		}
	}
}

func TestWritersDoNotModifyReport(t *testing.T) {
	r := fixture(t)
	before := fixture(t)
	if err := WriteJSON(new(bytes.Buffer), r); err != nil {
		t.Fatal(err)
	}
	if err := WriteText(new(bytes.Buffer), r, nil); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r, before) {
		t.Fatal("writing the report reordered or changed its slices")
	}
}

func TestJSONNonFiniteNumbers(t *testing.T) {
	r := &Report{Relations: []relate.Relation{{A: "a", B: "b", Kind: relate.Partial, CoverageA: math.NaN(), CoverageB: math.Inf(1), Confidence: math.Inf(-1)}}}
	rel := decode(t, r)["relations"].([]any)[0].(map[string]any)
	for _, k := range []string{"coverage_a", "coverage_b", "confidence"} {
		if rel[k] != 0.0 {
			t.Errorf("%s = %v, want 0", k, rel[k])
		}
	}
	if err := WriteText(new(bytes.Buffer), r, nil); err != nil {
		t.Fatal(err)
	}
}

func TestNilReport(t *testing.T) {
	m := decode(t, nil)
	for _, k := range []string{"documents", "passages", "relations", "chains", "quotes", "stories", "narratives", "problems"} {
		if l, ok := m[k].([]any); !ok || len(l) != 0 {
			t.Errorf("%s = %#v, want []", k, m[k])
		}
	}
	var buf bytes.Buffer
	if err := WriteText(&buf, nil, nil); err != nil || !strings.Contains(buf.String(), "No reuse found.") {
		t.Fatalf("WriteText(nil) = %q, %v", buf.String(), err)
	}
}

func writeText(t *testing.T, r *Report) string {
	t.Helper()
	texts := fixtureTexts()
	var buf bytes.Buffer
	if err := WriteText(&buf, r, func(id string) string { return texts[id] }); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestTextBoilerplateCountedNotQuoted(t *testing.T) {
	out := writeText(t, fixture(t))
	if !strings.Contains(out, "1 boilerplate, not listed") {
		t.Error("summary does not count the boilerplate passage")
	}
	if strings.Contains(out, "newsletter") {
		t.Error("boilerplate text is quoted as evidence")
	}
}

func TestTextRelationsStrongestFirst(t *testing.T) {
	out := writeText(t, fixture(t))
	var order []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "[") {
			order = append(order, strings.Fields(line)[1])
		}
	}
	want := []string{"duplicate:", "derived:", "partial:", "partial:"}
	if !reflect.DeepEqual(order, want) {
		t.Fatalf("relation kinds in order %v, want %v", order, want)
	}
	// Of the two partial relations, the one with the larger coverage (61 %)
	// comes first.
	if strings.Index(out, "港口-notes ·") > strings.Index(out, "weekly-column ·") {
		t.Error("partial relations are not ordered by coverage")
	}
}

// TestTextPassageSidesFollowRelation: a passage stored B-to-A is shown
// with the relation's A document first, and each side quotes its own text.
func TestTextPassageSidesFollowRelation(t *testing.T) {
	r := fixture(t)
	out := writeText(t, r)
	i := strings.Index(out, "duplicate: board-post and harbour-wire")
	if i < 0 {
		t.Fatalf("duplicate relation missing:\n%s", out)
	}
	block := out[i : strings.Index(out[i:], "\n[2]")+i]
	begin := strings.Index(boardText, "Ferry crossings")
	end := strings.Index(boardText, "\n\narchive link")
	wantA := "A " + strconv.Itoa(begin) + "-" + strconv.Itoa(end)
	wantB := "B 0-" + strconv.Itoa(len(harbourText))
	if !strings.Contains(block, wantA) || !strings.Contains(block, wantB) {
		t.Fatalf("want sides %q and %q in:\n%s", wantA, wantB, block)
	}
	if strings.Index(block, wantA) > strings.Index(block, wantB) {
		t.Error("B side shown before A side")
	}
}

func TestTextDirectionAndCoverage(t *testing.T) {
	out := writeText(t, fixture(t))
	for _, want := range []string{
		"direction: harbour-wire → board-post (confidence 0.80)",
		"coverage: A 48.2%, B 33.0%",
		"direction: undetermined: neither document",
		"harbour-wire → board-post",
		"(range outside the text of 116 bytes)",
		"passages: 2, not in this report",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q", want)
		}
	}
}

func TestInfo(t *testing.T) {
	tests := []struct {
		d    doc.Document
		want DocInfo
	}{
		{doc.Document{ID: "x", Path: "a/x.txt", Title: "T", Outlet: "O", Series: "s", Date: "2024-01-02", Text: "héllo"},
			DocInfo{ID: "x", Path: "a/x.txt", Title: "T", Outlet: "O", Date: "2024-01-02", Bytes: 6}},
		{doc.Document{ID: "y", Series: "passim-series", Text: ""},
			DocInfo{ID: "y", Outlet: "passim-series"}},
	}
	for _, tt := range tests {
		if got := Info(&tt.d); got != tt.want {
			t.Errorf("Info(%s) = %+v, want %+v", tt.d.ID, got, tt.want)
		}
	}
}

func TestNaturalCompare(t *testing.T) {
	in := []string{"f.jsonl:10: b", "f.jsonl:9: a", "a.txt: x", "f.jsonl:010: c", "f.jsonl:100", "f.jsonl:", "g"}
	slices.SortStableFunc(in, naturalCompare)
	want := []string{"a.txt: x", "f.jsonl:", "f.jsonl:9: a", "f.jsonl:010: c", "f.jsonl:10: b", "f.jsonl:100", "g"}
	if !reflect.DeepEqual(in, want) {
		t.Fatalf("got %q, want %q", in, want)
	}
}
