package cluster

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/normalize"
)

// capitalisedEntities approximates named entities when the extract stage
// gave none: words written with a capital letter where the language does
// not demand one. Words that open a sentence or a line count only when the
// text also capitalises them elsewhere, and lines set in headline case
// (most words capitalised) are skipped, since there capitals mark style,
// not names.
//
// Each entity is given to add, in text order, with the surface form it
// was written in.
func capitalisedEntities(text string, toks []normalize.Token, lang *language, add func(key, surface string)) {
	// The candidates by token number, -1 - the number for a word that
	// opens a sentence.
	var cands []int32
	midSentence := make(map[string]bool)
	lineStart := 0
	for lineStart < len(toks) {
		lineEnd := lineStart + 1
		for lineEnd < len(toks) && !newlineBetween(text, toks[lineEnd-1].End, toks[lineEnd].Begin) {
			lineEnd++
		}
		line := toks[lineStart:lineEnd]
		if !headlineCase(text, line, lang) {
			for j, t := range line {
				if !capitalised(text[t.Begin:t.End]) || utf8.RuneCountInString(t.Key) < 2 || allDigits(t.Key) {
					continue
				}
				if lang != nil && lang.stopword(t.Key) {
					continue
				}
				n := int32(lineStart + j)
				if sentenceInitial(text, t.Begin) {
					n = -1 - n
				} else {
					midSentence[t.Key] = true
				}
				cands = append(cands, n)
			}
		}
		lineStart = lineEnd
	}
	for _, n := range cands {
		initial := n < 0
		if initial {
			n = -1 - n
		}
		t := toks[n]
		word := text[t.Begin:t.End]
		if initial && !midSentence[t.Key] && !allUpper(word) {
			continue
		}
		add(t.Key, word)
	}
}

// headlineCase reports whether a line of four or more content words has
// most of them capitalised.
func headlineCase(text string, line []normalize.Token, lang *language) bool {
	// Most capitalised is caps*10 > content*6, 2*caps > 3*(content -
	// caps). The capitalised words bound caps from above without asking
	// the stopword list; once the lower-case content words read make the
	// bound fail, the answer is no (the most common one, in prose), and
	// only the other lines are counted word by word.
	most := 0
	for _, t := range line {
		if capitalised(text[t.Begin:t.End]) {
			most++
		}
	}
	lower := 0
	for _, t := range line {
		if capitalised(text[t.Begin:t.End]) || lang != nil && lang.stopword(t.Key) || allDigits(t.Key) {
			continue
		}
		if lower++; 2*most <= 3*lower {
			return false
		}
	}
	content, caps := 0, 0
	for _, t := range line {
		if lang != nil && lang.stopword(t.Key) {
			continue
		}
		if allDigits(t.Key) {
			continue
		}
		content++
		if capitalised(text[t.Begin:t.End]) {
			caps++
		}
	}
	return content >= 4 && caps*10 > content*6
}

func capitalised(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(r)
}

func allUpper(word string) bool {
	letters := 0
	for _, r := range word {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// sentenceInitial reports whether the word at off opens a sentence or a
// line: only spaces, quotes and brackets stand between it and the text's
// start or the previous sentence end.
func sentenceInitial(text string, off int) bool {
	for off > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:off])
		switch {
		case r == '\n' || r == '.' || r == '!' || r == '?' || r == ':' || r == '•':
			return true
		case unicode.IsSpace(r) || unicode.In(r, unicode.Pi, unicode.Pf, unicode.Ps, unicode.Quotation_Mark) || r == '-' || r == '—':
			off -= size
		default:
			return false
		}
	}
	return true
}

func newlineBetween(text string, from, to int) bool {
	for i := from; i < to && i < len(text); i++ {
		if text[i] == '\n' {
			return true
		}
	}
	return false
}

// weekdays are the names of the days of the week, as keys, in the
// languages the dateline rule reads months in. A name-finder may take
// "Friday" for an entity; it stays a signal (in undated news the weekday
// an event happened on tells two events of one kind apart: on ECB+
// leaving weekdays out of the entities lowered story F1 by 0.002), but a
// label lists actors, and a day is none.
var weekdays = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`monday tuesday wednesday thursday friday saturday sunday
		lundi mardi mercredi jeudi vendredi samedi dimanche
		montag dienstag mittwoch donnerstag freitag samstag sonntag sonnabend
		lunes martes miércoles jueves viernes sábado domingo
		lunedì martedì mercoledì giovedì venerdì sabato domenica
		segunda terça quarta quinta sexta
		maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
		poniedziałek wtorek środa czwartek piątek sobota niedziela
		понедельник вторник среда четверг пятница суббота воскресенье
		понеділок вівторок середа четвер пʼятниця субота неділя`) {
		m[normalize.Key(w)] = true
	}
	return m
}()

// isWeekday reports whether a name is a weekday (weekdays[nameKey(name)]),
// its key written in room lent by nameKeys rather than in a new string:
// every label asks it of the entities it names.
func isWeekday(name string) bool {
	sc := nameKeys.Get().(*nameKeyScratch)
	defer nameKeys.Put(sc)
	sc.toks = normalize.AppendTokens(sc.toks[:0], name)
	sc.key = sc.key[:0]
	for i, t := range sc.toks {
		if i > 0 {
			sc.key = append(sc.key, ' ')
		}
		sc.key = append(sc.key, t.Key...)
	}
	clear(sc.toks) // their keys may be strings of their own
	return weekdays[string(sc.key)]
}

// nameKeyScratch is isWeekday's room.
type nameKeyScratch struct {
	toks []normalize.Token
	key  []byte
}

var nameKeys = sync.Pool{New: func() any { return new(nameKeyScratch) }}

// maxNameWords is the longest name, in words, looked for in a title.
const maxNameWords = 5

// nameKey is the matching form of a name: its words' keys joined by a
// space.
func nameKey(name string) string {
	var b strings.Builder
	for i, t := range normalize.Tokens(name) {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Key)
	}
	return b.String()
}

// titleEntities finds the entities a title names. The extract stage reads
// the text only, yet a headline names the main actors in few words, and
// a title in headline case defeats telling names by their capitals. So
// the title's runs of words are looked up among known names, longest
// first, each run opening with a capitalised word: the document's own
// entities by full name or by last word ("Lohan" for Lindsay Lohan, whom
// the text names), then any entity of the corpus by full name.
func titleEntities(title string, toks []normalize.Token, own map[string]uint32, corpus *nameIndex) []uint32 {
	var out []uint32
	// The run's name is written into one buffer, and the maps are asked
	// with its bytes: no string is made for a name looked up.
	var b []byte
	for i := 0; i < len(toks); {
		if !capitalised(title[toks[i].Begin:toks[i].End]) {
			i++
			continue
		}
		found := false
		for n := min(maxNameWords, len(toks)-i); n >= 1 && !found; n-- {
			b = b[:0]
			for j, t := range toks[i : i+n] {
				if j > 0 {
					if newlineBetween(title, toks[i+j-1].End, t.Begin) {
						break
					}
					b = append(b, ' ')
				}
				b = append(b, t.Key...)
			}
			id, ok := own[string(b)]
			if !ok && corpus.mayHold(b) {
				id, ok = corpus.ids[string(b)]
			}
			if ok {
				out = append(out, id)
				i += n
				found = true
			}
		}
		if !found {
			i++
		}
	}
	return out
}
