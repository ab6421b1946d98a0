package cluster

import (
	"bytes"
	"iter"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/normalize"
)

// months maps month names and their usual abbreviations, in the languages
// news commonly arrives in, to month numbers. Keys are case-folded;
// Slavic languages use the genitive form that dates take.
var months = func() map[string]time.Month {
	names := [][]string{
		// English
		{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"},
		{"may"}, {"june", "jun"}, {"july", "jul"}, {"august", "aug"},
		{"september", "sep", "sept"}, {"october", "oct"}, {"november", "nov"}, {"december", "dec"},
		// French
		{"janvier", "janv"}, {"février", "fevrier", "févr"}, {"mars"}, {"avril", "avr"},
		{"mai"}, {"juin"}, {"juillet", "juil"}, {"août", "aout"},
		{"septembre"}, {"octobre"}, {"novembre"}, {"décembre", "decembre", "déc"},
		// German
		{"januar", "jänner"}, {"februar"}, {"märz", "maerz"}, {},
		{}, {"juni"}, {"juli"}, {},
		{}, {"oktober", "okt"}, {}, {"dezember", "dez"},
		// Spanish
		{"enero"}, {"febrero"}, {"marzo"}, {"abril"},
		{"mayo"}, {"junio"}, {"julio"}, {"agosto"},
		{"septiembre", "setiembre"}, {"octubre"}, {"noviembre"}, {"diciembre"},
		// Italian
		{"gennaio"}, {"febbraio"}, {}, {"aprile"},
		{"maggio"}, {"giugno"}, {"luglio"}, {},
		{"settembre"}, {"ottobre"}, {}, {"dicembre"},
		// Portuguese
		{"janeiro"}, {"fevereiro"}, {"março", "marco"}, {},
		{"maio"}, {"junho"}, {"julho"}, {},
		{"setembro"}, {"outubro"}, {"novembro"}, {"dezembro"},
		// Dutch
		{"januari"}, {"februari"}, {"maart"}, {},
		{"mei"}, {}, {"juli"}, {"augustus"},
		{}, {}, {}, {},
		// Russian (genitive)
		{"января"}, {"февраля"}, {"марта"}, {"апреля"},
		{"мая"}, {"июня"}, {"июля"}, {"августа"},
		{"сентября"}, {"октября"}, {"ноября"}, {"декабря"},
		// Ukrainian (genitive)
		{"січня"}, {"лютого"}, {"березня"}, {"квітня"},
		{"травня"}, {"червня"}, {"липня"}, {"серпня"},
		{"вересня"}, {"жовтня"}, {"листопада"}, {"грудня"},
		// Polish (genitive)
		{"stycznia"}, {"lutego"}, {"marca"}, {"kwietnia"},
		{"maja"}, {"czerwca"}, {"lipca"}, {"sierpnia"},
		{"września"}, {"października"}, {"listopada"}, {"grudnia"},
	}
	m := make(map[string]time.Month)
	for i, forms := range names {
		for _, f := range forms {
			m[f] = time.Month(i%12 + 1)
		}
	}
	return m
}()

// dateFillers may stand between the parts of a written date
// ("11 de junio de 2024", "the 11th of June").
var dateFillers = map[string]bool{"de": true, "del": true, "of": true, "th": true, "st": true, "nd": true, "rd": true}

var isoDate = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)

// publishedMarker finds lines that announce a publication date anywhere
// in a text. Word edges are spelled out because \b knows only ASCII
// letters and would never match around "publié" or "опубликовано".
var publishedMarker = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(published|posted|updated|publié|mis à jour|veröffentlicht|aktualisiert|publicado|actualizado|pubblicato|опубликовано|обновлено|опубліковано)(?:[^\p{L}\p{N}]|$)`)

// publishedAnchors are lower-case parts of publishedMarker's Latin
// words, one in each, that common words do not hold (not "publi", which
// "public" holds, nor "jour" of "journalist"): é and É of publié, à and À
// of "mis à jour" both start with the byte 0xC3 in UTF-8.
var publishedAnchors = [...]string{"published", "publi\xc3", "publicado", "pubblicato", "posted", "updated",
	"mis \xc3", "ffentlicht", "aktualisiert", "actualizado"}

// mayMarkPublished reports false only when publishedMarker cannot match
// text, which it tells much faster than the expression (it has no
// literal to look for first, so it steps through the whole text: 0.43
// CPU s per 10 000 documents of the bench, a tenth of preparing them;
// the pre-check is some 40 times faster on an article without a marker
// word). A match
// holds one of the marker words in some mix of cases: a Latin word holds
// its anchor with ASCII letters of either case, but for two folds beyond
// ASCII, ſ for s and the Kelvin sign for k, and a Cyrillic word holds б
// or Б, both of which UTF-8 starts with the byte 0xD0. A text with one of
// those three is left to the expression; any other is folded to lower
// case in ASCII and searched for the anchors.
func mayMarkPublished(text string) bool {
	if strings.IndexByte(text, 0xD0) >= 0 || strings.Contains(text, "ſ") || strings.Contains(text, "\u212a") {
		return true
	}
	buf := lowerPool.Get().(*[]byte)
	defer lowerPool.Put(buf)
	lower := (*buf)[:0]
	for i := 0; i < len(text); i++ {
		b := text[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		lower = append(lower, b)
	}
	*buf = lower
	for _, a := range publishedAnchors {
		if bytes.Contains(lower, []byte(a)) {
			return true
		}
	}
	return false
}

// lowerPool keeps mayMarkPublished's buffers: it runs for every document
// prepared, on all cores.
var lowerPool = sync.Pool{New: func() any { return new([]byte) }}

// headerBytes is how much of the start of a text counts as its header,
// where a dateline stands.
const headerBytes = 600

// headerLineBytes bounds a line that states a publication date: a
// dateline, a byline or a "published" line is short; a paragraph is not.
const headerLineBytes = 160

// Dateline finds the publication date a text states about itself, and
// only where a text states one:
//
//   - a dateline or header line in its first lines: the date preceded on
//     its line only by capitalised words (a place, an outlet, a weekday,
//     a byline) and followed by the end of the line or a dash, colon or
//     full stop, perhaps after an agency in brackets and a time —
//     "BRENNICK, March 12, 2024 (NWS) –", "Harbour Weekly, June 11, 2024";
//   - a short line that says it was published, posted or updated, with
//     the date a few words after that word ("Published: 2024-06-11").
//
// A date inside a sentence ("On Tuesday, Oct. 10, 1972, the court …")
// is an event the text talks about and never counts, nor does a date
// without a year or an impossible day. It returns false when there is
// none.
func Dateline(text string) (time.Time, bool) {
	for start, end := range headLines(text) {
		if t, ok := datelineOn(text[start:end]); ok {
			return t, true
		}
	}
	if !mayMarkPublished(text) {
		return time.Time{}, false
	}
	for _, m := range publishedMarker.FindAllStringSubmatchIndex(text, 8) {
		loc := m[2:4] // the marker word
		ls := strings.LastIndexByte(text[:loc[0]], '\n') + 1
		le := strings.IndexByte(text[loc[1]:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += loc[1]
		}
		if le-ls > headerLineBytes {
			continue
		}
		if t, ok := markedDate(text[ls:le], loc[0]-ls, loc[1]-ls); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// headLines yields the start and end of each line that starts in the
// first headerBytes of text.
func headLines(text string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for start := 0; start < len(text) && start < headerBytes; {
			end := strings.IndexByte(text[start:], '\n')
			if end < 0 {
				end = len(text)
			} else {
				end += start
			}
			if !yield(start, end) {
				return
			}
			start = end + 1
		}
	}
}

// datelineOn reads a dateline or header line: the first full date of the
// line, with only capitalised words before it and the line's end, a dash,
// colon or full stop after it (an agency in brackets, a time and
// capitalised words may stand between).
func datelineOn(line string) (time.Time, bool) {
	room, toks := tokensOf(line)
	defer giveTokens(room, toks)
	for i := range toks {
		t, end, ok := dateAt(line, toks, i)
		if !ok {
			// Everything before the date must look like a place, an
			// outlet, a byline or a weekday.
			if !capitalised(line[toks[i].Begin:toks[i].End]) && !allDigits(toks[i].Key) || i >= 8 {
				return time.Time{}, false
			}
			continue
		}
		if i > 0 && strings.ContainsAny(line[:toks[i].Begin], ".!?") && !abbreviationsOnly(line, toks[:i]) {
			return time.Time{}, false
		}
		if closesDateline(line, toks, end) {
			return t, true
		}
		return time.Time{}, false
	}
	return time.Time{}, false
}

// abbreviationsOnly reports whether every full stop before the date
// follows a one- or two-letter word ("A. Writer", "Dr."): an initial, not
// the end of a sentence.
func abbreviationsOnly(line string, toks []normalize.Token) bool {
	for k, t := range toks {
		next := len(line)
		if k+1 < len(toks) {
			next = toks[k+1].Begin
		}
		if strings.ContainsAny(line[t.End:next], ".!?") && utf8.RuneCountInString(t.Key) > 2 {
			return false
		}
	}
	return true
}

// closesDateline reports whether what follows a date ending at byte end
// closes a dateline: the line ends, or a dash, colon, full stop or bar
// comes, with only an agency in brackets, a time, short abbreviations and
// capitalised words before it.
func closesDateline(line string, toks []normalize.Token, end int) bool {
	k := 0
	for k < len(toks) && toks[k].Begin < end {
		k++
	}
	pos, depth := end, 0
	for {
		next := len(line)
		if k < len(toks) {
			next = toks[k].Begin
		}
		for _, r := range line[pos:next] {
			switch {
			case r == '(' || r == '[':
				depth++
			case r == ')' || r == ']':
				depth = max(0, depth-1)
			case depth == 0 && strings.ContainsRune(".:|–—-•", r):
				return true
			}
		}
		if k >= len(toks) {
			return true // the line ends
		}
		w := line[toks[k].Begin:toks[k].End]
		if depth == 0 && !capitalised(w) && !allDigits(toks[k].Key) && utf8.RuneCountInString(toks[k].Key) > 2 && !timeWord(toks[k].Key) {
			return false
		}
		pos = toks[k].End
		k++
	}
}

// timeWord is a word of a time of day after a date ("10:32 am", "10h").
func timeWord(key string) bool {
	switch key {
	case "am", "pm", "utc", "gmt":
		return true
	}
	return false
}

// markedDate reads the date that follows a publication marker (at bytes
// ms..me of line) within a few words.
func markedDate(line string, ms, me int) (time.Time, bool) {
	toks := normalize.Tokens(line)
	k := 0
	for k < len(toks) && toks[k].Begin < me {
		k++
	}
	// Before the marker only a byline may stand: a few capitalised
	// words ("Last updated" reads as one), not a sentence.
	before := toks[:k-len(normalize.Tokens(line[ms:me]))]
	if len(before) > 6 {
		return time.Time{}, false
	}
	for j, t := range before {
		if j > 0 && !capitalised(line[t.Begin:t.End]) && !allDigits(t.Key) {
			return time.Time{}, false
		}
	}
	for i := k; i < len(toks) && i <= k+3; i++ {
		if t, _, ok := dateAt(line, toks, i); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// dateAt reads a full date that starts at token i: written out (see
// writtenDateAt) or in ISO form. It returns the date and the byte where
// it ends.
func dateAt(s string, toks []normalize.Token, i int) (time.Time, int, bool) {
	if m := isoDateOpening(s[toks[i].Begin:]); m != nil {
		base := toks[i].Begin
		y, _ := strconv.Atoi(s[base+m[2] : base+m[3]])
		mo, _ := strconv.Atoi(s[base+m[4] : base+m[5]])
		d, _ := strconv.Atoi(s[base+m[6] : base+m[7]])
		t, ok := makeDate(y, time.Month(mo), d)
		return t, base + m[1], ok
	}
	t, last, ok := writtenDateAt(toks, i)
	if !ok {
		return time.Time{}, 0, false
	}
	return t, toks[last].End, true
}

// isoDateOpening is isoDate's submatches when it matches at the start of
// s, else nil. The expression is not anchored, and asked of a token that
// starts no date it would look through the rest of the text (the rest of
// a paragraph, for every word of a header line's opening); a match at the
// start needs four ASCII digits and a hyphen there, looked at first.
func isoDateOpening(s string) []int {
	if len(s) < len("2006-01-02") || s[4] != '-' {
		return nil
	}
	for _, c := range []byte(s[:4]) {
		if c < '0' || c > '9' {
			return nil
		}
	}
	if m := isoDate.FindStringSubmatchIndex(s); m != nil && m[0] == 0 {
		return m
	}
	return nil
}

// writtenDateAt reads "Month D[,] YYYY" or "D[.] Month YYYY" starting at
// token i, and the index of its last token (the year).
func writtenDateAt(toks []normalize.Token, i int) (time.Time, int, bool) {
	next := func(j int) int { // the next token that is not a filler
		for j < len(toks) && dateFillers[toks[j].Key] {
			j++
		}
		return j
	}
	if mo, ok := months[toks[i].Key]; ok {
		j := next(i + 1)
		if j >= len(toks) {
			return time.Time{}, 0, false
		}
		d, ok := day(toks[j].Key)
		if !ok {
			return time.Time{}, 0, false
		}
		k := next(j + 1)
		if k >= len(toks) {
			return time.Time{}, 0, false
		}
		y, ok := number(toks[k].Key, 1900, 2199)
		if !ok {
			return time.Time{}, 0, false
		}
		t, ok := makeDate(y, mo, d)
		return t, k, ok
	}
	d, ok := day(toks[i].Key)
	if !ok {
		return time.Time{}, 0, false
	}
	j := next(i + 1)
	if j >= len(toks) {
		return time.Time{}, 0, false
	}
	mo, ok := months[toks[j].Key]
	if !ok {
		return time.Time{}, 0, false
	}
	k := next(j + 1)
	if k >= len(toks) {
		return time.Time{}, 0, false
	}
	y, ok := number(toks[k].Key, 1900, 2199)
	if !ok {
		return time.Time{}, 0, false
	}
	t, ok := makeDate(y, mo, d)
	return t, k, ok
}

// day parses a day of the month, with or without an ordinal suffix
// ("11", "11th", "1er").
func day(key string) (int, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th", "er"} {
		if len(key) > len(suf) && strings.HasSuffix(key, suf) {
			key = key[:len(key)-len(suf)]
			break
		}
	}
	return number(key, 1, 31)
}

// number parses an all-digit key within [lo, hi].
func number(key string, lo, hi int) (int, bool) {
	if key == "" || len(key) > 4 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n >= lo && n <= hi
}

// makeDate builds a UTC date and rejects impossible days (February 30).
func makeDate(y int, mo time.Month, d int) (time.Time, bool) {
	if mo < 1 || mo > 12 || d < 1 {
		return time.Time{}, false
	}
	t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d && t.Month() == mo
}
