package server

import (
	"strings"
	"testing"
)

func joined(ps []piece) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Text)
	}
	return b.String()
}

func TestMarkText(t *testing.T) {
	text := "Der Bürgermeister sagte, die Brücke bleibt zu."
	tests := []struct {
		name  string
		marks []mark
		want  []string // "class|href|text" per piece
	}{
		{"none", nil, []string{"||" + text}},
		{"one passage", []mark{{Kind: markReuse, Begin: 4, End: 18, Class: "reuse c0", Href: "/x"}},
			[]string{"||Der ", "reuse c0|/x|Bürgermeister", "|| sagte, die Brücke bleibt zu."}},
		{"entity inside passage wins the link", []mark{
			{Kind: markReuse, Begin: 0, End: 24, Class: "reuse c1", Href: "/compare"},
			{Kind: markEntity, Begin: 4, End: 18, Class: "entity", Href: "/entity"}},
			[]string{"reuse c1|/compare|Der ", "entity reuse c1|/entity|Bürgermeister", "reuse c1|/compare| sagte", "||, die Brücke bleibt zu."}},
		{"offsets past the end and inside a character are fitted", []mark{
			{Kind: markQuote, Begin: 6, End: 999, Class: "quote"}},
			[]string{"||Der B", "quote||ürgermeister sagte, die Brücke bleibt zu."}},
		{"empty and reversed marks are dropped", []mark{{Begin: 5, End: 5, Class: "x"}, {Begin: 9, End: 3, Class: "y"}},
			[]string{"||" + text}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := markText(text, tt.marks)
			if joined(ps) != text {
				t.Fatalf("pieces do not add up to the text: %q", joined(ps))
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.Class+"|"+p.Href+"|"+p.Text)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestWordDiff(t *testing.T) {
	tests := []struct {
		name         string
		a, b         string
		chgA, chgB   []string
		sameAsInputs bool
	}{
		{"identical but for case and quotes", `He said "no".`, `he said “No”.`, nil, nil, true},
		{"one word changed", "The council met on Monday evening.", "The council met on Tuesday evening.",
			[]string{"Monday"}, []string{"Tuesday"}, true},
		{"words added in the middle", "Ferries run daily.", "Ferries to the island run daily.",
			nil, []string{"to the island"}, true},
		{"nothing shared", "alpha beta", "gamma delta", []string{"alpha beta"}, []string{"gamma delta"}, true},
		{"empty side", "", "something new", nil, []string{"something new"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pa, pb := wordDiff(tt.a, tt.b)
			if joined(pa) != tt.a || joined(pb) != tt.b {
				t.Fatalf("pieces lost text: %q / %q", joined(pa), joined(pb))
			}
			changed := func(ps []piece) []string {
				var out []string
				for _, p := range ps {
					if p.Class == "chg" {
						out = append(out, strings.TrimSpace(p.Text))
					}
				}
				return out
			}
			if g := changed(pa); strings.Join(g, "|") != strings.Join(tt.chgA, "|") {
				t.Errorf("changed in a = %q, want %q", g, tt.chgA)
			}
			if g := changed(pb); strings.Join(g, "|") != strings.Join(tt.chgB, "|") {
				t.Errorf("changed in b = %q, want %q", g, tt.chgB)
			}
		})
	}
}

// TestMyersIsShortest checks the kept elements form a common subsequence
// of the longest length on small cases against a plain LCS.
func TestMyersIsShortest(t *testing.T) {
	cases := [][2]string{
		{"a b c a b b a", "c b a b a c"},
		{"x y z", "x y z"},
		{"", "q"},
		{"one two three four", "four three two one"},
	}
	for _, c := range cases {
		a, b := strings.Fields(c[0]), strings.Fields(c[1])
		sa, sb, ok := myers(a, b)
		if !ok {
			t.Fatalf("%q: gave up", c)
		}
		var ka, kb []string
		for i, s := range sa {
			if s {
				ka = append(ka, a[i])
			}
		}
		for i, s := range sb {
			if s {
				kb = append(kb, b[i])
			}
		}
		if strings.Join(ka, " ") != strings.Join(kb, " ") {
			t.Errorf("%q: kept %q and %q differ", c, ka, kb)
		}
		if len(ka) != lcsLen(a, b) {
			t.Errorf("%q: kept %d, longest common subsequence is %d", c, len(ka), lcsLen(a, b))
		}
	}
}

func lcsLen(a, b []string) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}

func TestLayoutColumnsByDate(t *testing.T) {
	g := &graphView{
		Nodes: []graphNode{
			{ID: "late", Date: "2021-05-03"},
			{ID: "undated"},
			{ID: "early", Date: "2021-05-01T09:00:00Z"},
			{ID: "early2", Date: "2021-05-01"},
		},
		Edges: []graphEdge{{From: "early", To: "late", Directed: true}, {From: "late", To: "gone"}},
	}
	d := layout(g)
	x := map[string]int{}
	for _, n := range d.Nodes {
		x[n.ID] = n.X
	}
	if !(x["early"] == x["early2"] && x["early"] < x["late"] && x["late"] < x["undated"]) {
		t.Errorf("columns: %v", x)
	}
	if len(d.Columns) != 3 || d.Columns[2].Label != "undated" {
		t.Errorf("column headings: %+v", d.Columns)
	}
	if len(d.Edges) != 1 {
		t.Errorf("an edge to a node not in the graph was drawn: %+v", d.Edges)
	}
}

func TestSnippet(t *testing.T) {
	text := strings.Repeat("filler words here ", 40) + "the Granary reopened " + strings.Repeat("more filler ", 40)
	s := snippet(text, []string{"granary"}, 80)
	if !strings.Contains(s, "Granary") || !strings.HasPrefix(s, "…") || !strings.HasSuffix(s, "…") {
		t.Errorf("snippet = %q", s)
	}
	if got := snippet("short text", []string{"absent"}, 80); got != "short text" {
		t.Errorf("short snippet = %q", got)
	}
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 outlets", 1: "1 outlet", 2: "2 outlets", 12: "12 outlets"} {
		if got := count(n, "outlet"); got != want {
			t.Errorf("count(%d) = %q, want %q", n, got, want)
		}
	}
	if got := count(1, "story", "stories"); got != "1 story" {
		t.Errorf("count(1, story) = %q", got)
	}
	if got := count(3, "story", "stories"); got != "3 stories" {
		t.Errorf("count(3, story) = %q", got)
	}
}

func TestWhen(t *testing.T) {
	for in, want := range map[string]string{
		"2024-01-03T01:59:00Z":      "2024-01-03 01:59",
		"2024-01-03T01:59:00+02:00": "2024-01-02 23:59",
		"2024-03-12":                "2024-03-12",
		"yesterday":                 "yesterday",
	} {
		if got := when(in); got != want {
			t.Errorf("when(%q) = %q, want %q", in, got, want)
		}
	}
}
