package report

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/echotrace/echotrace/internal/relate"
)

// columns measures a line the way a terminal shows it, independently of
// the package's own measure: East Asian wide and fullwidth characters take
// two columns, combining marks and format characters none, the rest one.
func columns(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		case width.LookupRune(r).Kind() == width.EastAsianWide, width.LookupRune(r).Kind() == width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// stressReport is built to break a careless layout: long unbroken ids and
// titles, wide characters and emoji everywhere, combining marks, control
// characters and a passage whose text is one long run without spaces.
func stressReport() (*Report, map[string]string) {
	wideID := strings.Repeat("報道", 30)
	longID := strings.Repeat("x", 150)
	marks := strings.Repeat("e\u0301", 70) // decomposed é: two runes, one column each
	emoji := strings.Repeat("🚢🇫🇷👍🏽", 20)
	texts := map[string]string{
		wideID: strings.Repeat("渡轮停运，港口码头出现裂缝。", 40),
		longID: strings.Repeat("y", 5000) + " " + marks + " " + emoji,
	}
	r := &Report{
		Documents: []DocInfo{
			{ID: wideID, Title: strings.Repeat("港口日报", 20), Outlet: strings.Repeat("日報", 25), Date: "2024-05-04", Bytes: len(texts[wideID])},
			{ID: longID, Title: marks, Outlet: emoji + "\x1b]0;title\x07", Bytes: len(texts[longID])},
		},
		Passages: []relate.Passage{
			{A: relate.End{Doc: wideID, Begin: 0, End: len(texts[wideID])}, B: relate.End{Doc: longID, Begin: 0, End: len(texts[longID])}, Tokens: 999999, Identity: 0.5},
			{A: relate.End{Doc: wideID, Begin: 3, End: 30}, B: relate.End{Doc: longID, Begin: 4990, End: 5010}, Tokens: 12, Identity: 1},
		},
		Relations: []relate.Relation{{
			A: wideID, B: longID, Kind: relate.Kind(strings.Repeat("k", 100)), CoverageA: 1, CoverageB: 1,
			Direction: relate.AToB, Confidence: 1, Reason: strings.Repeat("理由", 60) + " " + marks,
		}},
		Chains:   []relate.Chain{{wideID, longID, wideID}},
		Problems: []string{strings.Repeat("/deep", 40) + "/file.txt:7: " + emoji},
	}
	return r, texts
}

func TestTextLinesFitWidth(t *testing.T) {
	stress, stressTexts := stressReport()
	fixtureTexts := fixtureTexts()
	tests := []struct {
		name   string
		report *Report
		text   func(string) string
	}{
		{"fixture", fixture(t), func(id string) string { return fixtureTexts[id] }},
		{"stress", stress, func(id string) string { return stressTexts[id] }},
		{"stress without texts", stress, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteText(&buf, tt.report, tt.text); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(&buf)
			sc.Buffer(nil, 1<<20)
			for n := 1; sc.Scan(); n++ {
				line := sc.Text()
				if !utf8.ValidString(line) {
					t.Errorf("line %d is not valid UTF-8: %q", n, line)
				}
				if c := utf8.RuneCountInString(line); c > Width {
					t.Errorf("line %d has %d runes: %q", n, c, line)
				}
				if c := columns(line); c > Width {
					t.Errorf("line %d takes %d columns: %q", n, c, line)
				}
				if strings.ContainsFunc(line, unicode.IsControl) {
					t.Errorf("line %d carries a control character: %q", n, line)
				}
			}
		})
	}
}
