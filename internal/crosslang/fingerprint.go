package crosslang

import (
	"slices"

	"github.com/echotrace/echotrace/internal/match"
)

// Window is how many consecutive sentences one anchor fingerprint may
// span: a translation splits and merges sentences, so a pair of anchors
// is looked for in neighbouring sentences, not only in one.
const Window = 2

// maxAnchorsPerWindow bounds the anchors paired within one window, so a
// sentence listing fifty figures costs no more than one with a dozen.
const maxAnchorsPerWindow = 12

// Fingerprints are a document's keys for finding its translations: every
// strong anchor (numbers of two or more digits, names, acronyms, links,
// months) and every pair of distinct anchors within Window sentences,
// hashed. A pair is far rarer than either anchor, so the frequency limit
// of the index (see match.Index) drops only the pairs of a corpus's
// commonest names and years together, and two documents share many pairs
// only when they report the same things in the same order; single anchors
// find the translations of short texts with few anchors, through the
// names that are rare in the corpus. Pos is the first sentence of the
// window.
func (f *Features) Fingerprints() []match.Fingerprint {
	var out []match.Fingerprint
	seen := map[uint64]bool{}
	var win []uint64
	for i := range f.sents {
		win = win[:0]
		for k := i; k < min(i+Window, len(f.sents)); k++ {
			win = append(win, f.sents[k].strong...)
		}
		slices.Sort(win)
		win = slices.Compact(win)
		if len(win) > maxAnchorsPerWindow {
			win = win[:maxAnchorsPerWindow] // a fixed choice: the smallest hashes
		}
		for a := 0; a < len(win); a++ {
			if h := match.Mix(win[a]); !seen[h] {
				seen[h] = true
				out = append(out, match.Fingerprint{Hash: h, Pos: int32(i)})
			}
			for b := a + 1; b < len(win); b++ {
				h := match.Mix(win[a]*31 + win[b])
				if seen[h] {
					continue
				}
				seen[h] = true
				out = append(out, match.Fingerprint{Hash: h, Pos: int32(i)})
			}
		}
	}
	return out
}
