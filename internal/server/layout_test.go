package server

import (
	"context"
	"regexp"
	"strconv"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/relate"
)

// pathPoints are the points an SVG path of M, C and L commands passes
// through (end points only: curves here run between them).
func pathPoints(t *testing.T, p string) [][2]int {
	t.Helper()
	var out [][2]int
	re := regexp.MustCompile(`[MCL]([-0-9 ]+)`)
	for _, m := range re.FindAllStringSubmatch(p, -1) {
		var nums []int
		for _, f := range regexp.MustCompile(`-?\d+`).FindAllString(m[1], -1) {
			n, _ := strconv.Atoi(f)
			nums = append(nums, n)
		}
		if len(nums) < 2 {
			t.Fatalf("path %q: bad segment %q", p, m[0])
		}
		out = append(out, [2]int{nums[len(nums)-2], nums[len(nums)-1]})
	}
	return out
}

// A layered drawing: sources left of copies, an edge over several columns
// passes them in a lane no box covers, and every arrow ends on the side of
// its copy's box.
func TestLayoutLayers(t *testing.T) {
	g := &graphView{
		Nodes: []graphNode{
			{ID: "wire", Title: "Port strike", Date: "2024-03-01"},
			{ID: "a", Title: "Port strike", Outlet: "Coast Daily", Date: "2024-03-02"},
			{ID: "b", Title: "Strike at the port", Date: "2024-03-02"},
			{ID: "c", Title: "Dockers walk out", Date: "2024-03-03"},
			{ID: "d", Title: "Late copy", Date: "2024-03-05"},
			{ID: "e", Title: "Backdated copy", Date: "2024-03-01"},
		},
		Edges: []graphEdge{
			{From: "wire", To: "a", Directed: true, Kind: "duplicate"},
			{From: "wire", To: "b", Directed: true, Kind: "derived"},
			{From: "a", To: "c", Directed: true, Kind: "partial"},
			{From: "wire", To: "d", Directed: true, Kind: "partial"}, // spans three columns
			{From: "d", To: "e", Directed: true, Kind: "partial"},    // a copy dated before its source
			{From: "b", To: "c", Kind: "partial"},
		},
	}
	d := layout(g)
	box := map[string]svgNode{}
	for _, n := range d.Nodes {
		box[n.ID] = n
	}
	if !(box["wire"].X < box["a"].X && box["a"].X == box["b"].X && box["b"].X < box["c"].X && box["c"].X < box["d"].X) {
		t.Fatalf("columns by date: %+v", box)
	}
	if box["wire"].Sub == box["a"].Sub || box["a"].Outlet != "Coast Daily" {
		t.Errorf("two boxes titled alike are not told apart: %q / %q", box["wire"].Sub, box["a"].Sub)
	}
	for _, e := range d.Edges {
		pts := pathPoints(t, e.Path)
		from, to := box[e.From], box[e.To]
		end := pts[len(pts)-1]
		wantX := to.X
		if to.X < from.X {
			wantX = to.X + to.W
		}
		if e.Directed && (end[0] != wantX || end[1] < to.Y || end[1] > to.Y+to.H) {
			t.Errorf("edge %s→%s ends at %v, not on the facing side of %s's box %+v", e.From, e.To, end, e.To, to)
		}
		// Every point of a straight run through a column lies outside
		// the boxes of that column.
		for _, p := range pts[1 : len(pts)-1] {
			for _, n := range d.Nodes {
				if n.ID == e.From || n.ID == e.To {
					continue
				}
				if p[0] >= n.X && p[0] <= n.X+n.W && p[1] >= n.Y && p[1] <= n.Y+n.H {
					t.Errorf("edge %s→%s passes %v, inside the box of %s", e.From, e.To, p, n.ID)
				}
			}
		}
	}
}

// The graph around a document is its whole spread: every ancestor and
// every descendant, through directed relations, not one chain.
func TestGraphWholeSpread(t *testing.T) {
	f := newFixture(t, Options{})
	ctx := context.Background()
	var docs []doc.Document
	for _, id := range []string{"root", "mid", "focus", "kid", "grandkid", "other-root", "sibling", "stranger"} {
		docs = append(docs, doc.Document{ID: id, Title: "About " + id, Text: "text of " + id})
	}
	if _, err := f.st.PutDocuments(ctx, docs); err != nil {
		t.Fatal(err)
	}
	v, err := f.st.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rel := func(src, cp string) relate.Relation {
		return relate.Relation{A: src, B: cp, Kind: relate.Derived, Direction: relate.AToB, Confidence: 0.9}
	}
	rels := []relate.Relation{
		rel("root", "mid"), rel("mid", "focus"), rel("other-root", "focus"),
		rel("focus", "kid"), rel("kid", "grandkid"),
		rel("mid", "sibling"), // a sibling: neither ancestor nor descendant
		{A: "sibling", B: "stranger", Kind: relate.Partial, Direction: relate.Undetermined},
	}
	if _, err := f.st.ReplaceReuse(ctx, v, nil, rels, nil); err != nil {
		t.Fatal(err)
	}
	g := f.getJSON(t, "/api/graph?doc=focus")
	got := map[string]bool{}
	for _, n := range g["nodes"].([]any) {
		got[n.(map[string]any)["id"].(string)] = true
	}
	for _, id := range []string{"root", "mid", "focus", "kid", "grandkid", "other-root"} {
		if !got[id] {
			t.Errorf("graph of focus lacks %s: %v", id, got)
		}
	}
	for _, id := range []string{"sibling", "stranger"} {
		if got[id] {
			t.Errorf("graph of focus holds %s, which is neither ancestor nor descendant", id)
		}
	}
	if n := len(g["edges"].([]any)); n != 5 {
		t.Errorf("%d edges, want the 5 among the spread", n)
	}
}

// A repost that pastes a caption into the copied text: the passage spans
// the caption, but only the words the source has are marked shared.
func TestSharedSpansSkipInsertions(t *testing.T) {
	src := "The harbour authority confirmed on Monday that the old grain pier will close for repairs over the winter months ahead."
	caption := " PHOTO: Boats moored at the quay in Kessel, taken by our reader Anna. RELATED: Ferry prices rise again. "
	cp := "The harbour authority confirmed on Monday that the old grain pier" + caption + "will close for repairs over the winter months ahead."
	spans := sharedSpans(cp, relate.End{Begin: 0, End: len(cp)}, src, relate.End{Begin: 0, End: len(src)})
	if len(spans) != 2 {
		t.Fatalf("spans %v, want the two shared runs around the caption", spans)
	}
	for _, sp := range spans {
		if marked := cp[sp.Begin:sp.End]; regexp.MustCompile(`PHOTO|RELATED|Ferry|reader`).MatchString(marked) {
			t.Errorf("inserted text marked as shared: %q", marked)
		}
	}
	if got := sureness(0.81); got != "direction likely (confidence 81 %)" {
		t.Errorf("sureness(0.81) = %q", got)
	}
}
