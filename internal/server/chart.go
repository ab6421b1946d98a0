package server

import (
	"fmt"
	"sort"
	"time"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/doc"
)

// Geometry of a timeline chart, in SVG user units.
const (
	chartPlotH    = 140
	chartLeft     = 40 // room for the counts of the vertical axis
	chartBottom   = 34 // room for the dates of the horizontal axis
	chartTop      = 10
	chartMaxW     = 880
	chartMinDayW  = 4
	chartMaxDayW  = 36
	chartOutlets  = 7 // outlets with a colour of their own; the rest are "other outlets"
	chartLabelGap = 74
)

// chartRect is one outlet's documents on one day.
type chartRect struct {
	X, Y, W, H int
	Class      string
	Tip        string
}

// chartTick is a labelled position on an axis.
type chartTick struct {
	Pos   int
	Label string
}

// chartKey is an outlet in the legend.
type chartKey struct {
	Class, Outlet string
	Documents     int
}

// outletChart is the documents per day of a story or narrative, stacked by
// outlet, with a date axis, a count axis and a legend.
type outletChart struct {
	Width, Height int
	PlotX, PlotY  int // top left of the plot
	PlotW, PlotH  int
	Rects         []chartRect
	XTicks        []chartTick
	YTicks        []chartTick
	Keys          []chartKey
	First, Last   string
	Days          int
	Cut           bool // the timeline was longer and is shown by its last days
	Total         int
}

// chartOutletTimeline draws a timeline as stacked bars per day.
func chartOutletTimeline(days []cluster.TimelineDay) outletChart {
	type cell struct {
		day    time.Time
		outlet string
		n      int
	}
	var cells []cell
	perOutlet := map[string]int{}
	var first, last time.Time
	for _, d := range days {
		t, ok := doc.ParseDate(d.Date)
		if !ok || d.Documents <= 0 {
			continue
		}
		t = t.UTC().Truncate(24 * time.Hour)
		cells = append(cells, cell{t, d.Outlet, d.Documents})
		perOutlet[d.Outlet] += d.Documents
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
	}
	var c outletChart
	if len(cells) == 0 {
		return c
	}
	if span := int(last.Sub(first).Hours()/24) + 1; span > maxTimelineDays {
		first, c.Cut = last.AddDate(0, 0, -(maxTimelineDays-1)), true
	}
	c.Days = int(last.Sub(first).Hours()/24) + 1
	// Colours for the outlets with most documents, in that order.
	outlets := make([]string, 0, len(perOutlet))
	for o := range perOutlet {
		outlets = append(outlets, o)
	}
	sort.Slice(outlets, func(i, j int) bool {
		if perOutlet[outlets[i]] != perOutlet[outlets[j]] {
			return perOutlet[outlets[i]] > perOutlet[outlets[j]]
		}
		return outlets[i] < outlets[j]
	})
	class := map[string]string{}
	other := 0
	for i, o := range outlets {
		if i < chartOutlets {
			class[o] = fmt.Sprintf("o%d", i)
			name := o
			if name == "" {
				name = "no outlet"
			}
			c.Keys = append(c.Keys, chartKey{Class: class[o], Outlet: name, Documents: perOutlet[o]})
		} else {
			class[o] = "other"
			other += perOutlet[o]
		}
	}
	if other > 0 {
		c.Keys = append(c.Keys, chartKey{Class: "other", Outlet: fmt.Sprintf("%d other outlets", len(outlets)-chartOutlets), Documents: other})
	}
	dayW := max(chartMinDayW, min(chartMaxDayW, (chartMaxW-chartLeft)/c.Days))
	// A timeline of a few days gets a label under every day: its days are
	// spaced that far apart, the bars keep their width in the middle.
	barW := max(1, dayW-2)
	if c.Days*chartLabelGap <= chartMaxW-chartLeft {
		dayW = max(dayW, chartLabelGap)
	}
	// A short timeline still gets a plot wide enough for its labels.
	c.PlotX, c.PlotY, c.PlotW, c.PlotH = chartLeft, chartTop, max(dayW*c.Days, 360), chartPlotH
	c.Width, c.Height = c.PlotX+c.PlotW+10, c.PlotY+c.PlotH+chartBottom
	// Stack each day's outlets, largest colour first.
	perDay := map[int][]cell{}
	peak := 1
	totals := map[int]int{}
	for _, x := range cells {
		i := int(x.day.Sub(first).Hours() / 24)
		if i < 0 {
			continue
		}
		perDay[i] = append(perDay[i], x)
		totals[i] += x.n
		c.Total += x.n
		peak = max(peak, totals[i])
	}
	peak = niceCeil(peak)
	for i, cs := range perDay {
		sort.Slice(cs, func(a, b int) bool {
			ra, rb := rank(outlets, cs[a].outlet), rank(outlets, cs[b].outlet)
			return ra < rb
		})
		y := c.PlotY + c.PlotH
		for _, x := range cs {
			h := max(1, x.n*c.PlotH/peak)
			y -= h
			name := x.outlet
			if name == "" {
				name = "no outlet"
			}
			c.Rects = append(c.Rects, chartRect{X: c.PlotX + i*dayW + (dayW-barW)/2, Y: y, W: barW, H: h, Class: class[x.outlet],
				Tip: fmt.Sprintf("%s · %s: %d of %d that day", x.day.Format("2006-01-02"), name, x.n, totals[i])})
		}
	}
	sort.Slice(c.Rects, func(a, b int) bool {
		return c.Rects[a].X < c.Rects[b].X || c.Rects[a].X == c.Rects[b].X && c.Rects[a].Y > c.Rects[b].Y
	})
	// Date labels no closer than chartLabelGap, on whole steps of days.
	step := 1
	for _, s := range []int{1, 2, 7, 14, 30, 61, 91} {
		step = s
		if s*dayW >= chartLabelGap {
			break
		}
	}
	for i := 0; i < c.Days; i += step {
		t := first.AddDate(0, 0, i)
		lab := t.Format("Jan 2")
		if i == 0 || t.Month() == time.January && t.Day() <= step {
			lab = t.Format("Jan 2, 2006")
		}
		c.XTicks = append(c.XTicks, chartTick{Pos: c.PlotX + i*dayW + dayW/2, Label: lab})
	}
	for _, v := range []int{0, peak / 2, peak} {
		if v == peak/2 && (peak%2 != 0 || peak < 2) {
			continue
		}
		c.YTicks = append(c.YTicks, chartTick{Pos: c.PlotY + c.PlotH - v*c.PlotH/peak, Label: fmt.Sprint(v)})
	}
	c.First, c.Last = first.Format("2006-01-02"), last.Format("2006-01-02")
	return c
}

// niceCeil rounds a count up to 1, 2 or 5 times a power of ten, so that
// the axis reads in round numbers.
func niceCeil(n int) int {
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if m*p >= n {
				return m * p
			}
		}
	}
}

func rank(order []string, s string) int {
	for i, o := range order {
		if o == s {
			return i
		}
	}
	return len(order)
}
