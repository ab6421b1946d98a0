package read

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

func TestJSONLFields(t *testing.T) {
	dir := t.TempDir()
	lines := []string{
		`{"id":"p1","series":"coastdaily","date":"2022-11-03","text":"Ferries ran late.","url":"https://example.org/p1","title":"Late ferries","lang":"en","author":"T. Olsen","seq":12345678901234567890,"tags":["sea","port"],"page":{"n":3}}`,
		`{"id":7,"series":"valley","outlet":"Valley Weekly","text":"Frost hit the orchards."}`,
		`{"text":"No id here.","title":null}`,
	}
	writeFiles(t, dir, map[string]string{"in.ndjson": strings.Join(lines, "\r\n") + "\r\n"})
	docs, problems, stats := readPaths(t, []string{dir}, Options{})
	if len(problems) != 0 || len(docs) != 3 || stats.Read != 3 {
		t.Fatalf("docs %v problems %v", ids(docs), problems)
	}
	d := docs[0]
	if d.ID != "p1" || d.Series != "coastdaily" || d.Outlet != "coastdaily" || d.Date != "2022-11-03" || d.Text != "Ferries ran late." ||
		d.URL != "https://example.org/p1" || d.Title != "Late ferries" || d.Lang != "en" || d.Author != "T. Olsen" || d.Line != 1 ||
		d.Path != filepath.Join(dir, "in.ndjson") {
		t.Errorf("fields: %+v", d)
	}
	extra, err := json.Marshal(d.Extra)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"page":{"n":3},"seq":12345678901234567890,"tags":["sea","port"]}`; string(extra) != want {
		t.Errorf("extra = %s, want %s (kept verbatim, big numbers exact)", extra, want)
	}
	if docs[1].ID != "7" || docs[1].Outlet != "Valley Weekly" || docs[1].Line != 2 {
		t.Errorf("numeric id / outlet: %+v", docs[1])
	}
	if docs[2].ID != "in.ndjson#3" {
		t.Errorf("id without id field = %q", docs[2].ID)
	}
}

func TestJSONLBadLines(t *testing.T) {
	good := `{"id":"ok%d","text":"Fine record."}`
	tests := []struct {
		name    string
		line    string
		reason  string
		says    string
		skipped bool
		kept    bool
	}{
		{"not JSON", `{"id": "x", text}`, "malformed", "invalid character", false, false},
		{"truncated", `{"id":"x","text":"cut`, "malformed", "unexpected EOF", false, false},
		{"array", `["text"]`, "malformed", "array", false, false},
		{"two values", `{"text":"a"} {"text":"b"}`, "malformed", "more than one", false, false},
		{"null", `null`, "malformed", "null", false, false},
		{"no text", `{"id":"x","body":"wrong field name"}`, "no text", `no "text"`, false, false},
		{"blank text", `{"id":"x","text":"  "}`, "empty", `"text" is empty`, true, false},
		{"blank text and title", `{"id":"x","text":"","title":" "}`, "empty", `"text" is empty`, true, false},
		{"text a number: read as its digits", `{"id":"x","text":42}`, "coerced", `"text" is a number, read as "42"`, false, true},
		{"title an object: kept in extra", `{"text":"t","title":{"a":1}}`, "coerced", `"title" is an object`, false, true},
		{"id a boolean", `{"id":true,"text":"t"}`, "wrong type", `"id" is a boolean`, false, false},
		{"invalid UTF-8", "{\"text\":\"caf\xe9\"}", "invalid utf-8", "byte offset 12", false, false},
		{"bad date kept", `{"id":"dd","text":"t","date":"last Tuesday"}`, "bad date", "last Tuesday", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			content := strings.Join([]string{
				strings.Replace(good, "%d", "1", 1), "", tt.line, strings.Replace(good, "%d", "4", 1),
			}, "\n")
			writeFiles(t, dir, map[string]string{"f.jsonl": content})
			docs, problems, stats := readPaths(t, []string{dir}, Options{})
			wantDocs := 2
			if tt.kept {
				wantDocs = 3
			}
			if len(docs) != wantDocs || docs[0].ID != "ok1" || docs[len(docs)-1].ID != "ok4" || docs[len(docs)-1].Line != 4 {
				t.Errorf("docs = %v, want the good lines around the bad one", ids(docs))
			}
			if len(problems) != 1 {
				t.Fatalf("problems = %v", problems)
			}
			p := problems[0]
			if p.Line != 3 || !strings.Contains(p.Error(), "f.jsonl:3: ") || !strings.Contains(p.Error(), tt.says) {
				t.Errorf("problem %q, want line 3 saying %q", p.Error(), tt.says)
			}
			if Reason(p.Err) != tt.reason {
				t.Errorf("reason %q, want %q", Reason(p.Err), tt.reason)
			}
			switch {
			case tt.kept:
				if stats.Failed+stats.Skipped != 0 || tt.reason == "bad date" && (docs[1].Date != "" || docs[1].Extra["date"] != "last Tuesday") {
					t.Errorf("kept record: stats %+v doc %+v", stats, docs[1])
				}
			case tt.skipped:
				if stats.Skipped != 1 || stats.Failed != 0 {
					t.Errorf("stats %+v", stats)
				}
			default:
				if stats.Failed != 1 || stats.Skipped != 0 {
					t.Errorf("stats %+v", stats)
				}
			}
		})
	}
}

func TestJSONLLongLineSkippedNotLoaded(t *testing.T) {
	dir := t.TempDir()
	long := `{"id":"long","text":"` + strings.Repeat("abc ", 5000) + `"}`
	writeFiles(t, dir, map[string]string{"f.jsonl": `{"id":"a","text":"Short."}` + "\n" + long + "\n" + `{"id":"b","text":"After."}`})
	docs, problems, stats := readPaths(t, []string{dir}, Options{MaxBytes: 1000})
	if got := ids(docs); len(got) != 2 || got[0] != "a" || got[1] != "b" {
		t.Errorf("docs = %v", got)
	}
	if len(problems) != 1 || problems[0].Line != 2 || Reason(problems[0].Err) != "too large" || !strings.Contains(problems[0].Error(), "limit is 1000") || stats.Failed != 1 {
		t.Errorf("problems = %v stats %+v", problems, stats)
	}
}

func TestLineReaderLimits(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		limit int64
		want  []string // "" for a blank line, "!" for a line over the limit
	}{
		{"exact limit", "abcd\nab\n", 4, []string{"abcd", "ab"}},
		{"one over", "abcde\nab", 4, []string{"!", "ab"}},
		{"crlf at limit", "abcd\r\nx\r\n", 4, []string{"abcd", "x"}},
		{"blank lines", "\n\nz", 4, []string{"", "", "z"}},
		{"longer than the read buffer", strings.Repeat("y", 100) + "\nq", 50, []string{"!", "q"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lr := newLineReader(bufioSize(tt.in, 16), tt.limit)
			var got []string
			for {
				line, n, err := lr.next()
				if err != nil {
					break
				}
				switch {
				case line == nil && n > 0:
					got = append(got, "!")
				default:
					got = append(got, string(line))
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("lines = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSniffJSONL(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{`{"id":1}`, true},
		{"\n  {\"text\":\"x\"}", true},
		{"\xef\xbb\xbf{\"text\":\"x\"}", true},
		{"{}", true},
		{"{\n  \"name\": \"export\"", false}, // a pretty-printed JSON document
		{"Plain words {not json}", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := sniffJSONL([]byte(tt.head)); got != tt.want {
			t.Errorf("sniffJSONL(%q) = %v, want %v", tt.head, got, tt.want)
		}
	}
}

// FuzzJSONL feeds arbitrary bytes to the JSONL reader: it must not panic,
// and every document must have an id, text and regions inside the text.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"Photo: Reuters\nBody text here."}` + "\n" + `{"text":"x"}`))
	f.Add([]byte(`{"id":1,"text":"t","extra":[1,2,{"a":null}]}`))
	f.Add([]byte("{\"text\":\"\xff\"}\n\x00\n{"))
	f.Add([]byte(`{"text":"a","date":"bad"}` + "\r\n\r\n" + `{"text":null}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		src := Source{Path: "fuzz.jsonl", R: bytes.NewReader(in), Size: int64(len(in))}
		_ = readJSONL(context.Background(), src, Options{MaxBytes: 4096}, func(d doc.Document) error {
			if d.ID == "" || strings.TrimSpace(d.Text) == "" {
				t.Errorf("document without id or text: %+v", d)
			}
			checkRegions(t, &d)
			return nil
		}, func(p Problem) {
			if p.Path != "fuzz.jsonl" || p.Err == nil {
				t.Errorf("problem without file or error: %+v", p)
			}
		})
	})
}

// A record with a headline and no text is kept, its headline its text:
// wire feeds and corpora carry such records, and dropping them loses
// documents.
func TestJSONLTitleOnly(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"f.jsonl": `{"id":"h","title":" Quake hits Palermo, Sicily ","text":""}` + "\n"})
	docs, problems, _ := readPaths(t, []string{dir}, Options{})
	if len(problems) != 0 || len(docs) != 1 {
		t.Fatalf("docs %v, problems %v", ids(docs), problems)
	}
	if docs[0].Text != "Quake hits Palermo, Sicily" || docs[0].Title != " Quake hits Palermo, Sicily " {
		t.Errorf("text %q title %q", docs[0].Text, docs[0].Title)
	}
}

// TestJSONLCoercions: values in another type or form than echotrace's
// are read as the nearest value, with a warning naming file and line.
func TestJSONLCoercions(t *testing.T) {
	lines := []string{
		`{"id":"a","text":"Numeric date in seconds.","date":1546300800}`,
		`{"id":"b","text":"Numeric date in milliseconds.","date":1546300800000}`,
		`{"id":"c","text":"Spark date.","date":"2019-01-01T00:00:00.000+0000"}`,
		`{"id":"d","text":"Upper case language.","lang":"EN"}`,
		`{"id":"e","text":["First paragraph.","Second paragraph."],"author":["A. Berg","C. Dahl"],"title":["Split","title"]}`,
		`{"id":"f","text":"A language name.","lang":"English"}`,
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"c.jsonl": strings.Join(lines, "\n") + "\n"})
	docs, problems, stats := readPaths(t, []string{dir}, Options{})
	if len(docs) != 6 || stats.Failed != 0 || stats.Skipped != 0 {
		t.Fatalf("docs %v, stats %+v", ids(docs), stats)
	}
	want := []struct{ date, lang, text, author, title string }{
		{"2019-01-01T00:00:00Z", "", "Numeric date in seconds.", "", ""},
		{"2019-01-01T00:00:00Z", "", "Numeric date in milliseconds.", "", ""},
		{"2019-01-01T00:00:00Z", "", "Spark date.", "", ""},
		{"", "en", "Upper case language.", "", ""},
		{"", "", "First paragraph.\n\nSecond paragraph.", "A. Berg, C. Dahl", "Split title"},
		{"", "", "A language name.", "", ""},
	}
	for i, w := range want {
		d := docs[i]
		if d.Date != w.date || d.Lang != w.lang || d.Text != w.text || d.Author != w.author || d.Title != w.title {
			t.Errorf("line %d: %+v, want %+v", i+1, d, w)
		}
	}
	if docs[5].Extra["lang"] != "English" {
		t.Errorf("a language name that is no code is not kept: %v", docs[5].Extra)
	}
	if len(problems) != 8 { // 3 dates, 2 languages, 3 fields of line 5
		t.Errorf("problems %v, want a warning per coerced field", problems)
	}
	for _, p := range problems {
		if !errors.Is(p, ErrCoerced) || p.Line == 0 || !strings.Contains(p.Error(), "c.jsonl:") {
			t.Errorf("problem %v: want a coercion warning naming file and line", p)
		}
	}
}
