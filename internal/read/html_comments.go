package read

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlComment is one reader comment or forum reply found on a page.
type htmlComment struct {
	ID     string
	Author string
	Date   string
	Text   string // paragraphs separated by blank lines
}

// commentToken matches a class name or element name that marks one
// comment: "comment", "comment-node", "c-comment", "comment_item",
// "shreddit-comment" and the like. Names that merely mention comments
// ("comment-count", "comments", "comment-form") do not match: those are
// links or containers, not comments.
var commentToken = regexp.MustCompile(`^(?:[a-z0-9]+[-_])?comment(?:[-_](?:node|item|wrapper|container|entry|thread|tree|card))?$`)

// commentID matches ids that number comments ("comment-123").
var commentID = regexp.MustCompile(`^comment[-_]?[0-9]+$`)

// isCommentElement reports whether n is (the wrapper of) one comment by
// its markup: schema.org Comment microdata, a custom element or class
// naming a comment, or a numbered comment id.
func isCommentElement(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if strings.Contains(strings.ToLower(attr(n, "itemtype")), "schema.org/comment") {
		return true
	}
	if n.DataAtom == 0 && commentToken.MatchString(strings.ToLower(n.Data)) {
		return true // custom elements such as <shreddit-comment>
	}
	for _, c := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		if commentToken.MatchString(c) {
			return true
		}
	}
	if id := strings.ToLower(attr(n, "id")); id != "" && commentID.MatchString(id) {
		return true
	}
	return false
}

// classHas reports whether a part of one of n's class names or of its
// itemprop ("comment-body" has the parts "comment" and "body") is one of
// the words. Whole parts are compared so that "md" does not match "mdc".
func classHas(n *html.Node, words ...string) bool {
	names := strings.FieldsFunc(strings.ToLower(attr(n, "class")+" "+attr(n, "itemprop")), func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '-' || r == '_'
	})
	for _, c := range names {
		for _, w := range words {
			if c == w {
				return true
			}
		}
	}
	return false
}

// extractComments finds the comments of a page, in document order, and
// detaches them from the tree so that the article extractor sees the post
// or article alone. A reply nested in a comment is a comment of its own;
// an element that only wraps another comment element is not counted
// twice.
func extractComments(root *html.Node) []htmlComment {
	var found []*html.Node
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if isCommentElement(n) {
			found = append(found, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(root)
	if len(found) == 0 {
		return nil
	}
	isMatch := map[*html.Node]bool{}
	for _, n := range found {
		isMatch[n] = true
	}
	nested := func(n *html.Node) bool { return isMatch[n] }

	var out []htmlComment
	for _, n := range found {
		c := commentOf(n, nested)
		if c.Text == "" {
			continue // a wrapper, a placeholder for a deleted comment, or a form
		}
		out = append(out, c)
	}
	// Detach outermost matches only: their descendants go with them.
	for _, n := range found {
		outer := true
		for p := n.Parent; p != nil; p = p.Parent {
			if isMatch[p] {
				outer = false
				break
			}
		}
		if outer && n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	return out
}

// commentOf reads one comment element: its body, author, date and id,
// leaving out the comments nested in it.
func commentOf(n *html.Node, nested func(*html.Node) bool) htmlComment {
	c := htmlComment{ID: firstNonEmpty(attr(n, "id"), attr(n, "data-comment-id"), attr(n, "thingid"))}
	var authorNode, timeNode *html.Node
	var bodies []*html.Node
	// meta says whether an element is a comment's header or footer matter
	// (author line, date, votes, reply links) rather than what it says.
	meta := func(m *html.Node) bool {
		return m == authorNode || m == timeNode ||
			classHas(m, "meta", "header", "footer", "tagline", "actions", "buttons", "reply", "vote", "votes", "score", "points", "likes", "permalink")
	}
	var rec func(*html.Node, bool)
	rec = func(m *html.Node, inMeta bool) {
		for k := m.FirstChild; k != nil; k = k.NextSibling {
			if k.Type != html.ElementNode || nested(k) {
				continue
			}
			switch {
			case authorNode == nil && (attr(k, "rel") == "author" || attr(k, "itemprop") == "author" ||
				classHas(k, "author", "username", "user", "nick", "nickname", "byline", "fn") || k.DataAtom == atom.Cite):
				authorNode = k
			case timeNode == nil && k.DataAtom == atom.Time:
				timeNode = k
			case !inMeta && (attr(k, "itemprop") == "text" || classHas(k, "body", "content", "text", "message", "md")):
				bodies = append(bodies, k)
			}
			rec(k, inMeta || meta(k))
		}
	}
	rec(n, false)
	if a := attr(n, "author"); a != "" { // custom elements carry it as an attribute
		c.Author = a
	} else if authorNode != nil {
		c.Author = strings.TrimSpace(inlineText(authorNode))
	}
	if timeNode != nil {
		c.Date = firstNonEmpty(attr(timeNode, "datetime"), inlineText(timeNode))
	} else {
		c.Date = firstNonEmpty(attr(n, "created-timestamp"), attr(n, "data-timestamp"))
	}
	skip := func(m *html.Node) bool { return m != n && (nested(m) || meta(m)) }
	// The innermost marked bodies hold the words; an outer "comment-body"
	// often wraps the header too.
	var paras []paragraph
	for _, b := range bodies {
		if !containsAny(b, bodies) {
			paras = append(paras, paragraphsOf(b, skip)...)
		}
	}
	if len(paras) == 0 {
		paras = paragraphsOf(n, skip)
	}
	texts := make([]string, 0, len(paras))
	for _, p := range paras {
		texts = append(texts, p.text)
	}
	c.Text = strings.Join(texts, "\n\n")
	return c
}

// containsAny reports whether one of the nodes other than n lies inside n.
func containsAny(n *html.Node, nodes []*html.Node) bool {
	for _, m := range nodes {
		if m == n {
			continue
		}
		for p := m.Parent; p != nil; p = p.Parent {
			if p == n {
				return true
			}
		}
	}
	return false
}
