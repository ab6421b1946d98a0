package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/echotrace/echotrace/internal/relate"
)

// Op is how a planted copy was made from its source.
type Op string

// Ways of planting reuse.
const (
	OpEdit    Op = "edit"    // whole copy with word substitutions and punctuation changes
	OpInsert  Op = "insert"  // whole copy with caption or "related" lines pasted inside
	OpReorder Op = "reorder" // whole copy with blocks of paragraphs in another order
	OpPartial Op = "partial" // a few consecutive paragraphs inside otherwise new text
	OpNearDup Op = "neardup" // whole copy with very few edits: near-identical as a whole
)

// PlantedPassage is one stretch of text copied from document A (the
// source) into document B, with byte spans into both texts. Tokens is the
// token count of A's span. Short passages (under MinPassageTokens) are
// planted but too short for an engine to be expected to find them: they
// count as correct when reported, and are left out of recall.
type PlantedPassage struct {
	Op     Op         `json:"op"`
	A      relate.End `json:"a"`
	B      relate.End `json:"b"`
	Tokens int        `json:"tokens"`
	Short  bool       `json:"short,omitempty"`
}

// PlantedPair is a pair of documents with planted reuse, A the source, and
// the exact Jaccard similarity of their whole texts' shingle sets (tokens
// as in package normalize, shingles as in package neardup).
type PlantedPair struct {
	Op      Op      `json:"op"`
	A       string  `json:"a"`
	B       string  `json:"b"`
	Jaccard float64 `json:"jaccard"`
}

// MinPassageTokens is the shortest planted passage an engine must find:
// the minimum passage length of a partial relation.
const MinPassageTokens = 12

// Truth is the ground truth of a generated corpus.
type Truth struct {
	Passages []PlantedPassage
	Pairs    []PlantedPair
}

// truthLine is one line of a truth file: a passage or a pair.
type truthLine struct {
	Passage *PlantedPassage `json:"passage,omitempty"`
	Pair    *PlantedPair    `json:"pair,omitempty"`
}

// ReadTruth reads a truth file written by Generate. A malformed line is an
// error naming its line number.
func ReadTruth(r io.Reader) (Truth, error) {
	var t Truth
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		var l truthLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return t, fmt.Errorf("truth line %d: %w", n, err)
		}
		switch {
		case l.Passage != nil:
			t.Passages = append(t.Passages, *l.Passage)
		case l.Pair != nil:
			t.Pairs = append(t.Pairs, *l.Pair)
		default:
			return t, fmt.Errorf("truth line %d: neither passage nor pair", n)
		}
	}
	return t, sc.Err()
}
