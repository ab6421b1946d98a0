// Package relate turns the aligned passages between documents into
// relations — duplicate, derived, partial reuse — with coverage both ways, a
// direction with its confidence and reason, and provenance chains.
package relate
