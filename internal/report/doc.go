// Package report presents what echotrace found: a human report that reads
// well in an 80-column terminal and quotes its evidence, and a JSON form
// with stable field names for scripts.
//
// It renders only; it computes nothing about the corpus. The pipeline fills
// a Report and the commands and the server choose a form.
//
// The report is made of sections, one per file of this package (summary,
// documents, passages, relations, chains, problems). A section contributes
// a top-level key to the JSON form, a block to the text form, or both; a
// new kind of finding (quotes, stories, narratives) is added as a new file
// that registers its section, plus a field in Report for its data.
package report
