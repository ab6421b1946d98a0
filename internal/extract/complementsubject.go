package extract

import (
	"strings"

	"github.com/echotrace/echotrace/internal/normalize"
)

// finiteVerbs follow the subject of a complement clause: auxiliaries,
// modals and the forms of "have" and "do" ("… Odo Vane was", "… would
// lose", "… has never paid").
var finiteVerbs = set(`is are was were has have had will would could can may might must should shall
	does did isn wasn hasn hadn won wouldn couldn doesn didn`)

// describedNameSubject reports whether the words from token j on are a
// person described before their name and then a finite verb: in
// "Quill said harbour master Odo Vane was a “proven failure”" and "Lyle
// said presumptive Republican nominee Ada Tress is …" the lower-case
// words after the cue open the subject of a complement clause, not the
// tail of an attribution closing what came before. The name must be
// followed by its verb, so "…, Quill said former mayor Odo Vane" stays
// no clause.
func (a *analysis) describedNameSubject(j int) bool {
	s := a.tokSent[j]
	names, last := 0, -1
	m := j
	for n := 0; m < len(a.toks) && a.tokSent[m] == s && n < 10; n++ {
		if m > j && !isBlank(gap(a.text, a.toks, m)) {
			break
		}
		if r := a.runAt[m]; r >= 0 && a.runs[r].First == m && !a.runs[r].InQuote {
			names++
			m = a.runs[r].Last + 1
			continue
		}
		k, w := a.toks[m].Key, a.text[a.toks[m].Begin:a.toks[m].End]
		if finiteVerbs[k] || isUpperStart(w) || !isDescriptionHead(k, w) || a.inQuote[m] {
			break
		}
		last = m
		m++
	}
	// The phrase ends with the name ("presumptive Republican nominee
	// Ada Tress"), not with a noun after it.
	if names == 0 || last == m-1 || m >= len(a.toks) || a.tokSent[m] != s || !isBlank(gap(a.text, a.toks, m)) {
		return false
	}
	k := a.toks[m].Key
	return finiteVerbs[k] || strings.HasSuffix(k, "ed") && len(k) > 4 && !isUpperStart(a.text[a.toks[m].Begin:a.toks[m].End])
}

// titleQuoteBefore reports whether the quotation closing right before
// byte b is a title inside the sentence, not a statement: a few words
// (up to six) mostly capitalised after words of the sentence ("Sunday on Fox’s
// “Morning Futures,” Issa said …"). The cue after it then introduces
// what follows, as after any other introductory phrase.
func (a *analysis) titleQuoteBefore(b int) bool {
	j := a.lastTokenBefore(b)
	if j < 0 || !a.inQuote[j] || a.tokSent[j] < 0 {
		return false
	}
	i := spansFrom(a.qspans, a.toks[j].Begin)
	if i >= len(a.qspans) || a.qspans[i].Begin > a.toks[j].Begin {
		return false
	}
	q := a.qspans[i]
	inner := strings.Trim(a.text[q.Begin:q.End], "“”\"'‘’«» ,.")
	words := normalize.CountWords(inner)
	sent := a.sents[a.tokSent[j]]
	return words > 0 && words <= 6 && headingCase(inner) &&
		q.Begin > sent.Begin && a.countWords(sent.Begin, q.Begin) > 0
}

// subjectPronouns can only be subjects: no preposition governs them.
var subjectPronouns = set(`he she they we i`)

// pronounClauseAfter returns the subject pronoun that opens a clause
// after the prepositional phrase starting at token j ("told a crowd in
// Dover she will …"), or -1: a few words without punctuation, then he,
// she, they, we or I and a word after it.
func (a *analysis) pronounClauseAfter(j int) int {
	s := a.tokSent[j]
	for m := j + 1; m < len(a.toks) && m <= j+6 && a.tokSent[m] == s; m++ {
		if !isBlank(gap(a.text, a.toks, m)) || a.inQuote[m] || a.is(m, wcCueVerb) {
			return -1
		}
		if subjectPronouns[a.toks[m].Key] {
			if m+1 < len(a.toks) && a.tokSent[m+1] == s && !a.inQuote[m+1] {
				return m
			}
			return -1
		}
	}
	return -1
}
