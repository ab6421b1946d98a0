package read

import (
	"context"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
)

func init() {
	Register(Format{Name: "markdown", Exts: []string{".md", ".markdown"}, Read: readMarkdown})
}

// readMarkdown reads a Markdown file as one document. The text is kept as
// written (offsets must point into the file); the title comes from YAML
// front matter or the first heading, and front matter is marked as a
// boilerplate region because it is metadata, not article text.
func readMarkdown(ctx context.Context, src Source, opt Options, emit Emit, report Report) error {
	b, err := readAllLimited(src.R, opt.maxBytes())
	if err != nil {
		return err
	}
	text, enc, err := DecodeText(b, "")
	if err != nil {
		return err
	}
	d := doc.Document{Text: text}
	noteEncoding(&d, enc)
	if src.Path != "-" {
		d.Path = src.Path
	}
	fmEnd, fm := frontMatter(text)
	d.Title = fm["title"]
	d.Author = fm["author"]
	d.URL = fm["url"]
	d.Lang = fm["lang"]
	if date := fm["date"]; date != "" {
		if _, ok := doc.ParseDate(date); ok {
			d.Date = date
		}
	}
	if d.Title == "" {
		d.Title = markdownTitle(text[fmEnd:])
	}
	FinishFile(&d, src, opt)
	if fmEnd > 0 && !opt.NoRegions {
		addRegion(&d, doc.Region{Kind: doc.RegionBoilerplate, Begin: 0, End: fmEnd, Note: "front matter"})
	}
	return emit(d)
}

// frontMatter finds YAML front matter ("---" lines around "key: value"
// lines at the very start) and returns the offset just after it and its
// simple scalar fields. No front matter: 0 and nil.
func frontMatter(text string) (int, map[string]string) {
	body := strings.TrimPrefix(text, string(bom))
	skip := len(text) - len(body)
	first, rest, ok := strings.Cut(body, "\n")
	if !ok || strings.TrimRight(first, " \t\r") != "---" {
		return 0, nil
	}
	off := skip + len(first) + 1
	fields := map[string]string{}
	for rest != "" {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		off += len(line) + 1
		t := strings.TrimRight(line, " \t\r")
		if t == "---" || t == "..." {
			if off > len(text) {
				off = len(text)
			}
			return off, fields
		}
		if k, v, ok := strings.Cut(t, ":"); ok && !strings.HasPrefix(k, " ") {
			v = strings.Trim(strings.TrimSpace(v), `"'`)
			fields[strings.ToLower(strings.TrimSpace(k))] = v
		}
	}
	return 0, nil // never closed: not front matter
}

// markdownTitle is the text of the first ATX ("# Title") or setext
// ("Title" over "===" or "---") heading outside code fences, or "".
func markdownTitle(text string) string {
	lines := strings.Split(text, "\n")
	fence := ""
	for i, raw := range lines {
		line := strings.TrimRight(raw, " \t\r")
		trimmed := strings.TrimLeft(line, " ")
		if len(line)-len(trimmed) > 3 { // indented code
			continue
		}
		if f := fenceMarker(trimmed); f != "" {
			if fence == "" {
				fence = f
			} else if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if fence != "" {
			continue
		}
		if t, ok := atxHeading(trimmed); ok {
			if t != "" {
				return t
			}
			continue
		}
		if trimmed != "" && i+1 < len(lines) && !strings.HasPrefix(trimmed, ">") && !isListItem(trimmed) {
			under := strings.TrimSpace(lines[i+1])
			if under != "" && (strings.Trim(under, "=") == "" || strings.Trim(under, "-") == "") &&
				(i == 0 || strings.TrimSpace(lines[i-1]) == "") {
				return strings.TrimSpace(trimmed)
			}
		}
	}
	return ""
}

// fenceMarker is "```" or "~~~" when the line opens or closes a code fence.
func fenceMarker(line string) string {
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(line, f) {
			return f
		}
	}
	return ""
}

// atxHeading reads "# Title #" style headings.
func atxHeading(line string) (string, bool) {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(line) && line[n] != ' ' && line[n] != '\t') {
		return "", false
	}
	t := strings.TrimSpace(line[n:])
	// A closing run of # preceded by a space is not part of the title.
	if i := strings.LastIndex(t, " "); i >= 0 && strings.Trim(t[i+1:], "#") == "" {
		t = strings.TrimSpace(t[:i])
	} else if strings.Trim(t, "#") == "" {
		t = ""
	}
	return t, true
}

func isListItem(line string) bool {
	return strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* ") || strings.HasPrefix(line, "+ ")
}
