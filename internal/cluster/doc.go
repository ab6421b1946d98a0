// Package cluster is the stage that groups documents into stories and
// stories into narratives.
//
// A story is one event or report: the documents that tell the same news,
// with the same actors, close in time. A narrative is a line of argument
// that many stories carry over weeks or months. Every document belongs to
// exactly one story and every story to exactly one narrative.
//
// Stories are built incrementally: documents arrive in date order (file
// order when undated) and each one either joins the most similar existing
// story or opens a new one. Candidate stories come from an inverted index
// over the stories' discriminative terms and entities, so placing a
// document never scans every story. Recluster rebuilds the same partition
// from scratch.
//
// Narratives are computed from the stories on demand: a sparse graph of
// story-to-story similarity is partitioned into Louvain communities, so the
// narratives follow the data rather than a fixed list of topics.
package cluster
