// Package neardup finds documents that are near-identical as a whole, at
// the scale of millions of documents, beside the passage index of package
// match.
//
// A document's token hashes are cut into shingles of a few tokens; each
// shingle is hashed with xxh3. One-permutation hashing (Li, Owen and Zhang
// 2012) drops every shingle hash into one of n bins and keeps each bin's
// minimum, so a signature of n values costs one hash per shingle instead of
// n. Bins that stay empty (short documents) are filled by optimal
// densification (Shrivastava 2017): each empty bin copies a non-empty bin
// chosen by a hash sequence that depends on the bin only, so two documents
// fill the same empty bin from the same place and the probability that two
// signatures agree in a position stays the Jaccard similarity of the
// shingle sets.
//
// LSH banding splits a signature into b bands of r values; documents that
// agree on a whole band share a bucket and become candidates. b and r are
// chosen for the similarity threshold by minimising the sum of the false
// positive and false negative probability mass. Candidates are then
// checked against the threshold with the stored signatures.
package neardup
