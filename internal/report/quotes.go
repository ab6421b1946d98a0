package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/extract"
)

func init() {
	addSection(section{order: orderQuotes, key: "quotes", json: quotesJSON, text: quotesText})
}

// Caps on what the text report lists; the JSON form lists everything.
const (
	maxSpeakersListed = 20
	maxQuotesListed   = 20
)

// jsonQuote is one linked quote: the same words found in one or more
// documents.
type jsonQuote struct {
	ID          string           `json:"id"`
	Kind        extract.Kind     `json:"kind"`
	Speaker     *string          `json:"speaker"`
	Text        string           `json:"text"`
	Documents   []string         `json:"documents"`
	Occurrences []jsonOccurrence `json:"occurrences"`
	// Variants compare each occurrence with Text, word by word; empty
	// for a quote found once. An occurrence with the same words has no
	// edits.
	Variants []jsonVariant `json:"variants"`
}

// jsonOccurrence is one occurrence, with the fields `echotrace quotes
// --json` documents. Offsets are bytes into the document's original text;
// what is unknown is null.
type jsonOccurrence struct {
	Doc          string       `json:"doc"`
	Begin        int          `json:"begin"`
	End          int          `json:"end"`
	Text         string       `json:"text"`
	Parts        []doc.Span   `json:"parts"`
	Unclosed     bool         `json:"unclosed"`
	Speaker      *string      `json:"speaker"`
	SpeakerBegin *int         `json:"speaker_begin"`
	SpeakerEnd   *int         `json:"speaker_end"`
	SpeakerText  *string      `json:"speaker_text"`
	Cue          *string      `json:"cue"`
	CueBegin     *int         `json:"cue_begin"`
	CueEnd       *int         `json:"cue_end"`
	Kind         extract.Kind `json:"kind"`
	Quote        *string      `json:"quote"`
}

// jsonVariant is one occurrence's words against the quote's text.
type jsonVariant struct {
	Doc   string         `json:"doc"`
	Begin int            `json:"begin"`
	Same  bool           `json:"same"` // no word differs
	Edits []extract.Edit `json:"edits"`
}

func quotesJSON(r *Report) any {
	quotes := sortedQuotes(r.Quotes)
	out := make([]jsonQuote, len(quotes))
	for i, q := range quotes {
		j := jsonQuote{
			ID:          q.ID,
			Kind:        q.Kind,
			Speaker:     nullable(q.Speaker),
			Text:        q.Text,
			Documents:   QuoteDocuments(q),
			Occurrences: make([]jsonOccurrence, len(q.Occurrences)),
			Variants:    []jsonVariant{},
		}
		for k, o := range q.Occurrences {
			j.Occurrences[k] = occurrenceJSON(o)
		}
		if len(q.Occurrences) > 1 {
			for _, o := range q.Occurrences {
				// The edits of an occurrence with the same words would only
				// repeat its text.
				edits := extract.Diff(q.Text, o.Text)
				same := sameWords(edits)
				if same {
					edits = []extract.Edit{}
				}
				j.Variants = append(j.Variants, jsonVariant{Doc: o.Doc, Begin: o.Begin, Same: same, Edits: edits})
			}
		}
		out[i] = j
	}
	return out
}

func occurrenceJSON(o extract.Occurrence) jsonOccurrence {
	j := jsonOccurrence{
		Doc: o.Doc, Begin: o.Begin, End: o.End, Text: o.Text,
		Parts: slices.Clone(o.Parts), Unclosed: o.Unclosed,
		Speaker: nullable(o.Speaker), SpeakerText: nullable(o.SpeakerText),
		Cue: nullable(o.Cue), Kind: o.Kind, Quote: nullable(o.Quote),
	}
	if j.Parts == nil {
		j.Parts = []doc.Span{}
	}
	if s := o.SpeakerSpan; s != nil {
		j.SpeakerBegin, j.SpeakerEnd = &s.Begin, &s.End
	}
	if s := o.CueSpan; s != nil {
		j.CueBegin, j.CueEnd = &s.Begin, &s.End
	}
	return j
}

// sortedQuotes orders quotes by id, and each quote's occurrences by
// document and position, without changing the caller's slices.
func sortedQuotes(quotes []extract.Quote) []extract.Quote {
	out := slices.Clone(quotes)
	for i := range out {
		out[i].Occurrences = slices.Clone(out[i].Occurrences)
		slices.SortStableFunc(out[i].Occurrences, compareOccurrences)
	}
	slices.SortStableFunc(out, func(a, b extract.Quote) int {
		c := cmp.Compare(a.ID, b.ID)
		if c == 0 && len(a.Occurrences) > 0 && len(b.Occurrences) > 0 {
			c = compareOccurrences(a.Occurrences[0], b.Occurrences[0])
		}
		return c
	})
	return out
}

func compareOccurrences(a, b extract.Occurrence) int {
	return cmp.Or(cmp.Compare(a.Doc, b.Doc), cmp.Compare(a.Begin, b.Begin), cmp.Compare(a.End, b.End),
		cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Speaker, b.Speaker), cmp.Compare(a.Text, b.Text))
}

// sameWords reports whether a diff changes no word.
func sameWords(edits []extract.Edit) bool {
	for _, e := range edits {
		if e.Op != extract.OpEqual {
			return false
		}
	}
	return true
}

// quotesText says who is quoted most, then shows the quotes and claims
// found in several documents, most documents first, each occurrence with
// its place, speaker and cue, and its words where they differ.
func quotesText(p *printer, r *Report) {
	if len(r.Quotes) == 0 {
		return
	}
	quotes := sortedQuotes(r.Quotes)
	p.heading(fmt.Sprintf("QUOTES (%d quotes, quoted terms and claims), who is quoted", len(quotes)))
	p.mostQuoted(MostQuoted(quotes))

	// Documents are counted once per quote, not in every comparison of
	// the sort: a large corpus has many quotes.
	type sharedQuote struct {
		extract.Quote
		docs int
	}
	var shared []sharedQuote
	for _, q := range quotes {
		if n := len(QuoteDocuments(q)); q.Kind != extract.KindTerm && n > 1 {
			shared = append(shared, sharedQuote{q, n})
		}
	}
	if len(shared) == 0 {
		p.blank()
		p.para("", "", "No quote or claim is found in more than one document.")
		return
	}
	slices.SortStableFunc(shared, func(a, b sharedQuote) int {
		return cmp.Or(
			-cmp.Compare(a.docs, b.docs),
			-cmp.Compare(len(a.Occurrences), len(b.Occurrences)),
			cmp.Compare(kindOrder(a.Kind), kindOrder(b.Kind)),
		)
	})
	p.blank()
	p.para("", "", fmt.Sprintf("Found in several documents (%d), most documents first; where an "+
		"occurrence's words differ from the text shown, they are marked "+
		"[-left out-] {+put in+}:", len(shared)))
	for i, q := range shared[:min(len(shared), maxQuotesListed)] {
		p.quoteBlock(i+1, q.Quote, q.docs)
	}
	if more := len(shared) - maxQuotesListed; more > 0 {
		p.blank()
		p.para("", "", fmt.Sprintf("… and %s (the JSON form lists them all).", plural(more, "more quote", "more quotes")))
	}
}

// kindOrder puts quotes before claims: a direct quote is the stronger
// evidence of who said what.
func kindOrder(k extract.Kind) int {
	switch k {
	case extract.KindQuote:
		return 0
	case extract.KindClaim:
		return 1
	}
	return 2
}

// mostQuoted lists the speakers quoted most.
func (p *printer) mostQuoted(speakers []SpeakerCount) {
	p.blank()
	if len(speakers) == 0 {
		p.para("", "", "No quote or claim has a known speaker.")
		return
	}
	p.para("", "", fmt.Sprintf("Most quoted (%s):", count(len(speakers), "speaker")))
	for _, s := range speakers[:min(len(speakers), maxSpeakersListed)] {
		p.para("  ", "    ", fmt.Sprintf("%s: %s of %s in %s", s.Speaker,
			count(s.Occurrences, "occurrence"), plural(s.Quotes, "quote or claim", "quotes or claims"), count(s.Documents, "document")))
	}
	if more := len(speakers) - maxSpeakersListed; more > 0 {
		p.para("  ", "    ", "… and "+plural(more, "more speaker", "more speakers"))
	}
}

// quoteBlock shows one quote found in several documents.
func (p *printer) quoteBlock(n int, q extract.Quote, docs int) {
	speaker := "speaker unknown"
	if q.Speaker != "" {
		speaker = q.Speaker
	}
	id := q.ID
	if id == "" {
		id = "(no id)"
	}
	p.blank()
	p.units(fmt.Sprintf("[%d] ", n), "    ", []string{string(q.Kind), id, "·", speaker, "·",
		count(docs, "document") + ",", count(len(q.Occurrences), "occurrence")})
	p.para("    ", "     ", "“"+excerpt(q.Text, 0, len(q.Text), excerptColumns)+"”")
	for _, o := range q.Occurrences {
		p.para("    - ", "      ", occurrenceLine(o))
		if edits := extract.Diff(q.Text, o.Text); !sameWords(edits) {
			p.para("      words: ", "        ", extract.MarkDiff(compactEdits(edits, diffContext, diffRunWords)))
		}
	}
}

// occurrenceLine says where an occurrence is, who says it and with which
// cue: "wire 120-188 (2 parts), Ilse Marrow as “she” at 190-193, cue
// “said”".
func occurrenceLine(o extract.Occurrence) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %d-%d", o.Doc, o.Begin, o.End)
	if len(o.Parts) > 1 {
		fmt.Fprintf(&b, " (%d parts)", len(o.Parts))
	}
	if o.Unclosed {
		b.WriteString(" (quotation mark never closed)")
	}
	switch {
	case o.Speaker != "":
		b.WriteString(", " + o.Speaker)
		if m := clean(o.SpeakerText); m != "" && m != o.Speaker && o.SpeakerSpan != nil {
			fmt.Fprintf(&b, " as “%s” at %d-%d", truncate(m, 40), o.SpeakerSpan.Begin, o.SpeakerSpan.End)
		}
	case o.Kind != extract.KindTerm:
		// A source that is no name ("according to the environment
		// office") is still shown: it is the evidence a reader weighs.
		if m := clean(o.SpeakerText); m != "" && o.SpeakerSpan != nil {
			fmt.Fprintf(&b, ", speaker unknown, source “%s” at %d-%d", truncate(m, 60), o.SpeakerSpan.Begin, o.SpeakerSpan.End)
		} else {
			b.WriteString(", speaker unknown")
		}
	}
	if o.Cue != "" {
		b.WriteString(", cue “" + truncate(clean(o.Cue), 30) + "”")
	}
	return b.String()
}

// How much of a word diff the text report shows: a few words either side
// of each change, and the ends of a long change.
const (
	diffContext  = 4
	diffRunWords = 12
)

// compactEdits shortens a diff for reading: the words both texts share are
// cut to context words either side of a change, and a change longer than
// runWords keeps its ends, the cuts marked "…". It only shortens; what is
// marked as changed stays marked.
func compactEdits(edits []extract.Edit, context, runWords int) []extract.Edit {
	out := make([]extract.Edit, 0, len(edits))
	for i, e := range edits {
		words := strings.Fields(e.Text)
		switch {
		case e.Op != extract.OpEqual:
			if len(words) > runWords {
				half := runWords / 2
				words = append(append(words[:half:half], "…"), words[len(words)-half:]...)
			}
		case i == 0 && len(words) > context:
			words = append([]string{"…"}, words[len(words)-context:]...)
		case i == len(edits)-1 && len(words) > context:
			words = append(words[:context:context], "…")
		case len(words) > 2*context+1:
			words = append(append(words[:context:context], "…"), words[len(words)-context:]...)
		}
		out = append(out, extract.Edit{Op: e.Op, Text: strings.Join(words, " ")})
	}
	return out
}
