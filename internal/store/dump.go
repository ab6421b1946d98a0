package store

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/relate"
)

// dumpPage is how many passages or relations Dump reads at a time.
const dumpPage = 10000

// Dump writes a canonical text form of everything in a store: the
// versions, then every document in ingest order, then the reuse results in
// stored order, one JSON value a line. Two stores with the same content
// dump to the same bytes whatever the backend's internal numbering (ingest
// sequence numbers themselves are not written, only their order), which
// is what durability and concurrency tests compare.
func Dump(ctx context.Context, s Store, w io.Writer) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	var line DumpLine = func(kind string, v any) error {
		if _, err := bw.WriteString(kind + " "); err != nil {
			return err
		}
		return enc.Encode(v)
	}
	cv, err := s.Version(ctx)
	if err != nil {
		return err
	}
	rv, err := s.ReuseVersion(ctx)
	if err != nil {
		return err
	}
	if err := line("corpus_version", cv); err != nil {
		return err
	}
	if err := line("reuse_version", rv); err != nil {
		return err
	}
	if err := s.EachDocument(ctx, func(d doc.Document) error { return line("document", d) }); err != nil {
		return fmt.Errorf("dump documents: %w", err)
	}
	if err := dumpPages(line, "passage", func(off int) ([]relate.Passage, error) {
		return s.Passages(ctx, PassageQuery{IncludeBoilerplate: true, Limit: dumpPage, Offset: off})
	}); err != nil {
		return err
	}
	if err := dumpPages(line, "relation", func(off int) ([]relate.Relation, error) {
		return s.Relations(ctx, RelationQuery{Limit: dumpPage, Offset: off})
	}); err != nil {
		return err
	}
	cs, err := s.Chains(ctx)
	if err != nil {
		return fmt.Errorf("dump chains: %w", err)
	}
	for _, c := range cs {
		if err := line("chain", c); err != nil {
			return err
		}
	}
	for _, d := range topicDumps {
		if err := d.dump(ctx, s, line); err != nil {
			return fmt.Errorf("dump %s: %w", d.topic, err)
		}
	}
	return bw.Flush()
}

// DumpLine writes one record of a dump: its kind, then the value as JSON.
type DumpLine func(kind string, v any) error

// DumpFunc writes a topic's records to a dump, in a canonical order. A
// topic whose interface a store may lack checks for it and writes nothing
// when it is missing.
type DumpFunc func(ctx context.Context, s Store, line DumpLine) error

type topicDump struct {
	topic string
	dump  DumpFunc
}

// topicDumps are the registered topics' dump sections, in registration order.
var topicDumps []topicDump

// RegisterDump adds a topic's section to Dump, after the documents and
// reuse results. Topic files of this package call it from init.
func RegisterDump(topic string, dump DumpFunc) {
	topicDumps = append(topicDumps, topicDump{topic: topic, dump: dump})
}

// dumpPages writes the records fetch returns, a page of dumpPage at a time.
func dumpPages[T any](line DumpLine, kind string, fetch func(offset int) ([]T, error)) error {
	for off := 0; ; off += dumpPage {
		page, err := fetch(off)
		if err != nil {
			return fmt.Errorf("dump %ss: %w", kind, err)
		}
		for _, v := range page {
			if err := line(kind, v); err != nil {
				return err
			}
		}
		if len(page) < dumpPage {
			return nil
		}
	}
}
