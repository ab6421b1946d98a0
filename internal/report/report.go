package report

import (
	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/extract"
	"github.com/echotrace/echotrace/internal/relate"
)

// Report is everything a report shows. The slices may be in any order:
// both forms sort what they print, and neither modifies the Report.
type Report struct {
	Documents []DocInfo
	Passages  []relate.Passage
	Relations []relate.Relation
	Chains    []relate.Chain
	// Quotes are the quotes, quoted terms and claims with their
	// occurrences across documents (see GroupQuotes for stored rows).
	Quotes []extract.Quote
	// Stories and Narratives are the groups of documents that tell one
	// piece of news, and the groups of stories that carry one line of
	// argument.
	Stories    []cluster.Story
	Narratives []cluster.Narrative
	// Problems are inputs that could not be read, or were read in part,
	// each a message naming the file (and line or record).
	Problems []string
	// Text returns a document's original text, so that the JSON form can
	// carry each passage's evidence; nil leaves the text out.
	Text func(id string) string
	// FullText gives every passage side its whole text in the JSON form;
	// otherwise a side longer than PassageTextBytes gets an excerpt of its
	// beginning and end, flagged as such.
	FullText bool
	// Settings are the reuse settings the analysis used, as name and
	// value, shown so that a report says how it was made.
	Settings map[string]string
}

// DocInfo is what the report says about a document: enough to name it and
// find it again, without its text.
type DocInfo struct {
	ID     string
	Path   string // file it was read from; empty when it did not come from a file
	Title  string
	Outlet string
	Date   string // as given by the source; empty when unknown
	URL    string
	Bytes  int // length of the document's original text
}

// Info describes a document for the report.
func Info(d *doc.Document) DocInfo {
	outlet := d.Outlet
	if outlet == "" {
		// passim's series is the publication when no outlet is named.
		outlet = d.Series
	}
	return DocInfo{
		ID:     d.ID,
		Path:   d.Path,
		Title:  d.Title,
		Outlet: outlet,
		Date:   d.Date,
		URL:    d.URL,
		Bytes:  len(d.Text),
	}
}
