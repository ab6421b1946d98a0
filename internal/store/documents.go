package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/doc"
)

// DocumentStore keeps the corpus.
type DocumentStore interface {
	// PutDocuments stores documents by ID in one transaction: a new ID is
	// added, a known ID whose fields differ is updated (keeping its place in
	// the ingest order), a known ID with identical fields changes nothing at
	// all. Documents that cannot be stored (see Check) are skipped and
	// reported in a *RejectedError, returned together with the counts of
	// what was stored; any other error means nothing of the batch was
	// stored. The corpus version grows by Added+Updated in the same
	// transaction.
	PutDocuments(ctx context.Context, docs []doc.Document) (PutResult, error)
	// Document returns one document, or ErrNotFound.
	Document(ctx context.Context, id string) (doc.Document, error)
	// Documents returns the documents a query selects, ordered by date
	// (undated last), then ingest order.
	Documents(ctx context.Context, q DocQuery) ([]doc.Document, error)
	// EachDocument calls fn for every document in ingest order, reading a
	// page at a time, so memory does not grow with the corpus. fn may use
	// the store; documents added meanwhile are visited when they come after
	// the current one. An error from fn stops the walk and is returned.
	EachDocument(ctx context.Context, fn func(doc.Document) error) error
	// CountDocuments is the number of documents stored.
	CountDocuments(ctx context.Context) (int64, error)
	// Version is the corpus version: 0 for an empty store, then grown by one
	// for every document added or updated, in the same transaction. Results
	// of an analysis record the version they describe.
	Version(ctx context.Context) (int64, error)
}

// TextIndexer is implemented by a backend that builds its full-text index
// after ingest rather than during it (SQLite). Its text searches bring the
// index up to date themselves, which after a large ingest takes minutes;
// IndexText does that ahead of time, so a server calls it in the
// background at start and its first search does not wait. A search that
// meets such a catch-up still running answers ErrTextIndexBuilding after a
// few seconds rather than hang.
type TextIndexer interface {
	// IndexText indexes the documents stored but not yet indexed.
	IndexText(ctx context.Context) error
}

// BulkLoader is implemented by a backend whose indexes cost less to build
// after a large ingest than to keep up to date during it (PostgreSQL's GIN
// index over words; SQLite's indexes of documents by date, outlet,
// language and content hash). Ingest calls BeginBulk before it stores
// anything and the function it returns when it is done, whatever
// happened. A backend may decline to defer its indexes (when the store is
// already large, rebuilding would cost more than the ingest saves); it
// still returns a function to call.
type BulkLoader interface {
	BeginBulk(ctx context.Context) (end func(context.Context) error, err error)
}

// BatchPutter is implemented by a backend that stores a Batch made
// beforehand: PutBatch(ctx, NewBatch(docs)) is PutDocuments(ctx, docs).
// A store writes on one core (SQLite's one writer, one transaction a
// batch on PostgreSQL), and a batch's records (NewRecord: the checks and
// two hashes of every text) are work that other cores can do while it
// writes the batch before.
type BatchPutter interface {
	PutBatch(ctx context.Context, b Batch) (PutResult, error)
}

// BulkMaxStored is the size of store up to which the backends defer
// their indexes during an ingest: past it, rebuilding them could cost
// more than a small ingest saves.
const BulkMaxStored = 100_000

// PutResult counts what a PutDocuments call did.
type PutResult struct {
	Added     int `json:"added"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	// Renamed counts legacy documents that took the id of the record
	// they hold (store/identity.go); each is also counted as updated.
	Renamed int `json:"renamed,omitempty"`
}

// Changed is the number of documents added or updated.
func (r PutResult) Changed() int { return r.Added + r.Updated }

// DocQuery selects documents. Zero fields do not restrict.
type DocQuery struct {
	Outlet string
	Lang   string
	// From and To select documents dated at or after From and before To;
	// undated documents are left out when either is set.
	From, To time.Time
	// Text is a full-text search: every word must occur in the title or
	// text, case-insensitively. Words are runs of letters and digits; any
	// other character only separates them, so no query syntax is exposed.
	Text string
	// IDs restricts to these documents.
	IDs []string
	// Limit caps the number returned (0: no cap). Offset skips that many
	// first. After is the ID of the last document of the previous page:
	// only documents ordered after it are returned (keyset paging, fast at
	// any depth; an unknown ID gives ErrNotFound).
	Limit  int
	Offset int
	After  string
	// Desc reverses the order: newest first, undated documents before
	// all dated ones (set From or To to leave them out). After then
	// continues towards older documents.
	Desc bool
}

// NoDate is the date_us of undated documents: larger than any real date, so
// that they sort last.
const NoDate int64 = math.MaxInt64

// DateMicros is the sort key of a document date: microseconds since 1970 in
// UTC, or NoDate when the date is missing or unreadable.
func DateMicros(d string) int64 {
	t, ok := doc.ParseDate(d)
	if !ok {
		return NoDate
	}
	return t.UnixMicro()
}

// TimeMicros is the sort key of a query bound (From, To).
func TimeMicros(t time.Time) int64 { return t.UnixMicro() }

// Record is a document as a backend stores it: its fields plus what the
// store derives from them.
type Record struct {
	Doc         doc.Document
	Regions     string // JSON, "" when there are none
	Extra       string // JSON, "" when there is none
	DateMicros  int64
	Bytes       int
	ContentHash string // doc.ContentHash(Text)
	RecordHash  string // over every field: equal hashes mean nothing changed
}

// NewRecord checks a document and derives what the store keeps with it.
func NewRecord(d doc.Document) (Record, error) {
	if err := Check(d); err != nil {
		return Record{}, err
	}
	r := Record{Doc: d, DateMicros: DateMicros(d.Date), Bytes: len(d.Text), ContentHash: doc.ContentHash(d.Text)}
	if len(d.Regions) > 0 {
		b, err := json.Marshal(d.Regions)
		if err != nil {
			return Record{}, fmt.Errorf("regions: %w", err)
		}
		r.Regions = string(b)
	}
	if len(d.Extra) > 0 {
		b, err := json.Marshal(d.Extra)
		if err != nil {
			return Record{}, fmt.Errorf("extra fields: %w", err)
		}
		r.Extra = string(b)
	}
	r.RecordHash = recordHash(d, r.Regions, r.Extra)
	return r, nil
}

// recordHash is the hash of a document's stored form: each field as its
// length in decimal, a colon and the field. It covers the stored form,
// so a document read back and put again hashes the same even where JSON
// changed a value's Go type (an int in Extra comes back as a float64).
//
// The fields go through one reused buffer rather than fmt: a store's
// writer makes the records of a batch on its one core, and at a million
// documents fmt's copy of every text into its own buffer was a third of
// the records' cost.
func recordHash(d doc.Document, regions, extra string) string {
	h := sha256.New()
	var buf [4096]byte
	b := buf[:0]
	for _, f := range [...]string{d.ID, d.Path, strconv.Itoa(d.Line), d.Series, d.Title, d.Outlet, d.Author,
		d.URL, d.Lang, d.Date, d.Text, regions, extra} {
		b = append(strconv.AppendInt(b, int64(len(f)), 10), ':')
		for len(f) > 0 {
			if len(b) == cap(b) {
				h.Write(b)
				b = b[:0]
			}
			n := copy(b[len(b):cap(b)], f)
			b, f = b[:len(b)+n], f[n:]
		}
		if cap(b)-len(b) < 32 {
			h.Write(b)
			b = b[:0]
		}
	}
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// MaxTextBytes is the longest text stored: what both SQLite (its default
// SQLITE_MAX_LENGTH) and PostgreSQL (1 GB per field) accept.
const MaxTextBytes = 1_000_000_000

// Check reports why a document cannot be stored: it has no ID, or a field
// is not valid UTF-8 or holds a NUL byte (which PostgreSQL text refuses;
// both backends refuse it alike so that a corpus moves between them).
func Check(d doc.Document) error {
	if strings.TrimSpace(d.ID) == "" {
		return errors.New("document has no id")
	}
	for _, f := range []struct{ name, value string }{
		{"id", d.ID}, {"path", d.Path}, {"series", d.Series}, {"title", d.Title}, {"outlet", d.Outlet},
		{"author", d.Author}, {"url", d.URL}, {"lang", d.Lang}, {"date", d.Date}, {"text", d.Text},
	} {
		if !utf8.ValidString(f.value) {
			return fmt.Errorf("%s is not valid UTF-8", f.name)
		}
		if i := strings.IndexByte(f.value, 0); i >= 0 {
			return fmt.Errorf("%s holds a NUL byte at offset %d", f.name, i)
		}
	}
	if len(d.Text) > MaxTextBytes {
		return fmt.Errorf("text of %d bytes is longer than the %d a database field holds", len(d.Text), MaxTextBytes)
	}
	if d.Line < 0 || d.Line > math.MaxInt32 {
		return fmt.Errorf("line number %d out of range", d.Line)
	}
	for i, r := range d.Regions {
		if r.Begin < 0 || r.End < r.Begin || r.End > len(d.Text) {
			return fmt.Errorf("region %d [%d,%d) lies outside the text (%d bytes)", i, r.Begin, r.End, len(d.Text))
		}
	}
	return nil
}

// DecodeRecord fills the JSON fields of a document read back from a
// backend. The error names the document.
func DecodeRecord(d *doc.Document, regions, extra string) error {
	if regions != "" {
		if rs, ok := regionsJSON(regions); ok {
			d.Regions = rs
		} else if err := json.Unmarshal([]byte(regions), &d.Regions); err != nil {
			return fmt.Errorf("document %q: stored regions: %w", d.ID, err)
		}
	}
	if extra != "" {
		if err := json.Unmarshal([]byte(extra), &d.Extra); err != nil {
			return fmt.Errorf("document %q: stored extra fields: %w", d.ID, err)
		}
	}
	return nil
}

// regionsJSON reads regions as EncodeRecord writes them (json.Marshal:
// `[{"kind":"caption","begin":2,"end":9,"note":"..."}]`, no spaces, the
// fields in that order, the note only when there is one), giving what
// json.Unmarshal would; ok is false for any other text, which
// json.Unmarshal then reads. Every later stage reads every document's
// regions back, and encoding/json's reflection and a copy of the text
// were most of what reading a document's fields cost besides its text.
// A string of the result is part of s, or one of the known kinds.
func regionsJSON(s string) (rs []doc.Region, ok bool) {
	p := jsonText{s: s}
	if !p.lit("[") {
		return nil, false
	}
	rs = make([]doc.Region, 0, strings.Count(s, "{"))
	if p.lit("]") {
		return rs, p.s == ""
	}
	for {
		var r doc.Region
		var kind string
		if !p.lit(`{"kind":`) || !p.str(&kind) || !p.lit(`,"begin":`) || !p.int(&r.Begin) || !p.lit(`,"end":`) || !p.int(&r.End) {
			return nil, false
		}
		r.Kind = knownRegionKind(kind)
		if p.lit(`,"note":`) && !p.str(&r.Note) {
			return nil, false
		}
		if !p.lit("}") {
			return nil, false
		}
		rs = append(rs, r)
		if p.lit("]") {
			return rs, p.s == ""
		}
		if !p.lit(",") {
			return nil, false
		}
	}
}

// knownRegionKind is kind, as the constant when it is one of doc's.
func knownRegionKind(kind string) doc.RegionKind {
	for _, k := range []doc.RegionKind{doc.RegionBoilerplate, doc.RegionCaption, doc.RegionComment, doc.RegionHint} {
		if kind == string(k) {
			return k
		}
	}
	return doc.RegionKind(kind)
}

// jsonText is what is left to read of a JSON text of regionsJSON.
type jsonText struct{ s string }

// lit reads lit when the text goes on with it.
func (p *jsonText) lit(lit string) bool {
	if !strings.HasPrefix(p.s, lit) {
		return false
	}
	p.s = p.s[len(lit):]
	return true
}

// str reads a string of no escapes and no control characters, in valid
// UTF-8 (json.Unmarshal would replace a bad byte): nothing to undo.
func (p *jsonText) str(v *string) bool {
	if !p.lit(`"`) {
		return false
	}
	for i := 0; i < len(p.s); i++ {
		switch c := p.s[i]; {
		case c == '"':
			if !utf8.ValidString(p.s[:i]) {
				return false
			}
			*v, p.s = p.s[:i], p.s[i+1:]
			return true
		case c == '\\' || c < 0x20:
			return false
		}
	}
	return false
}

// int reads an integer as JSON writes it (an optional minus, no leading
// zero), of at most 18 digits so that it cannot overflow.
func (p *jsonText) int(v *int) bool {
	i, neg := 0, false
	if strings.HasPrefix(p.s, "-") {
		i, neg = 1, true
	}
	start := i
	n := 0
	for i < len(p.s) && p.s[i] >= '0' && p.s[i] <= '9' {
		n = n*10 + int(p.s[i]-'0')
		i++
	}
	digits := i - start
	if digits == 0 || digits > 18 || digits > 1 && p.s[start] == '0' {
		return false
	}
	if i < len(p.s) && (p.s[i] == '.' || p.s[i] == 'e' || p.s[i] == 'E') {
		return false
	}
	if neg {
		n = -n
	}
	*v, p.s = n, p.s[i:]
	return true
}

// Rejection is one document that PutDocuments did not store, and why.
type Rejection struct {
	ID   string
	Path string
	Line int
	Err  error
}

func (r Rejection) Error() string {
	loc := r.Path
	if loc == "" {
		loc = "(no path)"
	}
	if r.Line > 0 {
		loc = fmt.Sprintf("%s:%d", loc, r.Line)
	}
	return fmt.Sprintf("%s: document %q not stored: %v", loc, r.ID, r.Err)
}

func (r Rejection) Unwrap() error { return r.Err }

// RejectedError lists the documents of a batch that were not stored; the
// rest of the batch was.
type RejectedError struct {
	Rejected []Rejection
}

func (e *RejectedError) Error() string {
	if len(e.Rejected) == 1 {
		return e.Rejected[0].Error()
	}
	return fmt.Sprintf("%d documents not stored; first: %v", len(e.Rejected), e.Rejected[0])
}

// Batch is documents made ready for storing, in order: the records of
// those that can be stored and the rejections of the rest.
type Batch struct {
	Records  []Record
	Rejected []Rejection
}

// NewBatch makes the batch of docs.
func NewBatch(docs []doc.Document) Batch {
	b := Batch{Records: make([]Record, 0, len(docs))}
	for _, d := range docs {
		r, err := NewRecord(d)
		b.Add(d, r, err)
	}
	return b
}

// Add appends document d with what NewRecord(d) returned, made
// elsewhere: its record, or the error that rejects it.
func (b *Batch) Add(d doc.Document, r Record, err error) {
	if err != nil {
		b.Rejected = append(b.Rejected, Rejection{ID: d.ID, Path: d.Path, Line: d.Line, Err: err})
		return
	}
	b.Records = append(b.Records, r)
}

// Err is the batch's rejections as a *RejectedError, nil when there are
// none.
func (b Batch) Err() error {
	if len(b.Rejected) == 0 {
		return nil
	}
	return &RejectedError{Rejected: b.Rejected}
}
