package cluster

import (
	"regexp"
	"strconv"
	"strings"
	"time"

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

// headerBytes is how much of the start of a text counts as its header,
// where a dateline stands; dates further in are events the text talks
// about, not when it was published.
const headerBytes = 600

// Dateline finds the publication date a text states about itself: a full
// date (day, month and year) in its header — "June 11, 2024",
// "11 June 2024", "11. Juni 2024", "2024-06-11" — or on a line that says
// it was published or updated. It returns false when there is none.
func Dateline(text string) (time.Time, bool) {
	head := text
	if len(head) > headerBytes {
		cut := headerBytes
		for cut < len(head) && cut < headerBytes+8 && head[cut]&0xC0 == 0x80 {
			cut++ // do not split a UTF-8 sequence
		}
		head = head[:cut]
	}
	if t, ok := firstDate(head); ok {
		return t, true
	}
	for _, loc := range publishedMarker.FindAllStringIndex(text, 8) {
		end := strings.IndexByte(text[loc[1]:], '\n')
		if end < 0 || end > 120 {
			end = min(120, len(text)-loc[1])
		}
		if t, ok := firstDate(text[loc[0] : loc[1]+end]); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// firstDate is the earliest-placed full date written in s.
func firstDate(s string) (time.Time, bool) {
	bestAt := len(s) + 1
	var best time.Time
	if m := isoDate.FindStringSubmatchIndex(s); m != nil {
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		if t, ok := makeDate(y, time.Month(mo), d); ok {
			best, bestAt = t, m[0]
		}
	}
	toks := normalize.Tokens(s)
	for i := range toks {
		if toks[i].Begin >= bestAt {
			break
		}
		if t, ok := writtenDateAt(toks, i); ok {
			return t, true
		}
	}
	return best, bestAt <= len(s)
}

// writtenDateAt reads "Month D[,] YYYY" or "D[.] Month YYYY" starting at
// token i.
func writtenDateAt(toks []normalize.Token, i int) (time.Time, bool) {
	next := func(j int) int { // the next token that is not a filler
		for j < len(toks) && dateFillers[toks[j].Key] {
			j++
		}
		return j
	}
	if mo, ok := months[toks[i].Key]; ok {
		j := next(i + 1)
		if j >= len(toks) {
			return time.Time{}, false
		}
		d, ok := day(toks[j].Key)
		if !ok {
			return time.Time{}, false
		}
		k := next(j + 1)
		if k >= len(toks) {
			return time.Time{}, false
		}
		y, ok := number(toks[k].Key, 1900, 2199)
		if !ok {
			return time.Time{}, false
		}
		return makeDate(y, mo, d)
	}
	d, ok := day(toks[i].Key)
	if !ok {
		return time.Time{}, false
	}
	j := next(i + 1)
	if j >= len(toks) {
		return time.Time{}, false
	}
	mo, ok := months[toks[j].Key]
	if !ok {
		return time.Time{}, false
	}
	k := next(j + 1)
	if k >= len(toks) {
		return time.Time{}, false
	}
	y, ok := number(toks[k].Key, 1900, 2199)
	if !ok {
		return time.Time{}, false
	}
	return makeDate(y, mo, d)
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
