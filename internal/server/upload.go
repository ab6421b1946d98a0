package server

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store"
)

// uploadPrefix replaces the temporary directory in the paths of uploaded
// documents, so that the store never records where the server kept them.
const uploadPrefix = "upload/"

// authorize answers 403 when the server is read-only and 401 when the
// request lacks the write token; it reports whether the request may go on.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request) bool {
	if s.opt.WriteToken == "" {
		writeError(w, http.StatusForbidden, "read_only", "this server is read-only; start it with --write-token to accept uploads")
		return false
	}
	auth := r.Header.Get("Authorization")
	token, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(token), []byte(s.opt.WriteToken)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="echotrace"`)
		writeError(w, http.StatusUnauthorized, "unauthorized", "send the write token as Authorization: Bearer <token>")
		return false
	}
	return true
}

// apiUpload takes documents sent as JSON (one document object or an
// array of them), JSON lines, or multipart files of any format the readers
// know, and ingests and analyses them (unless analyze=false) in the
// background: it answers 202 with where to follow the upload.
func (s *Server) apiUpload(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r) {
		return
	}
	analyze := true
	switch v := r.URL.Query().Get("analyze"); v {
	case "", "true":
	case "false":
		analyze = false
	default:
		s.fail(w, r, &badParam{`analyze must be "true" or "false", not "` + v + `"`})
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxUploadBytes)
	dir, err := os.MkdirTemp("", "echotrace-upload-")
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	if err := saveUpload(r, dir); err != nil {
		os.RemoveAll(dir)
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("the upload is larger than %d bytes", s.opt.MaxUploadBytes))
			return
		}
		s.fail(w, r, err)
		return
	}
	if err := checkFormats(dir); err != nil {
		os.RemoveAll(dir)
		s.fail(w, r, err)
		return
	}
	j := s.uploads.start(analyze)
	s.bgWait.Add(1)
	go s.runUpload(j, dir)
	view, _ := s.uploads.get(j.ID)
	w.Header().Set("Location", j.StatusURL)
	writeJSON(w, http.StatusAccepted, view)
}

// saveUpload writes the request's documents into dir as files the readers
// take in.
func saveUpload(r *http.Request, dir string) error {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return &badParam{"Content-Type must be application/json, application/x-ndjson or multipart/form-data"}
	}
	switch mt {
	case "application/json":
		return saveJSON(r.Body, filepath.Join(dir, "upload.jsonl"))
	case "application/x-ndjson", "application/jsonl":
		return saveFile(r.Body, filepath.Join(dir, "upload.jsonl"))
	case "multipart/form-data":
		mr, err := r.MultipartReader()
		if err != nil {
			return &badParam{"bad multipart body: " + err.Error()}
		}
		n := 0
		for {
			part, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				return &badParam{"bad multipart body: " + err.Error()}
			}
			name := filepath.Base(filepath.Clean("/" + part.FileName()))
			if part.FileName() == "" || name == "/" || name == "." || strings.HasPrefix(name, ".") {
				continue // a form field, or a name the readers would skip
			}
			n++
			// Document ids come from file names, so a file keeps its
			// name; a second file of the same name goes into a
			// numbered directory of its own.
			path := filepath.Join(dir, name)
			if _, err := os.Stat(path); err == nil {
				sub := filepath.Join(dir, fmt.Sprintf("%d", n))
				if err := os.Mkdir(sub, 0o700); err != nil {
					return err
				}
				path = filepath.Join(sub, name)
			}
			if err := saveFile(part, path); err != nil {
				return err
			}
		}
		if n == 0 {
			return &badParam{"the multipart body holds no files"}
		}
		return nil
	}
	return &badParam{fmt.Sprintf("Content-Type %s is not accepted: send application/json, application/x-ndjson or multipart/form-data", mt)}
}

// saveJSON writes a JSON document or array of documents as JSON lines.
func saveJSON(body io.Reader, path string) error {
	data, err := io.ReadAll(body)
	if err != nil {
		return err
	}
	data = bytes.TrimSpace(data)
	var records []json.RawMessage
	switch {
	case len(data) > 0 && data[0] == '[':
		if err := json.Unmarshal(data, &records); err != nil {
			return &badParam{"the JSON body is not an array of documents: " + err.Error()}
		}
	case len(data) > 0 && data[0] == '{':
		records = []json.RawMessage{data}
	default:
		return &badParam{"the JSON body must be a document object or an array of them"}
	}
	var buf bytes.Buffer
	for i, rec := range records {
		if err := json.Compact(&buf, rec); err != nil {
			return &badParam{fmt.Sprintf("document %d of the body: %v", i, err)}
		}
		buf.WriteByte('\n')
	}
	return os.WriteFile(path, buf.Bytes(), 0o600)
}

func saveFile(r io.Reader, path string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// uploadStore stores documents with the upload directory taken out of
// their paths.
type uploadStore struct {
	store.Store
	dir string
}

func (u uploadStore) PutDocuments(ctx context.Context, docs []doc.Document) (store.PutResult, error) {
	for i := range docs {
		p := docs[i].Path
		if rel, err := filepath.Rel(u.dir, p); err == nil && filepath.IsAbs(p) && !strings.HasPrefix(rel, "..") {
			p = rel
		}
		if p != "" && !filepath.IsAbs(p) {
			// Ingest makes paths relative to its input, the upload's
			// directory.
			docs[i].Path = uploadPrefix + filepath.ToSlash(p)
		}
	}
	return u.Store.PutDocuments(ctx, docs)
}
