package extract

// objectRelatives open a relative clause whose object is the thing
// named: "what X called", "a country that X called", "one he calls".
var objectRelatives = set(`what which that who whom`)

// namesQuotationInRelative reports whether the naming verb at token i,
// with subject s, stands in a relative clause whose object is the thing
// named and is followed at once by a quotation: "under what Mr. Hedge
// called “the prior economy model”", "a country that Ann Roe called “our
// first foe”", "Bannon, who Beck on Wednesday called “a horrible human
// being”", "one he calls “Confident America”". The relative word is the
// verb's object, so the quoted words right after the verb are the
// subject's name for it.
func (a *analysis) namesQuotationInRelative(s source, i int) bool {
	if i+1 >= len(a.toks) || !hasQuoteMark(gap(a.text, a.toks, i+1)) {
		return false
	}
	f := a.tokenStartingAt(a.phraseBegin(s))
	return f > 0 && f < len(a.toks) && objectRelatives[a.toks[f-1].Key] && isBlank(gap(a.text, a.toks, f)) && a.tokSent[f-1] == a.tokSent[i]
}

// relativeClauseSubject finds the subject of a naming verb at token i
// when the ordinary search before the verb finds none: the noun phrase
// right after an object relative ("a country that Odo Marrin called
// “…”"), with at most an adverb or a time phrase between it and the
// verb.
func (a *analysis) relativeClauseSubject(i int) (source, bool) {
	for r := i - 2; r >= 0 && r >= i-10; r-- {
		if a.inQuote[r] || a.tokSent[r] != a.tokSent[i] || !isBlank(gap(a.text, a.toks, r+1)) {
			return source{}, false
		}
		if !objectRelatives[a.toks[r].Key] {
			continue
		}
		s, ok := a.npAfter(r + 1)
		if !ok || s.Kind == srcName && s.Type == Place {
			return source{}, false
		}
		v := a.tokenAt(s.Span.End) + 1
		for v < i && (a.is(v, wcAdverbial) || isAdverb(a.toks[v].Key, a.text[a.toks[v].Begin:a.toks[v].End])) {
			v++
		}
		return s, a.skipTimePhrase(v) == i || v == i
	}
	return source{}, false
}

// freeRelativeSpeaker is the speaker of a naming verb whose subject s is
// a pronoun after "what", in sentence si: the free relative is the
// object of the sentence's own verb, and the pronoun stands for the
// sentence's subject, which the words are reported of ("Ada Quill
// condemned what she called “a brazen breach”", "He assails what he
// calls the “lie”": Quill, He). Any other subject is s itself.
func (a *analysis) freeRelativeSpeaker(s source, si int) source {
	if s.Kind != srcPronoun && s.Kind != srcPlural {
		return s
	}
	f := a.tokenStartingAt(s.Span.Begin)
	if f <= 0 || a.toks[f-1].Key != "what" {
		return s
	}
	sub, _, ok := a.sentenceSubject(a.sents[si])
	if !ok || sub.Span.End > a.toks[f-1].Begin {
		return s
	}
	// The pronoun agrees with the subject in number: "they" stands for
	// no one person, "he" or "she" for no plural.
	if s.Kind == srcPlural && sub.Kind == srcName && sub.Type == Person || s.Kind == srcPronoun && sub.Kind == srcPlural {
		return s
	}
	return sub
}
