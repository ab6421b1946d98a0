package extract

import "strings"

// Phrasal cues: a verb whose saying sense needs the words after it
// ("pointed out", "fired back", "made clear", "made it clear"). Alone the
// verb is no cue ("point", "fire", "make"), so it counts only with its
// particle. They are the multi-word cue spans of PolNeAR's train split
// whose verb is not a cue by itself, kept to general ones; those that take
// a plan or a list as object more often than a statement ("laid out",
// "spelled out") are left out. Verbs of talking about something ("talked
// about", "spoke about", "referring to", "pointed to", "railed against")
// attribute what they are about: PolNeAR's annotators marked them as cues
// in most of their uses there.

// phrasalCueLemmas are regular verbs with their particles, one phrase a
// line: inflect makes the verb's forms.
const phrasalCueLemmas = `point out
	fire back
	push back
	chime in
	weigh in
	lash out
	talk about
	point to
	refer to
	rail against`

// phrasalCueIrregular are phrases with verb forms inflect does not make.
const phrasalCueIrregular = `shoot back
	shoots back
	shot back
	shooting back
	hit back
	hits back
	hitting back
	make clear
	makes clear
	made clear
	making clear
	make it clear
	makes it clear
	made it clear
	making it clear
	speak about
	speaks about
	spoke about
	speaking about`

// phrasalCues are the key sequences of every phrasal cue form, by their
// first word: each token looks up only the phrases it can start.
var phrasalCues = byFirstWord(buildPhrasalCues())

// byFirstWord indexes key sequences by their first key.
func byFirstWord(seqs [][]string) map[string][][]string {
	m := map[string][][]string{}
	for _, q := range seqs {
		m[q[0]] = append(m[q[0]], q)
	}
	return m
}

func buildPhrasalCues() [][]string {
	var out [][]string
	for _, line := range strings.Split(phrasalCueLemmas, "\n") {
		w := strings.Fields(line)
		if len(w) == 0 {
			continue
		}
		for _, f := range inflect(w[0]) {
			out = append(out, append([]string{f}, w[1:]...))
		}
	}
	for _, line := range strings.Split(phrasalCueIrregular, "\n") {
		if w := strings.Fields(line); len(w) > 0 {
			out = append(out, w)
		}
	}
	return out
}

// matchPhrasal returns the length of the phrasal cue starting at token i,
// or 0. The words must follow each other with only spaces between.
func (a *analysis) matchPhrasal(i int) int {
	if !a.is(i, wcPhrasalFirst) {
		return 0
	}
	return a.matchSequence(i, phrasalCues[a.toks[i].Key], true)
}

// phrasalCue attributes the phrasal cue of n tokens at token i like a
// one-word cue: its subject before it, the sentence's subject for a
// participle after a comma ("…, pointing out that…"), or its source after
// it ("…,” shot back Ms. Lee). The cue token is its last word, so what
// was said begins after the particle.
func (a *analysis) phrasalCue(i, n int) {
	last := i + n - 1
	cue := a.span(i, last)
	if strings.HasSuffix(a.toks[i].Key, "ing") && (i == 0 || !auxiliaries[a.toks[i-1].Key]) {
		if i == 0 || !strings.Contains(gap(a.text, a.toks, i), ",") || a.tokSent[i] < 0 {
			return
		}
		if src, v, ok := a.sentenceSubjectDo(a.sents[a.tokSent[i]], true); ok && v < i {
			a.addAttr(attribution{Cue: cue, CueTok: last, Src: src, Pre: true})
		}
		return
	}
	if s, ok := a.subjectBefore(i); ok {
		at := attribution{Cue: cue, CueTok: last, Src: s, Pre: true}
		if pb := a.phraseBegin(s); a.clauseOpensAfterComma(pb) && !a.introducesClause(last, a.afterClosingQuote(pb)) {
			at.Pre = false
			at.Parenth = a.commaAfter(last)
		}
		a.addAttr(at)
		return
	}
	if a.clauseOpensAfterComma(a.toks[i].Begin) {
		if s, ok := a.npAfter(last + 1); ok && isBlank(gap(a.text, a.toks, last+1)) {
			a.addAttr(attribution{Cue: cue, CueTok: last, Src: s, Pre: false})
		}
	}
}
