package read

import (
	"context"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

func TestMarkdownTitle(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"ATX", "Intro words.\n\n# Night ferry resumes\n\nBody.", "Night ferry resumes"},
		{"ATX level 3 with closing hashes", "### Night ferry ###\nBody.", "Night ferry"},
		{"hash in title kept", "# Route #5 reopens\nBody.", "Route #5 reopens"},
		{"not a heading without space", "#hashtag line\n\n## Real one\n", "Real one"},
		{"setext equals", "Night ferry\n===========\n\nBody.", "Night ferry"},
		{"setext dashes", "Body first.\n\nNight ferry\n---\nMore.", "Night ferry"},
		{"heading inside code fence ignored", "```\n# not this\n```\n\n# This one\n", "This one"},
		{"indented code ignored", "    # not this\n\n# This one\n", "This one"},
		{"list item over a rule is not setext", "- item\n---\n", ""},
		{"no heading", "Just a paragraph.\nAnd another line.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := markdownTitle(tt.text); got != tt.want {
				t.Errorf("title = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMarkdownFrontMatter(t *testing.T) {
	in := "---\ntitle: \"Orchard frost\"\ndate: 2021-04-02\nauthor: M. Berg\n---\n# Other heading\n\nA late frost damaged the blossom across the valley.\n"
	var got doc.Document
	err := readMarkdown(context.Background(), Source{Path: "f.md", Name: "f", R: strings.NewReader(in)}, Options{}, func(d doc.Document) error {
		got = d
		return nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Orchard frost" || got.Date != "2021-04-02" || got.Author != "M. Berg" || got.Text != in {
		t.Errorf("doc = %+v", got)
	}
	fmEnd := strings.Index(in, "# Other")
	if len(got.Regions) != 1 || got.Regions[0].Kind != doc.RegionBoilerplate || got.Regions[0].Begin != 0 || got.Regions[0].End != fmEnd {
		t.Errorf("regions = %+v, want the front matter [0,%d) as boilerplate", got.Regions, fmEnd)
	}
}

func TestMarkdownUnclosedFrontMatterIsText(t *testing.T) {
	end, fields := frontMatter("---\ntitle: x\nno closing line\n")
	if end != 0 || fields != nil {
		t.Errorf("frontMatter = %d %v, want none", end, fields)
	}
}
