package server

import "github.com/echotrace/echotrace/internal/relate"

// A translation's passages are sentence pairs in two languages: the
// side-by-side page shows each side's text as written, without the
// word-by-word differences that would mark every word, and says how much
// of a pair's evidence (names, numbers, dictionary words) both sides hold
// instead of how much text is the same.

// isTranslation reports whether the page shows a translation.
func isTranslation(rel *relate.Relation) bool {
	return rel != nil && rel.Kind == relate.Translation
}

// translationSides are the two sides of a translated sentence pair, plain.
func translationSides(a, b string) ([]piece, []piece) {
	return []piece{{Text: a}}, []piece{{Text: b}}
}
