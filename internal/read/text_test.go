package read

import (
	"bufio"
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/doc"
)

// bufioSize is a reader over s with a small buffer, to exercise lines
// longer than the buffer.
func bufioSize(s string, size int) *bufio.Reader {
	return bufio.NewReaderSize(strings.NewReader(s), size)
}

func TestTextTitle(t *testing.T) {
	long := strings.Repeat("word ", 41) // 205 bytes
	tests := []struct {
		name, text, want string
	}{
		{"short first line then more", "Ferry strike ends\n\nThe strike ended at noon.", "Ferry strike ends"},
		{"leading blank lines and spaces", "\n\n   Ferry strike ends  \r\nBody.", "Ferry strike ends"},
		{"byte order mark", "\ufeffFerry strike ends\nBody.", "Ferry strike ends"},
		{"single line: no title", "The strike ended at noon.", ""},
		{"single line then blank lines", "The strike ended at noon.\n\n  \n", ""},
		{"long first line is a paragraph", long + "\nMore.", ""},
		{"exactly 200 bytes", strings.Repeat("x", 200) + "\nMore.", strings.Repeat("x", 200)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := textTitle(tt.text); got != tt.want {
				t.Errorf("title = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTextKeptExactly(t *testing.T) {
	in := "\ufeffTitle line\r\n\r\nBody with “quotes” and trailing spaces.  \r\n"
	var got doc.Document
	err := readText(context.Background(), Source{Path: "x.txt", Name: "x", R: strings.NewReader(in)}, Options{}, func(d doc.Document) error {
		got = d
		return nil
	}, func(p Problem) { t.Errorf("problem %v", p) })
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != in || got.ID != "x" || got.Title != "Title line" || got.Path != "x.txt" {
		t.Errorf("doc = %+v", got)
	}
}

func TestTextTitleWithoutGluedCaption(t *testing.T) {
	in := "Dockers walk out over pay PHOTO: Pickets at the gate. © Harbour News / A. Writer\n\nDockers at the northern harbour walked out on Monday.\n"
	var got doc.Document
	if err := readText(context.Background(), Source{Path: "x.txt", Name: "x", R: strings.NewReader(in)}, Options{}, func(d doc.Document) error {
		got = d
		return nil
	}, nil); err != nil {
		t.Fatal(err)
	}
	if got.Title != "Dockers walk out over pay" {
		t.Errorf("title = %q", got.Title)
	}
}

// FuzzText feeds arbitrary bytes to the text reader: no panic, and a
// document only for non-empty text, decoded to UTF-8, and UTF-8 text kept
// byte for byte.
func FuzzText(f *testing.F) {
	f.Add([]byte("Title\n\nBody (AP) text.\n• AFP"))
	f.Add([]byte("\xff\xfe\x00"))
	f.Add([]byte("  \n"))
	f.Add([]byte("Headline FILE PHOTO: x\nu/someone\n3 points\n2 hours ago\nReply"))
	f.Fuzz(func(t *testing.T, in []byte) {
		src := Source{Path: "fuzz.txt", Name: "fuzz", R: bytes.NewReader(in), Size: int64(len(in))}
		emitted := false
		err := readText(context.Background(), src, Options{MaxBytes: 1 << 20}, func(d doc.Document) error {
			emitted = true
			if _, enc := unicodeBOM(in); enc == nil && utf8.Valid(in) && d.Text != string(in) {
				t.Error("UTF-8 text not kept byte for byte")
			}
			if !utf8.ValidString(d.Text) {
				t.Error("text is not UTF-8")
			}
			if d.Title != "" && !strings.Contains(d.Text, d.Title) {
				t.Errorf("title %q not in text", d.Title)
			}
			checkRegions(t, &d)
			return nil
		}, nil)
		if emitted == (err != nil) {
			t.Errorf("emitted=%v err=%v: exactly one of them expected", emitted, err)
		}
	})
}
