package server

import (
	"context"
	"fmt"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/relate"
)

// A passage is aligned across gaps: a repost that pastes a photo caption
// or a "RELATED:" line into the copied text still makes one passage over
// it. The document page marks as shared only the words the other side
// has too, found by a word diff of the two sides of each passage.

// maxLinkedTexts bounds the other documents whose texts a document page
// reads to mark shared words; passages with documents past it are marked
// whole.
const maxLinkedTexts = 40

// minSharedRun is the fewest bytes of a shared run worth marking: a
// lone common word inside inserted text ("the") is no shared text.
const minSharedRun = 12

// linkedTexts reads the texts of the documents at the other end of a
// document's passages, by id, up to maxLinkedTexts of them.
func (s *Server) linkedTexts(ctx context.Context, b *bundle) (map[string]string, error) {
	var ids []string
	seen := map[string]bool{}
	for _, p := range b.Passages {
		o := other(p.A.Doc, p.B.Doc, b.Doc.ID)
		if !seen[o] && len(ids) < maxLinkedTexts {
			seen[o] = true
			ids = append(ids, o)
		}
	}
	docs, err := s.documentsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(docs))
	for id, d := range docs {
		out[id] = d.Text
	}
	return out, nil
}

// sharedSpans are the parts of own's side of a passage whose words the
// far side has too. Without the far text, the whole side.
func sharedSpans(ownText string, own relate.End, farText string, far relate.End) []doc.Span {
	a := clampSpan(ownText, own.Begin, own.End)
	if farText == "" {
		return []doc.Span{a}
	}
	b := clampSpan(farText, far.Begin, far.End)
	pa, _ := wordDiff(ownText[a.Begin:a.End], farText[b.Begin:b.End])
	var out []doc.Span
	pos := a.Begin
	for _, p := range pa {
		end := pos + len(p.Text)
		if p.Class == "" && end-pos >= minSharedRun {
			if n := len(out); n > 0 && out[n-1].End == pos {
				out[n-1].End = end
			} else {
				out = append(out, doc.Span{Begin: pos, End: end})
			}
		}
		pos = end
	}
	if len(out) == 0 {
		// The diff gave up (sides too different to compare word by
		// word): the passage is shared by the alignment's word.
		return []doc.Span{a}
	}
	return out
}

// sureness says in words how sure a direction is, with its share: a bare
// "81 %" says nothing of what was decided.
func sureness(c float64) string {
	word := "uncertain"
	switch {
	case c >= 0.9:
		word = "almost certain"
	case c >= 0.75:
		word = "likely"
	case c >= 0.5:
		word = "more likely than not"
	case c <= 0:
		return "direction unknown"
	}
	return fmt.Sprintf("direction %s (confidence %.0f %%)", word, c*100)
}
