package report

import (
	"cmp"
	"slices"

	"github.com/echotrace/echotrace/internal/extract"
)

// GroupQuotes gathers stored occurrences back into the quotes they belong
// to (by their Quote ids), in the order each quote first occurs, with its
// occurrences in the order given. A quote's Text is its longest
// occurrence's text, its Kind that of its first occurrence and its
// Speaker the name most of its occurrences give ("" when none gives one;
// a tie goes to the name first in byte order, so the result does not
// depend on the order of the rows). An occurrence without a quote id is
// kept as a quote of its own rather than dropped or merged with others.
func GroupQuotes(occs []extract.Occurrence) []extract.Quote {
	var out []extract.Quote
	at := make(map[string]int)
	for _, o := range occs {
		i, seen := at[o.Quote]
		if !seen || o.Quote == "" {
			i = len(out)
			out = append(out, extract.Quote{ID: o.Quote, Kind: o.Kind})
			if o.Quote != "" {
				at[o.Quote] = i
			}
		}
		q := &out[i]
		q.Occurrences = append(q.Occurrences, o)
		if len(o.Text) > len(q.Text) {
			q.Text = o.Text
		}
	}
	for i := range out {
		out[i].Speaker = commonSpeaker(out[i].Occurrences)
	}
	return out
}

// commonSpeaker is the speaker most occurrences name.
func commonSpeaker(occs []extract.Occurrence) string {
	counts := make(map[string]int)
	for _, o := range occs {
		if o.Speaker != "" {
			counts[o.Speaker]++
		}
	}
	best, n := "", 0
	for name, c := range counts {
		if c > n || c == n && name < best {
			best, n = name, c
		}
	}
	return best
}

// QuoteDocuments lists the documents a quote occurs in, sorted, each once.
func QuoteDocuments(q extract.Quote) []string {
	docs := make([]string, 0, len(q.Occurrences))
	for _, o := range q.Occurrences {
		docs = append(docs, o.Doc)
	}
	slices.Sort(docs)
	return slices.Compact(docs)
}

// SpeakerCount says how much one speaker is quoted.
type SpeakerCount struct {
	Speaker     string `json:"speaker"`
	Quotes      int    `json:"quotes"`      // distinct quotes and claims
	Occurrences int    `json:"occurrences"` // in all documents
	Documents   int    `json:"documents"`
}

// MostQuoted counts, for each speaker, the quotes and claims given to
// them (a quote counts for its Speaker), their occurrences and the
// documents these are in; quoted terms have no speaker and do not count.
// The most occurrences come first, then the most distinct quotes, then
// names in byte order. It returns an empty list, not nil, when no one is
// quoted.
func MostQuoted(quotes []extract.Quote) []SpeakerCount {
	counts := make(map[string]*SpeakerCount)
	docs := make(map[string]map[string]bool)
	for _, q := range quotes {
		if q.Speaker == "" || q.Kind == extract.KindTerm {
			continue
		}
		c := counts[q.Speaker]
		if c == nil {
			c = &SpeakerCount{Speaker: q.Speaker}
			counts[q.Speaker] = c
			docs[q.Speaker] = make(map[string]bool)
		}
		c.Quotes++
		c.Occurrences += len(q.Occurrences)
		for _, o := range q.Occurrences {
			docs[q.Speaker][o.Doc] = true
		}
	}
	out := make([]SpeakerCount, 0, len(counts))
	for name, c := range counts {
		c.Documents = len(docs[name])
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b SpeakerCount) int {
		return cmp.Or(-cmp.Compare(a.Occurrences, b.Occurrences), -cmp.Compare(a.Quotes, b.Quotes),
			cmp.Compare(a.Speaker, b.Speaker))
	})
	return out
}
