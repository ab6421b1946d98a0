package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/echotrace/echotrace/internal/store"
)

// apiError is the body of every failed API request:
// {"error": {"code": "bad_parameter", "message": "..."}}.
type apiError struct {
	Error errorBody `json:"error"`
}

type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// badParam is a request parameter that cannot be used; handlers return it
// to answer 400.
type badParam struct{ msg string }

func (e *badParam) Error() string { return e.msg }

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	_ = enc.Encode(v) // the client may have gone; nothing to do then
}

// writeError answers with a JSON error.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, apiError{Error: errorBody{Code: code, Message: msg}})
}

// fail answers with the status that fits err: 400 for a bad parameter, 404
// for an unknown record, 503 while the search index is being built, 500
// for the rest.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var bp *badParam
	switch {
	case errors.As(err, &bp):
		writeError(w, http.StatusBadRequest, "bad_parameter", bp.msg)
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "not_found", err.Error())
	case errors.Is(err, errUnavailable):
		writeError(w, http.StatusNotImplemented, "not_available", err.Error())
	case errors.Is(err, store.ErrTextIndexBuilding):
		w.Header().Set("Retry-After", retryIndexSeconds)
		writeError(w, http.StatusServiceUnavailable, "index_building", err.Error())
	case errors.Is(err, context.DeadlineExceeded) && r.Context().Err() != nil:
		// The request's time ran out (requestTimeout): the server is
		// busy, nothing is broken.
		w.Header().Set("Retry-After", retryBusySeconds)
		writeError(w, http.StatusServiceUnavailable, "busy", "the server was too busy to answer in time; try again")
	default:
		s.internalError(w, r, err)
	}
}

// retryIndexSeconds is the Retry-After of a search answered while the
// full-text index is being built: catching up takes minutes at most.
const retryIndexSeconds = "30"

// retryBusySeconds is the Retry-After of a request whose time ran out.
const retryBusySeconds = "10"

// errUnavailable says the database has no results of a kind (its backend
// does not keep them).
var errUnavailable = errors.New("this database does not keep these results")

// notFound is the error for an unknown id of some kind of record.
func notFound(kind, id string) error {
	return fmt.Errorf("%s %q: %w", kind, id, store.ErrNotFound)
}

// answer writes v, or the error that kept the handler from making it.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, v any, err error) {
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}
