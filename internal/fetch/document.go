package fetch

import (
	"bytes"
	"context"
	"fmt"
	"mime"
	"strings"
	"time"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/read"
)

// Document fetches a page and reads it: HTML through read.ParseHTML
// (trafilatura, readability fallback, comments kept apart), plain text as
// it is. The document's id is the address the page was fetched from
// (after redirects), so that fetching a page again updates it rather than
// adding a copy. It is not the canonical URL the page names: outlets that
// carry a wire story often name the wire's page as canonical, and two
// outlets would become one document. The canonical URL is the document's
// URL; the URL asked for, the fetch time and the WARC record are kept in
// Extra.
func (f *Fetcher) Document(ctx context.Context, raw string) (doc.Document, error) {
	p, err := f.Fetch(ctx, raw)
	if err != nil {
		return doc.Document{}, err
	}
	return PageDocument(p)
}

// PageDocument reads a fetched page into a document.
func PageDocument(p Page) (doc.Document, error) {
	media, _, _ := mime.ParseMediaType(p.ContentType)
	fetched := p.Fetched.UTC().Format(time.RFC3339)
	var d doc.Document
	switch {
	case media == "text/plain":
		var err error
		if d, err = plainDocument(p.Body); err != nil {
			return d, fmt.Errorf("%s: %w", p.FinalURL, err)
		}
		d.URL, d.Date = p.FinalURL, fetched
		d.Extra = map[string]any{"date_source": "fetch"}
	case media == "" || media == "text/html" || media == "application/xhtml+xml" || read.SniffHTML(p.Body):
		var err error
		d, err = read.ParseHTML(p.Body, read.HTMLPage{URL: p.FinalURL, ContentType: p.ContentType, FetchDate: fetched})
		if err != nil {
			return d, fmt.Errorf("%s: %w", p.FinalURL, err)
		}
	default:
		return d, fmt.Errorf("%w: %s is %s, not a web page or text", read.ErrUnknownFormat, p.FinalURL, media)
	}
	if d.Extra == nil {
		d.Extra = map[string]any{}
	}
	d.Extra["fetched_url"] = p.URL
	d.Extra["fetched_at"] = fetched
	// An archived page is named as its archive record will be when the
	// archive is ingested (read.WARCDocumentID); a page fetched without
	// an archive, by its address.
	d.ID = firstNonEmpty(p.FinalURL, p.URL)
	if p.WARCID != "" {
		d.Extra["warc_record_id"] = p.WARCID
		d.ID = read.WARCDocumentID(p.WARCID, p.FinalURL, "")
	}
	read.FinishRecord(&d, read.Source{}, read.Options{})
	return d, nil
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// plainDocument reads a text body with the text file reader, so that a
// fetched text gets the title and checks a text file gets.
func plainDocument(body []byte) (doc.Document, error) {
	f, ok := read.FormatFor("page.txt")
	if !ok {
		return doc.Document{}, fmt.Errorf("%w: no text reader registered", read.ErrUnknownFormat)
	}
	var d doc.Document
	err := f.Read(context.Background(), read.Source{Path: "-", R: bytes.NewReader(body), Size: int64(len(body))}, read.Options{NoRegions: true},
		func(x doc.Document) error { d = x; return nil }, func(read.Problem) {})
	return d, err
}
