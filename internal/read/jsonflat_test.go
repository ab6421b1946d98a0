package read

import (
	"encoding/json"
	"reflect"
	"testing"
	"unicode/utf8"
)

// flatObjectSeeds are lines flatObject must read as encoding/json does, or
// leave to it: escapes of every kind, surrogates paired and alone, keys
// given twice, white space everywhere JSON allows it, and what it declines
// (numbers, arrays, nesting, text after the object, bad escapes).
var flatObjectSeeds = []string{
	`{}`, ` { } `, `{"id":"a","text":"b"}`, "\t{ \"text\" :\r\n\"x\" , \"lang\" : null }\n",
	`{"text":"quote \" slash \\ solidus \/ \b\f\n\r\t end"}`,
	`{"text":"\u00e9\u4e2d\uD83D\uDE00 pair"}`, `{"text":"lone \uD83D here"}`, `{"text":"lone \uDE00 low"}`,
	`{"text":"high then escape \uD83D\n"}`, `{"text":"two highs \uD83D\uD83D\uDE00"}`, `{"text":"bad \uZZZZ"}`,
	`{"text":"short \u12"}`, `{"text":"bad \x escape"}`, "{\"text\":\"raw \x01 control\"}", `{"text":"ünïcödé “quotes” …"}`,
	`{"a":"1","a":"2"}`, `{"id":12,"text":"n"}`, `{"text":["a","b"]}`, `{"o":{"x":"y"}}`, `{"t":true}`,
	`{"text":"x"} {"text":"y"}`, `{"text":"x"}garbage`, `{"text":"x",}`, `{"text" "x"}`, `{"text":nul}`, `{"text":nullx}`,
	`null`, `[]`, `"s"`, ``, `{`, `{"text":"unterminated`, `{"text":"x"`, `{"text":"x"  `, `{'text':'x'}`,
}

// checkFlatObject asserts that whatever flatObject reads, encoding/json
// reads the same, and that it declines nothing simple.
func checkFlatObject(t *testing.T, line string) {
	t.Helper()
	if !utf8.ValidString(line) {
		return // parseRecord rejects it before
	}
	got, ok := flatObject([]byte(line))
	want, err := decodeObject([]byte(line))
	if !ok {
		return
	}
	if err != nil {
		t.Fatalf("flatObject(%q) read %v; encoding/json fails: %v", line, got, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("flatObject(%q) = %#v, encoding/json %#v", line, got, want)
	}
}

func TestFlatObjectMatchesEncodingJSON(t *testing.T) {
	for _, s := range flatObjectSeeds {
		checkFlatObject(t, s)
	}
	// The common lines take the fast way.
	for _, s := range []string{`{}`, `{"id":"a","text":"b"}`, `{"text":"\u00e9\uD83D\uDE00 \"q\"\n"}`, `{"a":"1","a":"2","b":null}`} {
		if _, ok := flatObject([]byte(s)); !ok {
			t.Errorf("flatObject(%q) declined a flat object of strings", s)
		}
	}
	// What it cannot read the same way it leaves to encoding/json.
	for _, s := range []string{`{"id":12}`, `{"text":["a"]}`, `{"text":"x"} {}`, `{"text":"\x"}`, "{\"t\":\"\x01\"}", `{"t":true}`} {
		if _, ok := flatObject([]byte(s)); ok {
			t.Errorf("flatObject(%q) read a line it should leave to encoding/json", s)
		}
	}
}

func FuzzFlatObject(f *testing.F) {
	for _, s := range flatObjectSeeds {
		f.Add(s)
	}
	f.Fuzz(checkFlatObject)
}

func BenchmarkParseRecord(b *testing.B) {
	line := []byte(`{"id":"coast-2024-000017","series":"Coast Daily","date":"2024-03-05","title":"Harbour workers end strike","text":"` +
		jsonEscape(plainArticles["en"]) + `"}`)
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := parseRecord(line, true); err != nil {
			b.Fatal(err)
		}
	}
}

// jsonEscape is s as the inside of a JSON string.
func jsonEscape(s string) string {
	b, _ := json.Marshal(s)
	return string(b[1 : len(b)-1])
}
