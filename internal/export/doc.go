// Package export writes what a store holds in the forms researchers' tools
// read: CSV tables (pandas, R, spreadsheets), JSONL with passim's fields
// (passim, echotrace ingest, any JSON-lines tool), and the reuse graph and
// the graph of speakers, quotes and outlets as GEXF (Gephi) and GraphML
// (Gephi, networkx, igraph, yEd).
//
// It comes after the store in the pipeline (read → … → store → pipeline →
// report / server / export) and computes nothing about the corpus: it
// renders stored results.
//
// Everything streams. Documents are read a page at a time (EachDocument,
// or batches of ids when a filter selects them); passages, relations,
// quote occurrences and entity mentions a page at a time in stored order,
// or per selected document; rows are written as they are read. What is
// held for the whole corpus is small per document: which story holds each
// document (for its story column and node attribute), and, when a filter
// is given, the ids it selects. The graph of quotes aggregates occurrences
// per quote, speaker and outlet, so it holds one entry per distinct quote.
//
// Files, by format (see Files):
//
//	csv      documents.csv relations.csv passages.csv quotes.csv entities.csv stories.csv
//	jsonl    documents.jsonl
//	gexf     reuse.gexf quotes.gexf
//	graphml  reuse.graphml quotes.graphml
package export
