package cluster

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/normalize"
)

// Label is what a person reads to know what a story or narrative is
// about: a representative headline (the title of its most central
// document) and its key entities and terms, all from the documents' own
// text (boilerplate regions are left out before the terms are counted).
type Label struct {
	Entities []string `json:"entities"`
	Terms    []string `json:"terms"`
	Headline string   `json:"headline"`
}

// TimelineDay counts one outlet's documents on one day.
type TimelineDay struct {
	Date      string `json:"date"` // YYYY-MM-DD
	Outlet    string `json:"outlet"`
	Documents int    `json:"documents"`
}

// Summary is the part a story and a narrative share: label, documents,
// outlets, dates and timeline.
type Summary struct {
	ID        string        `json:"id"`
	Label     string        `json:"label"`
	Details   Label         `json:"details"`
	Documents []string      `json:"documents"`
	Outlets   []string      `json:"outlets"`
	First     string        `json:"first"` // YYYY-MM-DD, empty when no document is dated
	Last      string        `json:"last"`
	Undated   int           `json:"undated"` // documents without a date
	Timeline  []TimelineDay `json:"timeline"`
}

// Story is one story as reported.
type Story struct {
	Summary
	Narrative string `json:"narrative,omitempty"`
}

// Narrative is one narrative as reported.
type Narrative struct {
	Summary
	Stories []string `json:"stories"`
}

// labelSize is how many entities and terms a label names.
const labelSize = 5

// headlineRunes bounds a headline taken from running text.
const headlineRunes = 160

// headline is the title, else the first sentence of the text.
func headline(title, text string) string {
	if t := normalize.Fold(title); t != "" {
		return t
	}
	text = strings.TrimSpace(text)
	if i := strings.IndexByte(text, '\n'); i > 0 {
		text = text[:i]
	}
	for i, r := range text {
		if (r == '.' || r == '!' || r == '?') && i > 20 {
			text = text[:i+1]
			break
		}
	}
	text = normalize.Fold(text)
	if utf8.RuneCountInString(text) > headlineRunes {
		cut := 0
		for n := 0; n < headlineRunes; n++ {
			_, size := utf8.DecodeRuneInString(text[cut:])
			cut += size
		}
		text = strings.TrimSpace(text[:cut]) + "..."
	}
	return text
}

// summarize builds the summary of a group of documents whose summed term
// and entity vectors are terms and ents.
func (c *Clusterer) summarize(id string, docs []int32, terms, ents []weighted) Summary {
	s := Summary{ID: id, Documents: []string{}, Outlets: []string{}, Timeline: []TimelineDay{}}
	s.Details.Entities = firstTop(ents, &c.ents, func(name string) bool { return !isWeekday(name) })
	s.Details.Terms = firstTop(terms, &c.terms, func(w string) bool { return !reportingVerbs[w] && !allDigits(w) })
	s.Details.Headline = c.docs[c.representative(docs, terms)].Headline
	s.Label = labelText(s.Details)

	// The outlets and the days are gathered in lists, sorted, and their
	// repeats joined: the same lists as counting them in maps, for the
	// one or two documents of most stories without making two maps.
	s.Documents = slices.Grow(s.Documents, len(docs))
	var first, last time.Time
	for _, di := range docs {
		d := &c.docs[di]
		s.Documents = append(s.Documents, d.ID)
		if d.Outlet != "" {
			s.Outlets = append(s.Outlets, d.Outlet)
		}
		if d.Date.IsZero() {
			s.Undated++
			continue
		}
		s.Timeline = append(s.Timeline, TimelineDay{Date: d.Date.Format(time.DateOnly), Outlet: d.Outlet, Documents: 1})
		if first.IsZero() || d.Date.Before(first) {
			first = d.Date
		}
		if last.IsZero() || d.Date.After(last) {
			last = d.Date
		}
	}
	slices.Sort(s.Outlets)
	s.Outlets = slices.Compact(s.Outlets)
	if !first.IsZero() {
		s.First, s.Last = first.Format(time.DateOnly), last.Format(time.DateOnly)
	}
	slices.SortFunc(s.Timeline, func(a, b TimelineDay) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.Outlet, b.Outlet))
	})
	days := s.Timeline[:0]
	for _, t := range s.Timeline {
		if n := len(days); n > 0 && days[n-1].Date == t.Date && days[n-1].Outlet == t.Outlet {
			days[n-1].Documents++
			continue
		}
		days = append(days, t)
	}
	clear(s.Timeline[len(days):])
	s.Timeline = days
	return s
}

// firstTop is the surface forms of the labelSize most telling
// coordinates of vec (by weight × idf, as top ranks them) that keep
// accepts. A story's vector has up to CentroidTerms coordinates and
// nearly always the first few serve, so the best few are selected and
// sorted first, and more only when keep refused too many of them: the
// same forms as going down the whole sorted vector. The coordinates are
// scored once, in room lent by scoredRoom (a summary is made for every
// story and narrative, and their scores were most of what summarising
// allocated), and each wider round selects from them again: the best n
// under a total order are one set in any arrangement.
func firstTop(vec []weighted, v *vocab, keep func(string) bool) []string {
	room := scoredRoom.Get().(*[]scored)
	defer scoredRoom.Put(room)
	*room = appendScored((*room)[:0], vec, v)
	ss := *room
	var out []string
	for n := 4 * labelSize; ; n *= 4 {
		out = nil
		k := max(0, min(n, len(ss)))
		selectFirst(ss, k)
		sortScored(ss[:k])
		for _, s := range ss[:k] {
			if len(out) == labelSize {
				return out
			}
			if w := v.Surface[s.x.ID]; keep(w) {
				if out == nil {
					out = make([]string, 0, labelSize)
				}
				out = append(out, w)
			}
		}
		if len(out) == labelSize || n >= len(vec) {
			return out
		}
	}
}

// scoredRoom lends room for scoring a vector's coordinates (firstTop).
var scoredRoom = sync.Pool{New: func() any { return new([]scored) }}

// representative is the document closest to the group's term vector:
// of one document (most stories), that one, without comparing.
func (c *Clusterer) representative(docs []int32, terms []weighted) int32 {
	best, bestSim := docs[0], math.Inf(-1)
	if len(docs) == 1 {
		return best
	}
	// The group's norm is summed once, not for every document (the
	// same cosines to the bit): a narrative's documents are many.
	nb := -1.0
	for _, di := range docs {
		if sim := cosineKept(c.docs[di].Terms, terms, &c.terms, &nb); sim > bestSim {
			best, bestSim = di, sim
		}
	}
	return best
}

// labelText is the one-line label: the headline a reader recognises
// first, then the key entities and terms.
func labelText(l Label) string {
	var parts []string
	if l.Headline != "" {
		parts = append(parts, fmt.Sprintf("%q", l.Headline))
	}
	if len(l.Entities) > 0 {
		parts = append(parts, strings.Join(l.Entities, ", "))
	}
	if len(l.Terms) > 0 {
		parts = append(parts, strings.Join(l.Terms, ", "))
	}
	return strings.Join(parts, " · ")
}

// reportingVerbs say that someone spoke, not what about; news uses them in
// nearly every story, so they would head many labels. Forms as written
// (labels show the first written form of a stem).
var reportingVerbs = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`said say says saying told tell tells according added adds stated
		reported reports announced asked noted explained claimed
		déclaré dit a-t-il sagte sagt erklärte dijo afirmó declaró disse ha detto сказал заявил заявила сказала`) {
		m[w] = true
	}
	return m
}()

// Stories reports every story in order of creation (stories emptied by
// Settle are left out), with the narrative
// each belongs to when narratives is not nil.
func (c *Clusterer) Stories(narratives []Narrative) []Story {
	narrativeOf := make(map[string]string)
	for _, n := range narratives {
		for _, s := range n.Stories {
			narrativeOf[s] = n.ID
		}
	}
	var live []int32
	for i, s := range c.stories {
		if len(s.Docs) > 0 {
			live = append(live, int32(i))
		}
	}
	out := make([]Story, len(live))
	eachIndex(len(live), func(k int) {
		s := c.stories[live[k]]
		out[k].Summary = c.summarize(storyID(live[k]), s.Docs, s.Terms, s.Ents)
	})
	for k := range out {
		out[k].Narrative = narrativeOf[out[k].ID]
	}
	return out
}
