package cluster

import (
	"time"
	"unsafe"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/normalize"
)

// Item is what the clustering stage needs to know about one document. The
// pipeline builds it from the document and from what earlier stages found
// (entities, quotes, reuse links); only ID and Text are required.
type Item struct {
	ID     string
	Date   time.Time // zero when unknown
	Outlet string
	Title  string
	Text   string
	Lang   string // ISO 639-1 code or language name; empty to guess
	// Tokens of Text, if the caller already has them; nil to tokenise Text.
	Tokens []normalize.Token
	// Entities are canonical entity keys from the extract stage. When
	// empty, entity-like keys are derived from capitalised words.
	// An entity may be listed once per mention, so that its weight
	// follows how often the document names it.
	Entities []string
	// EntityNames gives a display name for entity keys (for labels);
	// keys without one are shown as given.
	EntityNames map[string]string
	// Quotes are ids of quotes that other documents carry too.
	Quotes []string
	// Sources are ids of documents this one derives from (reuse stage);
	// a derived document always joins its source's story.
	Sources []string
	// header are the byline and header lines NewItem blanked (see
	// headerSpans).
	header []span
	// read are the words of the document's text (before blanking) a
	// caller had read already (NewItemWords), and that text; preparing
	// reads Text's from them when Tokens is nil.
	read     Words
	readText string
}

// Words are the words of a text as the caller read them: its tokens
// (normalize.AppendTokens) and, for each token, the number of its key
// (the same number for the same key, numbers from 0 to Keys-1), as
// extraction numbers them (extract.Words).
type Words struct {
	Tokens []normalize.Token
	IDs    []int32
	Keys   int
}

// Kept reports whether the byte at offset off of the document's text is
// read as the article's own text: not in a region NewItem blanked (the
// caller drops its own boilerplate regions) nor in a byline or header
// line. The pipeline leaves out entity mentions that are not kept.
func (it *Item) Kept(off int) bool {
	for _, s := range it.header {
		if off >= s.Begin && off < s.End {
			return false
		}
	}
	return true
}

// NewItem fills an Item from a document: the date from its metadata, else
// from a publication dateline in its text, else unknown.
//
// A byline and a header line that only names the outlet and the date are
// blanked as well (see headerSpans): they say who wrote the article and
// where, not what it is about.
//
// Regions of the text that are not the article's own (boilerplate,
// comments, captions) are blanked out, offsets kept: a publisher's
// footer names the publisher, not the news, and would otherwise tie every
// story of that publisher together.
func NewItem(d doc.Document) Item {
	return NewItemWords(d, Words{})
}

// NewItemWords is NewItem for a caller that has read the words of d.Text
// already (extraction on the same worker): preparing the item reads the
// words of its text from them (the text less what NewItem blanks) rather
// than splitting and numbering the text again, with the same terms. The
// item refers to w until it is prepared; w.Tokens empty is no words.
func NewItemWords(d doc.Document, w Words) Item {
	it := Item{ID: d.ID, Outlet: d.Outlet, Title: d.Title, Lang: d.Lang}
	if len(w.Tokens) > 0 && len(w.IDs) == len(w.Tokens) {
		it.read, it.readText = w, d.Text
	}
	it.header = headerSpans(d.Text)
	it.Text = ownText(&d, it.header)
	if it.Outlet == "" {
		it.Outlet = d.Series
	}
	if t, ok := d.Time(); ok {
		it.Date = t
	} else if t, ok := Dateline(d.Text); ok {
		it.Date = t
	}
	return it
}

// ownText is the document's text with the regions that are not its own
// and the header spans replaced by spaces (blankBytes), newlines and offsets
// kept: one copy of the text when anything is blanked (there were two
// for the regions and two more for a header, each a text's length of
// garbage), none otherwise.
func ownText(d *doc.Document, header []span) string {
	var b []byte
	for _, r := range d.Regions {
		if r.Begin < 0 || r.End > len(d.Text) || r.Begin >= r.End || !d.Excluded(r.Begin) {
			continue
		}
		if b == nil {
			b = []byte(d.Text)
		}
		blankBytes(b, span{r.Begin, r.End})
	}
	if b == nil {
		if len(header) == 0 {
			return d.Text
		}
		b = []byte(d.Text)
	}
	for _, s := range header {
		blankBytes(b, s)
	}
	// b is not written again: the string is its bytes.
	return unsafe.String(unsafe.SliceData(b), len(b))
}
