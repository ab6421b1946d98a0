package normalize

import (
	"reflect"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"“Quoted” text", `"Quoted" text`},
		{"it’s", "it's"},
		{"wait…", "wait..."},
		{"a — b – c", "a - b - c"},
		{"«ёлка»", `"ёлка"`},
		{"ﬁne  \n\t line", "fine line"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokensOffsetsPointAtOriginal(t *testing.T) {
	text := "Kiev’s “units” — ﬁve ЁЛКА… 2,000 Café"
	toks := Tokens(text)
	var keys []string
	for _, tk := range toks {
		keys = append(keys, tk.Key)
		if Key(text[tk.Begin:tk.End]) != tk.Key {
			t.Errorf("token %q does not match original bytes %q", tk.Key, text[tk.Begin:tk.End])
		}
	}
	want := []string{"kiev", "s", "units", "five", "ёлка", "2", "000", "café"}
	if !reflect.DeepEqual(keys, want) {
		t.Fatalf("keys = %q, want %q", keys, want)
	}
}

func TestTokensEllipsisAndQuoteVariantsMatch(t *testing.T) {
	a := Hashes(Tokens("everything is serious... There is talk"))
	b := Hashes(Tokens("everything is serious… There is talk"))
	if !reflect.DeepEqual(a, b) {
		t.Fatal("ellipsis variants tokenise differently")
	}
}

func TestTokensInvalidUTF8(t *testing.T) {
	text := "ab\xffcd \xe2\x80 ef"
	toks := Tokens(text)
	if len(toks) != 3 || text[toks[0].Begin:toks[0].End] != "ab" || text[toks[2].Begin:toks[2].End] != "ef" {
		t.Fatalf("unexpected tokens %+v", toks)
	}
}

func FuzzTokens(f *testing.F) {
	f.Add("Hello, “world”… ﬁn")
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tk := range Tokens(s) {
			if tk.Begin < prev || tk.End <= tk.Begin || tk.End > len(s) {
				t.Fatalf("bad token %+v in %q", tk, s)
			}
			prev = tk.End
		}
	})
}
