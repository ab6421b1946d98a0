// Package bench measures echotrace on synthetic corpora whose reuse is
// known: it generates news-like documents with planted reuse and writes
// the ground truth beside them, scores what an engine reports against that
// truth, and measures throughput and peak memory. It also runs the
// near-duplicate stage (package match/neardup) side by side with
// github.com/ekzhu/minhash-lsh on the same corpus.
//
// The text is invented: a Zipfian vocabulary of made-up words mixed with
// common English words, in sentences, paragraphs and articles of 300 to
// 1500 words from a set of invented outlets, each with its own boilerplate
// lines. Everything is derived from a seed, so a corpus is reproduced
// exactly by its size and seed, on any number of cores: each document is
// drawn from a random source of its own, on all cores, and written in
// order. Generation streams: only a bounded pool of recent articles that
// may still be copied is kept in memory.
//
// bench sits outside the pipeline: it may use any stage, and no stage may
// use it. The whole engine is passed in as a function value (Engine), so
// that bench need not import the pipeline that drives it.
package bench
