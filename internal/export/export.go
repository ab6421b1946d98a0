package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/echotrace/echotrace/internal/store"
)

// Format is a form of export.
type Format string

// The formats.
const (
	CSV     Format = "csv"
	JSONL   Format = "jsonl"
	GEXF    Format = "gexf"
	GraphML Format = "graphml"
)

// Formats are the formats known, in the order help texts name them.
var Formats = []Format{CSV, JSONL, GEXF, GraphML}

// ParseFormat checks the name of a format.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown export format %q: want %s or %s", s, strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
}

// Files are the files a format writes into the output folder.
func Files(f Format) []string {
	switch f {
	case CSV:
		return []string{"documents.csv", "relations.csv", "passages.csv", "quotes.csv", "entities.csv", "stories.csv"}
	case JSONL:
		return []string{"documents.jsonl"}
	case GEXF:
		return []string{"reuse.gexf", "quotes.gexf"}
	case GraphML:
		return []string{"reuse.graphml", "quotes.graphml"}
	}
	return nil
}

// File is one file written, with the number of records in it (rows of a
// table, lines of JSONL, nodes and edges of a graph).
type File struct {
	Name  string `json:"name"`
	Rows  int64  `json:"rows,omitempty"`
	Nodes int64  `json:"nodes,omitempty"`
	Edges int64  `json:"edges,omitempty"`
}

// Summary is what an export wrote.
type Summary struct {
	Format    Format `json:"format"`
	Dir       string `json:"dir"`
	Documents int64  `json:"documents"` // documents selected
	Files     []File `json:"files"`
}

// Write exports the documents a filter selects, and the results about
// them, in format f into the folder dir (created when missing). Each file
// is written beside its final name and renamed into place when complete,
// so a failed export leaves no half-written file under a final name.
func Write(ctx context.Context, st store.Store, f Format, dir string, filter Filter) (Summary, error) {
	sum := Summary{Format: f, Dir: dir}
	sel, err := newSelection(ctx, st, filter)
	if err != nil {
		return sum, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return sum, fmt.Errorf("export: %w", err)
	}
	writers := map[string]func(context.Context, io.Writer, *selection) (File, error){}
	switch f {
	case CSV:
		writers = csvTables
	case JSONL:
		writers = map[string]func(context.Context, io.Writer, *selection) (File, error){"documents.jsonl": writeJSONL}
	case GEXF, GraphML:
		writers = map[string]func(context.Context, io.Writer, *selection) (File, error){
			"reuse." + string(f): func(ctx context.Context, w io.Writer, sel *selection) (File, error) {
				return writeReuseGraph(ctx, newGraphWriter(f, w), sel)
			},
			"quotes." + string(f): func(ctx context.Context, w io.Writer, sel *selection) (File, error) {
				return writeQuoteGraph(ctx, newGraphWriter(f, w), sel)
			},
		}
	default:
		return sum, fmt.Errorf("export: unknown format %q", f)
	}
	for _, name := range Files(f) {
		file, err := writeFile(ctx, filepath.Join(dir, name), func(w io.Writer) (File, error) { return writers[name](ctx, w, sel) })
		if err != nil {
			return sum, fmt.Errorf("export %s: %w", name, err)
		}
		file.Name = name
		sum.Files = append(sum.Files, file)
	}
	sum.Documents = sel.count
	return sum, nil
}

// WriteGraph writes the reuse graph (quotes false) or the graph of
// speakers, quotes and outlets (quotes true) of the documents a filter
// selects to w, as GEXF or GraphML: what the server answers to
// /api/graph?format=gexf.
func WriteGraph(ctx context.Context, st store.Store, f Format, quotes bool, filter Filter, w io.Writer) (File, error) {
	if f != GEXF && f != GraphML {
		return File{}, fmt.Errorf("export: %s is not a graph format", f)
	}
	sel, err := newSelection(ctx, st, filter)
	if err != nil {
		return File{}, err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	var file File
	if quotes {
		file, err = writeQuoteGraph(ctx, newGraphWriter(f, bw), sel)
	} else {
		file, err = writeReuseGraph(ctx, newGraphWriter(f, bw), sel)
	}
	if err != nil {
		return file, err
	}
	return file, bw.Flush()
}

// writeFile writes path through a temporary file renamed into place.
func writeFile(ctx context.Context, path string, write func(io.Writer) (File, error)) (File, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.part")
	if err != nil {
		return File{}, err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	bw := bufio.NewWriterSize(tmp, 256<<10)
	file, err := write(bw)
	if err == nil {
		err = ctx.Err()
	}
	if err == nil {
		err = bw.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return file, err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return file, err
	}
	return file, os.Rename(tmp.Name(), path)
}
