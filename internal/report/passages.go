package report

import (
	"cmp"
	"slices"

	"github.com/echotrace/echotrace/internal/relate"
)

func init() {
	addSection(section{order: orderPassages, key: "passages", json: passagesJSON})
}

// jsonEnd is one side of a passage: byte offsets into the original text.
type jsonEnd struct {
	Doc   string `json:"doc"`
	Begin int    `json:"begin"`
	End   int    `json:"end"`
}

// jsonSide is one side of a passage with its text: the original bytes of
// the range, or, for a long one (Excerpt set), its beginning and end
// joined by " … " — the whole is in the document, or in the report made
// with the full-text option.
type jsonSide struct {
	jsonEnd
	Text    *string `json:"text,omitempty"`
	Excerpt bool    `json:"excerpt,omitempty"`
}

// PassageTextBytes is the longest passage side the JSON form gives whole
// unless asked for full text: about a page.
const PassageTextBytes = 2000

// excerptBytes is how much of each end of a longer side an excerpt keeps.
const excerptBytes = 400

type jsonPassage struct {
	A           jsonSide `json:"a"`
	B           jsonSide `json:"b"`
	Tokens      int      `json:"tokens"`
	Identity    float64  `json:"identity"`
	Boilerplate bool     `json:"boilerplate"`
}

func passagesJSON(r *Report) any {
	ps := sortedPassages(r.Passages)
	out := make([]jsonPassage, len(ps))
	texts := newTextCache(r.Text)
	for i, p := range ps {
		out[i] = jsonPassage{
			A:           sideJSON(p.A, texts, r.FullText),
			B:           sideJSON(p.B, texts, r.FullText),
			Tokens:      p.Tokens,
			Identity:    ratio(p.Identity),
			Boilerplate: p.Boilerplate,
		}
	}
	return out
}

// sideJSON is one side of a passage with its text, when texts has it.
func sideJSON(e relate.End, texts *textCache, full bool) jsonSide {
	side := jsonSide{jsonEnd: jsonEnd(e)}
	text, ok := texts.get(e.Doc)
	if !ok {
		return side
	}
	b, end := runeStart(text, min(max0(e.Begin), len(text))), runeStart(text, min(max0(e.End), len(text)))
	if end < b {
		end = b
	}
	s := text[b:end]
	if !full && len(s) > PassageTextBytes {
		head := s[:runeStart(s, excerptBytes)]
		tail := s[runeStart(s, len(s)-excerptBytes):]
		s, side.Excerpt = head+" … "+tail, true
	}
	side.Text = &s
	return side
}

// textCache keeps the texts of the last two documents asked for: passages
// are sorted by pair, so each document's text is read about once.
type textCache struct {
	load func(string) string
	ids  [2]string
	text [2]string
	next int
}

func newTextCache(load func(string) string) *textCache { return &textCache{load: load} }

func (c *textCache) get(id string) (string, bool) {
	if c.load == nil {
		return "", false
	}
	for i, x := range c.ids {
		if x == id && x != "" {
			return c.text[i], true
		}
	}
	t := c.load(id)
	c.ids[c.next], c.text[c.next] = id, t
	c.next = 1 - c.next
	return t, t != "" // a document that cannot be read has no text to show
}

// sortedPassages orders passages by document pair, then by position in A,
// then in B.
func sortedPassages(ps []relate.Passage) []relate.Passage {
	out := slices.Clone(ps)
	slices.SortStableFunc(out, comparePassages)
	return out
}

func comparePassages(p, q relate.Passage) int {
	return cmp.Or(
		cmp.Compare(p.A.Doc, q.A.Doc), cmp.Compare(p.B.Doc, q.B.Doc),
		cmp.Compare(p.A.Begin, q.A.Begin), cmp.Compare(p.A.End, q.A.End),
		cmp.Compare(p.B.Begin, q.B.Begin), cmp.Compare(p.B.End, q.B.End),
		cmp.Compare(p.Tokens, q.Tokens), cmp.Compare(p.Identity, q.Identity),
		boolCompare(p.Boilerplate, q.Boilerplate),
	)
}

func boolCompare(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// pairKey names an unordered pair of documents.
type pairKey struct{ lo, hi string }

func pairOf(a, b string) pairKey {
	if b < a {
		a, b = b, a
	}
	return pairKey{a, b}
}

// passagesByPair groups passages by their unordered document pair.
func passagesByPair(ps []relate.Passage) map[pairKey][]relate.Passage {
	m := make(map[pairKey][]relate.Passage)
	for _, p := range ps {
		k := pairOf(p.A.Doc, p.B.Doc)
		m[k] = append(m[k], p)
	}
	return m
}

// oriented returns p with its A side in document a (swapping sides when the
// passage was recorded the other way round).
func oriented(p relate.Passage, a string) relate.Passage {
	if p.A.Doc != a && p.B.Doc == a {
		p.A, p.B = p.B, p.A
	}
	return p
}
