package read

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/echotrace/echotrace/internal/doc"
)

func init() {
	Register(Format{Name: "feed", Exts: []string{".rss", ".atom"}, Sniff: sniffFeed, Read: readFeed})
}

// sniffFeed recognises RSS, RDF and Atom documents by their root element
// near the start (after an XML declaration, comments or a stylesheet).
func sniffFeed(head []byte) bool {
	h := bytes.ToLower(head)
	if !bytes.HasPrefix(bytes.TrimSpace(bytes.TrimPrefix(h, bom)), []byte("<")) {
		return false
	}
	return bytes.Contains(h, []byte("<rss")) || bytes.Contains(h, []byte("<rdf:rdf")) ||
		bytes.Contains(h, []byte("<feed")) && bytes.Contains(h, []byte("http://www.w3.org/2005/atom"))
}

// readFeed reads an RSS or Atom feed: one document per item. An item
// without any text is reported and the others read; an item whose date
// cannot be understood is read without a date, the raw value kept in
// Extra["date"] and a warning reported.
func readFeed(ctx context.Context, src Source, opt Options, emit Emit, report Report) error {
	b, err := readAllLimited(src.R, opt.maxBytes())
	if err != nil {
		return err
	}
	// Decoded here rather than by the XML parser, so that a feed that
	// declares no encoding, or a wrong one, is still read (decode.go).
	b, enc, _, err := decodeInput(b, declaredCharset(b))
	if err != nil {
		return err
	}
	if enc != "utf-8" {
		b = declareUTF8(b)
	}
	feed, err := parseFeed(b)
	if err != nil {
		return fmt.Errorf("%w: not a readable RSS or Atom feed: %v", ErrMalformed, err)
	}
	for i, item := range feed.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		if item == nil {
			continue
		}
		record := firstNonEmpty(item.GUID, item.Link, "item "+strconv.Itoa(i+1))
		d, warn, err := feedItemDocument(feed, item)
		if err != nil {
			report(Problem{Path: src.Path, Record: record, Err: err})
			continue
		}
		if warn != nil {
			report(Problem{Path: src.Path, Record: record, Err: warn})
		}
		if src.Path != "-" {
			d.Path = src.Path
		}
		// GUIDs are unique only within one feed: scoped by the feed's own
		// URL, or by the file when the feed does not name itself.
		d.ID = scopedID(feed.FeedLink, src, firstNonEmpty(item.GUID, item.Link, HashID(d.Title+"\n"+d.Text)), d.Text)
		FinishRecord(&d, src, opt)
		if err := emit(d); err != nil {
			return err
		}
	}
	return nil
}

// declareUTF8 rewrites the encoding an XML declaration names to UTF-8,
// for a document decoded to UTF-8 before parsing.
func declareUTF8(b []byte) []byte {
	loc := xmlEncoding.FindSubmatchIndex(b[:min(len(b), 1024)])
	if loc == nil {
		return b
	}
	out := make([]byte, 0, len(b))
	out = append(out, b[:loc[2]]...)
	out = append(out, "utf-8"...)
	return append(out, b[loc[3]:]...)
}

// parseFeed runs gofeed, turning a panic on hostile input into an error.
func parseFeed(b []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			feed, err = nil, fmt.Errorf("feed parser failed: %v", r)
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(b))
}

// feedItemDocument makes the document of one item: its content (or, when
// the feed carries none, its description) stripped of markup with the
// paragraphs kept; the title alone when there is no body at all. warn is
// set when the item's date could not be understood.
func feedItemDocument(feed *gofeed.Feed, item *gofeed.Item) (d doc.Document, warn error, err error) {
	body := firstNonEmpty(item.Content, item.Description)
	text := markupText(body)
	title := strings.TrimSpace(markupText(item.Title))
	if text == "" {
		text = title
	}
	if strings.TrimSpace(text) == "" {
		return d, nil, fmt.Errorf("%w: the item has neither title nor content", ErrNoText)
	}
	d = doc.Document{
		Title:  title,
		Outlet: strings.TrimSpace(markupText(feed.Title)),
		URL:    strings.TrimSpace(item.Link),
		Text:   text,
		Lang:   langCode(feed.Language),
	}
	if d.URL == "" && len(item.Links) > 0 {
		d.URL = strings.TrimSpace(item.Links[0])
	}
	var names []string
	for _, p := range item.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	if len(names) == 0 && item.DublinCoreExt != nil {
		names = append(names, item.DublinCoreExt.Creator...)
	}
	d.Author = strings.Join(names, ", ")

	raw, parsed := item.Published, item.PublishedParsed
	if strings.TrimSpace(raw) == "" {
		raw, parsed = item.Updated, item.UpdatedParsed
	}
	if raw = strings.TrimSpace(raw); raw != "" {
		if parsed != nil {
			d.Date = parsed.UTC().Format(time.RFC3339)
		} else {
			d.Extra = map[string]any{"date": raw}
			warn = fmt.Errorf("%w %q; the item is read without a date, the value kept in extra as \"date\"", ErrBadDate, raw)
		}
	}
	if body == "" {
		if d.Extra == nil {
			d.Extra = map[string]any{}
		}
		d.Extra["text_source"] = "title"
	}
	return d, warn, nil
}

// markupText turns a feed field that may hold HTML into plain text with
// paragraphs separated by blank lines. Text without markup keeps its own
// paragraph breaks.
func markupText(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if !strings.Contains(s, "<") {
		return strings.TrimSpace(html.UnescapeString(s))
	}
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return s
	}
	paras := paragraphsOf(root, nil)
	texts := make([]string, len(paras))
	for i, p := range paras {
		texts[i] = p.text
	}
	return strings.Join(texts, "\n\n")
}
