package read

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/echotrace/echotrace/internal/doc"
)

func init() {
	Register(Format{Name: "html", Exts: []string{".html", ".htm", ".xhtml", ".shtml"}, Sniff: SniffHTML, Read: readHTML})
}

// SniffHTML reports whether the first bytes of an input look like an
// HTML page: a doctype or an <html>, <head> or <body> tag near the start.
func SniffHTML(head []byte) bool {
	h := bytes.ToLower(bytes.TrimSpace(bytes.TrimPrefix(head, bom)))
	if len(h) > 512 {
		h = h[:512]
	}
	if bytes.HasPrefix(h, []byte("<!doctype html")) || bytes.HasPrefix(h, []byte("<html")) {
		return true
	}
	return bytes.HasPrefix(h, []byte("<")) && (bytes.Contains(h, []byte("<html")) || bytes.Contains(h, []byte("<head")) || bytes.Contains(h, []byte("<body")))
}

// readHTML reads one web page file as one document.
func readHTML(ctx context.Context, src Source, opt Options, emit Emit, report Report) error {
	b, err := readAllLimited(src.R, opt.maxBytes())
	if err != nil {
		return err
	}
	d, err := ParseHTML(b, HTMLPage{})
	if err != nil {
		return err
	}
	if src.Path != "-" {
		d.Path = src.Path
	}
	FinishFile(&d, src, opt)
	return emit(d)
}

// HTMLPage is what is known about a web page apart from its bytes, from
// the HTTP response or the archive record that carried it.
type HTMLPage struct {
	// URL is where the page was fetched from. It resolves relative links
	// and is the document's URL when the page names no canonical one.
	URL string
	// ContentType is the HTTP Content-Type header, whose charset decides
	// the encoding when the page does not declare one itself.
	ContentType string
	// FetchDate is when the page was fetched (RFC 3339). It becomes the
	// document's date only when the page gives no publication date, and
	// is noted as such in Extra["date_source"].
	FetchDate string
}

// ParseHTML turns a web page into a document: the main text through
// go-trafilatura with its paragraphs kept (separated by blank lines), or
// through go-readability when trafilatura finds nothing; title, author,
// publication date, outlet, canonical URL and language from the page's
// metadata (the language detected from the text when the page does not
// declare it). Reader comments and forum replies are kept apart from the
// article: each is appended to Text as a doc.RegionComment region, and
// figure captions are marked as doc.RegionCaption. The links of the
// article body are listed in Extra["links"].
//
// It fails with ErrBinary for bytes that are not text and ErrNoText when the page has neither article text nor
// comments. The document has no ID and no regions from MarkRegions yet:
// callers complete it with FinishFile or FinishRecord.
func ParseHTML(b []byte, page HTMLPage) (doc.Document, error) {
	// The HTTP charset is what browsers follow first, then the page's own
	// declaration; valid UTF-8 wins over both (decode.go).
	declared := firstNonEmpty(contentTypeCharset(page.ContentType), declaredCharset(b))
	b, encName, detected, err := decodeInput(b, declared)
	if err != nil {
		return doc.Document{}, err
	}
	if !utf8.Valid(b) {
		b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return doc.Document{}, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	var base *url.URL
	if page.URL != "" {
		if u, err := url.Parse(page.URL); err == nil && u.IsAbs() {
			base = u
		}
	}
	if strings.TrimSpace(bodyText(root)) == "" {
		return doc.Document{}, fmt.Errorf("%w: the page has no body text", ErrNoText)
	}
	pageTitle := titleOf(root)
	comments := extractComments(root)

	art, extractErr := extractArticle(root, base)
	var d doc.Document
	d.Title = firstNonEmpty(art.title, pageTitle)
	d.Author = art.author
	d.URL = firstNonEmpty(art.url, page.URL)
	d.Date = art.date
	d.Outlet = art.site
	d.Lang = art.lang

	var text strings.Builder
	for _, p := range art.paragraphs {
		if text.Len() > 0 {
			text.WriteString("\n\n")
		}
		begin := text.Len()
		text.WriteString(p.text)
		if p.caption {
			d.Regions = append(d.Regions, doc.Region{Kind: doc.RegionCaption, Begin: begin, End: text.Len()})
		}
	}
	var commentMeta []any
	for _, c := range comments {
		if text.Len() > 0 {
			text.WriteString("\n\n")
		}
		begin := text.Len()
		text.WriteString(c.Text)
		d.Regions = append(d.Regions, doc.Region{Kind: doc.RegionComment, Begin: begin, End: text.Len(), Note: commentNote(c)})
		m := map[string]any{"begin": begin, "end": text.Len()}
		for k, v := range map[string]string{"id": c.ID, "author": c.Author, "date": c.Date} {
			if v != "" {
				m[k] = v
			}
		}
		commentMeta = append(commentMeta, m)
	}
	d.Text = text.String()
	if strings.TrimSpace(d.Text) == "" {
		if extractErr != nil {
			return doc.Document{}, fmt.Errorf("%w: no article text found in the page (%v)", ErrNoText, extractErr)
		}
		return doc.Document{}, fmt.Errorf("%w: no article text found in the page", ErrNoText)
	}

	if d.Outlet == "" {
		d.Outlet = hostOutlet(firstNonEmpty(d.URL, page.URL))
	}
	extra := map[string]any{}
	if d.Date == "" && page.FetchDate != "" {
		d.Date = page.FetchDate
		extra["date_source"] = "fetch"
	}
	if len(art.links) > 0 {
		links := make([]any, len(art.links))
		for i, l := range art.links {
			links[i] = l
		}
		extra["links"] = links
	}
	if len(commentMeta) > 0 {
		extra["comments"] = commentMeta
	}
	if art.extractor != "" {
		extra["extractor"] = art.extractor
	}
	if encName != "utf-8" {
		extra["encoding"] = encName
		if detected {
			extra["encoding_detected"] = true
		}
	}
	if len(extra) > 0 {
		d.Extra = extra
	}
	return d, nil
}

// article is what an extractor found on a page.
type article struct {
	paragraphs               []paragraph
	links                    []string
	title, author, url, date string
	site, lang               string
	extractor                string // which extractor produced the text
}

// extractArticle runs trafilatura, then go-readability when trafilatura
// fails or finds no text. Either may panic on pathological markup; that is
// treated as a failure of that extractor, never of echotrace.
func extractArticle(root *html.Node, base *url.URL) (article, error) {
	a, err := trafilaturaArticle(root, base)
	if err == nil && len(a.paragraphs) > 0 {
		return a, nil
	}
	r, rerr := readabilityArticle(root, base)
	if rerr == nil && len(r.paragraphs) > 0 {
		// Keep trafilatura's metadata where readability has none.
		r.title = firstNonEmpty(r.title, a.title)
		r.author = firstNonEmpty(r.author, a.author)
		r.url = firstNonEmpty(a.url, r.url)
		r.date = firstNonEmpty(r.date, a.date)
		r.site = firstNonEmpty(r.site, a.site)
		r.lang = firstNonEmpty(r.lang, a.lang)
		return r, nil
	}
	if err == nil {
		err = errors.New("trafilatura found no text")
	}
	if rerr == nil {
		rerr = errors.New("found no text")
	}
	a.paragraphs = nil
	return a, fmt.Errorf("trafilatura: %v; readability: %v", err, rerr)
}

func trafilaturaArticle(root *html.Node, base *url.URL) (a article, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extractor failed: %v", r)
		}
	}()
	res, err := trafilatura.ExtractDocument(root, trafilatura.Options{
		OriginalURL:     base,
		EnableFallback:  true, // readability and DOM Distiller compared with its own result, as the benchmark measured it
		ExcludeComments: true, // comments were taken out before, one by one
		IncludeLinks:    true, // so that the body's links can be listed
		HtmlDateMode:    trafilatura.Fast,
	})
	if err != nil {
		return article{}, err
	}
	m := res.Metadata
	a = article{
		paragraphs: paragraphsOf(res.ContentNode, nil),
		links:      linksOf(res.ContentNode, base, nil),
		title:      m.Title,
		author:     m.Author,
		url:        m.URL,
		date:       formatDate(m.Date),
		site:       m.Sitename,
		lang:       langCode(m.Language),
		extractor:  "trafilatura",
	}
	return a, nil
}

func readabilityArticle(root *html.Node, base *url.URL) (a article, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extractor failed: %v", r)
		}
	}()
	p := readability.NewParser()
	res, err := p.ParseDocument(root, base)
	if err != nil {
		return article{}, err
	}
	a = article{
		paragraphs: paragraphsOf(res.Node, nil),
		links:      linksOf(res.Node, base, nil),
		title:      res.Title(),
		author:     res.Byline(),
		site:       res.SiteName(),
		lang:       langCode(res.Language()),
		extractor:  "readability",
	}
	if t, err := res.PublishedTime(); err == nil {
		a.date = formatDate(t)
	}
	return a, nil
}

// formatDate writes a time as a date alone when it carries no time of day
// (as most page metadata does), else as RFC 3339.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

// langCode reduces a language tag ("en-GB", "pt_BR", "RU") to its lower
// case primary subtag, or "" when it is not a plausible ISO 639 code.
func langCode(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	for _, c := range tag {
		if c < 'a' || c > 'z' {
			return ""
		}
	}
	return tag
}

// hostOutlet names an outlet by the host of its URL, without "www.".
func hostOutlet(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// titleOf is the text of the page's <title>.
func titleOf(root *html.Node) string {
	var found string
	var rec func(*html.Node) bool
	rec = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Title {
			var w paragraphWriter
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					w.text(c.Data)
				}
			}
			found = w.cur.String()
			return true
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if rec(c) {
				return true
			}
		}
		return false
	}
	rec(root)
	return found
}

// bodyText is the text of the page's <body> (scripts and styles left out).
func bodyText(root *html.Node) string {
	var body *html.Node
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if body != nil {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			body = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(root)
	if body == nil {
		return ""
	}
	return nodeText(body)
}

// commentNote says whose comment a region is, for people reading it.
func commentNote(c htmlComment) string {
	note := "comment"
	if c.Author != "" {
		note += " by " + c.Author
	}
	if c.Date != "" {
		note += " at " + c.Date
	}
	return note
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
