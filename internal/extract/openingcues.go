package extract

import "strings"

// openingCueSource is the source of a cue that opens its sentence, with
// the source after it and what was said after the source: "Said Ada
// Quill, “…”", "Stated Quill: “…”", "Wrote the columnist, who … , “…”".
// The inverted order that usually follows a quotation ("…,” said X)
// here comes first; a comma or colon after the source (or after an
// apposition or relative clause set off by commas) introduces the
// quotation. A participle ("Adding, …") has no source after it.
func (a *analysis) openingCueSource(i int) (source, bool) {
	if !a.starts[i] || i+1 >= len(a.toks) || !isBlank(gap(a.text, a.toks, i+1)) || strings.HasSuffix(a.toks[i].Key, "ing") {
		return source{}, false
	}
	s, ok := a.npAfter(i + 1)
	if !ok || s.Span.Begin != a.toks[i+1].Begin {
		return source{}, false
	}
	e := a.tokenAt(s.Span.End) + 1
	if e >= len(a.toks) {
		return source{}, false
	}
	// A colon may end the paragraph, the statement standing below it.
	g := strings.TrimSpace(gap(a.text, a.toks, e))
	return s, strings.HasPrefix(g, ":") || strings.HasPrefix(g, ",") && a.tokSent[e] == a.tokSent[i]
}

// openingCueWord reports whether token i, opening a sentence, is a cue
// verb in a form that cannot begin a name ("Said", "Stated", "Wrote"),
// so that a name run does not swallow it: in "Stated Quill:" the name is
// Quill. Base and -s forms stay ("State Department", "Says" as a name
// is rare but "Warns" headlines are not names either; they are left to
// the lower-case evidence).
func openingCueWord(k string) bool {
	return cueVerbs[k] && !presentCues[k] && !strings.HasSuffix(k, "ing") && !titles[k] && !roleNouns[k] &&
		(strings.HasSuffix(k, "ed") || k == "said" || k == "wrote" || k == "told")
}
