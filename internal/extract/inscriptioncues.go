package extract

import "strings"

// inscriptionCues are verbs that give the words of a text — a sign, a
// letter, an email, a statement — rather than of a speaker: "“…,” the
// letter read", "read the statement", "At the bottom it reads, “…”".
// They are far more often verbs of their own sense ("she read the
// report", "the meter reads zero"), so they are cues only right next to
// a quotation: the quotation closes just before the cue's clause, or
// the cue introduces it with a comma, a colon or nothing at all.
var inscriptionCues = set(`read reads`)

// inscriptionCue reports whether token i is an inscription cue next to a
// quotation.
func (a *analysis) inscriptionCue(i int) bool {
	if !a.is(i, wcInscriptionCue) || a.tokSent[i] < 0 {
		return false
	}
	// "… reads: “…”", "read, “…”".
	if n := i + 1; n < len(a.toks) && a.inQuote[n] {
		g := strings.TrimSpace(strings.Trim(gap(a.text, a.toks, n), " \u00a0\"“'‘"))
		if g == "" || g == ":" || g == "," {
			return true
		}
	}
	// "“…,” the letter read" / "“…,” read the statement": a closing
	// quotation with its comma ends right before the cue or its subject,
	// a few words back in the same sentence.
	for j := i; j > 0 && j > i-6 && a.tokSent[j-1] == a.tokSent[i]; j-- {
		g := gap(a.text, a.toks, j)
		if a.inQuote[j-1] {
			return strings.ContainsAny(g, ",!?") && strings.ContainsAny(g, "”\"»") || strings.Contains(g, ",''")
		}
		if strings.ContainsAny(g, ".;:!?\"“”()") {
			return false
		}
	}
	return false
}
