package server

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/echotrace/echotrace/internal/doc"
)

// Page sizes: a request never reads more than maxLimit records of a list.
const (
	defaultLimit = 50
	maxLimit     = 500
)

// page is the paging of a list request: a limit and either an offset or a
// cursor (the opaque position after the last item of the previous page).
type page struct {
	Limit  int
	Offset int
	Cursor string // decoded
}

// pageParams reads limit, offset and cursor.
func pageParams(q url.Values) (page, error) {
	p := page{Limit: defaultLimit}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxLimit {
			return p, &badParam{fmt.Sprintf("limit must be a whole number from 1 to %d, not %q", maxLimit, v)}
		}
		p.Limit = n
	}
	if v := q.Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return p, &badParam{fmt.Sprintf("offset must be a whole number of 0 or more, not %q", v)}
		}
		p.Offset = n
	}
	if v := q.Get("cursor"); v != "" {
		b, err := base64.RawURLEncoding.DecodeString(v)
		if err != nil || len(b) == 0 {
			return p, &badParam{fmt.Sprintf("cursor %q is not one this server gave out", v)}
		}
		p.Cursor = string(b)
	}
	return p, nil
}

// encodeCursor makes the opaque cursor for a position.
func encodeCursor(pos string) string { return base64.RawURLEncoding.EncodeToString([]byte(pos)) }

// nextLink is the URL of the page after this one: the request's own URL
// with the cursor (or, when cursor is empty, the offset) moved on.
func nextLink(r *http.Request, p page, cursor string) string {
	q := r.URL.Query()
	if cursor != "" {
		q.Del("offset")
		q.Set("cursor", encodeCursor(cursor))
	} else {
		q.Del("cursor")
		q.Set("offset", strconv.Itoa(p.Offset+p.Limit))
	}
	return r.URL.Path + "?" + q.Encode()
}

// dateParam reads a date parameter (YYYY-MM-DD or RFC 3339).
func dateParam(q url.Values, name string) (time.Time, error) {
	v := q.Get(name)
	if v == "" {
		return time.Time{}, nil
	}
	t, ok := doc.ParseDate(v)
	if !ok {
		return time.Time{}, &badParam{fmt.Sprintf("%s must be a date such as 2024-03-12, not %q", name, v)}
	}
	return t, nil
}

// intParam reads a whole-number parameter within [lo, hi], def when absent.
func intParam(q url.Values, name string, def, lo, hi int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, &badParam{fmt.Sprintf("%s must be a whole number from %d to %d, not %q", name, lo, hi, v)}
	}
	return n, nil
}

// listBody is the shape of every list answer.
type listBody[T any] struct {
	Items []T `json:"items"`
	// Next is the URL of the next page, null on the last one.
	Next *string `json:"next"`
}

// newList makes a list answer from a page of items fetched with one item
// more than the limit: that extra item only says whether there is more.
func newList[T any](r *http.Request, p page, items []T, cursorOf func(T) string) listBody[T] {
	out := listBody[T]{Items: items}
	if out.Items == nil {
		out.Items = []T{}
	}
	if len(items) > p.Limit {
		out.Items = items[:p.Limit]
		cur := ""
		if cursorOf != nil {
			cur = cursorOf(out.Items[len(out.Items)-1])
		}
		next := nextLink(r, p, cur)
		out.Next = &next
	}
	return out
}
