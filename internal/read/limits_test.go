package read

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	japanese_ "golang.org/x/text/encoding/japanese"
)

func TestCheckText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"plain", "Hello there.\n", nil},
		{"a few control bytes are still text", "Text with a stray \x1b escape and a \x07 bell, otherwise long enough to be prose.", nil},
		{"form feed and tabs", "col\tcol\fnext page", nil},
		{"Cyrillic", "Паром вышел в рейс.", nil},
		{"BOM then text", "\ufeffText", nil},
		{"NUL", "a\x00b", ErrBinary},
		{"NUL after 8 KiB is not looked for by the binary test", strings.Repeat("a", 9000) + "\x00", nil},
		{"UTF-16 BE is decoded", "\xfe\xff\x00a", nil},
		{"UTF-16 BE, only white space", "\xfe\xff\x00 ", ErrEmpty},
		{"not UTF-8 is decoded", "ok \xc3\x28", nil},
		{"empty", "", ErrEmpty},
		{"BOM only", "\ufeff \n", ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckText([]byte(tt.in))
			if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("CheckText = %v, want %v", err, tt.want)
			}
		})
	}
}

// TestDecodeText: byte order marks decide, valid UTF-8 wins, legacy
// encodings are taken from the label or detected, a UTF-8 text with a
// stray bad byte stays UTF-8.
func TestDecodeText(t *testing.T) {
	utf16le := func(s string) string {
		out := "\xff\xfe"
		for _, r := range s {
			out += string([]byte{byte(r), byte(r >> 8)})
		}
		return out
	}
	utf32be := func(s string) string {
		out := "\x00\x00\xfe\xff"
		for _, r := range s {
			out += string([]byte{byte(r >> 24), byte(r >> 16), byte(r >> 8), byte(r)})
		}
		return out
	}
	cyrillic := "Паром вышел в рейс рано утром, и все пассажиры успели на работу вовремя. Капитан сказал, что погода была хорошая."
	koi8r, _ := charmap.KOI8R.NewEncoder().String(cyrillic)
	cp1251, _ := charmap.Windows1251.NewEncoder().String(cyrillic)
	japanese := "東京の港では、朝早くからフェリーが運航を再開しました。乗客たちは安心した様子でした。"
	sjis, _ := japanese_.ShiftJIS.NewEncoder().String(japanese)
	tests := []struct {
		name, in, declared, want, enc string
	}{
		{"UTF-16 LE with BOM", utf16le("Ferry “back”"), "", "Ferry “back”", "utf-16le"},
		{"UTF-32 BE with BOM", utf32be("Fähre"), "", "Fähre", "utf-32be"},
		{"valid UTF-8 wins over a declared windows-1252", "there’s", "windows-1252", "there’s", "utf-8"},
		{"declared latin-1", "caf\xe9 cr\xe8me", "iso-8859-1", "café crème", "windows-1252"},
		{"undeclared windows-1251", cp1251, "", cyrillic, "windows-1251"},
		{"undeclared KOI8-R", koi8r, "", cyrillic, "koi8-r"},
		{"undeclared Shift_JIS", sjis, "", japanese, "shift_jis"},
		{"UTF-8 with one bad byte", "Fähre – Brücke \xff Straße", "", "Fähre – Brücke \uFFFD Straße", "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := DecodeText([]byte(tt.in), tt.declared)
			if err != nil || got != tt.want || enc != tt.enc {
				t.Errorf("DecodeText = %q, %s, %v; want %q, %s", got, enc, err, tt.want, tt.enc)
			}
		})
	}
}

func TestReason(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("%w: x", ErrEmpty), "empty"},
		{fmt.Errorf("wrapped twice: %w", fmt.Errorf("%w: y", ErrMalformed)), "malformed"},
		{fmt.Errorf("%w: open: %w", ErrUnreadable, fs.ErrPermission), "unreadable"},
		{tooLarge(10, 5), "too large"},
		{errors.New("something else"), "error"},
	}
	for _, tt := range tests {
		if got := Reason(tt.err); got != tt.want {
			t.Errorf("Reason(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}
