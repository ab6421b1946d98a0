// Package cluster is the stage that groups documents into stories and
// stories into narratives.
//
// A story is one event or report: the documents that tell the same news,
// with the same actors, close in time. A narrative is a line of argument
// that many stories carry over weeks or months. Every document belongs to
// exactly one story and every story to exactly one narrative.
//
// Stories are built incrementally: the documents of a batch are placed in
// an order of their own (date, then a hash of the id) and each one either
// joins the most similar existing story or opens a new one; then Settle
// moves documents that a later one showed to belong elsewhere and merges
// stories whose documents fit another. Candidate stories come from an
// inverted index over the stories' discriminative terms and entities, so
// placing or settling a document never scans every story. Recluster
// rebuilds from scratch and gives the same stories whatever order the
// documents are read in.
//
// Narratives are computed from the stories on demand: a sparse graph of
// story-to-story similarity is partitioned into Louvain communities, so the
// narratives follow the data rather than a fixed list of topics.
package cluster
