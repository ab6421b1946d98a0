package crosslang

import (
	"fmt"
	"math"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/relate"
)

// DefaultMinScore is the score (see Match) from which a pair is taken for
// a translation. On the development data (see doc/crosslang.md) true
// pairs score 0.05–0.6 for Russian, whose evidence is only names, numbers
// and cognates, and 0.2–0.7 for French and German with a dictionary;
// unrelated pairs on the same news days stay mostly below 0.1.
const DefaultMinScore = 0.1

// Analyzer makes the Features of documents in any language, with the
// dictionaries it finds. It is safe for concurrent use.
type Analyzer struct {
	dicts *Dictionaries
	words wordCache
}

// NewAnalyzer uses the FreeDict dictionaries of dir (DefaultDictDir when
// empty; none at all when dicts is nil).
func NewAnalyzer(dicts *Dictionaries) *Analyzer { return &Analyzer{dicts: dicts} }

// Features reads a document's sentences and evidence. A document whose
// language is unknown has none: it is never compared across languages.
func (an *Analyzer) Features(d *doc.Document) (*Features, error) { return an.read(d, false) }

// Anchors reads only a document's anchors — numbers, names, acronyms,
// links, months — which is all Fingerprints needs and far cheaper than
// Features.
func (an *Analyzer) Anchors(d *doc.Document) (*Features, error) { return an.read(d, true) }

func (an *Analyzer) read(d *doc.Document, anchorsOnly bool) (*Features, error) {
	lang := strings.ToLower(d.Lang)
	if lang == "" {
		return &Features{ID: d.ID}, nil
	}
	dict, err := an.dicts.For(lang)
	if err != nil {
		return nil, err
	}
	return (&analyzer{lang: lang, dict: dict, anchorsOnly: anchorsOnly, words: &an.words}).features(d), nil
}

// Match is a pair of documents found to be translations of each other.
type Match struct {
	LangA, LangB string
	Relation     relate.Relation
	Passages     []relate.Passage
	// Score is the evidence the aligned sentences share beyond what any
	// two sentences of the pair share by chance, averaged over the text of
	// both documents (0..1; see DefaultMinScore).
	Score float64
}

// Compare aligns the sentences of a and b (a.ID < b.ID, different
// languages, fa and fb their Features) and returns the match, or false
// when the alignment is no better than chance by minScore.
func Compare(a, b *doc.Document, fa, fb *Features, minScore float64) (Match, bool) {
	if fa.Lang == "" || fb.Lang == "" || fa.Lang == fb.Lang {
		return Match{}, false
	}
	ev := newEvidenceTable(fa, fb)
	beads := alignSentences(fa, fb, ev)
	if len(beads) == 0 {
		return Match{}, false
	}
	chance := ev.chance()
	total, gained := 0, 0.0
	for _, s := range fa.sents {
		total += s.length
	}
	for _, s := range fb.sents {
		total += s.length
	}
	m := Match{LangA: fa.Lang, LangB: fb.Lang}
	var spansA, spansB []doc.Span
	for _, bd := range beads {
		if bd.a0 == bd.a1 || bd.b0 == bd.b1 {
			continue
		}
		l := 0
		for _, s := range fa.sents[bd.a0:bd.a1] {
			l += s.length
		}
		for _, s := range fb.sents[bd.b0:bd.b1] {
			l += s.length
		}
		gained += (bd.sim - chance) * float64(l)
		pa := doc.Span{Begin: fa.sents[bd.a0].span.Begin, End: fa.sents[bd.a1-1].span.End}
		pb := doc.Span{Begin: fb.sents[bd.b0].span.Begin, End: fb.sents[bd.b1-1].span.End}
		spansA, spansB = append(spansA, pa), append(spansB, pb)
		m.Passages = append(m.Passages, relate.Passage{
			A:        relate.End{Doc: a.ID, Begin: pa.Begin, End: pa.End},
			B:        relate.End{Doc: b.ID, Begin: pb.Begin, End: pb.End},
			Tokens:   min(words(a.Text[pa.Begin:pa.End]), words(b.Text[pb.Begin:pb.End])),
			Identity: math.Round(bd.sim*1000) / 1000,
		})
	}
	m.Score = gained / float64(max(total, 1))
	if m.Score < minScore || len(m.Passages) == 0 {
		return Match{}, false
	}
	r := relate.Relation{
		A: a.ID, B: b.ID, Kind: relate.Translation, Passages: len(m.Passages),
		CoverageA: math.Round(relate.Coverage(a, spansA)*1000) / 1000,
		CoverageB: math.Round(relate.Coverage(b, spansB)*1000) / 1000,
	}
	r.Direction, r.Confidence, r.Reason = direction(a, b, fa.Lang, fb.Lang, r)
	m.Relation = r
	return m, true
}

// KeepBest keeps the matches whose score is at least share of the best
// score either of their documents has with a document of the other's
// language. An article is translated once into a language, or a few times
// alike; a far weaker match beside a strong one is another report of the
// same story.
func KeepBest(ms []Match, share float64) []Match {
	type side struct{ doc, lang string }
	best := map[side]float64{}
	for _, m := range ms {
		a, b := side{m.Relation.A, m.LangB}, side{m.Relation.B, m.LangA}
		best[a] = max(best[a], m.Score)
		best[b] = max(best[b], m.Score)
	}
	var out []Match
	for _, m := range ms {
		if m.Score >= share*best[side{m.Relation.A, m.LangB}] && m.Score >= share*best[side{m.Relation.B, m.LangA}] {
			out = append(out, m)
		}
	}
	return out
}

func words(s string) int { return len(strings.Fields(s)) }

// direction says which document is the original. Dates and provenance
// lines decide as for any copy (relate.Direct); a note that a text was
// translated ("translated from Russian", "перевод с английского",
// "traduit de", "aus dem Französischen übersetzt") marks the translation.
// Otherwise it stays undetermined, naming the languages: that one text is
// English says nothing about which came first.
func direction(a, b *doc.Document, langA, langB string, r relate.Relation) (string, float64, string) {
	dir, conf, reason := relate.Direct(a, b, r)
	if dir != relate.Undetermined {
		return dir, conf, fmt.Sprintf("%s (%s) and %s (%s) are translations; %s", a.ID, langA, b.ID, langB, reason)
	}
	na, nb := translationNote(a.Text), translationNote(b.Text)
	switch {
	case na != "" && nb == "":
		return relate.BToA, 0.7, fmt.Sprintf("%s (%s) is the translation of %s (%s): it says %q", a.ID, langA, b.ID, langB, na)
	case nb != "" && na == "":
		return relate.AToB, 0.7, fmt.Sprintf("%s (%s) is the translation of %s (%s): it says %q", b.ID, langB, a.ID, langA, nb)
	}
	return relate.Undetermined, 0, fmt.Sprintf("%s (%s) and %s (%s) are translations of each other; %s", a.ID, langA, b.ID, langB, reason)
}
