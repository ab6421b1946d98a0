// Package eval measures story and narrative clustering against gold
// labels: pairwise and B-cubed precision, recall and F1, a generator of a
// labelled synthetic news stream, and a reader for the ECB+ event corpus.
//
// The thresholds in cluster.DefaultParams were chosen with this package;
// doc/clustering.md records how and with which scores.
package eval
