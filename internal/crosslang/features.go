package crosslang

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/normalize"
)

// Weights of the kinds of evidence a sentence carries. A number or a name
// found on both sides says more than a common word found through a
// dictionary or a chance cognate.
const (
	weightNumber = 2.0
	weightName   = 2.0
	weightMonth  = 1.5
	weightWord   = 1.0
	weightLink   = 3.0
)

// slot is one unit of a sentence's evidence — a word, a number, a name —
// with the keys under which the other language may hold it (a name's
// skeleton, a word's dictionary translations); it is found on the other
// side when any of its keys is.
type slot struct {
	keys   []uint64
	weight float64
}

// sentence is what alignment knows of one sentence.
type sentence struct {
	span   doc.Span
	length int      // letters and digits: the length model's measure
	slots  []slot   // its evidence
	keys   []uint64 // every key of its slots, sorted, for the other side's lookups
	strong []uint64 // keys of its anchors: what finds candidates (see Fingerprints)
	weight float64  // sum of its slots' weights
}

// Features are a document's sentences as alignment compares them.
type Features struct {
	ID    string
	Lang  string
	sents []sentence
}

// Sentences is the number of sentences.
func (f *Features) Sentences() int { return len(f.sents) }

var linkRe = regexp.MustCompile(`(?i)\bhttps?://[^\s<>"«»]+|\bwww\.[^\s<>"«»]+|(?:^|[\s(])[@#][\p{L}\p{N}_]{2,}`)

// analyzer turns documents of one language into Features.
type analyzer struct {
	lang string
	dict *Dictionary // to English; nil for English and for languages without one
	// anchorsOnly skips all but the anchors (see Analyzer.Anchors).
	anchorsOnly bool
	words       *wordCache
}

// features splits a document into sentences and finds each sentence's
// evidence.
func (a *analyzer) features(d *doc.Document) *Features {
	f := &Features{ID: d.ID, Lang: a.lang}
	for _, sp := range normalize.Sentences(d.Text, a.lang) {
		if d.Excluded(sp.Begin) {
			continue // comments, captions, boilerplate are not the article
		}
		s := a.sentence(d.Text[sp.Begin:sp.End])
		if s.length == 0 {
			continue
		}
		s.span = sp
		f.sents = append(f.sents, s)
	}
	return f
}

// sentence finds the evidence of one sentence's text.
func (a *analyzer) sentence(text string) sentence {
	var s sentence
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			s.length++
		}
	}
	add := func(w float64, keys ...uint64) {
		s.slots = append(s.slots, slot{keys: keys, weight: w})
		s.weight += w
	}
	anchor := func(w float64, keys ...uint64) {
		add(w, keys...)
		s.strong = append(s.strong, keys...)
	}
	for _, m := range numbers(text) {
		v := canonicalNumber(m)
		if len(v) == 1 {
			add(weightWord, hashKey("#", v)) // a single digit is common everywhere
			continue
		}
		anchor(weightNumber, hashKey("#", v))
	}
	if !strings.ContainsAny(text, "@#") && !strings.Contains(text, "://") && !strings.Contains(text, "www.") {
		goto words // the expression is slow; most sentences hold no link
	}
	for _, m := range linkRe.FindAllString(text, -1) {
		anchor(weightLink, hashKey("u:", strings.ToLower(strings.TrimLeft(m, " \t\n(")))) // no trailing punctuation trimming: both sides keep it alike
	}
words:
	for i, sp := range normalize.Spans(text) {
		raw := text[sp.Begin:sp.End]
		if r, _ := utf8.DecodeRuneInString(raw); unicode.IsDigit(r) {
			continue // numbers are read whole above
		}
		capital := startsUpper(raw)
		if a.anchorsOnly && (!capital || i == 0) && !isAcronym(raw) && (capital || month(a.lang, strings.ToLower(raw)) == 0) {
			continue // not an anchor; the cheap tests first
		}
		w := a.word(normalize.Key(raw))
		switch {
		case w.stop || w.latin == "":
			continue
		case w.month > 0:
			anchor(weightMonth, hashKey("m:", string(rune('0'+w.month/10))+string(rune('0'+w.month%10))))
			continue
		case isAcronym(raw):
			anchor(weightName, hashKey("a:", w.latin))
			continue
		}
		var keys []uint64
		if a.lang == "en" {
			keys = append(keys, w.english)
		}
		keys = append(keys, w.trans...)
		// A name or a cognate through its skeleton, of the word as written
		// and of its stem: stems lose the case endings of names
		// (Пескову, Peskov's) but stemmers also cut into names (Михаил)
		// and cognates (demonize, демонизировать), so either may match.
		// Words of scripts other than Latin and Cyrillic have no skeleton.
		var skeletons []uint64
		minClasses := 3
		if capital {
			minClasses = 2
		}
		if !w.short {
			if len(w.whole) >= minClasses {
				skeletons = append(skeletons, hashKey("w:", w.whole))
			}
			if w.stem != w.whole && len(w.stem) >= minClasses {
				skeletons = append(skeletons, hashKey("w:", w.stem))
			}
		}
		keys = append(keys, skeletons...)
		if len(keys) == 0 {
			continue
		}
		// A capitalized word is a name, unless the language capitalizes
		// every noun (German) and the dictionary knows it as a common
		// word; the first word of a sentence is capitalized anyway.
		if capital && i > 0 && (w.trans == nil || w.proper || !capitalizesNouns[a.lang]) {
			add(weightName, keys...)
			// Its keys other languages share: the skeleton, and the
			// English of a name the dictionary translates (München,
			// Munich) or the English name itself.
			s.strong = append(s.strong, skeletons...)
			s.strong = append(s.strong, w.trans...)
			if a.lang == "en" {
				s.strong = append(s.strong, w.english)
			}
			continue
		}
		add(weightWord, keys...)
	}
	for _, sl := range s.slots {
		s.keys = append(s.keys, sl.keys...)
	}
	slices.Sort(s.keys)
	s.keys = slices.Compact(s.keys)
	slices.Sort(s.strong)
	s.strong = slices.Compact(s.strong)
	return s
}

// capitalizesNouns are the languages that write every noun with a capital.
var capitalizesNouns = map[string]bool{"de": true, "lb": true}

// numbers are the numbers written in text: digits, with groups of three
// after a space, a no-break space, a dot, a comma or an apostrophe, and a
// decimal part after a dot or a comma ("10 000", "1,234.5", "3,5").
func numbers(text string) []string {
	var out []string
	digit := func(i int) bool { return i < len(text) && '0' <= text[i] && text[i] <= '9' }
	digits := func(i int) int {
		for digit(i) {
			i++
		}
		return i
	}
	for i := 0; i < len(text); {
		if !digit(i) {
			i++
			continue
		}
		start := i
		i = digits(i)
		for {
			sep := 0
			switch {
			case i < len(text) && strings.IndexByte(" .,'", text[i]) >= 0:
				sep = 1
			case strings.HasPrefix(text[i:], "\u00a0"):
				sep = 2
			case strings.HasPrefix(text[i:], "\u202f"):
				sep = 3
			}
			if sep == 0 || !digit(i+sep) {
				break
			}
			if end := digits(i + sep); end-(i+sep) == 3 {
				i = end // a group of thousands
				continue
			} else if text[i] == '.' || text[i] == ',' {
				i = end // a decimal part
			}
			break
		}
		out = append(out, text[start:i])
	}
	return out
}

// canonicalNumber writes a number as its digits with at most one decimal
// point: "10 000", "10,000" and "10.000" are "10000"; "1,5" and "1.5" are
// "1.5". A group of exactly three digits after a separator is taken for
// thousands, as it mostly is in news.
func canonicalNumber(m string) string {
	var groups []string
	var seps []string
	cur := strings.Builder{}
	for _, r := range m {
		if '0' <= r && r <= '9' {
			cur.WriteRune(r)
			continue
		}
		groups = append(groups, cur.String())
		seps = append(seps, string(r))
		cur.Reset()
	}
	groups = append(groups, cur.String())
	var b strings.Builder
	for i, g := range groups {
		if i > 0 && i == len(groups)-1 && len(g) != 3 && (seps[i-1] == "." || seps[i-1] == ",") {
			b.WriteByte('.')
		}
		b.WriteString(g)
	}
	v := strings.TrimLeft(b.String(), "0")
	if v == "" || v[0] == '.' {
		v = "0" + v
	}
	return v
}

// isAcronym: two to six letters, all capitals (НАТО, NATO, ФСБ).
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
