package report

import (
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/extract"
)

// An invented radio transcript that quotes the harbour master of the
// fixture's harbour story with one word changed, has a quote of its own
// and a scare-quoted word.
const radioText = "Morning bulletin\n\n" +
	"Harbour master Anouk Feld told the station: “We cannot put a full ferry against a pier we do not trust.”\n\n" +
	"Island councillor Mara Lind called the inspection regime “routine” and said: “Nobody on the island was told the pier was this weak.”"

func findingsTexts() map[string]string {
	texts := fixtureTexts()
	texts["radio-notes"] = radioText
	return texts
}

// occurrence builds an occurrence of needle in a document: the quoted
// text, and the speaker's mention and cue found after from (so that the
// right one of several mentions is taken). An empty speaker or cue is
// left unknown.
func occurrence(t testing.TB, docID, text string, kind extract.Kind, quote, needle, speaker, mention, cue string) extract.Occurrence {
	t.Helper()
	s := span(t, docID, text, needle)
	o := extract.Occurrence{Doc: docID, Kind: kind, Begin: s.Begin, End: s.End,
		Parts: []doc.Span{{Begin: s.Begin, End: s.End}}, Text: needle, Speaker: speaker, Quote: quote}
	if mention != "" {
		m := span(t, docID, text, mention)
		o.SpeakerSpan, o.SpeakerText = &doc.Span{Begin: m.Begin, End: m.End}, mention
	}
	if cue != "" {
		i := strings.Index(text[s.End:], " "+cue)
		if i < 0 {
			i = strings.Index(text, " "+cue) - s.End
		}
		b := s.End + i + 1
		o.Cue, o.CueSpan = cue, &doc.Span{Begin: b, End: b + len(cue)}
	}
	return o
}

// findings is the fixture report with quotes, stories and narratives
// added, their slices out of order.
func findings(t testing.TB) *Report {
	t.Helper()
	r := fixture(t)
	r.Documents = append(r.Documents, DocInfo{ID: "radio-notes", Title: "Morning bulletin", Outlet: "Skelby Radio", Date: "2024-05-04", Bytes: len(radioText)})

	const ferry = "We cannot put a loaded ferry against a pier we do not trust,"
	const light = "The divers go down again at first light."
	const bus = "A replacement bus service over the causeway will run every thirty minutes from Saturday"
	// The harbour master's quote is split by its cue in the wire and the
	// forum copy: one occurrence in two parts.
	split := func(docID, text string) extract.Occurrence {
		o := occurrence(t, docID, text, extract.KindQuote, "q-ferry", ferry, "Anouk Feld", "harbour master Anouk Feld", "said")
		second := span(t, docID, text, light)
		o.Parts = append(o.Parts, doc.Span{Begin: second.Begin, End: second.End})
		o.End, o.Text = second.End, ferry+" "+light
		return o
	}
	radioFerry := occurrence(t, "radio-notes", radioText, extract.KindQuote, "q-ferry",
		"We cannot put a full ferry against a pier we do not trust.", "Anouk Feld", "Anouk Feld", "told")
	weak := occurrence(t, "radio-notes", radioText, extract.KindQuote, "q-weak",
		"Nobody on the island was told the pier was this weak.", "Mara Lind", "Island councillor Mara Lind", "said")
	routine := occurrence(t, "radio-notes", radioText, extract.KindTerm, "t-routine", "routine", "", "", "")
	r.Quotes = []extract.Quote{
		{ID: "q-weak", Kind: extract.KindQuote, Text: weak.Text, Speaker: "Mara Lind", Occurrences: []extract.Occurrence{weak}},
		{ID: "c-bus", Kind: extract.KindClaim, Text: bus, Occurrences: []extract.Occurrence{
			occurrence(t, "harbour-wire", harbourText, extract.KindClaim, "c-bus", bus, "", "", "said"),
			occurrence(t, "board-post", boardText, extract.KindClaim, "c-bus", bus, "", "", "said"),
		}},
		{ID: "q-ferry", Kind: extract.KindQuote, Text: ferry + " " + light, Speaker: "Anouk Feld", Occurrences: []extract.Occurrence{
			radioFerry, split("harbour-wire", harbourText), split("board-post", boardText),
		}},
		{ID: "t-routine", Kind: extract.KindTerm, Text: "routine", Occurrences: []extract.Occurrence{routine}},
	}

	// The ferry story is its narrative's only story: they share
	// documents, dates and timeline (the story's given out of order), but
	// not ids or labels.
	ferryStory := cluster.Summary{ID: "s1", Label: "Skelby, Anouk Feld · ferry, pier, cracks · \"Ferry crossings to Skelby suspended after pier cracks\"",
		Details: cluster.Label{Entities: []string{"Skelby", "Anouk Feld"}, Terms: []string{"ferry", "pier", "cracks"},
			Headline: "Ferry crossings to Skelby suspended after pier cracks"},
		Documents: []string{"harbour-wire", "radio-notes", "weekly-column", "board-post"},
		Outlets:   []string{"Coastal Wire", "Harbour forum", "Skelby Radio", "The Skelby Weekly"},
		First:     "2024-05-03", Last: "2024-05-06", Undated: 1,
		Timeline: []cluster.TimelineDay{
			{Date: "2024-05-06", Outlet: "The Skelby Weekly", Documents: 1},
			{Date: "2024-05-03", Outlet: "Coastal Wire", Documents: 1},
			{Date: "2024-05-04", Outlet: "Skelby Radio", Documents: 1},
		}}
	ferryNarrative := ferryStory
	ferryNarrative.ID, ferryNarrative.Label = "n1", "Skelby · ferry, pier"
	ferryNarrative.Details = cluster.Label{Entities: []string{"Skelby"}, Terms: []string{"ferry", "pier"}, Headline: ferryStory.Details.Headline}
	ferryNarrative.Timeline = []cluster.TimelineDay{ferryStory.Timeline[1], ferryStory.Timeline[2], ferryStory.Timeline[0]}
	harbourStory := cluster.Summary{ID: "s10", Label: "港口 · pier · \"渡轮停运\"",
		Details:   cluster.Label{Entities: []string{"港口"}, Terms: []string{"pier"}, Headline: "渡轮停运：港口码头出现裂缝"},
		Documents: []string{"港口-notes", hashID}, Outlets: []string{"港口日报"}, First: "2024-05-04", Last: "2024-05-04", Undated: 1,
		Timeline: []cluster.TimelineDay{{Date: "2024-05-04", Outlet: "港口日报", Documents: 1}}}
	harbourNarrative := harbourStory
	harbourNarrative.ID, harbourNarrative.Label = "n2", "港口 · pier"
	harbourNarrative.Details = cluster.Label{Entities: []string{"港口"}, Terms: []string{"pier"}}

	r.Stories = []cluster.Story{
		{Summary: harbourStory, Narrative: "n2"},
		{Summary: ferryStory, Narrative: "n1"},
		// Stored without the parts of its label, and without a narrative.
		{Summary: cluster.Summary{ID: "s2", Label: "market hall · roof", Documents: []string{"ledger-news"},
			Outlets: []string{"The Skelby Weekly"}, First: "2024-05-07", Last: "2024-05-07",
			Timeline: []cluster.TimelineDay{{Date: "2024-05-07", Outlet: "The Skelby Weekly", Documents: 1}}}},
	}
	r.Narratives = []cluster.Narrative{
		{Summary: harbourNarrative, Stories: []string{"s10"}},
		{Summary: ferryNarrative, Stories: []string{"s1"}},
	}
	return r
}
