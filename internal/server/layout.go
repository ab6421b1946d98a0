package server

import (
	"fmt"
	"slices"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
)

// Geometry of the provenance drawing, in SVG user units.
const (
	colWidth   = 250 // a column: its box and the gap after it
	boxWidth   = 200
	boxHeight  = 58
	rowGap     = 14 // between boxes of a column
	laneHeight = 14 // the slot an edge passing through a column takes
	marginX    = 20
	marginTop  = 40
	maxLabelCh = 26
	// sweeps is how many times the order within columns is improved, each
	// time left to right and back.
	sweeps = 6
)

// svgNode is a document placed in the drawing.
type svgNode struct {
	graphNode
	X, Y   int
	W, H   int
	Href   string
	Label  string // title, cut to fit the box
	Outlet string // cut to fit
	Sub    string // date, and a short id when the title alone is ambiguous
	Tip    string // the full title, outlet, date and id, on hover
}

// svgEdge is a relation drawn as a path.
type svgEdge struct {
	graphEdge
	Path  string // SVG path data
	Class string
	Tip   string
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

// dayOf is the day of a node as a column key: "~" when undated, which
// sorts after every date.
func dayOf(n graphNode) string {
	if t, ok := doc.ParseDate(n.Date); ok {
		return t.UTC().Format("2006-01-02")
	}
	return "~"
}

// layers gives each node its column: days in order, and within a day as
// many columns as it takes for every source to stand left of its copies
// (the longest path through the day's directed edges). It returns the
// column of each node and the day of each column.
func layers(g *graphView) (map[string]int, []string) {
	day := map[string]string{}
	for _, n := range g.Nodes {
		day[n.ID] = dayOf(n)
	}
	sub := map[string]int{}
	// Relax the edges within a day until nothing moves; a cycle of
	// directions (possible when they came from textual evidence) stops
	// at the bound.
	for range len(g.Nodes) {
		moved := false
		for _, e := range g.Edges {
			da, okA := day[e.From]
			db, okB := day[e.To]
			if !e.Directed || !okA || !okB || da != db || e.From == e.To {
				continue
			}
			if sub[e.To] < sub[e.From]+1 && sub[e.From]+1 < len(g.Nodes) {
				sub[e.To] = sub[e.From] + 1
				moved = true
			}
		}
		if !moved {
			break
		}
	}
	type key struct {
		day string
		sub int
	}
	var keys []key
	for _, n := range g.Nodes {
		keys = append(keys, key{day[n.ID], sub[n.ID]})
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := strings.Compare(a.day, b.day); c != 0 {
			return c
		}
		return a.sub - b.sub
	})
	keys = slices.Compact(keys)
	col := map[string]int{}
	for _, n := range g.Nodes {
		col[n.ID], _ = slices.BinarySearchFunc(keys, key{day[n.ID], sub[n.ID]}, func(a, b key) int {
			if c := strings.Compare(a.day, b.day); c != 0 {
				return c
			}
			return a.sub - b.sub
		})
	}
	days := make([]string, len(keys))
	for i, k := range keys {
		days[i] = k.day
	}
	return col, days
}

// slot is one place in a column: a document's box, or the lane of an edge
// that passes through the column (so that no edge runs behind a box).
type slot struct {
	node int // index into the graph's nodes, or -1 for a lane
	edge int // for a lane: index into the graph's edges
	y    int // top, once placed
	h    int
	pos  float64 // order key during the sweeps
}

// layout draws the graph in layers: one column per date, oldest on the
// left and undated last, so that copying runs left to right. An edge that
// spans several columns passes each column between in a lane of its own,
// and the order within columns is chosen (by the barycentre of each slot's
// neighbours, swept both ways) so that edges cross little. Edges run from
// the right side of the source's box to the left side of the copy's, or,
// for a copy dated before its source, from left side to right side: the
// arrowhead is always on the copy's box.
func layout(g *graphView) drawing {
	colOf, days := layers(g)
	cols := make([][]*slot, len(days))
	nodeSlot := map[string]*slot{}
	for i, n := range g.Nodes {
		s := &slot{node: i, edge: -1, h: boxHeight}
		nodeSlot[n.ID] = s
		c := colOf[n.ID]
		cols[c] = append(cols[c], s)
	}
	// Lanes for the edges that pass columns, and each slot's neighbours
	// in the columns on either side.
	type link struct{ left, right *slot }
	var links []link
	lanes := map[int][]*slot{} // edge → its lanes, left to right
	for ei, e := range g.Edges {
		a, b := nodeSlot[e.From], nodeSlot[e.To]
		if a == nil || b == nil {
			continue
		}
		ca, cb := colOf[e.From], colOf[e.To]
		if ca > cb {
			a, b, ca, cb = b, a, cb, ca
		}
		prev := a
		for c := ca + 1; c < cb; c++ {
			l := &slot{node: -1, edge: ei, h: laneHeight}
			cols[c] = append(cols[c], l)
			lanes[ei] = append(lanes[ei], l)
			links = append(links, link{prev, l})
			prev = l
		}
		if ca != cb {
			links = append(links, link{prev, b})
		}
	}
	// Initial order: documents by id (stable), lanes after them.
	for _, col := range cols {
		slices.SortStableFunc(col, func(x, y *slot) int {
			if (x.node < 0) != (y.node < 0) {
				if x.node < 0 {
					return 1
				}
				return -1
			}
			if x.node >= 0 {
				return strings.Compare(g.Nodes[x.node].ID, g.Nodes[y.node].ID)
			}
			return 0
		})
		for i, s := range col {
			s.pos = float64(i)
		}
	}
	leftOf := map[*slot][]*slot{}
	rightOf := map[*slot][]*slot{}
	for _, l := range links {
		rightOf[l.left] = append(rightOf[l.left], l.right)
		leftOf[l.right] = append(leftOf[l.right], l.left)
	}
	reorder := func(col []*slot, nb map[*slot][]*slot) {
		key := map[*slot]float64{}
		for _, s := range col {
			if ns := nb[s]; len(ns) > 0 {
				sum := 0.0
				for _, n := range ns {
					sum += n.pos
				}
				key[s] = sum / float64(len(ns))
			} else {
				key[s] = s.pos
			}
		}
		slices.SortStableFunc(col, func(x, y *slot) int {
			switch kx, ky := key[x], key[y]; {
			case kx < ky:
				return -1
			case kx > ky:
				return 1
			}
			return 0
		})
		for i, s := range col {
			s.pos = float64(i)
		}
	}
	for range sweeps {
		for c := 1; c < len(cols); c++ {
			reorder(cols[c], leftOf)
		}
		for c := len(cols) - 2; c >= 0; c-- {
			reorder(cols[c], rightOf)
		}
	}
	// Place: slots stack in their column; columns are centred on the
	// tallest.
	height := 0
	colH := make([]int, len(cols))
	for c, col := range cols {
		h := 0
		for i, s := range col {
			if i > 0 {
				h += rowGap
			}
			h += s.h
		}
		colH[c] = h
		height = max(height, h)
	}
	for c, col := range cols {
		y := marginTop + (height-colH[c])/2
		for _, s := range col {
			s.y = y
			y += s.h + rowGap
		}
	}
	var d drawing
	// Room on the right for the loops of edges within the last column.
	d.Width = marginX*2 + max(len(cols), 1)*colWidth - (colWidth - boxWidth) + 40
	d.Height = marginTop + max(height, boxHeight) + 24
	colX := func(c int) int { return marginX + c*colWidth }
	for c, day := range days {
		label := day
		switch {
		case c > 0 && days[c-1] == day:
			label = "" // a later layer of the same day
		case day == "~":
			label = "undated"
		}
		d.Columns = append(d.Columns, svgColumn{X: colX(c) + boxWidth/2, Label: label})
	}
	ambiguous := ambiguousTitles(g.Nodes)
	for _, col := range cols {
		for _, s := range col {
			if s.node < 0 {
				continue
			}
			n := g.Nodes[s.node]
			sub := ""
			if t, ok := doc.ParseDate(n.Date); ok {
				sub = t.UTC().Format("2006-01-02 15:04")
				sub = strings.TrimSuffix(sub, " 00:00")
			}
			if ambiguous[n.Title] {
				sub = strings.TrimPrefix(sub+" · "+shortID(n.ID), " · ")
			}
			d.Nodes = append(d.Nodes, svgNode{graphNode: n, X: colX(colOf[n.ID]), Y: s.y, W: boxWidth, H: boxHeight,
				Href: docHref(n.ID), Label: cut(n.Title, maxLabelCh), Outlet: cut(n.Outlet, maxLabelCh+2), Sub: sub,
				Tip: nodeTip(n)})
		}
	}
	for ei, e := range g.Edges {
		a, b := nodeSlot[e.From], nodeSlot[e.To]
		if a == nil || b == nil {
			continue
		}
		class := "edge " + e.Kind
		if !e.Directed {
			class += " undirected"
		}
		ca, cb := colOf[e.From], colOf[e.To]
		var path string
		switch {
		case ca == cb:
			path = loopPath(colX(ca)+boxWidth, a.y+boxHeight/2, b.y+boxHeight/2)
		case ca < cb:
			path = lanePath(colX, ca, a, cb, b, lanes[ei])
		default:
			// A copy dated before its source (the direction came from
			// other evidence): right to left, through the same lanes
			// taken the other way.
			ls := slices.Clone(lanes[ei])
			slices.Reverse(ls)
			path = lanePath(colX, ca, a, cb, b, ls)
		}
		tip := e.Kind
		if e.Reason != "" {
			tip += ": " + e.Reason
		}
		d.Edges = append(d.Edges, svgEdge{graphEdge: e, Path: path, Class: class, Tip: tip})
	}
	return d
}

// lanePath runs from the box of a (column ca) to the box of b (column cb)
// through the lanes of the columns between, as smooth curves between
// columns and straight runs through each lane.
func lanePath(colX func(int) int, ca int, a *slot, cb int, b *slot, lanes []*slot) string {
	var sb strings.Builder
	step := 1
	if cb < ca {
		step = -1
	}
	// Where the path leaves a's box and enters b's: the side facing the
	// other.
	x, y := colX(ca)+boxWidth, a.y+boxHeight/2
	endX := colX(cb)
	if step < 0 {
		x, endX = colX(ca), colX(cb)+boxWidth
	}
	fmt.Fprintf(&sb, "M%d %d", x, y)
	curve := func(x2, y2 int) {
		mid := (x + x2) / 2
		fmt.Fprintf(&sb, " C%d %d %d %d %d %d", mid, y, mid, y2, x2, y2)
		x, y = x2, y2
	}
	c := ca + step
	for _, l := range lanes {
		ly := l.y + l.h/2
		inX, outX := colX(c), colX(c)+boxWidth
		if step < 0 {
			inX, outX = outX, inX
		}
		curve(inX, ly)
		fmt.Fprintf(&sb, " L%d %d", outX, ly)
		x = outX
		c += step
	}
	curve(endX, b.y+boxHeight/2)
	return sb.String()
}

// loopPath joins two boxes of one column with a curve out to the right.
func loopPath(x, ay, by int) string {
	bend := x + 24 + abs(by-ay)/4
	return fmt.Sprintf("M%d %d C%d %d %d %d %d %d", x, ay, bend, ay, bend, by, x, by)
}

// ambiguousTitles are the titles two or more nodes share.
func ambiguousTitles(nodes []graphNode) map[string]bool {
	n := map[string]int{}
	for _, x := range nodes {
		n[x.Title]++
	}
	out := map[string]bool{}
	for t, k := range n {
		if k > 1 {
			out[t] = true
		}
	}
	return out
}

// nodeTip is what hovering a box shows: everything that tells the
// document apart.
func nodeTip(n graphNode) string {
	parts := []string{n.Title}
	if n.Outlet != "" {
		parts = append(parts, n.Outlet)
	}
	if n.Date != "" {
		parts = append(parts, n.Date)
	}
	return strings.Join(parts, " · ") + " (" + n.ID + ")"
}

// shortID is a document id short enough for a box: its end, which is
// where generated and path-like ids differ.
func shortID(id string) string {
	r := []rune(id)
	if len(r) <= 14 {
		return id
	}
	return "…" + string(r[len(r)-13:])
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
