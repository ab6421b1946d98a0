package cluster

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/normalize"
)

// span is a byte range [Begin, End) of a text.
type span struct{ Begin, End int }

// maxBylineBytes bounds a byline line ("By Jane Roe", "Articles by: Jane
// Roe and Tom Poe").
const maxBylineBytes = 100

// headerSpans finds the lines at the head of a text that say who wrote
// it and where it appeared rather than what happened: a byline, and a
// header line made of an outlet or place and the date and nothing else
// ("Harbour Weekly, June 11, 2024"). A byline names the author on every
// article they write and the header line the outlet on every one of its
// articles; read as content, they tie a writer's or an outlet's
// unrelated stories together and head their labels. A wire dateline that
// runs on into the first sentence ("BRENNICK, March 12, 2024 (NWS) –
// Fishing was halted …") is content and stays.
func headerSpans(text string) []span {
	var out []span
	for start, end := range headLines(text) {
		if line := text[start:end]; byline(line) || headerOnly(line) {
			out = append(out, span{start, end})
		}
	}
	return out
}

// lineTokens lends room for the tokens of a line at a text's head
// (byline, headerWords, datelineOn): every document's first lines are
// read so, and their tokens were a tenth of what preparing a document
// allocated.
var lineTokens = sync.Pool{New: func() any { return new([]normalize.Token) }}

// maxLineTokens is the most tokens lent room may hold to be lent again.
const maxLineTokens = 1 << 10

// tokensOf splits line into tokens in room from lineTokens; the caller
// gives the room back with giveTokens and keeps no token.
func tokensOf(line string) (*[]normalize.Token, []normalize.Token) {
	room := lineTokens.Get().(*[]normalize.Token)
	return room, normalize.AppendTokens((*room)[:0], line)
}

// giveTokens gives back room lent by tokensOf, with the tokens split
// into it.
func giveTokens(room *[]normalize.Token, toks []normalize.Token) {
	if cap(toks) > maxLineTokens {
		return
	}
	clear(toks) // their keys go
	*room = toks[:0]
	lineTokens.Put(room)
}

// bylineWords introduce an author's name.
var bylineWords = map[string]bool{"by": true, "par": true, "von": true, "por": true, "di": true, "door": true}

// nameParticles may stand between the capitalised words of a name or
// join two names.
var nameParticles = map[string]bool{
	"de": true, "da": true, "di": true, "do": true, "dos": true, "du": true, "van": true, "von": true, "der": true,
	"den": true, "del": true, "la": true, "le": true, "y": true, "and": true, "und": true, "et": true, "e": true,
}

// creditWords may stand before "by" in a byline ("Written by", "Story
// by"); other words there make a headline ("Man Killed By Falling Tree").
var creditWords = map[string]bool{
	"written": true, "posted": true, "reported": true, "published": true, "story": true,
	"words": true, "text": true, "article": true, "articles": true, "report": true,
}

// byline reports whether a line is a byline: a word that introduces an
// author ("By", "Par"), perhaps after a word that says what was written
// ("Written by", "Articles by:") or with a colon after it, then only
// names — capitalised words and the particles between them.
func byline(line string) bool {
	if len(line) > maxBylineBytes {
		return false
	}
	room, toks := tokensOf(line)
	defer giveTokens(room, toks)
	at := -1
	for i := 0; i < len(toks) && i <= 2; i++ {
		if bylineWords[toks[i].Key] {
			at = i
			break
		}
	}
	if at < 0 || at+1 >= len(toks) {
		return false
	}
	if at > 0 {
		colon := strings.HasPrefix(strings.TrimSpace(line[toks[at].End:]), ":")
		credit := at == 1 && creditWords[toks[0].Key]
		if !colon && !credit {
			return false
		}
	}
	names := 0
	for _, t := range toks[at+1:] {
		w := line[t.Begin:t.End]
		switch {
		case nameParticles[t.Key]:
		case capitalised(w) && !allDigits(t.Key):
			names++
		default:
			return false
		}
	}
	return names > 0
}

// headerOnly reports whether a line is a header line the dateline rule
// reads a date from and that holds no running text: every word of more
// than three letters is capitalised, a number or a word of a time.
func headerOnly(line string) bool {
	// Most lines at the head of a text are paragraphs, which fail on one
	// of their first words: their opening is read first (cut at a space,
	// its words are the line's first words), sparing the tokens of the
	// whole paragraph, twice.
	if cut := strings.IndexByte(line[min(len(line), headerOpening):], ' '); cut >= 0 && !headerWords(line[:headerOpening+cut]) {
		return false
	}
	if _, ok := datelineOn(line); !ok {
		return false
	}
	return headerWords(line)
}

// headerOpening is how many bytes of a line headerOnly reads first, at
// least.
const headerOpening = 80

// headerWords reports whether every word of the text of more than three
// letters is capitalised, a number or a word of a time.
func headerWords(text string) bool {
	room, toks := tokensOf(text)
	defer giveTokens(room, toks)
	for _, t := range toks {
		w := text[t.Begin:t.End]
		if utf8.RuneCountInString(t.Key) > 3 && !capitalised(w) && !allDigits(t.Key) && !timeWord(t.Key) {
			return false
		}
	}
	return true
}

// blankBytes replaces the bytes of the span in b with spaces, newlines
// kept.
func blankBytes(b []byte, s span) {
	for i := s.Begin; i < s.End && i < len(b); i++ {
		if b[i] != '\n' {
			b[i] = ' '
		}
	}
}
