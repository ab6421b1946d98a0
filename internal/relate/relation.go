package relate

// Kind says how two documents share text.
type Kind string

// Relation kinds, strongest first. A pair is given the strongest kind whose
// test it passes.
const (
	// Duplicate: each document's own text is at least 90 % covered by the other.
	Duplicate Kind = "duplicate"
	// Derived: at least 50 % of one document's own text is aligned to the other.
	Derived Kind = "derived"
	// Partial: at least one reused passage of the minimum length.
	Partial Kind = "partial"
	// Translation: the two documents are in different languages and one
	// is a translation (or a close retelling) of the other, sentence by
	// sentence (found by internal/crosslang; its passages are aligned
	// sentences, and Identity is the share of their evidence that both
	// sides hold).
	Translation Kind = "translation"
)

// Direction of a relation between documents A and B.
const (
	AToB         = "a->b" // A is the source, B copies it
	BToA         = "b->a" // B is the source, A copies it
	Undetermined = "undetermined"
)

// End is one side of a passage: a byte range of one document's original text.
type End struct {
	Doc   string `json:"doc"`
	Begin int    `json:"begin"`
	End   int    `json:"end"`
}

// Passage is a stretch of text that two documents share. Tokens counts the
// aligned tokens (the shorter side), Identity the share of the passage's
// tokens on both sides that align exactly.
type Passage struct {
	A           End     `json:"a"`
	B           End     `json:"b"`
	Tokens      int     `json:"tokens"`
	Identity    float64 `json:"identity"`
	Boilerplate bool    `json:"boilerplate,omitempty"`
}

// Relation is what two documents are to each other, with the numbers behind
// it. A < B by document id.
type Relation struct {
	A          string  `json:"a"`
	B          string  `json:"b"`
	Kind       Kind    `json:"kind"`
	CoverageA  float64 `json:"coverage_a"` // share of A's own text in reused passages with B
	CoverageB  float64 `json:"coverage_b"` // share of B's own text in reused passages with A
	Passages   int     `json:"passages"`
	Direction  string  `json:"direction"`  // AToB, BToA or Undetermined
	Confidence float64 `json:"confidence"` // of the direction, 0..1
	Reason     string  `json:"reason"`     // one line: why this direction
}

// Source and Copy name the documents by role; both are empty when the
// direction is undetermined.
func (r Relation) Source() string {
	switch r.Direction {
	case AToB:
		return r.A
	case BToA:
		return r.B
	}
	return ""
}

// Copy is the document that takes text from Source.
func (r Relation) Copy() string {
	switch r.Direction {
	case AToB:
		return r.B
	case BToA:
		return r.A
	}
	return ""
}

// Chain is a provenance path: each document copies the one before it.
type Chain []string
