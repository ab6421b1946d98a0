package server

import (
	"net/http"
	"strconv"
)

// pager is the paging line under a list: which items are shown, of how
// many when that is known, and links to the pages before and after.
type pager struct {
	From, To int   // 1-based, inclusive; To < From when the page is empty
	Total    int64 // -1 when unknown
	Prev     string
	Next     string
}

// makePager describes a page of n items read at p, whose next link is
// next; total is the size of the whole list, or -1.
func makePager(r *http.Request, p page, n int, next *string, total int64) pager {
	pg := pager{From: p.Offset + 1, To: p.Offset + n, Total: total, Next: deref(next)}
	if p.Cursor != "" {
		// A cursor knows no position: neither count nor a way back.
		pg.From, pg.To, pg.Total = 0, 0, -1
		return pg
	}
	if p.Offset > 0 {
		q := r.URL.Query()
		if prev := p.Offset - p.Limit; prev > 0 {
			q.Set("offset", strconv.Itoa(prev))
		} else {
			q.Del("offset")
		}
		pg.Prev = r.URL.Path
		if enc := q.Encode(); enc != "" {
			pg.Prev += "?" + enc
		}
	}
	return pg
}
