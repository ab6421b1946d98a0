// Package crosslang finds documents that are translations of each other —
// a Russian article and its English version, a French column retold in
// English — without a translation service or model weights.
//
// It compares what survives translation: names transliterated to one
// Latin skeleton (Песков and Peskov, Макрон and Macron meet), numbers,
// dates, acronyms, addresses and handles, cognates found through the same
// skeleton, and for languages with an installed FreeDict dictionary the
// dictionary's English words. Candidates come from an index of anchor
// fingerprints (pairs of anchors within a window of sentences), so pairs
// are never enumerated; each candidate pair's sentences are aligned by
// anchor overlap and length (1–1, 1–2, 2–1 and skips, in the manner of
// length-based aligners), and a pair whose alignment is far better than
// chance becomes a relation of kind translation.
//
// It sits at the match/relate level of the pipeline: it imports doc,
// normalize, match and relate, nothing later.
package crosslang
