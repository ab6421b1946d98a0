package report

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  two\n\n words\t", "two words"},
		{"red\x1b[31m alert\x07", "red[31m alert"},
		{"bidi\u202eevil", "bidievil"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMeasure(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"abc", 3},
		{"港口", 4},
		{"e\u0301", 2}, // one column, but two runes for tools that count runes
		{"🚢", 2},
		{"👍🏽", 4}, // two wide characters where terminals draw them apart
		{"", 0},
	}
	for _, tt := range tests {
		if got := measure(tt.in); got != tt.want {
			t.Errorf("measure(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		w    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"a longer title here", 10, "a longer…"},
		{"港口日报港口", 7, "港口日…"},
		{"anything", 0, ""},
	}
	for _, tt := range tests {
		got := truncate(tt.in, tt.w)
		if got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.w, got, tt.want)
		}
		if measure(got) > tt.w {
			t.Errorf("truncate(%q, %d) is %d wide", tt.in, tt.w, measure(got))
		}
	}
}

func TestWrapUnits(t *testing.T) {
	tests := []struct {
		name        string
		units       []string
		first, rest string
		w           int
		want        []string
	}{
		{"fits", []string{"a", "b"}, "> ", "  ", 10, []string{"> a b"}},
		{"breaks between units", []string{"alpha", "beta", "gamma"}, "", "  ", 11, []string{"alpha beta", "  gamma"}},
		{"unit with spaces stays whole", []string{"one", "→ two three"}, "", "", 12, []string{"one", "→ two three"}},
		{"overlong unit is cut", []string{"abcdefghij"}, "", "", 4, []string{"abcd", "efgh", "ij"}},
		{"wide characters counted twice", []string{"港口日报"}, "", "", 5, []string{"港口", "日报"}},
		{"no units", nil, "x ", "", 10, []string{"x"}},
		{"wide character after a long prefix", []string{"港口"}, "12345678", "", 9, []string{"12345678", "港口"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrapUnits(tt.units, tt.first, tt.rest, tt.w)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestExcerpt(t *testing.T) {
	long := "The first words of a long passage, " + strings.Repeat("and the middle goes on, ", 20) + "until the final words."
	tests := []struct {
		name       string
		text       string
		begin, end int
		want       string
	}{
		{"short and folded", "say  \n hello\tworld", 0, 100, "say hello world"},
		{"a range within", "0123 hello world 789", 5, 16, "hello world"},
		{"clamped offsets", "abc", -5, 99, "abc"},
		{"empty range", "abc", 2, 1, ""},
		{"middle ellipsis at word boundaries", long, 0, len(long), "The first words of a long passage, and the … the middle goes on, until the final words."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := excerpt(tt.text, tt.begin, tt.end, 90); got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestExcerptLongPassage: a passage of megabytes yields a short excerpt
// with its true beginning and end, and a cut inside a UTF-8 sequence never
// produces invalid text.
func TestExcerptLongPassage(t *testing.T) {
	text := "Begin here. " + strings.Repeat("ёлка ", 400000) + "end here."
	got := excerpt(text, 0, len(text), excerptColumns)
	if !strings.HasPrefix(got, "Begin here.") || !strings.HasSuffix(got, "end here.") || !strings.Contains(got, " … ") {
		t.Fatalf("excerpt %q", got)
	}
	if measure(got) > excerptColumns {
		t.Errorf("excerpt is %d columns, want at most %d", measure(got), excerptColumns)
	}
	// Offsets that fall inside a two-byte letter.
	if got := excerpt(text, 13, 1_000_001, excerptColumns); !utf8.ValidString(got) {
		t.Errorf("excerpt of a mid-rune range is not valid UTF-8: %q", got)
	}
}
