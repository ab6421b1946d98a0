package report

import (
	"reflect"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/extract"
)

func occ(doc, quote, speaker, text string) extract.Occurrence {
	kind := extract.KindQuote
	if strings.HasPrefix(quote, "t") {
		kind = extract.KindTerm
	}
	return extract.Occurrence{Doc: doc, Quote: quote, Kind: kind, Speaker: speaker, Text: text}
}

func TestGroupQuotes(t *testing.T) {
	type group struct {
		id, speaker, text string
		docs              []string
	}
	tests := []struct {
		name string
		in   []extract.Occurrence
		want []group
	}{
		{"empty", nil, nil},
		{"grouped in order of first occurrence, longest text",
			[]extract.Occurrence{occ("b", "q2", "", "short"), occ("a", "q1", "Ada Vance", "one"), occ("c", "q2", "", "the longest")},
			[]group{{"q2", "", "the longest", []string{"b", "c"}}, {"q1", "Ada Vance", "one", []string{"a"}}}},
		{"speaker most occurrences give; unknown does not outvote",
			[]extract.Occurrence{occ("a", "q", "", "x"), occ("b", "q", "", "x"), occ("c", "q", "Bo Lund", "x"), occ("d", "q", "Cy Moe", "x"), occ("e", "q", "Cy Moe", "x")},
			[]group{{"q", "Cy Moe", "x", []string{"a", "b", "c", "d", "e"}}}},
		{"a tie goes to the first name in byte order, whatever the row order",
			[]extract.Occurrence{occ("a", "q", "Zed Ray", "x"), occ("b", "q", "Amy Oakes", "x")},
			[]group{{"q", "Amy Oakes", "x", []string{"a", "b"}}}},
		{"occurrences without an id stay apart",
			[]extract.Occurrence{occ("a", "", "", "x"), occ("a", "", "", "y")},
			[]group{{"", "", "x", []string{"a"}}, {"", "", "y", []string{"a"}}}},
		{"one document twice is one document",
			[]extract.Occurrence{occ("a", "q", "", "x"), occ("a", "q", "", "x")},
			[]group{{"q", "", "x", []string{"a"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []group
			for _, q := range GroupQuotes(tt.in) {
				got = append(got, group{q.ID, q.Speaker, q.Text, QuoteDocuments(q)})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestMostQuoted(t *testing.T) {
	quotes := GroupQuotes([]extract.Occurrence{
		occ("a", "q1", "Ada Vance", "x"), occ("b", "q1", "Ada Vance", "x"),
		occ("a", "q2", "Bo Lund", "y"), occ("c", "q3", "Bo Lund", "z"),
		occ("a", "t1", "Cy Moe", "scare"), // a term counts for no one
		occ("d", "q4", "", "w"),
	})
	got := MostQuoted(quotes)
	want := []SpeakerCount{
		{Speaker: "Bo Lund", Quotes: 2, Occurrences: 2, Documents: 2},
		{Speaker: "Ada Vance", Quotes: 1, Occurrences: 2, Documents: 2},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	if got := MostQuoted(nil); got == nil || len(got) != 0 {
		t.Errorf("MostQuoted(nil) = %#v, want an empty list", got)
	}
}

func TestCompactEdits(t *testing.T) {
	w := func(n int, prefix string) string {
		var out []string
		for i := range n {
			out = append(out, prefix+string(rune('a'+i)))
		}
		return strings.Join(out, " ")
	}
	eq := func(s string) extract.Edit { return extract.Edit{Op: extract.OpEqual, Text: s} }
	del := func(s string) extract.Edit { return extract.Edit{Op: extract.OpDelete, Text: s} }
	ins := func(s string) extract.Edit { return extract.Edit{Op: extract.OpInsert, Text: s} }
	tests := []struct {
		name string
		in   []extract.Edit
		want string
	}{
		{"short kept whole", []extract.Edit{eq("a b"), del("c"), ins("d"), eq("e")}, "a b [-c-] {+d+} e"},
		{"long shared head, middle and tail cut",
			[]extract.Edit{eq(w(10, "h")), del("x"), eq(w(12, "m")), ins("y"), eq(w(10, "t"))},
			"… hg hh hi hj [-x-] ma mb mc md … mi mj mk ml {+y+} ta tb tc td …"},
		{"a long change keeps its ends", []extract.Edit{del(w(20, "d"))},
			"[-da db dc dd de df … do dp dq dr ds dt-]"},
	}
	for _, tt := range tests {
		if got := extract.MarkDiff(compactEdits(tt.in, 4, 12)); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestPerDay(t *testing.T) {
	tl := []cluster.TimelineDay{
		{Date: "2024-01-02", Outlet: "B", Documents: 2},
		{Date: "2024-01-01", Outlet: "A", Documents: 1},
		{Date: "2024-01-02", Outlet: "A", Documents: 1},
	}
	if got, want := perDay(tl), []string{"2024-01-01 ×1,", "2024-01-02 ×3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("perDay = %q, want %q", got, want)
	}
	var long []cluster.TimelineDay
	for d := 1; d <= 30; d++ {
		long = append(long, cluster.TimelineDay{Date: "2024-04-" + string(rune('0'+d/10)) + string(rune('0'+d%10)), Outlet: "A", Documents: 1})
	}
	got := perDay(long)
	if len(got) != maxDaysListed+1 || got[maxDaysListed/2] != "… 16 more days …" || got[0] != "2024-04-01 ×1," || got[len(got)-1] != "2024-04-30 ×1" {
		t.Errorf("long timeline = %q", got)
	}
}
