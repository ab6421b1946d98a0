package read

import (
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockElements end a paragraph where they start and where they end. The
// text between two of them, with inline markup flattened, is one
// paragraph of the document.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Thead: true, atom.Tbody: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Main: true,
	atom.Figure: true, atom.Figcaption: true, atom.Address: true, atom.Hr: true, atom.Form: true, atom.Fieldset: true,
	atom.Details: true, atom.Summary: true, atom.Body: true, atom.Html: true, atom.Caption: true, atom.Nav: true,
}

// skippedElements hold no readable text.
var skippedElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true,
	atom.Head: true, atom.Title: true, atom.Button: true, atom.Select: true, atom.Input: true, atom.Textarea: true,
}

// paragraph is one block of text found in a DOM subtree; caption says it
// came from a figure caption.
type paragraph struct {
	text    string
	caption bool
}

// paragraphWriter collects paragraphs while walking a DOM tree: inline
// white space collapses to one space, <br> becomes a line break inside the
// paragraph, and block elements start a new paragraph.
type paragraphWriter struct {
	out     []paragraph
	cur     strings.Builder
	space   bool // a space is pending before the next word
	caption int  // depth inside <figcaption>
	skip    func(*html.Node) bool
}

func (w *paragraphWriter) flush() {
	t := strings.TrimSpace(w.cur.String())
	// Trim the spaces left around line breaks by the collapsing.
	if strings.Contains(t, "\n") {
		lines := strings.Split(t, "\n")
		kept := lines[:0]
		for _, l := range lines {
			if l = strings.TrimSpace(l); l != "" {
				kept = append(kept, l)
			}
		}
		t = strings.Join(kept, "\n")
	}
	if t != "" {
		w.out = append(w.out, paragraph{text: t, caption: w.caption > 0})
	}
	w.cur.Reset()
	w.space = false
}

func (w *paragraphWriter) text(s string) {
	for _, r := range s {
		if unicode.IsSpace(r) {
			w.space = true
			continue
		}
		if w.space && w.cur.Len() > 0 {
			w.cur.WriteByte(' ')
		}
		w.space = false
		w.cur.WriteRune(r)
	}
}

// elementAtom is the atom of an element's tag, from its name. Nodes a
// parser makes carry the same in DataAtom, but nodes an extractor builds
// or renames do not: go-trafilatura's content tree holds p, td, li, br,
// blockquote ... with an empty DataAtom, or a span renamed "p" that keeps
// the atom of a span. Taking those for inline elements glues the words of
// two paragraphs or cells together. A name that is no HTML tag falls back
// to DataAtom.
func elementAtom(n *html.Node) atom.Atom {
	if n.Type != html.ElementNode {
		return n.DataAtom
	}
	if a := atom.Lookup([]byte(strings.ToLower(n.Data))); a != 0 {
		return a
	}
	return n.DataAtom
}

func (w *paragraphWriter) walk(n *html.Node) {
	a := elementAtom(n)
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		if skippedElements[a] || (w.skip != nil && w.skip(n)) {
			return
		}
		if a == atom.Br {
			w.cur.WriteByte('\n')
			w.space = false
			return
		}
		if a == atom.Pre {
			w.flush()
			w.cur.WriteString(strings.Trim(nodeText(n), "\n"))
			w.flush()
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && (blockElements[a] || a == 0 && n.Data == "list")
	if block {
		w.flush()
	}
	if a == atom.Figcaption {
		w.caption++
	}
	if a == atom.Td || a == atom.Th {
		w.space = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if block {
		w.flush()
	}
	if a == atom.Td || a == atom.Th {
		w.space = true
	}
	if a == atom.Figcaption {
		w.caption--
	}
}

// paragraphsOf returns the paragraphs of the subtree n, leaving out the
// elements skip accepts (nil skips nothing beyond scripts and the like).
func paragraphsOf(n *html.Node, skip func(*html.Node) bool) []paragraph {
	if n == nil {
		return nil
	}
	w := paragraphWriter{skip: skip}
	w.walk(n)
	w.flush()
	return w.out
}

// nodeText is all the text of a subtree, verbatim.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && skippedElements[elementAtom(n)] {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// inlineText is the text of a subtree with white space collapsed.
func inlineText(n *html.Node) string {
	var w paragraphWriter
	w.text(nodeText(n))
	return w.cur.String()
}

// attr is the value of an attribute, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// linksOf lists the distinct http(s) link targets in a subtree, resolved
// against base (nil leaves relative links as they are), in document order.
func linksOf(n *html.Node, base *url.URL, skip func(*html.Node) bool) []string {
	var out []string
	seen := map[string]bool{}
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if skip != nil && skip(n) {
				return
			}
			if n.DataAtom == atom.A {
				if href := strings.TrimSpace(attr(n, "href")); href != "" {
					if u, err := url.Parse(href); err == nil {
						if base != nil {
							u = base.ResolveReference(u)
						}
						if (u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "") && !strings.HasPrefix(href, "#") {
							u.Fragment = ""
							if s := u.String(); s != "" && !seen[s] {
								seen[s] = true
								out = append(out, s)
							}
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return out
}
