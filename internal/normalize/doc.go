// Package normalize turns original text into the folded tokens that the
// later stages compare, keeping for every token its byte range in the
// original text so that whatever echotrace shows points at what was read.
//
// Folding is deliberately aggressive where copies of one text differ for
// typographic reasons only: Unicode NFKC, case, curly versus straight
// quotes, the dash family, and "…" versus "...". Tokens are runs of letters,
// digits and combining marks; punctuation separates tokens and is not a
// token itself, so a changed comma or ellipsis never breaks a match.
package normalize
