package server

import (
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"
)

// markKind says what a mark on a document's text is.
type markKind int

const (
	markRegion markKind = iota // not the article's own text: comment, boilerplate, caption
	markReuse                  // a passage shared with another document
	markQuote                  // a quotation, term or claim
	markEntity                 // a mention of a person, place or organisation
)

// mark is a byte range of a text with what it means.
type mark struct {
	Kind       markKind
	Begin, End int
	Class      string // CSS class: the colour of the other document, the region kind
	Href       string // where the mark links to, "" for none
	Title      string // tooltip
	Anchor     string // id of the place where the mark begins, "" for none
}

// piece is a run of text under one set of marks.
type piece struct {
	Text  string
	Class string // CSS classes, space-separated
	Href  string // the link of the innermost linking mark
	Title string
	// Anchor is the id of a mark that begins with this piece.
	Anchor string
}

// markText cuts text into pieces at every mark boundary. Marks may
// overlap: a piece carries the classes of every mark over it and the link
// of the most specific one (entity, then quote, then passage), since links
// cannot nest. Offsets outside the text or inside a UTF-8 sequence are
// clamped and moved to a character boundary, so stored offsets that no
// longer fit the text never break a page.
func markText(text string, marks []mark) []piece {
	cuts := []int{0, len(text)}
	valid := marks[:0:0]
	for _, m := range marks {
		m.Begin, m.End = runeStart(text, m.Begin), runeStart(text, m.End)
		if m.End <= m.Begin {
			continue
		}
		valid = append(valid, m)
		cuts = append(cuts, m.Begin, m.End)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	// Sweep: marks sorted by start enter the active set at their start
	// and leave it when a piece starts at or after their end.
	slices.SortStableFunc(valid, func(a, b mark) int { return a.Begin - b.Begin })
	var active []mark
	next := 0
	out := make([]piece, 0, len(cuts))
	for i := 0; i+1 < len(cuts); i++ {
		b, e := cuts[i], cuts[i+1]
		for next < len(valid) && valid[next].Begin <= b {
			active = append(active, valid[next])
			next++
		}
		active = slices.DeleteFunc(active, func(m mark) bool { return m.End <= b })
		p := piece{Text: text[b:e]}
		for _, m := range active {
			if m.Begin == b && m.Anchor != "" {
				p.Anchor = m.Anchor
			}
		}
		var classes []string
		best := -1
		for j, m := range active {
			classes = append(classes, m.Class)
			if m.Href != "" && (best < 0 || m.Kind > active[best].Kind) {
				best = j
			}
		}
		if best >= 0 {
			p.Href, p.Title = active[best].Href, active[best].Title
		} else if len(active) > 0 {
			p.Title = active[len(active)-1].Title
		}
		slices.Sort(classes)
		p.Class = strings.Join(slices.Compact(classes), " ")
		if n := len(out); n > 0 && p.Anchor == "" && out[n-1].Class == p.Class && out[n-1].Href == p.Href && out[n-1].Title == p.Title {
			out[n-1].Text += p.Text
			continue
		}
		out = append(out, p)
	}
	return out
}

// runeStart clamps off into [0, len(text)] and moves it back to the start
// of the character it falls in.
func runeStart(text string, off int) int {
	off = max(0, min(off, len(text)))
	for off > 0 && off < len(text) && !utf8.RuneStart(text[off]) {
		off--
	}
	return off
}

// snippet is a piece of text of about width bytes around the first of the
// words found in it (case-insensitively), or its start.
func snippet(text string, words []string, width int) string {
	lower := strings.ToLower(text)
	at := -1
	for _, w := range words {
		if i := strings.Index(lower, strings.ToLower(w)); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	start := 0
	if at > width/3 {
		start = at - width/3
	}
	// strings.ToLower may change byte lengths; keep offsets within text.
	start = runeStart(text, start)
	end := runeStart(text, start+width)
	if start+width >= len(text) {
		end = len(text)
	}
	s := strings.Join(strings.Fields(text[start:end]), " ")
	if start > 0 {
		s = "…" + s
	}
	if end < len(text) {
		s += "…"
	}
	return s
}

// Links between pages. Ids go into the query or are path-escaped, so an
// id with slashes or spaces still names one document.
func docHref(id string) string { return "/documents/" + url.PathEscape(id) }

func compareHref(a, b string) string {
	return "/compare?" + url.Values{"a": {a}, "b": {b}}.Encode()
}

func quoteHref(id string) string { return "/quotes/" + url.PathEscape(id) }

func entityHref(entity string) string { return "/entities?" + url.Values{"entity": {entity}}.Encode() }

func graphHref(doc string) string { return "/provenance?" + url.Values{"doc": {doc}}.Encode() }
