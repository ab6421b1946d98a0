package read

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestPrefiltersAreNecessary: whatever captionLabelRe or replyRe
// matches, the test before it lets through — over the expressions' own
// words in every mix of cases (with the Kelvin sign and the long s), with
// the endings they allow, and random lines.
func TestPrefiltersAreNecessary(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	// The words, read from the expressions' text, so a word added there is
	// tested here.
	between := func(s, from, to string) []string {
		i := strings.Index(s, from)
		j := strings.Index(s[i+len(from):], to)
		if i < 0 || j < 0 {
			t.Fatalf("the expression %q changed its shape: update the test", s)
		}
		return strings.Split(s[i+len(from):i+len(from)+j], "|")
	}
	replyForms := between(replyRe.String(), "(?i)^(?:(?:", ")\\s*)+$")
	captionForms := []string{"file photo", "photo", "photograph", "photo credit", "image", "image credit", "image source",
		"picture", "pictured", "illustration", "credit", "featured image", "featured image source", "cover image", "header image",
		"фото", "иллюстрация", "foto", "bild", "imagen", "ilustración"}
	if got := len(between(captionLabelRe.String(), "(?i)^(?:", ")(?:")); got != 17 {
		t.Fatalf("captionLabelRe has %d pieces between bars, the test knows 17: update captionForms", got)
	}
	mix := func(w string) string {
		var b strings.Builder
		for _, c := range w {
			switch {
			case c == 'k' && r.IntN(3) == 0:
				c = '\u212a' // Kelvin sign
			case c == 's' && r.IntN(3) == 0:
				c = 'ſ'
			case r.IntN(2) == 0:
				c = unicode.ToUpper(c)
			}
			b.WriteRune(c)
		}
		return b.String()
	}
	lines := []string{"", " ", "1", "12 replies", "3 réponses", "Reply", "Report Share", "ReplyReport", "Photo", "photo:", "Photographer"}
	for range 300 {
		for _, w := range captionForms {
			for _, end := range []string{"", ":", " : x", " / AP", " by Jo", " source", "x", " x"} {
				lines = append(lines, mix(w)+end)
			}
		}
		n := 1 + r.IntN(3)
		var parts []string
		for range n {
			parts = append(parts, mix(replyForms[r.IntN(len(replyForms))]))
		}
		lines = append(lines, strings.Join(parts, strings.Repeat(" ", r.IntN(2))))
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString([]string{"The", "photo", "share", "council", "Фото", "reply", "said", "12", ":", "link", "a"}[r.IntN(11)])
			b.WriteString([]string{" ", "", ": ", " | "}[r.IntN(4)])
		}
		lines = append(lines, strings.TrimSpace(b.String()))
	}
	matched := 0
	for _, l := range lines {
		if captionLabelRe.MatchString(l) {
			matched++
			if !mayBeCaptionLabel(l) {
				t.Errorf("captionLabelRe matches %q but mayBeCaptionLabel turns it away", l)
			}
		}
		if replyRe.MatchString(l) {
			matched++
			if !mayBeReplyLine(l) {
				t.Errorf("replyRe matches %q but mayBeReplyLine turns it away", l)
			}
		}
	}
	if matched < len(lines)/2 {
		t.Fatalf("only %d of %d lines match either expression: the test tests little", matched, len(lines))
	}
	// And they do turn lines away.
	for _, l := range []string{"The council met on Tuesday.", "Share prices fell", "Officials said the road would reopen"} {
		if mayBeCaptionLabel(l) && mayBeReplyLine(l) {
			t.Errorf("%q passes both tests", l)
		}
	}
}
