package read

import (
	"context"
	"testing"
)

func init() {
	// Two formats with nested endings, to test that the longest wins. The
	// endings are made up so that they cannot clash with real formats.
	nop := func(context.Context, Source, Options, Emit, Report) error { return nil }
	Register(Format{Name: "test-outer", Exts: []string{".ZZOUTER"}, Read: nop})
	Register(Format{Name: "test-inner", Exts: []string{".zzinner.zzouter"}, Read: nop})
}

func TestFormatFor(t *testing.T) {
	tests := []struct {
		name, want string
	}{
		{"a.txt", "text"},
		{"dir/A.TXT", "text"},
		{"x.md", "markdown"},
		{"x.Markdown", "markdown"},
		{"x.jsonl", "jsonl"},
		{"x.NDJSON", "jsonl"},
		{"x.zzouter", "test-outer"},
		{"x.ZZINNER.zzouter", "test-inner"},
		{"x.tar", ""},
		{".txt", ""}, // an ending alone is not a file of that type
		{"txt", ""},
	}
	for _, tt := range tests {
		f, ok := FormatFor(tt.name)
		if ok != (tt.want != "") || f.Name != tt.want {
			t.Errorf("FormatFor(%q) = %q, %v; want %q", tt.name, f.Name, ok, tt.want)
		}
	}
}

func TestStripExt(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a/b.txt", "a/b"},
		{"b.zzinner.zzouter", "b"},
		{"b.other.zzouter", "b.other"},
		{"notes.v2.unknown", "notes.v2"},
		{"dir.v2/file", "dir.v2/file"},
		{"README", "README"},
		{".profile", ".profile"},
	}
	for _, tt := range tests {
		if got := StripExt(tt.in); got != tt.want {
			t.Errorf("StripExt(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRegisterReplacesByName(t *testing.T) {
	n := len(Formats())
	nop := func(context.Context, Source, Options, Emit, Report) error { return nil }
	Register(Format{Name: "test-outer", Exts: []string{".zzouter"}, Read: nop})
	if len(Formats()) != n {
		t.Errorf("registering a known name added a format")
	}
}
