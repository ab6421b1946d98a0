// Package match finds which documents share text and where.
//
// It works on token hashes (see package normalize), in three steps:
//
//  1. Fingerprint: hash every run of K tokens (a shingle) and keep a
//     winnowed subset. Winnowing with window W guarantees that any run of
//     W+K-1 equal tokens in two documents yields at least one common
//     fingerprint, while keeping only about 2/(W+1) of the shingles.
//  2. Index: an inverted index from fingerprint to documents. Candidates for
//     a document are the documents that share fingerprints with it; posting
//     lists longer than the document-frequency limit are not followed
//     (boilerplate and set phrases are frequent), so the cost per document
//     stays bounded and no pair of documents is compared blindly.
//  3. Align: seed on shared shingles between two candidate documents, merge
//     seeds into exact runs, and chain runs into passages across small gaps
//     (an edited word, a pasted caption or a "related article" line), so a
//     reused passage is reported whole rather than in pieces. Chains are
//     then taken best first, and each stretch of either text belongs to at
//     most one passage: text repeated inside a document (a refrain, a list,
//     a template line) is aligned once, to its true counterpart.
package match
