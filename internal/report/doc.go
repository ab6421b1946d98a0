// Package report presents what echotrace found: a human report that reads
// well in an 80-column terminal and quotes its evidence, and a JSON form
// with stable field names for scripts.
//
// It renders only; it computes nothing about the corpus. The pipeline fills
// a Report and the commands and the server choose a form.
//
// The report is made of sections, one per file of this package (summary,
// documents, passages, relations, chains, quotes, stories, narratives,
// problems). A section contributes a top-level key to the JSON form, a
// block to the text form, or both. The text form lists the top of a long
// section (the most quoted, the largest stories) and says how many more
// there are; the JSON form lists everything. To add a section:
//
//   - add a field for its data to Report;
//   - add a file that registers the section from init with addSection,
//     at the order kept for it (orderQuotes, orderStories, …);
//   - give its JSON form its own structs with explicit field names, sorted
//     deterministically, and empty lists as [] rather than null;
//   - write its text through the printer (heading, para, units, docLine,
//     side), which cleans document text and keeps every line within Width.
package report
