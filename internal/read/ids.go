package read

import (
	"path/filepath"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
)

// Document identity. Two records are one document only when they are the
// same record of the same source; texts that are equal word for word but
// come from different sources (a wire story carried by two outlets) are
// two documents. So an id is the source's own id scoped by its source:
//
//   - a file holding one document: its path relative to the ingest root,
//     extension included ("siteA/index.html", "story.md");
//   - a feed item: the feed's own URL (else the file's id), "#", the
//     item's GUID (else its link, else its content hash);
//   - a WARC record: its WARC-Record-ID, else its target URI and date,
//     else the file's id, "#", its offset;
//   - a Telegram message: "telegram:", the chat id, ":", the message id;
//   - a JSONL record: its "id", else the file's id, "#", its line number;
//   - standard input, which has no name: "stdin:" and the content hash, so
//     that the same text read twice is recognised and nothing else is.
//
// The ingest root (Options.Root) is fixed by the caller (the command line
// uses its working directory), so ids do not depend on the directory
// named: ingesting "examples" and then "examples/newsroom" names each file
// once.

// HashID is the first 16 hex digits of a text's content hash.
func HashID(text string) string { return doc.ContentHash(text)[:16] }

// stdinID is the id of a document read from standard input.
func stdinID(text string) string { return "stdin:" + HashID(text) }

// RecordID is the id of a record that has no id of its own within a
// source of many records: the source's id, "#", and local (a line number,
// an offset, a GUID); for standard input, the content hash of text.
func RecordID(src Source, local, text string) string {
	if src.Name == "" {
		return stdinID(text)
	}
	return src.Name + "#" + local
}

// scopedID is the id of a record whose source gives it an id unique only
// within scope (a feed's GUIDs): scope, "#", local; without a scope, the
// source's RecordID.
func scopedID(scope string, src Source, local, text string) string {
	if scope = strings.TrimSpace(scope); scope != "" {
		return scope + "#" + local
	}
	return RecordID(src, local, text)
}

// fileID is the id of a file: its path relative to root (when root is
// empty, relative to dir, the directory the walk started from), with "/"
// separators and its extension. A path that cannot be made relative (on
// another volume) is given absolute.
func fileID(root, dir, p string) string {
	if root == "" {
		root = dir
	}
	absRoot, err1 := filepath.Abs(root)
	absP, err2 := filepath.Abs(p)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(absRoot, absP); err == nil {
			return filepath.ToSlash(rel)
		}
		return filepath.ToSlash(absP)
	}
	return filepath.ToSlash(filepath.Clean(p))
}
