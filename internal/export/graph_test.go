package export

import (
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

// The official schemas (gexf.xsd 1.2draft, graphml.xsd 1.0) are not
// available offline, so these tests check what they require, read back
// with encoding/xml: the root's namespace, the order of the children,
// required attributes, enumerated values, declared attributes with
// values of their type, unique ids, edges between declared nodes, and
// GraphML's NMTOKEN ids.

// elem is an XML element read back whole.
type elem struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []elem     `xml:",any"`
	Text     string     `xml:",chardata"`
}

func (e elem) attr(name string) (string, bool) {
	for _, a := range e.Attrs {
		if a.Name.Local == name && (a.Name.Space == "" || name == "schemaLocation") {
			return a.Value, true
		}
	}
	return "", false
}

func readXML(t *testing.T, path string) elem {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var root elem
	if err := xml.NewDecoder(f).Decode(&root); err != nil {
		t.Fatalf("%s is not well-formed XML: %v", path, err)
	}
	return root
}

// checker collects schema violations of one file.
type checker struct {
	t    *testing.T
	file string
}

func (c checker) errorf(format string, args ...any) {
	c.t.Helper()
	c.t.Errorf("%s: %s", c.file, fmt.Sprintf(format, args...))
}

// required returns a required attribute, reporting its absence.
func (c checker) required(e elem, name string) string {
	c.t.Helper()
	v, ok := e.attr(name)
	if !ok {
		c.errorf("<%s> lacks the required attribute %s", e.XMLName.Local, name)
	}
	return v
}

func (c checker) oneOf(e elem, name, v string, allowed ...string) {
	c.t.Helper()
	for _, a := range allowed {
		if v == a {
			return
		}
	}
	c.errorf("<%s %s=%q>: want one of %v", e.XMLName.Local, name, v, allowed)
}

// typed checks a value against an XML Schema type as GEXF and GraphML
// name them.
func (c checker) typed(what, typ, v string) {
	c.t.Helper()
	var err error
	switch typ {
	case "integer", "int", "long":
		_, err = strconv.ParseInt(v, 10, 64)
	case "double", "float":
		_, err = strconv.ParseFloat(v, 64)
	case "boolean":
		if v != "true" && v != "false" && v != "1" && v != "0" {
			err = fmt.Errorf("not a boolean")
		}
	case "string":
	default:
		err = fmt.Errorf("unknown type %s", typ)
	}
	if err != nil {
		c.errorf("%s: %q is not of type %s: %v", what, v, typ, err)
	}
}

// graph is what a file says, for comparing with the store.
type graph struct {
	nodes map[string]map[string]string // id → attribute title → value
	edges []graphEdge
}

type graphEdge struct {
	source, target string
	directed       bool
	values         map[string]string
}

const gexfNS = "http://www.gexf.net/1.2draft"

// checkGEXF validates a GEXF 1.2 file and returns its graph.
func checkGEXF(t *testing.T, path string) graph {
	c := checker{t, filepath.Base(path)}
	root := readXML(t, path)
	if root.XMLName.Space != gexfNS || root.XMLName.Local != "gexf" {
		c.errorf("root is %v, want gexf in %s", root.XMLName, gexfNS)
	}
	if v := c.required(root, "version"); v != "1.2" {
		c.errorf("version %q, want 1.2", v)
	}
	var g *elem
	for i, ch := range root.Children {
		switch ch.XMLName.Local {
		case "meta":
			if i != 0 {
				c.errorf("<meta> is not first")
			}
		case "graph":
			if g != nil {
				c.errorf("more than one <graph>")
			}
			g = &root.Children[i]
		default:
			c.errorf("unexpected <%s> in <gexf>", ch.XMLName.Local)
		}
	}
	if g == nil {
		c.errorf("no <graph>")
		return graph{}
	}
	defEdge, _ := g.attr("defaultedgetype")
	c.oneOf(*g, "defaultedgetype", defEdge, "directed", "undirected", "mutual")
	mode, _ := g.attr("mode")
	c.oneOf(*g, "mode", mode, "static", "dynamic")
	declared := map[string]map[string][2]string{"node": {}, "edge": {}} // class → id → title, type
	out := graph{nodes: map[string]map[string]string{}}
	stage := 0 // 0 attributes, 1 nodes, 2 edges
	values := func(e elem, class string) map[string]string {
		m := map[string]string{}
		for _, ch := range e.Children {
			if ch.XMLName.Local != "attvalues" {
				c.errorf("unexpected <%s> in <%s>", ch.XMLName.Local, e.XMLName.Local)
				continue
			}
			for _, av := range ch.Children {
				if av.XMLName.Local != "attvalue" {
					c.errorf("unexpected <%s> in <attvalues>", av.XMLName.Local)
					continue
				}
				id := c.required(av, "for")
				v := c.required(av, "value")
				d, ok := declared[class][id]
				if !ok {
					c.errorf("attvalue for %q, which no %s attribute declares", id, class)
					continue
				}
				c.typed(class+" attribute "+id, d[1], v)
				m[d[0]] = v
			}
		}
		return m
	}
	for _, ch := range g.Children {
		switch ch.XMLName.Local {
		case "attributes":
			if stage != 0 {
				c.errorf("<attributes> after the nodes")
			}
			class := c.required(ch, "class")
			c.oneOf(ch, "class", class, "node", "edge")
			for _, a := range ch.Children {
				id, title, typ := c.required(a, "id"), c.required(a, "title"), c.required(a, "type")
				c.oneOf(a, "type", typ, "integer", "long", "double", "float", "boolean", "liststring", "string", "anyURI")
				if _, dup := declared[class][id]; dup {
					c.errorf("attribute %q declared twice", id)
				}
				declared[class][id] = [2]string{title, typ}
			}
		case "nodes":
			if stage != 0 {
				c.errorf("<nodes> out of order")
			}
			stage = 1
			for _, n := range ch.Children {
				if n.XMLName.Local != "node" {
					c.errorf("unexpected <%s> in <nodes>", n.XMLName.Local)
				}
				id := c.required(n, "id")
				if _, dup := out.nodes[id]; dup {
					c.errorf("node %q twice", id)
				}
				out.nodes[id] = values(n, "node")
				if l, ok := n.attr("label"); ok {
					out.nodes[id]["label"] = l
				}
			}
		case "edges":
			if stage != 1 {
				c.errorf("<edges> before <nodes>")
			}
			stage = 2
			ids := map[string]bool{}
			for _, e := range ch.Children {
				id := c.required(e, "id")
				if ids[id] {
					c.errorf("edge id %q twice", id)
				}
				ids[id] = true
				src, tgt := c.required(e, "source"), c.required(e, "target")
				for _, end := range []string{src, tgt} {
					if _, ok := out.nodes[end]; !ok {
						c.errorf("edge %s ends at %q, which is no node", id, end)
					}
				}
				typ, ok := e.attr("type")
				if !ok {
					typ = defEdge
				}
				c.oneOf(e, "type", typ, "directed", "undirected", "mutual")
				if w, ok := e.attr("weight"); ok {
					c.typed("weight", "double", w)
				}
				out.edges = append(out.edges, graphEdge{src, tgt, typ == "directed", values(e, "edge")})
			}
		default:
			c.errorf("unexpected <%s> in <graph>", ch.XMLName.Local)
		}
	}
	if stage != 2 {
		c.errorf("<nodes> and <edges> are not both there")
	}
	return out
}

const graphmlNS = "http://graphml.graphdrawing.org/xmlns"

// nmtoken is XML's Nmtoken production, for the ASCII and Latin ranges
// that matter here.
var nmtoken = regexp.MustCompile(`^[A-Za-z0-9._:\-\x{B7}\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{37D}]+$`)

// checkGraphML validates a GraphML 1.0 file and returns its graph, nodes
// named by their "doc_id" or "name" data when they have one.
func checkGraphML(t *testing.T, path string) graph {
	c := checker{t, filepath.Base(path)}
	root := readXML(t, path)
	if root.XMLName.Space != graphmlNS || root.XMLName.Local != "graphml" {
		c.errorf("root is %v, want graphml in %s", root.XMLName, graphmlNS)
	}
	keys := map[string][3]string{} // id → for, name, type
	var g *elem
	for i, ch := range root.Children {
		switch ch.XMLName.Local {
		case "desc":
			if i != 0 {
				c.errorf("<desc> is not first")
			}
		case "key":
			if g != nil {
				c.errorf("<key> after <graph>")
			}
			id := c.required(ch, "id")
			if !nmtoken.MatchString(id) {
				c.errorf("key id %q is not an NMTOKEN", id)
			}
			domain, _ := ch.attr("for")
			c.oneOf(ch, "for", domain, "all", "graph", "node", "edge", "hyperedge", "port", "endpoint")
			typ, _ := ch.attr("attr.type")
			c.oneOf(ch, "attr.type", typ, "boolean", "int", "long", "float", "double", "string")
			name, _ := ch.attr("attr.name")
			if _, dup := keys[id]; dup {
				c.errorf("key %q twice", id)
			}
			keys[id] = [3]string{domain, name, typ}
		case "graph":
			g = &root.Children[i]
		default:
			c.errorf("unexpected <%s> in <graphml>", ch.XMLName.Local)
		}
	}
	if g == nil {
		c.errorf("no <graph>")
		return graph{}
	}
	def := c.required(*g, "edgedefault")
	c.oneOf(*g, "edgedefault", def, "directed", "undirected")
	data := func(e elem, domain string) map[string]string {
		m := map[string]string{}
		for _, d := range e.Children {
			if d.XMLName.Local != "data" {
				c.errorf("unexpected <%s> in <%s>", d.XMLName.Local, domain)
				continue
			}
			k := c.required(d, "key")
			key, ok := keys[k]
			if !ok || (key[0] != domain && key[0] != "all") {
				c.errorf("<data key=%q> in a %s: no such key for %ss", k, domain, domain)
				continue
			}
			c.typed(domain+" data "+k, key[2], d.Text)
			m[key[1]] = d.Text
		}
		return m
	}
	out := graph{nodes: map[string]map[string]string{}}
	tokens := map[string]string{} // NMTOKEN id → name
	edgeIDs := map[string]bool{}
	for _, ch := range g.Children {
		switch ch.XMLName.Local {
		case "node":
			id := c.required(ch, "id")
			if !nmtoken.MatchString(id) {
				c.errorf("node id %q is not an NMTOKEN", id)
			}
			if _, dup := tokens[id]; dup {
				c.errorf("node %q twice", id)
			}
			m := data(ch, "node")
			name := m["doc_id"]
			if name == "" {
				name = m["type"] + ":" + m["name"]
			}
			tokens[id] = name
			out.nodes[name] = m
		case "edge":
			if id, ok := ch.attr("id"); ok {
				if edgeIDs[id] || !nmtoken.MatchString(id) {
					c.errorf("edge id %q twice or not an NMTOKEN", id)
				}
				edgeIDs[id] = true
			}
			src, tgt := c.required(ch, "source"), c.required(ch, "target")
			for _, end := range []string{src, tgt} {
				if _, ok := tokens[end]; !ok {
					c.errorf("edge ends at %q, which is no node (or comes before it)", end)
				}
			}
			directed := def == "directed"
			if d, ok := ch.attr("directed"); ok {
				c.typed("directed", "boolean", d)
				directed = d == "true" || d == "1"
			}
			out.edges = append(out.edges, graphEdge{tokens[src], tokens[tgt], directed, data(ch, "edge")})
		default:
			c.errorf("unexpected <%s> in <graph>", ch.XMLName.Local)
		}
	}
	return out
}

// checkReuse compares a reuse graph with the store: a node per document
// with its title, outlet, date and story; an edge per relation, from the
// source to the copy when the direction is known, undirected otherwise.
func checkReuse(t *testing.T, st store.Store, g graph) {
	ctx := context.Background()
	n, _ := st.CountDocuments(ctx)
	if int64(len(g.nodes)) != n {
		t.Errorf("%d nodes, %d documents", len(g.nodes), n)
	}
	odd, ok := g.nodes[oddID]
	if !ok {
		t.Fatalf("no node for %q", oddID)
	}
	d, _ := st.Document(ctx, oddID)
	if odd["outlet"] != d.Outlet || odd["date"] != d.Date || odd["title"] == "" {
		t.Errorf("node %q has %v", oddID, odd)
	}
	if ss, _ := st.Stories(ctx, store.StoryQuery{Doc: oddID}); len(ss) == 1 && odd["story"] != ss[0].ID {
		t.Errorf("node %q: story %q, stored %q", oddID, odd["story"], ss[0].ID)
	}
	rels, _ := st.Relations(ctx, store.RelationQuery{})
	if len(g.edges) != len(rels) {
		t.Fatalf("%d edges, %d relations", len(g.edges), len(rels))
	}
	directed := 0
	for i, r := range rels {
		e := g.edges[i]
		want := [2]string{r.A, r.B}
		if r.Direction != relate.Undetermined {
			want = [2]string{r.Source(), r.Copy()}
			directed++
		}
		if e.source != want[0] || e.target != want[1] || e.directed != (r.Direction != relate.Undetermined) {
			t.Errorf("edge %s → %s (directed %v) for relation %+v", e.source, e.target, e.directed, r)
		}
		if e.values["kind"] != string(r.Kind) || e.values["confidence"] != ftoa(r.Confidence) || e.values["coverage"] == "" {
			t.Errorf("edge %s → %s has %v, relation %+v", e.source, e.target, e.values, r)
		}
	}
	if directed == 0 || directed == len(rels) {
		t.Errorf("%d of %d relations directed: the test corpus should have both kinds", directed, len(rels))
	}
}

// checkQuotes compares a graph of quotes with the stored occurrences.
func checkQuotes(t *testing.T, st store.Store, g graph) {
	occ, _ := st.Occurrences(context.Background(), store.OccurrenceQuery{})
	said := map[[2]string]int{}
	for _, o := range occ {
		if o.Speaker != "" {
			said[[2]string{o.Speaker, o.Quote}]++
		}
	}
	got := 0
	for _, e := range g.edges {
		if e.values["relation"] != "said" {
			continue
		}
		got++
		speaker, quote := g.nodes[e.source], g.nodes[e.target]
		if speaker["type"] != "speaker" || quote["type"] != "quote" {
			t.Errorf("a said edge from %v to %v", speaker, quote)
			continue
		}
		if n := said[[2]string{speaker["name"], quote["name"]}]; strconv.Itoa(n) != e.values["occurrences"] || n == 0 {
			t.Errorf("%s said %s %s times, the store has %d", speaker["name"], quote["name"], e.values["occurrences"], n)
		}
	}
	if got != len(said) || got == 0 {
		t.Errorf("%d said edges, %d speaker-quote pairs stored", got, len(said))
	}
}

func TestGraphs(t *testing.T) {
	ctx := context.Background()
	st := analysed(t)
	for _, f := range []Format{GEXF, GraphML} {
		dir := t.TempDir()
		sum, err := Write(ctx, st, f, dir, Filter{})
		if err != nil {
			t.Fatal(err)
		}
		check := checkGraphML
		if f == GEXF {
			check = checkGEXF
		}
		reuse := check(t, filepath.Join(dir, "reuse."+string(f)))
		checkReuse(t, st, reuse)
		quotes := check(t, filepath.Join(dir, "quotes."+string(f)))
		for id, m := range quotes.nodes {
			if m["type"] == "" {
				t.Errorf("%s: quote graph node %q without a type", f, id)
			}
		}
		checkQuotes(t, st, quotes)
		if sum.Files[0].Edges != int64(len(reuse.edges)) || sum.Files[1].Nodes != int64(len(quotes.nodes)) {
			t.Errorf("%s: summary %+v does not count what was written", f, sum.Files)
		}
	}
}

func TestNodeToken(t *testing.T) {
	seen := map[string]string{}
	for _, id := range []string{"wire", "wire/2024 03.txt", "wire.2F2024", "a.b", "a_b", "Zürich", "x:y", oddID, "-"} {
		tok := nodeToken(id)
		if !nmtoken.MatchString(tok) {
			t.Errorf("nodeToken(%q) = %q, not an NMTOKEN", id, tok)
		}
		if other, dup := seen[tok]; dup {
			t.Errorf("%q and %q both give %q", id, other, tok)
		}
		seen[tok] = id
	}
}
