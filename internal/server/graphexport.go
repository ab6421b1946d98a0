package server

import (
	"net/http"
	"time"

	"github.com/echotrace/echotrace/internal/export"
)

// graphFile answers /api/graph?format=gexf|graphml with the graph as a
// file for Gephi and other graph tools, written by package export: the
// reuse graph (or with graph=quotes the graph of speakers, quotes and
// outlets) of the documents the other parameters select: around doc, of
// a chain, of a story or narrative, between since and until, or of the
// whole corpus when none is given. It streams; the whole corpus is not
// held in memory.
func (s *Server) graphFile(w http.ResponseWriter, r *http.Request, format string) {
	f, err := export.ParseFormat(format)
	if err != nil || (f != export.GEXF && f != export.GraphML) {
		s.fail(w, r, &badParam{"format: json, gexf or graphml"})
		return
	}
	q := r.URL.Query()
	quotes := false
	switch q.Get("graph") {
	case "", "reuse":
	case "quotes":
		quotes = true
	default:
		s.fail(w, r, &badParam{"graph: reuse or quotes"})
		return
	}
	filter := export.Filter{Story: q.Get("story"), Narrative: q.Get("narrative")}
	for _, b := range []struct {
		name  string
		until bool
		to    *time.Time
	}{{"since", false, &filter.Since}, {"until", true, &filter.Until}} {
		if v := q.Get(b.name); v != "" {
			if *b.to, err = export.ParseBound(v, b.until); err != nil {
				s.fail(w, r, &badParam{b.name + ": " + err.Error()})
				return
			}
		}
	}
	if q.Get("doc") != "" || q.Get("chain") != "" {
		// The documents of the graph the page draws.
		g, err := s.graphFor(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		filter.IDs = make([]string, 0, len(g.Nodes))
		for _, n := range g.Nodes {
			filter.IDs = append(filter.IDs, n.ID)
		}
	}
	name := "reuse."
	if quotes {
		name = "quotes."
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+string(f)+`"`)
	w.Header().Set("Cache-Control", "no-store")
	cw := &countingWriter{w: w}
	if _, err := export.WriteGraph(r.Context(), s.st, f, quotes, filter, cw); err != nil {
		if cw.n == 0 {
			w.Header().Del("Content-Disposition")
			s.fail(w, r, err)
			return
		}
		// Part of the file is sent: the status cannot change any more,
		// and the cut-off XML tells the client it is incomplete.
		if r.Context().Err() == nil {
			s.opt.Logf("server: %s %s: %v", r.Method, r.URL, err)
		}
	}
}

// countingWriter counts the bytes written through it, so that a handler
// knows whether it can still answer with an error status.
type countingWriter struct {
	w http.ResponseWriter
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
