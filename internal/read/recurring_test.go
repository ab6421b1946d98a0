package read

import (
	"fmt"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

// outletDoc builds a document of an outlet: a template header and footer
// around its own paragraphs.
func outletDoc(outlet string, i int) *doc.Document {
	body := fmt.Sprintf("Story %d: the harbour board met for the %dth time and agreed on berth number %d.\n\n"+
		"Residents of district %d asked about noise from the quay, which the board promised to study.\n\n", i, i, i*3, i)
	return &doc.Document{
		ID:     fmt.Sprintf("%s-%d", outlet, i),
		Outlet: outlet,
		Text:   "Coast Daily · Harbour desk\n\n" + body + "Tips for the harbour desk go to the night editor.\n",
	}
}

func TestRecurringLines(t *testing.T) {
	var docs []*doc.Document
	for i := 1; i <= 5; i++ {
		docs = append(docs, outletDoc("Coast Daily", i))
	}
	// The same template line in one document of another outlet is that
	// outlet's text, not a template of it.
	other := &doc.Document{ID: "o", Outlet: "Valley Weekly", Text: "Coast Daily · Harbour desk\n\nThe valley paper quotes its rival's masthead in a column about local media.\n"}
	// A document without outlet or series is left alone.
	loose := &doc.Document{ID: "l", Text: outletDoc("", 9).Text}
	docs = append(docs, other, loose)
	RecurringLines(docs, DefaultRecurringShare, DefaultRecurringDocs)
	for _, d := range docs[:5] {
		checkRegions(t, d)
		var got []string
		for _, r := range d.Regions {
			if r.Kind != doc.RegionBoilerplate {
				t.Errorf("%s: region kind %s", d.ID, r.Kind)
			}
			got = append(got, d.Text[r.Begin:r.End])
		}
		want := []string{"Coast Daily · Harbour desk", "Tips for the harbour desk go to the night editor."}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: regions %q, want %q", d.ID, got, want)
		}
	}
	if len(other.Regions) != 0 || len(loose.Regions) != 0 {
		t.Errorf("regions outside the outlet: other %v loose %v", other.Regions, loose.Regions)
	}
}

func TestRecurringLinesThresholds(t *testing.T) {
	tests := []struct {
		name     string
		docs     int
		minShare float64
		minDocs  int
		marked   bool
	}{
		{"enough documents", 4, 0.5, 4, true},
		{"too few documents", 3, 0.5, 4, false},
		{"a high share met by a line in every document", 4, 0.9, 2, true},
		{"minDocs below two is raised", 1, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []*doc.Document
			for i := 1; i <= tt.docs; i++ {
				docs = append(docs, outletDoc("Coast Daily", i))
			}
			RecurringLines(docs, tt.minShare, tt.minDocs)
			if got := len(docs[0].Regions) > 0; got != tt.marked {
				t.Errorf("marked = %v, want %v", got, tt.marked)
			}
		})
	}
}

func TestRecurringLinesShareTooLow(t *testing.T) {
	var docs []*doc.Document
	for i := 1; i <= 10; i++ {
		d := outletDoc("Coast Daily", i)
		if i > 4 { // six documents without the template
			d.Text = fmt.Sprintf("Plain item %d about the tides and the weather on the coast.\n\nIt has no header.\n", i)
		}
		docs = append(docs, d)
	}
	RecurringLines(docs, 0.5, 4)
	if len(docs[0].Regions) != 0 {
		t.Errorf("a line in 4 of 10 documents marked with minShare 0.5: %v", docs[0].Regions)
	}
}

func TestRecurringLinesSparesNearCopies(t *testing.T) {
	// Five updates of one story: nearly all lines recur, but that is the
	// story itself, not a template.
	var docs []*doc.Document
	story := "The harbour board met on Monday.\n\nIt agreed on a new berth for the night ferry.\n\nResidents asked about noise.\n"
	for i := 1; i <= 5; i++ {
		docs = append(docs, &doc.Document{ID: fmt.Sprint(i), Outlet: "Coast Daily", Text: story + fmt.Sprintf("Updated %d times.\n", i)})
	}
	RecurringLines(docs, DefaultRecurringShare, DefaultRecurringDocs)
	for _, d := range docs {
		if len(d.Regions) != 0 {
			t.Errorf("%s: near copy marked as template: %v", d.ID, d.Regions)
		}
	}
}

func TestRecurringLinesKeepsOtherRegions(t *testing.T) {
	var docs []*doc.Document
	for i := 1; i <= 4; i++ {
		d := outletDoc("Coast Daily", i)
		d.Regions = []doc.Region{{Kind: doc.RegionHint, Begin: 0, End: 11, Note: "Coast Daily"}}
		docs = append(docs, d)
	}
	RecurringLines(docs, DefaultRecurringShare, DefaultRecurringDocs)
	for _, d := range docs {
		checkRegions(t, d)
		if d.Regions[0].Kind != doc.RegionHint || len(d.Regions) != 2 {
			t.Errorf("%s: regions %+v, want the hint kept and only the footer added", d.ID, d.Regions)
		}
	}
}
