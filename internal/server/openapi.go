package server

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// operation describes one API route for the OpenAPI document. The list is
// written by hand, apart from the routes, so that a test comparing the two
// catches a route added without its description (or the reverse).
type operation struct {
	Method  string
	Path    string
	Summary string
	Params  []param
	// Fields are the top-level fields of the success answer, "name:type"
	// with JSON Schema types.
	Fields []string
	Status int   // of success
	Errors []int // statuses of the documented failures
}

type param struct {
	Name, In, Type, Doc string
	Required            bool
}

// Parameters shared by list routes.
var pagingParams = []param{
	{Name: "limit", In: "query", Type: "integer", Doc: "items per page, 1 to 500 (default 50)"},
	{Name: "offset", In: "query", Type: "integer", Doc: "items to skip"},
}

var cursorParam = param{Name: "cursor", In: "query", Type: "string", Doc: "opaque position from a previous page's next link"}

var listFields = []string{"items:array", "next:string"}

var docFilterParams = []param{
	{Name: "outlet", In: "query", Type: "string", Doc: "only documents of this outlet"},
	{Name: "lang", In: "query", Type: "string", Doc: "only documents in this language (ISO 639-1)"},
	{Name: "from", In: "query", Type: "string", Doc: "only documents dated on or after (YYYY-MM-DD or RFC 3339)"},
	{Name: "to", In: "query", Type: "string", Doc: "only documents dated before"},
	{Name: "order", In: "query", Type: "string", Doc: `"oldest" (default) or "newest" first`},
	{Name: "story", In: "query", Type: "string", Doc: "only documents of this story"},
	{Name: "narrative", In: "query", Type: "string", Doc: "only documents of this narrative"},
}

func withParams(groups ...[]param) []param {
	var out []param
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// uploadFields are the fields of an upload's state.
var uploadFields = []string{"id:string", "state:string", "analyze:boolean", "read_so_far:integer", "ingest:object", "problems:array",
	"analyzed:boolean", "version:integer", "error:string", "started:string", "finished:string", "status_url:string", "page_url:string"}

var operations = []operation{
	{Method: "GET", Path: "/api/openapi.json", Summary: "This document", Status: 200,
		Fields: []string{"openapi:string", "info:object", "paths:object"}},
	{Method: "GET", Path: "/api/stats", Summary: "Corpus counts and analysis versions", Status: 200,
		Fields: []string{"documents:integer", "corpus_version:integer", "reuse_version:integer", "quotes_version:integer",
			"chains:integer", "stories:integer", "narratives:integer", "relations:object"}},
	{Method: "GET", Path: "/api/documents", Summary: "Documents, filtered, oldest first (or newest)", Status: 200, Errors: []int{400},
		Params: withParams(docFilterParams, []param{{Name: "q", In: "query", Type: "string", Doc: "words that must all occur in the title or text"}, cursorParam}, pagingParams),
		Fields: listFields},
	{Method: "POST", Path: "/api/documents", Summary: "Upload documents to ingest and analyse in the background (needs the write token); follow status_url", Status: 202, Errors: []int{400, 401, 403, 413},
		Params: []param{{Name: "analyze", In: "query", Type: "string", Doc: `"false" to store without analysing`}},
		Fields: uploadFields},
	{Method: "GET", Path: "/api/uploads/{id}", Summary: "How far an upload got: queued, ingesting, analysing, done or failed", Status: 200, Errors: []int{404},
		Params: []param{{Name: "id", In: "path", Type: "string", Required: true, Doc: "upload id"}},
		Fields: uploadFields},
	{Method: "GET", Path: "/api/documents/{id}", Summary: "One document with its passages, relations, quotes and entities", Status: 200, Errors: []int{404},
		Params: []param{{Name: "id", In: "path", Type: "string", Required: true, Doc: "document id"}},
		Fields: []string{"id:string", "title:string", "outlet:string", "date:string", "text:string", "regions:array",
			"passages:array", "relations:array", "quotes:array", "entities:array", "truncated:boolean"}},
	{Method: "GET", Path: "/api/search", Summary: "Full-text search with snippets (503 with Retry-After while the index is being built after an ingest)", Status: 200, Errors: []int{400, 503},
		Params: withParams([]param{{Name: "q", In: "query", Type: "string", Required: true, Doc: "words that must all occur"}, cursorParam}, docFilterParams, pagingParams),
		Fields: listFields},
	{Method: "GET", Path: "/api/pairs", Summary: "Related pairs of documents (relations)", Status: 200, Errors: []int{400, 404},
		Params: withParams([]param{
			{Name: "doc", In: "query", Type: "string", Doc: "only pairs with this document"},
			{Name: "kind", In: "query", Type: "string", Doc: "duplicate, derived, partial or translation"}}, pagingParams),
		Fields: listFields},
	{Method: "GET", Path: "/api/pair", Summary: "Two documents, their relation and shared passages (oriented along a)", Status: 200, Errors: []int{400, 404},
		Params: []param{{Name: "a", In: "query", Type: "string", Required: true, Doc: "document id"},
			{Name: "b", In: "query", Type: "string", Required: true, Doc: "document id"}},
		Fields: []string{"a:object", "b:object", "relation:object", "passages:array"}},
	{Method: "GET", Path: "/api/chains", Summary: "Provenance chains, longest first", Status: 200, Errors: []int{400},
		Params: pagingParams, Fields: listFields},
	{Method: "GET", Path: "/api/graph", Summary: "Provenance graph around a document or of a chain: dated nodes, directed edges", Status: 200, Errors: []int{400, 404},
		Params: []param{{Name: "doc", In: "query", Type: "string", Doc: "document id to draw around"},
			{Name: "depth", In: "query", Type: "integer", Doc: "relations to follow from doc, 1 to 3 (default 1)"},
			{Name: "chain", In: "query", Type: "integer", Doc: "index of a provenance chain"},
			{Name: "story", In: "query", Type: "string", Doc: "story id"},
			{Name: "narrative", In: "query", Type: "string", Doc: "narrative id"},
			{Name: "format", In: "query", Type: "string", Doc: "json (default), or gexf or graphml for a file for Gephi: then without doc, chain, story or narrative the whole corpus"},
			{Name: "graph", In: "query", Type: "string", Doc: "with format gexf or graphml: reuse (default) or quotes (speakers, quotes and outlets)"},
			{Name: "since", In: "query", Type: "string", Doc: "with format gexf or graphml: documents dated on or after (YYYY-MM-DD)"},
			{Name: "until", In: "query", Type: "string", Doc: "with format gexf or graphml: documents dated on or before (YYYY-MM-DD)"}},
		Fields: []string{"title:string", "nodes:array", "edges:array", "truncated:boolean"}},
	{Method: "GET", Path: "/api/quotes", Summary: "Quote, term and claim occurrences", Status: 200, Errors: []int{400, 501},
		Params: withParams([]param{
			{Name: "speaker", In: "query", Type: "string", Doc: "only occurrences attributed to this speaker"},
			{Name: "kind", In: "query", Type: "string", Doc: "quote, term or claim"},
			{Name: "doc", In: "query", Type: "string", Doc: "only occurrences in this document"}}, pagingParams),
		Fields: listFields},
	{Method: "GET", Path: "/api/quotes/{id}", Summary: "One quote with every occurrence and its variants", Status: 200, Errors: []int{404, 501},
		Params: []param{{Name: "id", In: "path", Type: "string", Required: true, Doc: "quote id"}},
		Fields: []string{"id:string", "kind:string", "text:string", "speaker:string", "occurrences:array", "variants:array", "documents:object"}},
	{Method: "GET", Path: "/api/entities", Summary: "Entity mentions", Status: 200, Errors: []int{400, 501},
		Params: withParams([]param{
			{Name: "entity", In: "query", Type: "string", Doc: "only mentions of this entity"},
			{Name: "type", In: "query", Type: "string", Doc: "person, place or org"},
			{Name: "doc", In: "query", Type: "string", Doc: "only mentions in this document"}}, pagingParams),
		Fields: listFields},
	{Method: "GET", Path: "/api/stories", Summary: "Stories, oldest or newest first", Status: 200, Errors: []int{400, 501},
		Params: withParams([]param{
			{Name: "narrative", In: "query", Type: "string", Doc: "only stories of this narrative"},
			{Name: "doc", In: "query", Type: "string", Doc: "the story holding this document"},
			{Name: "order", In: "query", Type: "string", Doc: `"oldest" (default) or "newest" first`}}, pagingParams),
		Fields: listFields},
	{Method: "GET", Path: "/api/stories/{id}", Summary: "One story with its first documents", Status: 200, Errors: []int{404, 501},
		Params: []param{{Name: "id", In: "path", Type: "string", Required: true, Doc: "story id"}},
		Fields: []string{"story:object", "narrative:object", "stories:array", "documents:array", "truncated:boolean"}},
	{Method: "GET", Path: "/api/narratives", Summary: "Narratives: groups of stories", Status: 200, Errors: []int{400, 501},
		Params: pagingParams, Fields: listFields},
	{Method: "GET", Path: "/api/narratives/{id}", Summary: "One narrative with its stories and first documents", Status: 200, Errors: []int{404, 501},
		Params: []param{{Name: "id", In: "path", Type: "string", Required: true, Doc: "narrative id"}},
		Fields: []string{"story:object", "narrative:object", "stories:array", "documents:array", "truncated:boolean"}},
	{Method: "GET", Path: "/api/timelines", Summary: "Narrative timelines: documents per day and outlet", Status: 200, Errors: []int{400, 501},
		Params: pagingParams, Fields: listFields},
}

// openAPIDocument builds the OpenAPI 3 document from operations.
func openAPIDocument() map[string]any {
	paths := map[string]any{}
	for _, op := range operations {
		item, _ := paths[op.Path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[op.Path] = item
		}
		var params []any
		for _, p := range op.Params {
			params = append(params, map[string]any{
				"name": p.Name, "in": p.In, "required": p.Required || p.In == "path",
				"description": p.Doc, "schema": map[string]any{"type": p.Type},
			})
		}
		props := map[string]any{}
		var required []string
		for _, f := range op.Fields {
			name, typ, _ := strings.Cut(f, ":")
			props[name] = map[string]any{"type": typ}
			required = append(required, name)
		}
		responses := map[string]any{
			strconv.Itoa(op.Status): map[string]any{
				"description": "success",
				"content": map[string]any{"application/json": map[string]any{"schema": map[string]any{
					"type": "object", "properties": props, "required": required}}},
			},
		}
		for _, st := range op.Errors {
			responses[strconv.Itoa(st)] = map[string]any{
				"description": http.StatusText(st),
				"content": map[string]any{"application/json": map[string]any{"schema": map[string]any{
					"$ref": "#/components/schemas/Error"}}},
			}
		}
		o := map[string]any{"summary": op.Summary, "responses": responses,
			"operationId": strings.ToLower(op.Method) + strings.NewReplacer("/api/", "_", "/", "_", "{", "", "}", "", ".", "_").Replace(op.Path)}
		if params != nil {
			o["parameters"] = params
		}
		if op.Method == "POST" {
			o["security"] = []any{map[string]any{"bearer": []any{}}}
			o["requestBody"] = map[string]any{"required": true, "content": map[string]any{
				"application/json":     map[string]any{"schema": map[string]any{"description": "a document object or an array of them (fields id, title, outlet, date, lang, url, text, …)"}},
				"application/x-ndjson": map[string]any{"schema": map[string]any{"description": "one document object a line"}},
				"multipart/form-data":  map[string]any{"schema": map[string]any{"description": "files of any format echotrace reads"}},
			}}
		}
		item[strings.ToLower(op.Method)] = o
	}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "echotrace", "version": "1",
			"description": "Text reuse, quotes and provenance in a news corpus. Lists page with limit and offset (or cursor); the next field is the URL of the next page, null on the last. Errors are {\"error\": {\"code\", \"message\"}}."},
		"paths": paths,
		"components": map[string]any{
			"schemas": map[string]any{"Error": map[string]any{"type": "object", "required": []string{"error"},
				"properties": map[string]any{"error": map[string]any{"type": "object", "properties": map[string]any{
					"code": map[string]any{"type": "string"}, "message": map[string]any{"type": "string"}}}}}},
			"securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer"}},
		},
	}
}

var openAPIOnce = sync.OnceValue(openAPIDocument)

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, openAPIOnce())
}
