package read

import (
	"compress/gzip"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base32"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// WARCWriter appends records to a WARC file, each record its own gzip
// member (the .warc.gz convention that lets a reader skip a damaged
// record). It is safe for concurrent use.
type WARCWriter struct {
	mu sync.Mutex
	w  io.Writer
}

// NewWARCWriter writes gzipped records to w.
func NewWARCWriter(w io.Writer) *WARCWriter { return &WARCWriter{w: w} }

// WARCFields are the record-specific headers of a record to write.
type WARCFields struct {
	Type         string    // "response", "request", "warcinfo", "metadata", ...
	TargetURI    string    // WARC-Target-URI, if any
	Date         time.Time // WARC-Date; zero means now
	ContentType  string    // of the block, e.g. "application/http; msgtype=response"
	ConcurrentTo string    // WARC-Concurrent-To: the id of a related record
	Extra        map[string]string
}

// Write appends one record with the given block and returns its
// WARC-Record-ID.
func (ww *WARCWriter) Write(f WARCFields, block []byte) (string, error) {
	id, err := newRecordID()
	if err != nil {
		return "", err
	}
	date := f.Date
	if date.IsZero() {
		date = time.Now()
	}
	digest := sha1.Sum(block)
	var h strings.Builder
	h.WriteString("WARC/1.1\r\n")
	field := func(k, v string) {
		if v != "" {
			// Header values are single lines; a line break would forge fields.
			v = strings.NewReplacer("\r", " ", "\n", " ").Replace(v)
			fmt.Fprintf(&h, "%s: %s\r\n", k, v)
		}
	}
	field("WARC-Type", f.Type)
	field("WARC-Record-ID", id)
	field("WARC-Date", date.UTC().Format(time.RFC3339))
	field("WARC-Target-URI", f.TargetURI)
	field("WARC-Concurrent-To", f.ConcurrentTo)
	field("WARC-Block-Digest", "sha1:"+base32.StdEncoding.EncodeToString(digest[:]))
	field("Content-Type", f.ContentType)
	keys := make([]string, 0, len(f.Extra))
	for k := range f.Extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		field(k, f.Extra[k])
	}
	field("Content-Length", strconv.Itoa(len(block)))
	h.WriteString("\r\n")

	ww.mu.Lock()
	defer ww.mu.Unlock()
	zw := gzip.NewWriter(ww.w)
	if _, err := io.WriteString(zw, h.String()); err != nil {
		return "", err
	}
	if _, err := zw.Write(block); err != nil {
		return "", err
	}
	if _, err := io.WriteString(zw, "\r\n\r\n"); err != nil {
		return "", err
	}
	if err := zw.Close(); err != nil {
		return "", err
	}
	return id, nil
}

// newRecordID is a random (version 4) UUID URN.
func newRecordID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("<urn:uuid:%x-%x-%x-%x-%x>", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16]), nil
}
