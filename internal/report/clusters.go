package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/echotrace/echotrace/internal/cluster"
)

// What the stories and narratives sections have in common: both show
// groups of documents (cluster.Summary) with a label, dates, outlets and a
// timeline.

// Caps on what the text report lists of one group and of all groups; the
// JSON form lists everything.
const (
	maxClustersListed = 20
	maxIDsListed      = 12 // documents or stories named in one group
	maxDaysListed     = 14 // days of a timeline shown in full
)

// jsonSummary is the JSON form of what a story and a narrative share.
// Unknown dates are null.
type jsonSummary struct {
	ID        string         `json:"id"`
	Label     string         `json:"label"`
	Entities  []string       `json:"entities"`
	Terms     []string       `json:"terms"`
	Headline  *string        `json:"headline"`
	Documents []string       `json:"documents"`
	Outlets   []string       `json:"outlets"`
	First     *string        `json:"first"`
	Last      *string        `json:"last"`
	Undated   int            `json:"undated"`
	Timeline  []jsonDayCount `json:"timeline"`
}

// jsonDayCount counts one outlet's documents on one day.
type jsonDayCount struct {
	Date      string  `json:"date"`
	Outlet    *string `json:"outlet"`
	Documents int     `json:"documents"`
}

func summaryJSON(s cluster.Summary) jsonSummary {
	j := jsonSummary{
		ID:        s.ID,
		Label:     s.Label,
		Entities:  nonNil(s.Details.Entities),
		Terms:     nonNil(s.Details.Terms),
		Headline:  nullable(s.Details.Headline),
		Documents: nonNil(s.Documents),
		Outlets:   nonNil(s.Outlets),
		First:     nullable(s.First),
		Last:      nullable(s.Last),
		Undated:   s.Undated,
		Timeline:  []jsonDayCount{},
	}
	for _, d := range sortedTimeline(s.Timeline) {
		j.Timeline = append(j.Timeline, jsonDayCount{Date: d.Date, Outlet: nullable(d.Outlet), Documents: d.Documents})
	}
	return j
}

// byID returns a copy of list in the natural order of its ids, so that s2
// comes before s10.
func byID[T any](list []T, id func(T) string) []T {
	out := slices.Clone(list)
	slices.SortStableFunc(out, func(a, b T) int { return naturalCompare(id(a), id(b)) })
	return out
}

// nonNil returns a copy of list that marshals as [] when empty.
func nonNil(list []string) []string {
	if list == nil {
		return []string{}
	}
	return slices.Clone(list)
}

func sortedTimeline(days []cluster.TimelineDay) []cluster.TimelineDay {
	out := slices.Clone(days)
	slices.SortStableFunc(out, func(a, b cluster.TimelineDay) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.Outlet, b.Outlet), cmp.Compare(a.Documents, b.Documents))
	})
	return out
}

// largestFirst orders groups for the text report: the most documents
// first, then the earliest (undated last), then by id.
func largestFirst(a, b cluster.Summary) int {
	return cmp.Or(
		-cmp.Compare(len(a.Documents), len(b.Documents)),
		boolCompare(a.First == "", b.First == ""),
		cmp.Compare(a.First, b.First),
		naturalCompare(a.ID, b.ID),
	)
}

// listedCluster is a story or narrative as the text report lists it.
type listedCluster struct {
	cluster.Summary
	extra   string   // added to the head line
	stories []string // of a narrative, shown after its timeline
}

// clusterSection lists stories or narratives under a heading (title has
// a %d for their number), largest first, up to a cap.
func (p *printer) clusterSection(title string, groups []listedCluster, one, many string) {
	if len(groups) == 0 {
		return
	}
	groups = slices.Clone(groups)
	slices.SortStableFunc(groups, func(a, b listedCluster) int { return largestFirst(a.Summary, b.Summary) })
	p.heading(fmt.Sprintf(title, len(groups)))
	for i, g := range groups[:min(len(groups), maxClustersListed)] {
		p.clusterBlock(i+1, g.Summary, g.extra)
		if g.stories != nil {
			p.units("    stories: ", "      ", capped(g.stories, maxIDsListed, "story", "stories"))
		}
	}
	if more := len(groups) - maxClustersListed; more > 0 {
		p.blank()
		p.para("", "", fmt.Sprintf("… and %s (the JSON form lists them all).", plural(more, "more "+one, "more "+many)))
	}
}

// clusterBlock shows one story or narrative: a head line with its id,
// dates and sizes (extra adds to it, e.g. the narrative of a story), its
// label, documents, outlets and documents per day.
func (p *printer) clusterBlock(n int, s cluster.Summary, extra string) {
	// A "·" goes with what follows it, so that a wrapped line starts
	// with it rather than a line ending in it.
	head := []string{s.ID, "· " + dateSpan(s.First, s.Last), "· " + count(len(s.Documents), "document")}
	if len(s.Outlets) > 0 {
		// No outlet means none is known, not that there are none.
		head[len(head)-1] += ","
		head = append(head, count(len(s.Outlets), "outlet"))
	}
	if s.Undated > 0 && s.First != "" {
		head = append(head, fmt.Sprintf("(%d undated)", s.Undated))
	}
	if extra != "" {
		head = append(head, "· "+extra)
	}
	p.blank()
	p.units(fmt.Sprintf("[%d] ", n), "    ", head)
	d := s.Details
	if len(d.Entities)+len(d.Terms) == 0 && d.Headline == "" {
		// A label stored without its parts: show it as it is.
		p.para("    ", "      ", s.Label)
	}
	if len(d.Entities) > 0 {
		p.para("    about: ", "      ", strings.Join(d.Entities, ", "))
	}
	if len(d.Terms) > 0 {
		p.para("    terms: ", "      ", strings.Join(d.Terms, ", "))
	}
	if d.Headline != "" {
		p.lines([]string{"    “" + truncate(clean(d.Headline), Width-6) + "”"})
	}
	p.units("    documents: ", "      ", capped(s.Documents, maxIDsListed, "document", "documents"))
	if len(s.Outlets) > 0 {
		p.units("    outlets: ", "      ", capped(s.Outlets, maxIDsListed, "outlet", "outlets"))
	}
	if days := perDay(s.Timeline); len(days) > 0 {
		p.units("    per day: ", "      ", days)
	}
}

// dateSpan says when a group ran: one date, "first .. last", or "undated".
func dateSpan(first, last string) string {
	switch {
	case first == "":
		return "undated"
	case last == "" || last == first:
		return clean(first)
	}
	return clean(first) + " .. " + clean(last)
}

// capped lists at most n names, each followed by a comma but the last,
// then says how many more there are.
func capped(names []string, n int, one, many string) []string {
	shown := names[:min(len(names), n)]
	out := make([]string, len(shown))
	for i, s := range shown {
		out[i] = s
		if i < len(shown)-1 {
			out[i] += ","
		}
	}
	if more := len(names) - len(shown); more > 0 {
		out = append(out, "and "+plural(more, "more "+one, "more "+many))
	}
	return out
}

// perDay turns a timeline (documents per day per outlet) into one count a
// day, "2024-03-12 ×3", in date order. A long timeline keeps its first and
// last days and says how many lie between.
func perDay(timeline []cluster.TimelineDay) []string {
	var dates []string
	total := make(map[string]int)
	for _, d := range sortedTimeline(timeline) {
		if _, seen := total[d.Date]; !seen {
			dates = append(dates, d.Date)
		}
		total[d.Date] += d.Documents
	}
	units := make([]string, len(dates))
	for i, date := range dates {
		units[i] = fmt.Sprintf("%s ×%d", date, total[date])
		if i < len(dates)-1 {
			units[i] += ","
		}
	}
	if len(units) > maxDaysListed {
		half := maxDaysListed / 2
		hidden := len(units) - 2*half
		middle := fmt.Sprintf("… %d more days …", hidden)
		units = append(append(units[:half:half], middle), units[len(units)-half:]...)
	}
	return units
}
