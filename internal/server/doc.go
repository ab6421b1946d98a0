// Package server presents a store over HTTP: a JSON API under /api/ (with
// its OpenAPI 3 description at /api/openapi.json) and server-rendered web
// pages for reading what the analysis found — a document with its reused
// passages highlighted, two documents side by side, the who-copied-whom
// graph, quotes, search.
//
// It is the last stage of the pipeline and only reads the store, except for
// the upload route, which ingests and analyses through the pipeline and is
// refused unless a write token was configured and the request carries it.
//
// Every request reads a bounded amount: lists page with a limit and a
// cursor or offset, and no handler walks the whole corpus, so the pages stay
// fast on large databases. Article text and titles are untrusted; templates
// escape them, and every response forbids inline script through its
// Content-Security-Policy.
package server
