package read

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/zeebo/xxh3"

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

// sealCorpus is documents of several outlets whose lines recur at all
// sorts of rates: templates, near copies, repeated lines, blank and
// marked-up documents.
func sealCorpus() []*doc.Document {
	docs := recurringCorpus(64)
	for i := 1; i <= 12; i++ {
		d := outletDoc("Coast Daily", i)
		if i%3 == 0 {
			d.Text += "Tips for the harbour desk go to the night editor.\n" // twice in one document
		}
		if i%4 == 0 { // regions a reader left: kept, and merged when adjacent
			d.Regions = []doc.Region{{Kind: doc.RegionBoilerplate, Begin: 0, End: 5}, {Kind: doc.RegionBoilerplate, Begin: 6, End: 11}}
		}
		docs = append(docs, d)
	}
	story := "The harbour board met on Monday.\n\nIt agreed on a new berth.\n"
	for i := 1; i <= 5; i++ {
		docs = append(docs,
			&doc.Document{ID: fmt.Sprint("near", i), Series: "ferry-blog", Text: story + fmt.Sprintf("Updated %d times.\n", i)},
			&doc.Document{ID: fmt.Sprint("blank", i), Outlet: "Blank Times", Text: strings.Repeat(" \n", i)},
			&doc.Document{ID: fmt.Sprint("few", i), Outlet: fmt.Sprint("Outlet ", i%2), Text: fmt.Sprintf("Header\u00a0line\n\nItem %d.\n", i)},
		)
	}
	docs = append(docs, docs[3]) // a copy counts once
	return docs
}

// markAll marks copies of docs and returns them.
func markAll(x *RecurringIndex, docs []*doc.Document) []doc.Document {
	out := make([]doc.Document, len(docs))
	for i, d := range docs {
		out[i] = *d
		out[i].Regions = slices.Clone(d.Regions)
		x.Mark(&out[i])
	}
	return out
}

func TestRecurringSealMarksTheSame(t *testing.T) {
	for _, th := range []struct {
		share float64
		docs  int
	}{{DefaultRecurringShare, DefaultRecurringDocs}, {0.9, 2}, {0.1, 3}, {0, 0}, {1, 12}} {
		docs := sealCorpus()
		x := NewRecurringIndex(th.share, th.docs)
		for _, d := range docs {
			x.Add(d)
		}
		before := markAll(x, docs)
		x.Seal()
		after := markAll(x, docs)
		marked := 0
		for i := range docs {
			if !slices.Equal(before[i].Regions, after[i].Regions) {
				t.Errorf("share %v docs %d, %s: regions %v before Seal, %v after", th.share, th.docs, docs[i].ID, before[i].Regions, after[i].Regions)
			}
			marked += len(after[i].Regions)
		}
		if marked == 0 {
			t.Errorf("share %v docs %d: nothing marked", th.share, th.docs)
		}
		x.Seal() // again: nothing changes
		if again := markAll(x, docs); !slices.EqualFunc(again, after, func(a, b doc.Document) bool { return slices.Equal(a.Regions, b.Regions) }) {
			t.Errorf("share %v docs %d: a second Seal changed the regions", th.share, th.docs)
		}
	}
}

func TestRecurringSealKeepsOnlyTemplates(t *testing.T) {
	x := NewRecurringIndex(DefaultRecurringShare, DefaultRecurringDocs)
	for i := 1; i <= 5; i++ {
		x.Add(outletDoc("Coast Daily", i))
	}
	x.Add(outletDoc("Valley Weekly", 1))
	x.Seal()
	coast, valley := x.outlets["coast daily"], x.outlets["valley weekly"]
	if len(coast.recurring) != 2 || coast.counts != nil || coast.texts != nil {
		t.Errorf("coast daily after Seal: %d recurring lines (want the header and the footer), counts %v, texts %v", len(coast.recurring), coast.counts, coast.texts)
	}
	if valley.recurring != nil || valley.counts != nil || valley.docs != 1 {
		t.Errorf("valley weekly after Seal: %+v", valley)
	}
}

func TestRecurringAddAfterSealPanics(t *testing.T) {
	x := NewRecurringIndex(DefaultRecurringShare, DefaultRecurringDocs)
	x.Add(outletDoc("Coast Daily", 1))
	x.Seal()
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "after Seal") {
			t.Errorf("Add after Seal: recovered %v, want a panic that says so", r)
		}
	}()
	x.Add(outletDoc("Coast Daily", 2))
}

// Mark is called from several workers of the reuse stage at once; run
// with -race this shows that it only reads the sealed index.
func TestRecurringMarkConcurrent(t *testing.T) {
	docs := sealCorpus()
	x := NewRecurringIndex(DefaultRecurringShare, DefaultRecurringDocs)
	for _, d := range docs {
		x.Add(d)
	}
	x.Seal()
	want := markAll(x, docs)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			got := markAll(x, docs)
			for i := range got {
				if !slices.Equal(got[i].Regions, want[i].Regions) {
					t.Errorf("%s: concurrent Mark gave %v, want %v", docs[i].ID, got[i].Regions, want[i].Regions)
				}
			}
		})
	}
	wg.Wait()
}

func TestNonSpaceLen(t *testing.T) {
	for b := range byte(utf8.RuneSelf) {
		if asciiSpace(b) != unicode.IsSpace(rune(b)) {
			t.Errorf("asciiSpace(%q) = %v", b, asciiSpace(b))
		}
	}
	for _, s := range []string{
		"", " ", "a", " a b\tc\n", "\v\f\r x", "non\u00a0breaking", "next\u0085line", "ideographic\u3000space",
		"em\u2003space and\u2028line", "кириллица с пробелами", "bad\xff byte", "\xe2\x80", "© 2024 — “quoted”",
	} {
		if got, want := nonSpaceLen(s), len(strings.Join(strings.Fields(s), "")); got != want {
			t.Errorf("nonSpaceLen(%q) = %d, want %d", s, got, want)
		}
	}
}

// referenceLineKey is lineKey as it was before its ASCII fast path: every
// rune through package unicode and appendPlain.
func referenceLineKey(s string) (uint64, bool) {
	var buf []byte
	word, space := false, false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = len(buf) > 0
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			word = true
			r = unicode.ToLower(r)
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		buf = appendPlain(buf, r)
	}
	if !word {
		return 0, false
	}
	return withLead(xxh3.Hash(buf), buf[0]), true
}

// lineKeySeeds are lines whose comparison form is easy to get wrong: every
// kind of white space, digits and letters beyond ASCII, quotes and dashes,
// invalid bytes, and lines longer than lineKey's stack buffer.
var lineKeySeeds = []string{
	"", " ", "---", "* * *", "a", "A", "Coast Daily · Harbour desk", "  Coast   DAILY\t·\vHarbour\fdesk\r",
	"non\u00a0breaking\u0085next\u2028line\u3000wide", "٣ ٤", "İstanbul ß ẞ Σίσυφος", "“Quoted” ‘single’ „low‚ «guillemets»",
	"en–em—bar―minus−", "wait… what...", "0 \u2005", "a \u00a0b\u2028", "bad\xff\xfebytes", "\xe2\x80", "\x00\x1f\x7f",
	strings.Repeat("Long paragraph with “quotes” — and dashes. ", 40),
	strings.Repeat("Длинный абзац — с «кавычками». ", 60),
}

func checkLineKey(t *testing.T, s string) {
	t.Helper()
	h, ok := lineKey(s)
	wh, wok := referenceLineKey(s)
	if h != wh || ok != wok {
		t.Errorf("lineKey(%q) = %x %v, want %x %v", s, h, ok, wh, wok)
	}
	// Mark passes over a line by leadOf alone only when it is the lead
	// lineKey would give the line's hash.
	if lead, lok := leadOf(s); lok && ok && lead != byte(h>>56) {
		t.Errorf("leadOf(%q) = %q, but lineKey's lead is %q", s, lead, byte(h>>56))
	}
}

func TestLineKeyMatchesReference(t *testing.T) {
	for _, s := range append(append(lineKeySeeds, literalLines()...), strings.Split(benchArticle, "\n")...) {
		checkLineKey(t, s)
	}
}

func FuzzLineKey(f *testing.F) {
	for _, s := range lineKeySeeds {
		f.Add(s)
	}
	f.Fuzz(checkLineKey)
}

func TestRecurringLinesOfCountsAsAdd(t *testing.T) {
	// Counting LinesOf on other goroutines and AddLines in one must mark
	// exactly what Add marks.
	var docs []*doc.Document
	for i := 0; i < 12; i++ {
		docs = append(docs, outletDoc("Daily Example", i))
		docs = append(docs, outletDoc("Other Post", i))
	}
	docs = append(docs, &doc.Document{ID: "none", Text: "No outlet.\n\nNothing counted."})
	byAdd := NewRecurringIndex(DefaultRecurringShare, DefaultRecurringDocs)
	byLines := NewRecurringIndex(DefaultRecurringShare, DefaultRecurringDocs)
	lines := make([]DocLines, len(docs))
	var wg sync.WaitGroup
	for i, d := range docs {
		byAdd.Add(d)
		wg.Add(1)
		go func() { defer wg.Done(); lines[i] = LinesOf(d) }()
	}
	wg.Wait()
	for _, l := range lines {
		byLines.AddLines(l)
	}
	byAdd.Seal()
	byLines.Seal()
	for _, d := range docs {
		a, b := *d, *d
		a.Regions, b.Regions = slices.Clone(d.Regions), slices.Clone(d.Regions)
		byAdd.Mark(&a)
		byLines.Mark(&b)
		if !slices.Equal(a.Regions, b.Regions) {
			t.Errorf("%s: Add marks %v, LinesOf+AddLines marks %v", d.ID, a.Regions, b.Regions)
		}
		if len(a.Regions) == 0 && d.Outlet != "" {
			t.Errorf("%s: no template line marked", d.ID)
		}
	}
}
