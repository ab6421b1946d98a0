package read

import (
	"context"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
)

func init() {
	Register(Format{Name: "text", Exts: []string{".txt", ".text"}, Read: readText})
}

// maxTitleLen is the longest first line taken as a plain text's title;
// a longer one is a paragraph, not a headline.
const maxTitleLen = 200

// readText reads a whole plain text file as one document.
func readText(ctx context.Context, src Source, opt Options, emit Emit, report Report) error {
	b, err := readAllLimited(src.R, opt.maxBytes())
	if err != nil {
		return err
	}
	text, enc, err := DecodeText(b, "")
	if err != nil {
		return err
	}
	d := doc.Document{Text: text, Title: textTitle(text)}
	noteEncoding(&d, enc)
	if src.Path != "-" {
		d.Path = src.Path
	}
	FinishFile(&d, src, opt)
	return emit(d)
}

// textTitle is the first non-empty line when it is short enough to be a
// headline and more text follows it; otherwise "".
func textTitle(text string) string {
	text = strings.TrimPrefix(text, string(bom))
	first, rest, found := "", "", false
	for text != "" {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		if t := strings.TrimSpace(line); t != "" {
			first, rest, found = t, text, true
			break
		}
	}
	if !found || len(first) > maxTitleLen || strings.TrimSpace(rest) == "" {
		return ""
	}
	return first
}
