package server

import (
	"fmt"
	"slices"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
)

// Geometry of the provenance drawing, in SVG user units.
const (
	colWidth   = 230
	rowHeight  = 64
	boxWidth   = 190
	boxHeight  = 46
	marginX    = 20
	marginTop  = 40
	maxLabelCh = 30
)

// svgNode is a document placed in the drawing.
type svgNode struct {
	graphNode
	X, Y  int
	Href  string
	Label string // title, cut to fit the box
	Sub   string // date and outlet
}

// svgEdge is a relation drawn as a curve.
type svgEdge struct {
	graphEdge
	Path  string // SVG path data
	Class string
}

// svgColumn is the heading of one date column.
type svgColumn struct {
	X     int
	Label string
}

// drawing is a graph laid out for the provenance page.
type drawing struct {
	Width, Height int
	Nodes         []svgNode
	Edges         []svgEdge
	Columns       []svgColumn
}

// layout places the graph's documents in columns by date, oldest on the
// left and undated last, so that copying runs left to right; documents of
// one date stack in a column. Edges are curves from the right side of the
// source to the left side of the copy.
func layout(g *graphView) drawing {
	type keyed struct {
		i    int
		date string
	}
	order := make([]keyed, len(g.Nodes))
	for i, n := range g.Nodes {
		day := "~" // sorts after every date
		if t, ok := doc.ParseDate(n.Date); ok {
			day = t.UTC().Format("2006-01-02")
		}
		order[i] = keyed{i, day}
	}
	slices.SortStableFunc(order, func(a, b keyed) int {
		if c := strings.Compare(a.date, b.date); c != 0 {
			return c
		}
		return strings.Compare(g.Nodes[a.i].ID, g.Nodes[b.i].ID)
	})
	var d drawing
	pos := map[string]*svgNode{}
	col, row, rows := -1, 0, 0
	last := ""
	nodes := make([]svgNode, len(order))
	for j, k := range order {
		if j == 0 || k.date != last {
			col++
			row = 0
			last = k.date
			heading := k.date
			if heading == "~" {
				heading = "undated"
			}
			d.Columns = append(d.Columns, svgColumn{X: marginX + col*colWidth + boxWidth/2, Label: heading})
		}
		n := g.Nodes[k.i]
		sub := n.Outlet
		if n.Date != "" {
			sub = strings.TrimSpace(k.date + " · " + n.Outlet)
		}
		nodes[j] = svgNode{graphNode: n, X: marginX + col*colWidth, Y: marginTop + row*rowHeight,
			Href: docHref(n.ID), Label: cut(n.Title, maxLabelCh), Sub: cut(sub, maxLabelCh+4)}
		row++
		rows = max(rows, row)
	}
	for i := range nodes {
		pos[nodes[i].ID] = &nodes[i]
	}
	d.Nodes = nodes
	d.Width = marginX*2 + max(col+1, 1)*colWidth
	d.Height = marginTop + max(rows, 1)*rowHeight + rowHeight/2 + 10
	for _, e := range g.Edges {
		a, b := pos[e.From], pos[e.To]
		if a == nil || b == nil {
			continue
		}
		class := "edge " + e.Kind
		if !e.Directed {
			class += " undirected"
		}
		d.Edges = append(d.Edges, svgEdge{graphEdge: e, Path: edgePath(a, b), Class: class})
	}
	return d
}

// edgePath is a curve from a to b: side to side between columns, looping
// out to the right within one column.
func edgePath(a, b *svgNode) string {
	ay, by := a.Y+boxHeight/2, b.Y+boxHeight/2
	if a.X == b.X {
		x := a.X + boxWidth
		bend := x + 24 + abs(by-ay)/4
		return fmt.Sprintf("M%d %d C%d %d %d %d %d %d", x, ay, bend, ay, bend, by, x, by)
	}
	if a.X > b.X {
		// A copy dated before its source (the direction came from other
		// evidence): draw it right to left.
		x1, x2 := a.X, b.X+boxWidth
		mid := (x1 + x2) / 2
		return fmt.Sprintf("M%d %d C%d %d %d %d %d %d", x1, ay, mid, ay, mid, by, x2, by)
	}
	x1, x2 := a.X+boxWidth, b.X
	if span := (b.X - a.X) / colWidth; span > 1 {
		// Bow under the columns in between rather than run behind
		// their boxes.
		dip := rowHeight/2 + 8*span
		return fmt.Sprintf("M%d %d C%d %d %d %d %d %d", x1, ay, x1+colWidth/2, max(ay, by)+dip, x2-colWidth/2, max(ay, by)+dip, x2, by)
	}
	mid := (x1 + x2) / 2
	return fmt.Sprintf("M%d %d C%d %d %d %d %d %d", x1, ay, mid, ay, mid, by, x2, by)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// cut shortens s to at most n characters, marking the cut.
func cut(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
