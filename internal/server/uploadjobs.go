package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/echotrace/echotrace/internal/pipeline"
	"github.com/echotrace/echotrace/internal/read"
)

// An upload is ingested and analysed in the background: analysis of a
// large corpus takes minutes, far longer than a request may hold its
// connection. POST /api/documents answers 202 with the upload's id at
// once; /api/uploads/{id} and the page /uploads/{id} tell how far it got.

// Upload states.
const (
	uploadQueued    = "queued"    // waiting for the upload before it
	uploadIngesting = "ingesting" // reading and storing documents
	uploadAnalysing = "analysing" // the corpus is being analysed
	uploadDone      = "done"
	uploadFailed    = "failed" // nothing could be read, or the store failed
)

// maxUploadJobs is how many uploads the server remembers; the oldest
// finished ones are forgotten first.
const maxUploadJobs = 100

// uploadJob is one upload's progress, as the API shows it.
type uploadJob struct {
	ID        string                 `json:"id"`
	State     string                 `json:"state"`
	Analyze   bool                   `json:"analyze"`
	ReadSoFar int                    `json:"read_so_far"` // documents read and stored while ingesting
	Ingest    pipeline.IngestSummary `json:"ingest"`
	Problems  []string               `json:"problems"`
	Analyzed  bool                   `json:"analyzed"`
	Version   int64                  `json:"version"`
	Error     string                 `json:"error"`
	Started   time.Time              `json:"started"`
	Finished  *time.Time             `json:"finished"`
	StatusURL string                 `json:"status_url"`
	PageURL   string                 `json:"page_url"`
}

// uploadJobs are the uploads this server took, by id.
type uploadJobs struct {
	mu    sync.Mutex
	byID  map[string]*uploadJob
	order []string
}

// start registers a new upload.
func (u *uploadJobs) start(analyze bool) *uploadJob {
	var b [8]byte
	_, _ = rand.Read(b[:])
	id := hex.EncodeToString(b[:])
	j := &uploadJob{ID: id, State: uploadQueued, Analyze: analyze, Problems: []string{}, Started: time.Now().UTC(),
		StatusURL: "/api/uploads/" + id, PageURL: "/uploads/" + id}
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.byID == nil {
		u.byID = map[string]*uploadJob{}
	}
	for len(u.order) >= maxUploadJobs {
		drop := -1
		for i, old := range u.order {
			if st := u.byID[old].State; st == uploadDone || st == uploadFailed {
				drop = i
				break
			}
		}
		if drop < 0 {
			break // all still running: keep them
		}
		delete(u.byID, u.order[drop])
		u.order = append(u.order[:drop], u.order[drop+1:]...)
	}
	u.byID[id] = j
	u.order = append(u.order, id)
	return j
}

// get is a copy of an upload's state.
func (u *uploadJobs) get(id string) (uploadJob, bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	j, ok := u.byID[id]
	if !ok {
		return uploadJob{}, false
	}
	c := *j
	c.Problems = append([]string{}, j.Problems...)
	return c, true
}

// update changes an upload under the lock.
func (u *uploadJobs) update(j *uploadJob, fn func(*uploadJob)) {
	u.mu.Lock()
	defer u.mu.Unlock()
	fn(j)
}

// runUpload ingests the files in dir and analyses the corpus, then
// removes dir. It runs in the background, under the server's context,
// not the request's.
func (s *Server) runUpload(j *uploadJob, dir string) {
	defer s.bgWait.Done()
	defer os.RemoveAll(dir)
	ctx := s.bg
	finish := func(state, errMsg string) {
		now := time.Now().UTC()
		s.uploads.update(j, func(j *uploadJob) { j.State, j.Error, j.Finished = state, errMsg, &now })
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	s.uploads.update(j, func(j *uploadJob) { j.State = uploadIngesting })
	sum, err := pipeline.Ingest(ctx, uploadStore{Store: s.st, dir: dir}, []string{dir},
		pipeline.IngestOptions{Progress: func(n int) { s.uploads.update(j, func(j *uploadJob) { j.ReadSoFar = n }) }},
		func(p read.Problem) {
			msg := strings.ReplaceAll(p.Error(), dir+string(filepath.Separator), uploadPrefix)
			s.uploads.update(j, func(j *uploadJob) { j.Problems = append(j.Problems, msg) })
		})
	s.uploads.update(j, func(j *uploadJob) { j.Ingest = sum })
	if err != nil {
		s.opt.Logf("server: upload %s: ingest: %v", j.ID, err)
		finish(uploadFailed, "the documents could not be stored; see the server log")
		return
	}
	if sum.Read.Read == 0 {
		finish(uploadFailed, "no document could be read from the upload; nothing was stored or analysed")
		return
	}
	if j.Analyze {
		s.uploads.update(j, func(j *uploadJob) { j.State = uploadAnalysing })
		res, err := pipeline.Analyze(ctx, s.st, s.opt.Analyze)
		if err != nil {
			s.opt.Logf("server: upload %s: analyse: %v", j.ID, err)
			finish(uploadFailed, "the documents were stored but the analysis failed; see the server log")
			return
		}
		s.uploads.update(j, func(j *uploadJob) { j.Analyzed, j.Version = true, res.Version })
	}
	finish(uploadDone, "")
}

// Close stops the uploads at work (their context is cancelled) and waits
// for them to end. The server must not be used afterwards.
func (s *Server) Close() {
	s.stopBG()
	s.bgWait.Wait()
}

func (s *Server) apiUploadStatus(w http.ResponseWriter, r *http.Request) {
	j, ok := s.uploads.get(r.PathValue("id"))
	if !ok {
		s.fail(w, r, notFound("upload", r.PathValue("id")))
		return
	}
	writeJSON(w, http.StatusOK, j)
}

// uploadPage is the progress page of an upload.
type uploadPage struct {
	Job     uploadJob
	Running bool
}

func (s *Server) pageUpload(w http.ResponseWriter, r *http.Request) {
	j, ok := s.uploads.get(r.PathValue("id"))
	if !ok {
		s.pageFail(w, r, notFound("upload", r.PathValue("id")))
		return
	}
	running := j.State != uploadDone && j.State != uploadFailed
	s.render(w, r, http.StatusOK, "upload.html", pageData{Title: fmt.Sprintf("Upload %s", j.ID), Body: uploadPage{Job: j, Running: running}, Refresh: running})
}

// checkFormats answers a problem for every saved file no reader knows,
// before anything is stored: such a file would be skipped without a word.
func checkFormats(dir string) error {
	var unknown []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if _, ok := read.FormatFor(d.Name()); ok {
			return nil
		}
		head := make([]byte, 512)
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		n, _ := f.Read(head)
		f.Close()
		if _, ok := read.SniffFormat(head[:n]); !ok {
			rel, _ := filepath.Rel(dir, path)
			unknown = append(unknown, filepath.Base(rel))
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(unknown) > 0 {
		var names []string
		for _, f := range read.Formats() {
			names = append(names, f.Name)
		}
		return &badParam{fmt.Sprintf("no reader knows the format of %s (formats: %s); nothing was stored",
			strings.Join(unknown, ", "), strings.Join(names, ", "))}
	}
	return nil
}

// newBackground makes the context of the server's background work.
func newBackground() (context.Context, context.CancelFunc) {
	return context.WithCancel(context.Background())
}
