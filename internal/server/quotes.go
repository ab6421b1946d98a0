package server

import (
	"context"
	"fmt"
	"slices"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/extract"
	"github.com/echotrace/echotrace/internal/store"
)

// Bounds on the quotes and entity mentions read for one document or quote.
const (
	maxDocQuotes   = 1000
	maxDocEntities = 2000
	maxQuoteOccs   = 1000
)

// quoteOcc is one stored quote, term or claim occurrence.
type quoteOcc struct {
	Quote        string     `json:"quote"`
	Doc          string     `json:"doc"`
	Outlet       string     `json:"outlet"`
	Kind         string     `json:"kind"`
	Begin        int        `json:"begin"`
	End          int        `json:"end"`
	Parts        []doc.Span `json:"parts"`
	Text         string     `json:"text"` // folded, as the linker compared it
	Speaker      string     `json:"speaker"`
	SpeakerBegin *int       `json:"speaker_begin"`
	SpeakerEnd   *int       `json:"speaker_end"`
	Cue          string     `json:"cue"`
	Unclosed     bool       `json:"unclosed"`
}

func viewOcc(r store.OccurrenceRow) quoteOcc {
	o := quoteOcc{Quote: r.Quote, Doc: r.Doc, Outlet: r.Outlet, Kind: string(r.Kind), Begin: r.Begin, End: r.End,
		Parts: r.Parts, Text: r.Text, Speaker: r.Speaker, Cue: r.Cue, Unclosed: r.Unclosed}
	if o.Parts == nil {
		o.Parts = []doc.Span{{Begin: r.Begin, End: r.End}}
	}
	if r.SpeakerSpan != nil {
		b, e := r.SpeakerSpan.Begin, r.SpeakerSpan.End
		o.SpeakerBegin, o.SpeakerEnd = &b, &e
	}
	return o
}

// entityMention is one mention of a person, place or organisation.
type entityMention struct {
	Entity    string `json:"entity"`
	Name      string `json:"name"`
	Type      string `json:"type"`
	Doc       string `json:"doc"`
	Outlet    string `json:"outlet"`
	Begin     int    `json:"begin"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	Reference bool   `json:"reference"`
}

func viewMention(m store.EntityMention) entityMention {
	return entityMention{Entity: m.Entity, Name: m.Name, Type: string(m.Type), Doc: m.Doc, Outlet: m.Outlet,
		Begin: m.Begin, End: m.End, Text: m.Text, Reference: m.Reference}
}

// quotes is the quote topic of the store, or nil when its backend has none.
func (s *Server) quotes() store.QuoteStore {
	qs, _ := s.st.(store.QuoteStore)
	return qs
}

// docQuotes reads the quotes and entity mentions of one document; none
// when the store keeps no quotes.
func (s *Server) docQuotes(ctx context.Context, id string) ([]quoteOcc, []entityMention, error) {
	qs := s.quotes()
	if qs == nil {
		return []quoteOcc{}, []entityMention{}, nil
	}
	occs, err := qs.Occurrences(ctx, store.OccurrenceQuery{Doc: id, Limit: maxDocQuotes})
	if err != nil {
		return nil, nil, err
	}
	ms, err := qs.EntityMentions(ctx, store.EntityQuery{Doc: id, Limit: maxDocEntities})
	if err != nil {
		return nil, nil, err
	}
	qo := make([]quoteOcc, len(occs))
	for i, o := range occs {
		qo[i] = viewOcc(o)
	}
	em := make([]entityMention, len(ms))
	for i, m := range ms {
		em[i] = viewMention(m)
	}
	return qo, em, nil
}

// quoteView is one cross-document quote: its occurrences and how each
// one's words differ from the quote's text.
type quoteView struct {
	ID          string                `json:"id"`
	Kind        string                `json:"kind"`
	Text        string                `json:"text"`
	Speaker     string                `json:"speaker"`
	Occurrences []quoteOcc            `json:"occurrences"`
	Variants    []extract.Variant     `json:"variants"`
	Documents   map[string]DocSummary `json:"documents"`
}

// loadQuote reads a quote by id.
func (s *Server) loadQuote(ctx context.Context, id string) (*quoteView, error) {
	qs := s.quotes()
	if qs == nil {
		return nil, errUnavailable
	}
	if id == "" {
		// An empty id would select every occurrence of the corpus.
		return nil, notFound("quote", id)
	}
	occs, err := qs.Occurrences(ctx, store.OccurrenceQuery{Quote: id, Limit: maxQuoteOccs})
	if err != nil {
		return nil, err
	}
	if len(occs) == 0 {
		return nil, notFound("quote", id)
	}
	q := extract.Quote{ID: id, Kind: occs[0].Kind}
	speakers := map[string]int{}
	var ids []string
	for _, o := range occs {
		if len(o.Text) > len(q.Text) {
			q.Text = o.Text
		}
		if o.Speaker != "" {
			speakers[o.Speaker]++
		}
		q.Occurrences = append(q.Occurrences, o.Occurrence)
		ids = append(ids, o.Doc)
	}
	for name, n := range speakers {
		if n > speakers[q.Speaker] || n == speakers[q.Speaker] && name < q.Speaker {
			q.Speaker = name
		}
	}
	v := &quoteView{ID: id, Kind: string(q.Kind), Text: q.Text, Speaker: q.Speaker, Variants: extract.Variants(q)}
	for _, o := range occs {
		v.Occurrences = append(v.Occurrences, viewOcc(o))
	}
	if v.Documents, err = s.summaries(ctx, ids); err != nil {
		return nil, err
	}
	return v, nil
}

// quoteDocCounts says in how many documents each quote of a page
// appears, in one query for the page.
func (s *Server) quoteDocCounts(ctx context.Context, occs []quoteOcc) (map[string]string, error) {
	var ids []string
	for _, o := range occs {
		ids = append(ids, o.Quote)
	}
	slices.Sort(ids)
	n, err := s.quotes().QuoteDocuments(ctx, slices.Compact(ids))
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(n))
	for q, k := range n {
		out[q] = fmt.Sprint(k)
	}
	return out, nil
}
