package cluster

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/echotrace/echotrace/internal/normalize"
)

func TestCapitalisedEntities(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"names mid-sentence", "The mayor of Lindholm met Ruth Okafor at the harbour.", []string{"lindholm", "ruth", "okafor"}},
		{"sentence start only counts when seen elsewhere", "Lindholm voted. Yesterday the council in Lindholm agreed.", []string{"lindholm"}},
		{"acronym at sentence start", "NATO said nothing more.", []string{"nato"}},
		{"headline case line skipped", "Council Approves New Budget For Harbour Works\nThe vote in Lindholm was close.", []string{"lindholm"}},
		{"stopwords are not names", "It was late when I left; The Hague stayed quiet.", []string{"hague"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := normalize.Tokens(tt.text)
			var got []string
			capitalisedEntities(tt.text, toks, languageOf("en", toks), func(key, _ string) {
				if !slices.Contains(got, key) {
					got = append(got, key)
				}
			})
			if !slices.Equal(got, tt.want) {
				t.Errorf("entities = %q, want %q", got, tt.want)
			}
		})
	}
}

// invented events told in different words by different outlets
var (
	bridge = []string{
		"The old rail bridge over the Mersa river in Kolvik collapsed on Tuesday night after days of flooding, the Kolvik fire service said. Nobody was on the bridge.",
		"Floodwater brought down the Kolvik rail bridge across the Mersa late on Tuesday. Firefighters in Kolvik said the bridge was empty when it collapsed.",
		"Kolvik lost its rail bridge: the span over the swollen Mersa river collapsed overnight, and the fire service confirmed no one was hurt by the collapse.",
	}
	match = []string{
		"Harwick United beat Stanmoor 3-1 in the cup final on Saturday, with striker Leni Vostra scoring twice in the second half.",
		"Leni Vostra scored two goals as Harwick United won the cup final against Stanmoor, three goals to one, on Saturday afternoon.",
	}
)

func items(prefix string, texts []string, date time.Time) []Item {
	var out []Item
	for i, tx := range texts {
		it := Item{ID: prefix + string(rune('a'+i)), Text: tx, Outlet: "outlet" + string(rune('a'+i))}
		if !date.IsZero() {
			it.Date = date.AddDate(0, 0, i%2)
		}
		out = append(out, it)
	}
	return out
}

func partition(c *Clusterer) []string {
	groups := map[string][]string{}
	for d, s := range c.Assignments() {
		groups[s] = append(groups[s], d)
	}
	var out []string
	for _, g := range groups {
		slices.Sort(g)
		out = append(out, strings.Join(g, ","))
	}
	slices.Sort(out)
	return out
}

func TestStories(t *testing.T) {
	june := time.Date(2031, 6, 3, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		items []Item
		want  []string
	}{
		{"two events, several outlets", append(items("b", bridge, june), items("m", match, june)...), []string{"ba,bb,bc", "ma,mb"}},
		{"undated: content alone", append(items("b", bridge, time.Time{}), items("m", match, time.Time{})...), []string{"ba,bb,bc", "ma,mb"}},
		{"same words a year apart are two stories",
			append(items("b", bridge[:1], june), items("c", bridge[1:2], june.AddDate(1, 0, 0))...), []string{"ba", "ca"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, errs := Recluster(tt.items, DefaultParams())
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			if got := partition(c); !slices.Equal(got, tt.want) {
				t.Errorf("stories = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDerivedJoinsSourceInEitherOrder(t *testing.T) {
	// The copy shares no words with its source here, so only the reuse
	// link can put them together.
	src := Item{ID: "src", Text: match[0]}
	cp := Item{ID: "copy", Text: bridge[0], Sources: []string{"src"}}
	for _, order := range [][]Item{{src, cp}, {cp, src}} {
		c := New(DefaultParams())
		for _, it := range order {
			if _, err := c.Add(it); err != nil {
				t.Fatal(err)
			}
		}
		a, _ := c.StoryOf("src")
		b, _ := c.StoryOf("copy")
		if a != b {
			t.Errorf("order %s first: source in %s, copy in %s", order[0].ID, a, b)
		}
	}
}

func TestBadInputIsRefusedAndTheRestPlaced(t *testing.T) {
	in := []Item{
		{ID: "", Text: "no id"},
		{ID: "x", Text: bridge[0]},
		{ID: "x", Text: bridge[1]},
		{ID: "empty", Text: ""},
		{ID: "junk", Text: "\xff\xfe\x00 ..."},
		{ID: "y", Text: bridge[2]},
	}
	c, errs := Recluster(in, DefaultParams())
	if len(errs) != 2 {
		t.Fatalf("errors = %v, want two (missing id, repeated id)", errs)
	}
	if !strings.Contains(errs[0].Error()+errs[1].Error(), `document x `) {
		t.Errorf("errors %v do not name the repeated document", errs)
	}
	if c.Len() != 4 {
		t.Errorf("placed %d documents, want 4", c.Len())
	}
	for _, s := range c.Stories(c.Narratives()) {
		if s.Label == "" && !slices.Contains(s.Documents, "empty") && !slices.Contains(s.Documents, "junk") {
			t.Errorf("story %s has no label", s.ID)
		}
	}
}

func TestSummaryDatesTimelineAndLabel(t *testing.T) {
	june := time.Date(2031, 6, 3, 0, 0, 0, 0, time.UTC)
	in := items("b", bridge, june)
	in = append(in, Item{ID: "bu", Text: bridge[0] + " More later.", Outlet: "outleta"})
	c, _ := Recluster(in, DefaultParams())
	st := c.Stories(nil)
	if len(st) != 1 {
		t.Fatalf("%d stories, want 1", len(st))
	}
	s := st[0]
	if s.First != "2031-06-03" || s.Last != "2031-06-04" || s.Undated != 1 {
		t.Errorf("first %s last %s undated %d", s.First, s.Last, s.Undated)
	}
	want := []TimelineDay{{"2031-06-03", "outleta", 1}, {"2031-06-03", "outletc", 1}, {"2031-06-04", "outletb", 1}}
	if !slices.Equal(s.Timeline, want) {
		t.Errorf("timeline = %+v, want %+v", s.Timeline, want)
	}
	label := strings.ToLower(s.Label)
	for _, w := range []string{"kolvik", "bridge"} {
		if !strings.Contains(label, w) {
			t.Errorf("label %q does not name %q", s.Label, w)
		}
	}
}
