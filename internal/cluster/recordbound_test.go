package cluster

import (
	"strings"
	"testing"
	"time"
)

// TestRecordBound: the room AppendRecord makes holds the record, and is
// not much more than it.
func TestRecordBound(t *testing.T) {
	text := strings.Repeat("The ministers met in Brussels on Tuesday and agreed on 1,250.5 million euros for the flooded regions. ", 40) +
		"Überschwemmungen trafen die Regionen; ministres réunis à Bruxelles."
	for _, it := range []Item{
		{ID: "a", Title: "Ministers agree on flood aid", Text: text, Date: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), Outlet: "example.org", Sources: []string{"b", "c"}, Quotes: []string{"q1", "q2"}},
		{ID: "b"},
		{ID: strings.Repeat("x", 300), Title: strings.Repeat("Long ", 100), Text: strings.Repeat("word", 200)},
	} {
		p := Prepare(it)
		date, err := p.Date.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		b, err := p.AppendRecord(nil)
		if err != nil {
			t.Fatal(err)
		}
		if bound := p.recordBound(len(date)); len(b) > bound || bound > 2*len(b)+200 {
			t.Errorf("%.10s: record of %d bytes, bound %d", it.ID, len(b), bound)
		}
	}
}
