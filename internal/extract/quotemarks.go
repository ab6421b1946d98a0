package extract

import "strings"

// quoteMarks are the characters that open or close a quotation in the
// texts extraction reads; of the single marks only the opening ‘ (of
// headlines: "Quill calls the levy ‘a fraud’"), as ’ is also the
// apostrophe.
const quoteMarks = "\"“”«»„‘"

// hasQuoteMark reports whether s holds a quotation mark: one of
// quoteMarks, or two apostrophes in a row, the double mark of the New
// York Times archive. Every test for "a quotation stands here" goes
// through it, so that the archive's quotations are cut and joined like
// the others (a quotation split by "Mr. Bush said" is one quotation).
func hasQuoteMark(s string) bool {
	return strings.ContainsAny(s, quoteMarks) || strings.Contains(s, "''")
}

// hasMarkOr reports whether s holds a quotation mark or one of the
// characters of other.
func hasMarkOr(s, other string) bool {
	return strings.ContainsAny(s, other) || hasQuoteMark(s)
}
