package export

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"sort"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store"
)

// jsonlPassage is a passage as one document of it sees it: its own byte
// range, the other document and the range there.
type jsonlPassage struct {
	Begin       int     `json:"begin"`
	End         int     `json:"end"`
	Other       string  `json:"other"`
	OtherBegin  int     `json:"other_begin"`
	OtherEnd    int     `json:"other_end"`
	Tokens      int     `json:"tokens"`
	Identity    float64 `json:"identity"`
	Boilerplate bool    `json:"boilerplate,omitempty"`
}

// writeJSONL writes one document a line in passim's fields: id, series,
// date and text, then title, outlet, author, url and lang when known, the
// document's other source fields (Extra) as they came, and "passages", the
// passages it shares with other selected documents. echotrace ingest reads
// the file back (passages and unknown fields go to a document's extra
// fields); passim reads id, series, date and text and ignores the rest.
// series is the outlet when the document has no series of its own (passim
// aligns only documents of different series), and "" when it has neither.
func writeJSONL(ctx context.Context, w io.Writer, sel *selection) (File, error) {
	var file File
	var line bytes.Buffer
	err := sel.eachDocument(ctx, func(d doc.Document) error {
		ps, err := sel.st.Passages(ctx, store.PassageQuery{Doc: d.ID, IncludeBoilerplate: true})
		if err != nil {
			return err
		}
		passages := make([]jsonlPassage, 0, len(ps))
		for _, p := range ps {
			own, other := p.A, p.B
			if own.Doc != d.ID {
				own, other = other, own
			}
			if !sel.has(other.Doc) {
				continue
			}
			passages = append(passages, jsonlPassage{Begin: own.Begin, End: own.End, Other: other.Doc,
				OtherBegin: other.Begin, OtherEnd: other.End, Tokens: p.Tokens, Identity: p.Identity, Boilerplate: p.Boilerplate})
		}
		line.Reset()
		if err := encodeDocument(&line, d, passages); err != nil {
			return err
		}
		file.Rows++
		_, err = w.Write(line.Bytes())
		return err
	})
	return file, err
}

// encodeDocument writes one JSON object and a newline, its keys in a fixed
// order: passim's first.
func encodeDocument(b *bytes.Buffer, d doc.Document, passages []jsonlPassage) error {
	series := d.Series
	if series == "" {
		series = d.Outlet
	}
	fields := []struct {
		key   string
		value string
	}{{"series", series}, {"date", d.Date}, {"text", d.Text}, {"title", d.Title}, {"outlet", d.Outlet},
		{"author", d.Author}, {"url", d.URL}, {"lang", d.Lang}}
	written := map[string]bool{"id": true, "passages": true}
	b.WriteString(`{"id":`)
	if err := encodeValue(b, d.ID); err != nil {
		return err
	}
	for _, f := range fields {
		// text and series are always written (echotrace ingest needs the
		// one, passim the other: a column missing from every record would
		// be missing from its table); the others only when known, so that
		// an unreadable date kept among the extra fields is written as it
		// came.
		if f.value == "" && f.key != "text" && f.key != "series" {
			continue
		}
		written[f.key] = true
		if err := member(b, f.key, f.value); err != nil {
			return err
		}
	}
	keys := make([]string, 0, len(d.Extra))
	for k := range d.Extra {
		if !written[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := member(b, k, d.Extra[k]); err != nil {
			return err
		}
	}
	if err := member(b, "passages", passages); err != nil {
		return err
	}
	b.WriteString("}\n")
	return nil
}

// member writes ,"key":value.
func member(b *bytes.Buffer, key string, v any) error {
	b.WriteByte(',')
	if err := encodeValue(b, key); err != nil {
		return err
	}
	b.WriteByte(':')
	return encodeValue(b, v)
}

// encodeValue writes v as JSON without escaping <, > and & (text stays
// readable) and without a newline.
func encodeValue(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1) // Encode's newline
	return nil
}
