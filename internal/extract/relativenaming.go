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
		for v < i && (adverbials[a.toks[v].Key] || isAdverb(a.toks[v].Key, a.text[a.toks[v].Begin:a.toks[v].End])) {
			v++
		}
		return s, a.skipTimePhrase(v) == i || v == i
	}
	return source{}, false
}
