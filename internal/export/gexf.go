package export

import (
	"errors"
	"strconv"
)

// GEXF 1.2 (https://gexf.net/schema.html), which Gephi, networkx, igraph
// and sigma.js all read (networkx does not know 1.3).
const (
	gexfNamespace      = "http://www.gexf.net/1.2draft"
	gexfSchemaLocation = "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd"
)

// gexfWriter writes a graph as GEXF: attributes declared per class, then
// <nodes>, then <edges>. The graph's default edge type is directed; an
// edge whose direction is unknown says type="undirected" (a mixed graph,
// which Gephi shows as such).
type gexfWriter struct {
	*xmlWriter
	spec    graphSpec
	inEdges bool
}

func (g *gexfWriter) begin(spec graphSpec) error {
	g.spec = spec
	g.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	g.raw(`<gexf xmlns="` + gexfNamespace + `" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="` + gexfSchemaLocation + `" version="1.2">` + "\n")
	g.raw("  <meta>\n    <creator>echotrace</creator>\n    <description>")
	g.text(spec.description)
	g.raw("</description>\n  </meta>\n")
	g.raw(`  <graph mode="static" defaultedgetype="directed">` + "\n")
	for _, class := range []struct {
		name  string
		attrs []attr
	}{{"node", spec.nodeAttrs}, {"edge", spec.edgeAttrs}} {
		g.raw(`    <attributes class="` + class.name + `">` + "\n")
		for _, a := range class.attrs {
			typ := string(a.typ)
			if a.typ == attrInteger {
				typ = "integer"
			}
			g.raw("      <attribute")
			g.attr("id", a.id)
			g.attr("title", a.id)
			g.attr("type", typ)
			g.raw("/>\n")
		}
		g.raw("    </attributes>\n")
	}
	g.raw("    <nodes>\n")
	return g.err
}

func (g *gexfWriter) node(id, label string, values []string) error {
	if g.inEdges {
		return errors.New("gexf: a node after the edges")
	}
	g.raw("      <node")
	g.attr("id", id)
	g.attr("label", label)
	g.raw(">")
	g.values(g.spec.nodeAttrs, values)
	g.raw("</node>\n")
	g.nodes++
	return g.err
}

func (g *gexfWriter) edge(from, to string, directed bool, weight float64, values []string) error {
	if !g.inEdges {
		g.raw("    </nodes>\n    <edges>\n")
		g.inEdges = true
	}
	g.raw("      <edge")
	g.attr("id", strconv.FormatInt(g.edges, 10))
	g.attr("source", from)
	g.attr("target", to)
	if !directed {
		g.attr("type", "undirected")
	}
	g.attr("weight", ftoa(weight))
	g.raw(">")
	g.values(g.spec.edgeAttrs, values)
	g.raw("</edge>\n")
	g.edges++
	return g.err
}

// values writes <attvalues>, leaving out empty values.
func (g *gexfWriter) values(attrs []attr, values []string) {
	open := false
	for i, v := range values {
		if v == "" || i >= len(attrs) {
			continue
		}
		if !open {
			g.raw("<attvalues>")
			open = true
		}
		g.raw("<attvalue")
		g.attr("for", attrs[i].id)
		g.attr("value", v)
		g.raw("/>")
	}
	if open {
		g.raw("</attvalues>")
	}
}

func (g *gexfWriter) end() error {
	if !g.inEdges {
		g.raw("    </nodes>\n    <edges>\n")
	}
	g.raw("    </edges>\n  </graph>\n</gexf>\n")
	return g.finish()
}
