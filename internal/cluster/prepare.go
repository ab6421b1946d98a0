package cluster

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/echotrace/echotrace/internal/normalize"
)

// Prepared is an item read into what placing it takes: its terms and
// entity keys counted, its headline, its links — not yet in any
// clusterer's vocabularies. Reading a document (tokens, language, stems)
// is most of the cost of placing it and needs no clusterer, so a pipeline
// prepares documents on all cores and hands them to AddPrepared in
// order; the text is not kept.
type Prepared struct {
	ID       string
	Date     time.Time
	Outlet   string
	Title    string
	Headline string
	Sources  []string
	// Terms are the content terms of the text, then from TitleAt those of
	// the title, each as first written, with its count.
	Terms   []PreparedTerm
	TitleAt int
	// Ents are the entity keys of each mention with its display name, in
	// order (Count 1 each); Extracted says they came from the extract
	// stage rather than from capitalised words.
	Ents      []PreparedTerm
	Extracted bool
	// Lang is the language code the terms were read in ("" for none).
	Lang   string
	Quotes []string // sorted, unique
}

// PreparedTerm is one term or entity key of a prepared item.
type PreparedTerm struct {
	Key, Surface string
	Count        int
}

// preparing is what one Prepare call at a time reuses: the stem cache
// and the slice the text's tokens are split into, the largest thing a
// document's preparing allocated.
type preparing struct {
	stems stemCache
	toks  []normalize.Token
	// ids and seen are numberedTerms' numbers of the tokens' keys (when
	// the item's words were read by its caller) and its table by number.
	ids, seen []int32
	// terms and ents are the room a prepared item's terms and entities
	// are counted into when only its record is kept (AppendRecord), and
	// text the room its text is blanked in then (Item.blank).
	terms, ents []PreparedTerm
	text        []byte
}

// maxKeptText bounds the room for a text a preparing keeps.
const maxKeptText = 1 << 20

// maxKeptTokens bounds the token slice a preparing keeps for the next
// document: a very long text's would otherwise stay in memory.
const maxKeptTokens = 1 << 16

// preparings lend preparings to concurrent Prepare calls.
var preparings = sync.Pool{New: func() any { return newPreparing() }}

func newPreparing() *preparing { return &preparing{stems: make(stemCache)} }

// Prepare reads an item for AddPrepared. It is safe for concurrent use.
func Prepare(it Item) Prepared {
	pr := preparings.Get().(*preparing)
	defer preparings.Put(pr)
	return pr.prepare(it, false)
}

// A Preparer is Prepare for a run over many documents: it keeps one
// stem cache for each call that ran at the same time as others, for as
// long as the Preparer is kept. (Prepare's caches go with the sync.Pool
// that lends them, which drops what it holds at garbage collections: in
// a long run, every word was stemmed again every few collections.) The
// zero value is ready for use; a Preparer is safe for concurrent use.
type Preparer struct {
	mu   sync.Mutex
	free []*preparing
}

// Prepare is Prepare with the Preparer's caches.
func (p *Preparer) Prepare(it Item) Prepared {
	pr := p.take()
	defer p.give(pr)
	return pr.prepare(it, false)
}

// AppendRecord prepares the item (Prepare) and appends its record to b
// (Prepared.AppendRecord), for a caller that keeps nothing else of it:
// the same bytes, but the terms and entities are counted into room the
// Preparer keeps rather than room made for each item (a pipeline's
// largest garbage of preparing). The item's ID and Date are those of
// the prepared item.
func (p *Preparer) AppendRecord(b []byte, it Item) ([]byte, error) {
	pr := p.take()
	defer p.give(pr)
	prepared := pr.prepare(it, true)
	b, err := prepared.AppendRecord(b)
	// The terms' strings point into the item's text and title: they go.
	clear(prepared.Terms)
	clear(prepared.Ents)
	pr.terms, pr.ents = prepared.Terms[:0], prepared.Ents[:0]
	if cap(pr.terms) > maxKeptTokens {
		pr.terms = nil
	}
	return b, err
}

// take lends a preparing, made when none is free.
func (p *Preparer) take() *preparing {
	p.mu.Lock()
	var pr *preparing
	if n := len(p.free); n > 0 {
		pr, p.free = p.free[n-1], p.free[:n-1]
	}
	p.mu.Unlock()
	if pr == nil {
		pr = newPreparing()
	}
	return pr
}

// give takes back a preparing lent.
func (p *Preparer) give(pr *preparing) {
	p.mu.Lock()
	p.free = append(p.free, pr)
	p.mu.Unlock()
}

// prepare is Prepare with the preparing's scratch; with reuse, the item's
// terms and entities are counted into the preparing's room (pr.terms,
// pr.ents), and the result holds them until the next call.
func (pr *preparing) prepare(it Item, reuse bool) Prepared {
	if reuse {
		if pr.text = it.blank(pr.text); cap(pr.text) > maxKeptText {
			pr.text = nil
		}
	} else {
		it.blank(nil)
	}
	var ids, seen []int32
	switch {
	case it.Tokens != nil:
	case len(it.read.Tokens) > 0 && len(it.Text) == len(it.readText):
		var keys int
		it.Tokens, ids, keys = pr.wordsOf(&it)
		seen = pr.seen[:0]
		if cap(seen) < keys {
			seen = make([]int32, 0, keys)
		}
		seen = seen[:keys]
		clear(seen)
		if cap(seen) <= maxKeptTokens {
			pr.seen = seen
		}
	default:
		pr.toks = normalize.AppendTokens(pr.toks[:0], it.Text)
		it.Tokens = pr.toks
	}
	if cap(pr.toks) > maxKeptTokens {
		pr.toks, pr.ids = nil, nil
	}
	var room Prepared
	if reuse {
		room.Terms, room.Ents = pr.terms[:0], pr.ents[:0]
	}
	return prepare(&it, pr.stems, ids, seen, room.Terms, room.Ents)
}

// wordsOf returns the tokens of it.Text and the numbers of their keys,
// read from the words of the text before NewItem blanked parts of it
// (it.read of it.readText, as long): the tokens normalize.AppendTokens
// gives. Blanking turns bytes into spaces, which never join two words,
// so a token no blanked byte touches is a token of it.Text too, with the
// same key; and the words of it.Text within a token that blanking
// touched are those of that token's bytes alone (their keys take numbers
// from it.read.Keys up, one a token). It returns the numbers' bound.
func (pr *preparing) wordsOf(it *Item) ([]normalize.Token, []int32, int) {
	w, text, read := it.read, it.Text, it.readText
	if text == read {
		return w.Tokens, w.IDs, w.Keys
	}
	toks, ids, keys := pr.toks[:0], pr.ids[:0], w.Keys
	for i := 0; i < len(w.Tokens); {
		// Blanked lines are few: a run of tokens whose bytes are all
		// unchanged is taken whole, after one comparison.
		end := min(i+tokenRun, len(w.Tokens))
		if b, e := w.Tokens[i].Begin, w.Tokens[end-1].End; text[b:e] == read[b:e] {
			toks = append(toks, w.Tokens[i:end]...)
			ids = append(ids, w.IDs[i:end]...)
			i = end
			continue
		}
		for ; i < end; i++ {
			t := w.Tokens[i]
			if text[t.Begin:t.End] == read[t.Begin:t.End] {
				toks = append(toks, t)
				ids = append(ids, w.IDs[i])
				continue
			}
			from := len(toks)
			toks = normalize.AppendTokens(toks, text[t.Begin:t.End])
			for j := from; j < len(toks); j++ {
				toks[j].Begin += t.Begin
				toks[j].End += t.Begin
				ids = append(ids, int32(keys))
				keys++
			}
		}
	}
	pr.toks, pr.ids = toks, ids
	return toks, ids, keys
}

// tokenRun is how many tokens wordsOf compares at once.
const tokenRun = 64

// prepare reads an item's signals (it does not touch a vocabulary). ids
// are the numbers of the keys of it.Tokens and seen numberedTerms' table
// for them, or nil; the terms and entities are appended to terms and ents
// (empty; nil for room made here).
func prepare(it *Item, stems stemCache, ids, seen []int32, terms, ents []PreparedTerm) Prepared {
	it.blank(nil)
	p := Prepared{ID: it.ID, Date: it.Date, Outlet: it.Outlet, Title: it.Title, Headline: headline(it.Title, it.Text), Sources: it.Sources, Ents: ents}
	toks := it.Tokens
	if toks == nil {
		toks = normalize.Tokens(it.Text)
	}
	titleToks := normalize.Tokens(it.Title)
	var sample []normalize.Token
	if strings.TrimSpace(it.Lang) == "" {
		// Only a guess reads the tokens, and only the opening ones.
		sample = append(slices.Clip(titleToks), toks[:min(len(toks), languageSample)]...)
	}
	lang := languageOf(it.Lang, sample)
	// A text has fewer terms than half its tokens, most often: the
	// terms are counted into room made once.
	var hashes []uint64 // of the keys numbered by ids, as far as the caller gave them
	if ids != nil && len(it.read.Hashes) == it.read.Keys {
		hashes = it.read.Hashes
	}
	p.Terms = numberedTerms(slices.Grow(terms, len(toks)/2+len(titleToks)+8), it.Text, toks, ids, seen, hashes, lang, stems)
	p.TitleAt = len(p.Terms)
	p.Terms = contentTerms(p.Terms, it.Title, titleToks, lang, stems)
	if lang != nil {
		p.Lang = lang.code
	}
	mention := func(key, surface string) {
		p.Ents = append(p.Ents, PreparedTerm{key, surface, 1})
	}
	if len(it.Entities) > 0 {
		p.Extracted = true
		outlet := outletName(it.Outlet, lang)
		for _, e := range it.Entities {
			k := normalize.Key(e)
			if k == "" {
				continue
			}
			name := it.EntityNames[e]
			if name == "" {
				name = e
			}
			if outlet.names(name, lang) {
				continue // the publisher naming itself: a byline, a plug
			}
			mention(k, name)
		}
	} else {
		capitalisedEntities(it.Text, toks, lang, mention)
		capitalisedEntities(it.Title, titleToks, lang, mention)
	}
	q := slices.Clone(it.Quotes)
	slices.Sort(q)
	p.Quotes = slices.Compact(q)
	return p
}

// features interns a prepared item's keys in the vocabularies (it does
// not count document frequencies) and adds the entities its title names
// (see titleEntities), which takes the names seen so far. A record read
// back from bytes takes the same steps (Clusterer.readRecord).
func (p *Prepared) features(terms, ents *vocab, names *nameIndex) features {
	counts := make([]idCount, 0, len(p.Terms))
	for i, t := range p.Terms {
		n := t.Count
		if i >= p.TitleAt {
			n *= titleWeight
		}
		counts = append(counts, idCount{terms.intern(t.Key, t.Surface), n})
	}
	er := newEntityReader(p, len(p.Ents), nil)
	for _, e := range p.Ents {
		er.add(ents.intern(e.Key, e.Surface), e.Count, func() string { return e.Surface })
	}
	return er.features(counts, p, ents, names, nil)
}

// entityReader gathers an item's entity counts and, when its entities
// came from extraction, their names, for finding them in its title.
type entityReader struct {
	counts []idCount
	own    map[string]uint32 // nil unless extracted
	lang   *language
}

// featureScratch is what making an item's features uses only while it
// makes them, kept by a goroutine that makes many one after the other
// (placing's reader, Clusterer.AddRecords): the term and entity counts,
// the names of the item's own entities, the sort's keys and the title's
// tokens. Nothing of it is in the features made: the vectors are new
// (unitVectorWith), or made in what room (when not nil) gives for a
// vector of up to n coordinates (nil: none), which placing handed back;
// a vector of at most whole coordinates is kept whole by its document
// and is never made in such room.
type featureScratch struct {
	terms, ents []idCount
	raw         []rawTerm
	own         map[string]uint32
	keys        []uint64
	title       []normalize.Token
	room        func(n int) []weighted
	whole       int
}

// newEntityReader starts reading an item's n entities, into sc's
// memory when sc is not nil.
func newEntityReader(p *Prepared, n int, sc *featureScratch) entityReader {
	var er entityReader
	if sc == nil {
		er.counts = make([]idCount, 0, n)
	} else {
		er.counts = slices.Grow(sc.ents[:0], n)
	}
	if p.Extracted {
		switch {
		case sc == nil:
			er.own = make(map[string]uint32)
		case sc.own == nil:
			sc.own = make(map[string]uint32)
			er.own = sc.own
		default:
			clear(sc.own)
			er.own = sc.own
		}
		er.lang = languageOf(p.Lang, nil)
	}
	return er
}

// add counts one entity key; surface gives its name, asked for only
// when the name is needed.
func (er *entityReader) add(id uint32, n int, surface func() string) {
	er.counts = append(er.counts, idCount{id, n})
	if er.own != nil {
		ownNames(er.own, surface(), id, er.lang)
	}
}

// features makes the item's features from its term counts and the
// entities read.
// sc, when not nil, keeps the counts' memory and gives the sort's.
func (er *entityReader) features(terms []idCount, p *Prepared, ents *vocab, names *nameIndex, sc *featureScratch) features {
	if p.Extracted {
		names.sync(ents)
		var toks []normalize.Token
		if sc != nil {
			sc.title = normalize.AppendTokens(sc.title[:0], p.Title)
			toks = sc.title
		} else {
			toks = normalize.Tokens(p.Title)
		}
		for _, id := range titleEntities(p.Title, toks, er.own, names) {
			er.counts = append(er.counts, idCount{id, titleWeight})
		}
	}
	var keys *[]uint64
	var termRoom, entRoom []weighted
	if sc != nil {
		keys = &sc.keys
		sc.terms, sc.ents = terms[:0], er.counts[:0]
		if sc.room != nil {
			termRoom, entRoom = sc.room(len(terms)), sc.room(len(er.counts))
		}
	}
	return features{terms: inRoom(termRoom, terms, keys, sc), ents: inRoom(entRoom, er.counts, keys, sc), quotes: p.Quotes}
}

// inRoom is unitVectorIn; a vector made in spare room (room not nil)
// that the document will keep whole, its repeated ids having made it
// short, is copied out of the room, which is left to the collector.
func inRoom(room []weighted, counts []idCount, keys *[]uint64, sc *featureScratch) []weighted {
	vec := unitVectorIn(room, counts, keys)
	if room != nil && len(vec) <= sc.whole {
		vec = slices.Clone(vec)
	}
	return vec
}
