package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/testutil"
)

// seedResults extracts the five seed articles, keyed by their number.
func seedResults(t *testing.T) (map[string]Result, map[string]string) {
	t.Helper()
	dir := testutil.Shared(t, "corpus/seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no seed articles in %s", dir)
	}
	res := map[string]Result{}
	texts := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := filepath.Base(f)[:3]
		texts[id] = string(b)
		res[id] = Document(&doc.Document{ID: id, Text: string(b)})
	}
	return res, texts
}

// TestSeedSpeakers checks every attributed quotation of the seeds, in
// order: who is quoted, and that nobody else is.
func TestSeedSpeakers(t *testing.T) {
	res, _ := seedResults(t)
	goncharenko := "Aleksey Goncharenko"
	want := map[string][]string{
		"000": {goncharenko, goncharenko, goncharenko, goncharenko, goncharenko, goncharenko, goncharenko},
		// "Macron said" resolves to the full name the article gives
		// ("President Emmanuel Macron"); the heading "… – Kiev Macron’s …"
		// names no second person.
		"001": {goncharenko, goncharenko, goncharenko, goncharenko, goncharenko, goncharenko, goncharenko, "Emmanuel Macron", "Vladimir Putin"},
		"002": {"Le Monde", "Macron", "Maria Zakharova"},
		// The third: Politico reports that the Baltic foreign ministers
		// praised France for “thinking outside the box” — the ministers'
		// words, a group with no one name.
		"003": {"Politico", "Stephane Sejournet", "", "Politico", "", "Dmitry Peskov", "Sergei Lavrov", "Guido Crosetto",
			"Vladimir Vinokurov", "Vladimir Vinokurov", "Vladimir Vinokurov", "Ivan Konovalov", "Ivan Konovalov",
			"Andrei Koshkin", "Andrei Koshkin", "Andrei Koshkin"},
		"004": nil,
	}
	for id, speakers := range want {
		var got []string
		for _, o := range res[id].Quotes {
			if o.Kind == KindQuote {
				got = append(got, o.Speaker)
			}
		}
		if strings.Join(got, "|") != strings.Join(speakers, "|") {
			t.Errorf("%s: speakers of quotes\n got %q\nwant %q", id, got, speakers)
		}
	}
}

func TestSeedMultiParagraphAndColon(t *testing.T) {
	res, texts := seedResults(t)
	var peskov *Occurrence
	for i, o := range res["003"].Quotes {
		if o.Speaker == "Dmitry Peskov" {
			peskov = &res["003"].Quotes[i]
		}
	}
	if peskov == nil || len(peskov.Parts) != 4 || peskov.Unclosed {
		t.Fatalf("Peskov's quotation should run closed over four paragraphs: %+v", peskov)
	}
	found := false
	for _, o := range res["002"].Quotes {
		if o.Speaker != "Maria Zakharova" {
			continue
		}
		found = true
		before := strings.TrimSpace(texts["002"][:o.Begin])
		if !strings.HasSuffix(before, ":") || o.Cue == "" || o.SpeakerSpan == nil {
			t.Errorf("Zakharova's statement should follow the colon that introduces it, with cue and mention: %+v", o)
		}
	}
	if !found {
		t.Error("Zakharova's statement not found")
	}
}

func TestSeedScareQuotes(t *testing.T) {
	res, _ := seedResults(t)
	single := 0
	for _, r := range res {
		for _, o := range r.Quotes {
			if len(strings.Fields(o.Text)) == 1 {
				single++
				if o.Kind != KindTerm || o.Speaker != "" {
					t.Errorf("%s: single quoted word %q is %s with speaker %q", r.Doc, o.Text, o.Kind, o.Speaker)
				}
			}
		}
	}
	if single == 0 {
		t.Error("no single scare-quoted word found in the seeds")
	}
}

func TestSeedGoncharenkoLinked(t *testing.T) {
	res, _ := seedResults(t)
	quotes := Link([]Result{res["000"], res["001"]})
	linked := 0
	for _, q := range quotes {
		if q.Kind != KindQuote || q.Speaker != "Aleksey Goncharenko" {
			continue
		}
		docs := map[string]bool{}
		for _, o := range q.Occurrences {
			docs[o.Doc] = true
			if o.Quote != q.ID {
				t.Errorf("occurrence without its quote id")
			}
		}
		if docs["000"] && docs["001"] {
			linked++
		} else {
			t.Errorf("Goncharenko quote %q found only in %v", q.Text, docs)
		}
	}
	if linked < 2 {
		t.Errorf("%d Goncharenko quotes linked across 000 and 001, want at least his two long ones", linked)
	}
}
