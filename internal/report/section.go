package report

import "sort"

// section is one part of the report. Each lives in its own file and
// registers itself from an init function with addSection.
type section struct {
	// order places the section among the others in both forms; leave
	// gaps so that sections can be put between existing ones.
	order int
	// key is the section's top-level key in the JSON form.
	key string
	// json returns the value written under key; nil means the section has
	// no JSON form. The value must marshal deterministically (slices, not
	// maps, for anything ordered).
	json func(r *Report) any
	// text writes the section's block of the human report; nil means the
	// section has no text form.
	text func(p *printer, r *Report)
}

// Section orders. The places for quotes, stories and narratives are kept
// so that the files adding them need not agree among themselves.
const (
	orderSummary    = 0
	orderDocuments  = 10
	orderPassages   = 20
	orderRelations  = 30
	orderChains     = 40
	orderQuotes     = 50
	orderStories    = 60
	orderNarratives = 70
	orderProblems   = 100
)

var sections []section

// addSection registers a section. Two sections with the same key would
// write an invalid JSON object, so that is a programming error.
func addSection(s section) {
	for _, t := range sections {
		if s.key != "" && t.key == s.key {
			panic("report: two sections with key " + s.key)
		}
	}
	sections = append(sections, s)
	sort.SliceStable(sections, func(i, j int) bool { return sections[i].order < sections[j].order })
}
