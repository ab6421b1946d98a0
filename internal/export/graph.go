package export

import (
	"context"
	"fmt"
	"io"
	"sort"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

// attrType is the type of a node or edge attribute, named as both GEXF
// and GraphML name it.
type attrType string

const (
	attrString  attrType = "string"
	attrDouble  attrType = "double"
	attrInteger attrType = "int" // GEXF calls it "integer"
	attrBoolean attrType = "boolean"
)

// attr declares an attribute of nodes or edges.
type attr struct {
	id  string
	typ attrType
}

// graphSpec is what a graph file declares before its nodes and edges.
type graphSpec struct {
	description string
	nodeAttrs   []attr
	edgeAttrs   []attr
}

// graphWriter writes one graph: every node before any edge (GEXF keeps
// them in two lists). values are given in the order of the spec's
// attributes; an empty value is left out.
type graphWriter interface {
	begin(spec graphSpec) error
	node(id, label string, values []string) error
	edge(from, to string, directed bool, weight float64, values []string) error
	end() error
	counts() (nodes, edges int64)
}

func newGraphWriter(f Format, w io.Writer) graphWriter {
	if f == GEXF {
		return &gexfWriter{xmlWriter: newXMLWriter(w)}
	}
	return &graphmlWriter{xmlWriter: newXMLWriter(w)}
}

// The reuse graph: a node per document, an edge per relation.
var reuseSpec = graphSpec{
	description: "echotrace reuse graph: one node per document; one edge per relation, from the source to the copy where the direction is known, undirected otherwise",
	nodeAttrs: []attr{{"doc_id", attrString}, {"title", attrString}, {"outlet", attrString}, {"date", attrString},
		{"story", attrString}, {"narrative", attrString}},
	// coverage_source and coverage_target: the share of the edge's source
	// and target node's own text in the passages they share.
	edgeAttrs: []attr{{"kind", attrString}, {"coverage", attrDouble}, {"coverage_source", attrDouble},
		{"coverage_target", attrDouble}, {"confidence", attrDouble}, {"passages", attrInteger}, {"reason", attrString}},
}

// writeReuseGraph writes the reuse graph of the selected documents. An
// edge's weight is its coverage: the larger share of either document's
// own text in the passages they share.
func writeReuseGraph(ctx context.Context, g graphWriter, sel *selection) (File, error) {
	if err := g.begin(reuseSpec); err != nil {
		return File{}, err
	}
	err := sel.eachDocument(ctx, func(d doc.Document) error {
		story, narrative := sel.story(d.ID)
		label := d.Title
		if label == "" {
			label = d.ID
		}
		return g.node(d.ID, label, []string{d.ID, d.Title, d.Outlet, d.Date, story, narrative})
	})
	if err == nil {
		err = sel.eachRelation(ctx, func(r relate.Relation) error {
			from, to, covFrom, covTo := r.A, r.B, r.CoverageA, r.CoverageB
			directed := r.Source() != ""
			if directed && r.Source() != r.A {
				from, to, covFrom, covTo = r.B, r.A, r.CoverageB, r.CoverageA
			}
			coverage := max(covFrom, covTo)
			return g.edge(from, to, directed, coverage, []string{string(r.Kind), ftoa(coverage), ftoa(covFrom), ftoa(covTo),
				ftoa(r.Confidence), itoa(r.Passages), r.Reason})
		})
	}
	if err == nil {
		err = g.end()
	}
	nodes, edges := g.counts()
	return File{Nodes: nodes, Edges: edges}, err
}

// The graph of who is quoted where: speakers, quotes and outlets.
var quoteSpec = graphSpec{
	description: "echotrace graph of quotes: speakers, quotes (and claims and quoted terms) and outlets; an edge from a speaker to what they said, and from a quote to each outlet that printed it, weighted by occurrences",
	nodeAttrs: []attr{{"type", attrString}, {"name", attrString}, {"kind", attrString}, {"text", attrString},
		{"occurrences", attrInteger}, {"documents", attrInteger}},
	edgeAttrs: []attr{{"relation", attrString}, {"occurrences", attrInteger}},
}

// quoteNode is a quote as the graph of quotes aggregates it.
type quoteNode struct {
	kind, text  string
	occurrences int
	documents   int
	lastDoc     string
	speakers    map[string]int // occurrences per speaker
	outlets     map[string]int // occurrences per outlet
}

// noOutlet names the outlet of documents that have none.
const noOutlet = "(no outlet)"

// writeQuoteGraph writes the graph of quotes of the selected documents.
// It aggregates the occurrences first: one entry per distinct quote.
func writeQuoteGraph(ctx context.Context, g graphWriter, sel *selection) (File, error) {
	quotes := map[string]*quoteNode{}
	speakers := map[string]int{}
	outlets := map[string]int{}
	err := sel.eachOccurrence(ctx, func(o store.OccurrenceRow) error {
		id := o.Quote
		if id == "" {
			// Not linked to others: a quote of its own.
			id = fmt.Sprintf("%s@%d", o.Doc, o.Begin)
		}
		q := quotes[id]
		if q == nil {
			q = &quoteNode{kind: string(o.Kind), text: o.Text, speakers: map[string]int{}, outlets: map[string]int{}}
			quotes[id] = q
		}
		q.occurrences++
		if o.Doc != q.lastDoc {
			q.documents++ // occurrences come grouped by document
			q.lastDoc = o.Doc
		}
		if o.Speaker != "" {
			q.speakers[o.Speaker]++
			speakers[o.Speaker]++
		}
		outlet := o.Outlet
		if outlet == "" {
			outlet = noOutlet
		}
		q.outlets[outlet]++
		outlets[outlet]++
		return nil
	})
	if err != nil {
		return File{}, err
	}
	if err := g.begin(quoteSpec); err != nil {
		return File{}, err
	}
	ids := make([]string, 0, len(quotes))
	for id := range quotes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, name := range sortedKeys(speakers) {
		if err := g.node("speaker:"+name, name, []string{"speaker", name, "", "", itoa(speakers[name]), ""}); err != nil {
			return File{}, err
		}
	}
	for _, id := range ids {
		q := quotes[id]
		if err := g.node("quote:"+id, clipLabel(q.text), []string{"quote", id, q.kind, q.text, itoa(q.occurrences), itoa(q.documents)}); err != nil {
			return File{}, err
		}
	}
	for _, name := range sortedKeys(outlets) {
		if err := g.node("outlet:"+name, name, []string{"outlet", name, "", "", itoa(outlets[name]), ""}); err != nil {
			return File{}, err
		}
	}
	for _, id := range ids {
		q := quotes[id]
		for _, s := range sortedKeys(q.speakers) {
			if err := g.edge("speaker:"+s, "quote:"+id, true, float64(q.speakers[s]), []string{"said", itoa(q.speakers[s])}); err != nil {
				return File{}, err
			}
		}
		for _, o := range sortedKeys(q.outlets) {
			if err := g.edge("quote:"+id, "outlet:"+o, true, float64(q.outlets[o]), []string{"printed_in", itoa(q.outlets[o])}); err != nil {
				return File{}, err
			}
		}
	}
	err = g.end()
	nodes, edges := g.counts()
	return File{Nodes: nodes, Edges: edges}, err
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// clipLabel shortens a quote to a label a graph view can show.
func clipLabel(s string) string {
	const n = 80
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !runeStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
