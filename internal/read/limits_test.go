package read

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
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
		{"UTF-16 BE", "\xfe\xff\x00a", ErrBinary},
		{"invalid UTF-8", "ok \xc3\x28", ErrInvalidUTF8},
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

func TestInvalidUTF8Offset(t *testing.T) {
	err := CheckText([]byte("abc\xe2\x82"))
	if err == nil || !strings.Contains(err.Error(), "byte offset 3") {
		t.Errorf("err = %v, want the offset of the truncated sequence", err)
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
