package export

import (
	"strconv"
	"strings"
)

// GraphML 1.0 (http://graphml.graphdrawing.org/), read by Gephi, networkx,
// igraph, yEd and Cytoscape.
const (
	graphmlNamespace      = "http://graphml.graphdrawing.org/xmlns"
	graphmlSchemaLocation = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
)

// graphmlWriter writes a graph as GraphML: <key> declarations, then one
// <graph edgedefault="directed"> with the nodes and edges; an edge whose
// direction is unknown says directed="false". GraphML ids are XML name
// tokens, which a document id ("wire/2024/03.txt") need not be, so node
// ids are the ids escaped (nodeToken) and the id itself is the data
// "doc_id" (reuse graph) or "name" (graph of quotes). Every node also has
// a "label", the key Gephi shows.
type graphmlWriter struct {
	*xmlWriter
	spec graphSpec
}

func (g *graphmlWriter) begin(spec graphSpec) error {
	g.spec = spec
	g.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	g.raw(`<graphml xmlns="` + graphmlNamespace + `" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="` + graphmlSchemaLocation + `">` + "\n")
	g.raw("  <desc>")
	g.text(spec.description)
	g.raw("</desc>\n")
	g.key("label", "node", attrString)
	for _, a := range spec.nodeAttrs {
		g.key("n_"+a.id, "node", a.typ, a.id)
	}
	g.key("weight", "edge", attrDouble)
	for _, a := range spec.edgeAttrs {
		g.key("e_"+a.id, "edge", a.typ, a.id)
	}
	g.raw(`  <graph id="G" edgedefault="directed">` + "\n")
	return g.err
}

// key declares an attribute; its id is name unless given.
func (g *graphmlWriter) key(id, domain string, typ attrType, name ...string) {
	n := id
	if len(name) > 0 {
		n = name[0]
	}
	g.raw("  <key")
	g.attr("id", id)
	g.attr("for", domain)
	g.attr("attr.name", n)
	g.attr("attr.type", string(typ))
	g.raw("/>\n")
}

func (g *graphmlWriter) node(id, label string, values []string) error {
	g.raw("    <node")
	g.attr("id", nodeToken(id))
	g.raw(">")
	g.data("label", label)
	for i, v := range values {
		if i < len(g.spec.nodeAttrs) {
			g.data("n_"+g.spec.nodeAttrs[i].id, v)
		}
	}
	g.raw("</node>\n")
	g.nodes++
	return g.err
}

func (g *graphmlWriter) edge(from, to string, directed bool, weight float64, values []string) error {
	g.raw("    <edge")
	g.attr("id", "e"+strconv.FormatInt(g.edges, 10))
	g.attr("source", nodeToken(from))
	g.attr("target", nodeToken(to))
	if !directed {
		g.attr("directed", "false")
	}
	g.raw(">")
	g.data("weight", ftoa(weight))
	for i, v := range values {
		if i < len(g.spec.edgeAttrs) {
			g.data("e_"+g.spec.edgeAttrs[i].id, v)
		}
	}
	g.raw("</edge>\n")
	g.edges++
	return g.err
}

// data writes <data key="k">v</data>, nothing for an empty value.
func (g *graphmlWriter) data(key, v string) {
	if v == "" {
		return
	}
	g.raw(`<data key="` + key + `">`)
	g.text(v)
	g.raw("</data>")
}

func (g *graphmlWriter) end() error {
	g.raw("  </graph>\n</graphml>\n")
	return g.finish()
}

// nodeToken turns an id into an XML name token (NMTOKEN), which GraphML
// requires of node ids, one to one: ASCII letters, digits, "-" and "_"
// stay, every other byte becomes "." and two hex digits. "wire/a b"
// becomes "wire.2Fa.20b".
func nodeToken(id string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(id))
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_':
			b.WriteByte(c)
		default:
			b.WriteByte('.')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
