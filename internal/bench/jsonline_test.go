package bench

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// encodingJSON is a record's line as encoding/json writes it.
func encodingJSON(t *testing.T, rec record) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rec); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRecordLineIsEncodingJSONs(t *testing.T) {
	recs := []record{
		{},
		{ID: "syn-0000001", Series: "x-1", Date: "2024-01-01T06:00:00Z", Title: "A Title", Outlet: "The X Herald", URL: "https://x-1.example/syn-0000001", Lang: "en", Text: "Header\n\n“Quoted,” said Someone… and \"straight\" ones.\n"},
		{Text: "tab\there, cr\r, bs\\, nul\x00, bell\x07, \b\f, del\x7f, <html> & co"},
		{Text: "invalid \xff\xfe utf-8 \xe2\x80 cut, separators \u2028 and \u2029, é 漢字 🙂"},
	}
	r := rand.New(rand.NewPCG(2, 3))
	alphabet := []string{"a", " ", "\n", "\"", "\\", "\x01", "\x1f", "é", "\u2028", "\u2029", "\xe2", "\x80", "…", "<", "&", "\U0001F642", "\xed\xa0\x80"}
	for range 3000 {
		var b []byte
		// Mostly plain ASCII, which is read eight bytes at a time, with
		// the other characters anywhere.
		for range r.IntN(80) {
			if r.IntN(4) == 0 {
				b = append(b, alphabet[r.IntN(len(alphabet))]...)
			} else {
				b = append(b, byte(' '+r.IntN(95)))
			}
		}
		recs = append(recs, record{ID: string(b[:len(b)/2]), Text: string(b)})
	}
	for _, rec := range recs {
		if got, want := rec.appendJSON(nil), encodingJSON(t, rec); !bytes.Equal(got, want) {
			t.Fatalf("record %+v:\n got %s\nwant %s", rec, got, want)
		}
	}
}
