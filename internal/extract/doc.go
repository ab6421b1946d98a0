// Package extract finds who said what in a document: direct quotes (with
// multi-paragraph and cue-split quotes), quoted terms, reported claims
// without quotation marks, their speakers or sources resolved to a name,
// and the people, organisations and places the document mentions.
//
// It runs after reuse analysis (it imports only doc and normalize) and
// works on one document at a time; Link then joins the same quote or claim
// found in several documents into one, with its variants.
//
// Every offset is a byte offset into the document's original Text. When
// the speaker of a quote cannot be known from the text, Speaker stays
// empty: the package never guesses a name it has not seen.
package extract
