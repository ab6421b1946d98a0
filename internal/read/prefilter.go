package read

import (
	"strings"
	"unicode/utf8"
)

// Two rules that run on nearly every line of every document are regular
// expressions anchored at the line's start (captionLabelRe) or spanning
// the whole part of a header (replyRe), and nearly every line fails them.
// The tests here are necessary conditions for a match, so they turn most
// lines away before the expression runs, and never one it would match.

// captionLabelFirst are the lower-case first letters of captionLabelRe's
// words ("photo", "image", "credit", "foto", "bild", "фото", "иллюстрация"
// …). None of them has a case-folding partner other than its capital
// (as "k" has the Kelvin sign), so a line whose first rune, lowered, is
// not one of them cannot match.
const captionLabelFirst = "fpichbфи"

// mayBeCaptionLabel reports whether captionLabelRe could match s.
func mayBeCaptionLabel(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if r < utf8.RuneSelf {
		r = rune(asciiLower[r])
	} else if r >= 'А' && r <= 'Я' {
		r += 'а' - 'А'
	}
	return strings.ContainsRune(captionLabelFirst, r)
}

// replyWords are the words replyRe's first form is made of; a part of
// ASCII only that matches it ends with one of them.
var replyWords = []string{"reply", "report", "share", "save", "permalink", "parent", "context", "link", "embed", "signaler", "antworten", "melden", "responder", "denunciar"}

// mayBeReplyLine reports whether replyRe could match s, a header part with
// no space at either end. A part with a byte outside ASCII is left to the
// expression (its words and case folding reach beyond ASCII).
func mayBeReplyLine(s string) bool {
	if s == "" {
		return true
	}
	if '0' <= s[0] && s[0] <= '9' {
		return true // the form "12 replies"
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	for _, w := range replyWords {
		if len(s) >= len(w) && strings.EqualFold(s[len(s)-len(w):], w) {
			return true
		}
	}
	return false
}
