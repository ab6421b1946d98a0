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
	// blankLater says that Text is the document's text as read, which
	// preparing blanks (ownText: regions, the header spans) into room
	// of its own; regions are the document's (NewItemWords).
	blankLater bool
	regions    []doc.Region
}

// Words are the words of a text as the caller read them: its tokens
// (normalize.AppendTokens) and, for each token, the number of its key
// (the same number for the same key, numbers from 0 to Keys-1), as
// extraction numbers them (extract.Words); and, when the caller hashed
// them, each key's normalize.KeyHash by its number (nil: none), which
// preparing then takes rather than hashing the keys again.
type Words struct {
	Tokens []normalize.Token
	IDs    []int32
	Keys   int
	Hashes []uint64
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
// With words, the item's Text is d.Text as read, and preparing blanks
// what NewItem blanks in room it reuses (Preparer.AppendRecord), so the
// text is not copied for every document.
func NewItemWords(d doc.Document, w Words) Item {
	it := Item{ID: d.ID, Outlet: d.Outlet, Title: d.Title, Lang: d.Lang}
	it.header = headerSpans(d.Text)
	if len(w.Tokens) > 0 && len(w.IDs) == len(w.Tokens) {
		it.read, it.readText = w, d.Text
		it.Text, it.blankLater, it.regions = d.Text, true, d.Regions
	} else {
		it.Text = ownText(&d, it.header)
	}
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
	text, _ := ownTextIn(nil, d, header)
	return text
}

// ownTextIn is ownText with the copy made in room when it is not nil;
// it returns the room, grown if need be, for the next text. The string is
// room's bytes until room is written again.
func ownTextIn(room []byte, d *doc.Document, header []span) (string, []byte) {
	var b []byte
	copyText := func() {
		if room == nil {
			b = []byte(d.Text)
		} else {
			b = append(room[:0], d.Text...)
		}
	}
	for _, r := range d.Regions {
		if r.Begin < 0 || r.End > len(d.Text) || r.Begin >= r.End || !d.Excluded(r.Begin) {
			continue
		}
		if b == nil {
			copyText()
		}
		blankBytes(b, span{r.Begin, r.End})
	}
	if b == nil {
		if len(header) == 0 {
			return d.Text, room
		}
		copyText()
	}
	for _, s := range header {
		blankBytes(b, s)
	}
	// b is not written again: the string is its bytes.
	return unsafe.String(unsafe.SliceData(b), len(b)), b
}

// blank blanks the item's Text when NewItemWords left that to preparing:
// in room (see ownTextIn), or in a copy of its own when room is nil.
func (it *Item) blank(room []byte) []byte {
	if !it.blankLater {
		return room
	}
	it.Text, room = ownTextIn(room, &doc.Document{Text: it.Text, Regions: it.regions}, it.header)
	it.blankLater, it.regions = false, nil
	return room
}
