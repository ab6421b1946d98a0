package server

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/testutil"
)

// chromium finds the browser: $ECHOTRACE_CHROMIUM (set by .ci/run), else
// a chromium or chrome on the PATH; the test is skipped without one.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("ECHOTRACE_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
		t.Fatalf("ECHOTRACE_CHROMIUM=%s does not exist", p)
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium found (set ECHOTRACE_CHROMIUM or install Debian's chromium): browser tests skipped")
	return ""
}

// browser starts a headless Chromium with a fresh profile that talks to
// nothing but the test server, and returns a tab's context.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := chromium(t)
	profile := t.TempDir()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.UserDataDir(profile),
		// Chromium keeps shared-memory and crash files in TMPDIR, outside
		// the profile: point it into the profile so the test's cleanup
		// removes them too.
		chromedp.Env("TMPDIR="+profile),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
	})
	// The first run starts the browser; it must not carry a timeout.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}

// step runs actions with a time limit, so that a page that never shows
// what is awaited fails the test instead of hanging it.
func step(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(sctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	// A click that navigates returns when the new page's first element
	// shows, while Chromium may still be parsing the rest of it (the
	// quotes and entities after a long text): the checks that follow
	// wait for the whole page, or they fail on a slow machine.
	if _, err := chromedp.Run(sctx, chromedp.Poll[chromedp.Void](`document.readyState === "complete"`, chromedp.WithPollingInterval(20*time.Millisecond))); err != nil {
		t.Fatalf("%s: the page did not finish loading: %v", what, err)
	}
}

// eval evaluates a script in the page.
func eval[T any](t *testing.T, ctx context.Context, script string) T {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(sctx, chromedp.Evaluate[T](script))
	if err != nil {
		t.Fatalf("evaluating %s: %v", script, err)
	}
	return v
}

// shotDir is where screenshots go: the test's temporary folder, or
// $ECHOTRACE_SCREENSHOTS to keep them for a look.
func shotDir(t *testing.T) string {
	if d := os.Getenv("ECHOTRACE_SCREENSHOTS"); d != "" {
		dir := filepath.Join(d, t.Name())
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.TempDir()
}

// screenshot saves the whole page as PNG.
func screenshot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(sctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if len(png) < 8 || string(png[1:4]) != "PNG" {
		t.Fatalf("screenshot %s is not a PNG", name)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// load opens a page and waits for its main element.
func load(t *testing.T, ctx context.Context, u string) {
	t.Helper()
	step(t, ctx, "load "+u, chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS("main")))
}

// location is the tab's URL path and query.
func location(t *testing.T, ctx context.Context) string {
	t.Helper()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatal(err)
	}
	return u.RequestURI()
}

// TestBrowserWalk loads every page of the example corpus in Chromium and
// clicks from the overview to a document, to side by side, to the
// provenance graph and on through one of its nodes, saving screenshots.
func TestBrowserWalk(t *testing.T) {
	f := newFixture(t, Options{}, newsroom(t))
	ids := realIDs(t, f)
	ctx := browser(t)
	dir := shotDir(t)

	pages := map[string]string{
		"overview":   "/",
		"documents":  "/documents",
		"document":   docHref(ids["doc"]),
		"compare":    compareHref(ids["a"], ids["b"]),
		"provenance": "/provenance",
		"pairs":      "/pairs",
		"quotes":     "/quotes",
		"entities":   "/entities",
		"stories":    "/stories",
		"search":     "/search?q=" + url.QueryEscape(ids["q"]),
	}
	if ids["quote"] != "" {
		pages["quote"] = quoteHref(ids["quote"])
	}
	if ids["story"] != "" {
		pages["story"] = "/stories/" + url.PathEscape(ids["story"])
	}
	for name, path := range pages {
		load(t, ctx, f.ts.URL+path)
		if title := eval[string](t, ctx, "document.title"); !strings.HasSuffix(title, "echotrace") {
			t.Errorf("%s: title %q", name, title)
		}
		// The style sheet applied: the header bar is dark.
		if bg := eval[string](t, ctx, `getComputedStyle(document.querySelector("header.top")).backgroundColor`); bg == "rgba(0, 0, 0, 0)" {
			t.Errorf("%s: the style sheet did not apply", name)
		}
		screenshot(t, ctx, dir, "page-"+name)
	}

	// Overview → the first document of the strongest relation.
	load(t, ctx, f.ts.URL+"/")
	step(t, ctx, "open a document from the overview",
		chromedp.Click(chromedp.CSS("#strongest tbody tr td:nth-child(2) a"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.CSS("#text")))
	if loc := location(t, ctx); !strings.HasPrefix(loc, "/documents/") {
		t.Fatalf("after clicking a document: at %s", loc)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#text .reuse").length`); n == 0 {
		t.Error("the document shows no reused passage")
	}
	// Its quotes say their kind, and a claim, reported speech, is not
	// wrapped in quotation marks.
	if n := eval[int](t, ctx, `document.querySelectorAll("#doc-quotes li .kind").length`); n == 0 {
		t.Error("the document's quotes say no kind")
	}
	if bad := eval[string](t, ctx, `[...document.querySelectorAll("#doc-quotes li.kind-claim a")].map(a => a.textContent).filter(t => /^[“"]/.test(t)).join(" | ")`); bad != "" {
		t.Errorf("claims shown in quotation marks: %s", bad)
	}
	// Each entity once, with its number of mentions.
	names := eval[[]string](t, ctx, `[...document.querySelectorAll("#doc-entities li a")].map(a => a.textContent)`)
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			t.Errorf("entity %q listed twice on the document page", n)
		}
		seen[n] = true
	}
	if len(names) == 0 {
		t.Error("the document page lists no entity")
	}
	screenshot(t, ctx, dir, "walk-1-document")

	// Document → side by side with the first linked document.
	step(t, ctx, "open side by side",
		chromedp.Click(chromedp.CSS("#legend a.compare"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.CSS("#compare")))
	if n := eval[int](t, ctx, `document.querySelectorAll("#compare tr.passage").length`); n == 0 {
		t.Error("side by side shows no passage")
	}
	screenshot(t, ctx, dir, "walk-2-compare")

	// Side by side → provenance.
	step(t, ctx, "open provenance",
		chromedp.Click(chromedp.CSS("#provenance-link"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.CSS("#graph")))
	nodes := eval[int](t, ctx, `document.querySelectorAll("#graph a.node").length`)
	edges := eval[int](t, ctx, `document.querySelectorAll("#graph path.edge").length`)
	if nodes < 2 || edges < 1 {
		t.Errorf("provenance graph has %d nodes and %d edges", nodes, edges)
	}
	screenshot(t, ctx, dir, "walk-3-provenance")

	// A node of the graph leads to its document.
	step(t, ctx, "click a graph node",
		chromedp.Click(chromedp.CSS("#graph a.node:not(.focus) rect"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.CSS("#text")))
	if loc := location(t, ctx); !strings.HasPrefix(loc, "/documents/") {
		t.Errorf("after clicking a graph node: at %s", loc)
	}
	t.Logf("screenshots in %s", dir)
}

// Payloads that must show as text and never run: each would set a global
// and the page title if a browser executed it.
const (
	scriptPayload = `<script>window.__pwned="script";document.title="pwned"</script>`
	imgPayload    = `<img src=x onerror="window.__pwned='img';document.title='pwned'">`
	attrPayload   = `"><svg onload="window.__pwned='svg'">`
)

// TestBrowserHostileText ingests documents whose titles, text, outlets and
// URLs carry script payloads, loads every page that shows them in
// Chromium, and checks that nothing ran and no element was injected.
func TestBrowserHostileText(t *testing.T) {
	f := newFixture(t, Options{})
	shared := "The harbour authority confirmed on Monday that the old grain pier will close for repairs over the winter, " +
		"and that fishing boats will moor at the ferry quay until the work is finished in spring. " +
		"\u201cWe have no choice but to close it " + scriptPayload + " before the storms,\u201d said Mara Lindqvist, the harbour master. "
	docs := []doc.Document{
		{ID: "hostile-a", Title: "Pier closes " + scriptPayload, Outlet: "Gazette " + imgPayload, Date: "2022-10-03",
			URL: "javascript:window.__pwned='url'", Text: shared + imgPayload + " More to follow " + attrPayload},
		{ID: "hostile-b", Title: "Grain pier shut " + attrPayload, Outlet: "Courier", Date: "2022-10-04",
			Text: "From the wire: " + shared + "Residents said " + scriptPayload + " they had expected it."},
	}
	putDocs(t, f.st, docs...)
	ctx := browser(t)
	dir := shotDir(t)
	pages := []string{
		"/", "/documents", docHref("hostile-a"), docHref("hostile-b"),
		compareHref("hostile-a", "hostile-b"), "/provenance?doc=hostile-a", "/provenance", "/pairs",
		"/quotes", "/entities", "/stories", "/search?q=pier", "/documents?q=" + url.QueryEscape(scriptPayload),
	}
	if qs := items(t, f.getJSON(t, "/api/quotes?limit=1")); len(qs) > 0 {
		pages = append(pages, quoteHref(qs[0]["quote"].(string)))
	}
	if ss := items(t, f.getJSON(t, "/api/stories?limit=1")); len(ss) > 0 {
		pages = append(pages, "/stories/"+url.PathEscape(ss[0]["id"].(string)))
	}
	for i, p := range pages {
		load(t, ctx, f.ts.URL+p)
		ran := eval[string](t, ctx, `String(window.__pwned)`)
		title := eval[string](t, ctx, `document.title`)
		injected := eval[int](t, ctx, `document.querySelectorAll("main script, main img, main svg:not(#graph):not(.timeline):not(.outlets), [onerror], [onload]").length`)
		// A payload that ran would have set the title to exactly "pwned";
		// the escaped payload text may well be part of a real title.
		if ran != "undefined" || title == "pwned" || injected != 0 {
			t.Errorf("%s: payload ran or was injected: __pwned=%s title=%q injected elements=%d", p, ran, title, injected)
		}
		screenshot(t, ctx, dir, fmt.Sprintf("hostile-%02d", i))
	}
	// The payload is shown as the text it is.
	load(t, ctx, f.ts.URL+docHref("hostile-a"))
	if text := eval[string](t, ctx, `document.getElementById("text").textContent`); !strings.Contains(text, scriptPayload) {
		t.Error("the document text does not show the payload as text")
	}
	if h := eval[string](t, ctx, `document.getElementById("doc-title").textContent`); !strings.Contains(h, "<script>") {
		t.Errorf("title shown as %q", h)
	}
	// The javascript: URL is not a live link.
	if n := eval[int](t, ctx, `Array.from(document.querySelectorAll("a")).filter(a => a.href.startsWith("javascript:")).length`); n != 0 {
		t.Errorf("%d javascript: links on the page", n)
	}
}

// TestBrowserSeeds serves the shared seed articles and walks their pages.
func TestBrowserSeeds(t *testing.T) {
	seeds := testutil.Shared(t, "corpus/seeds")
	f := newFixture(t, Options{}, seeds)
	ctx := browser(t)
	dir := shotDir(t)
	docs := items(t, f.getJSON(t, "/api/documents?limit=50"))
	if len(docs) == 0 {
		t.Fatal("no seed documents stored")
	}
	load(t, ctx, f.ts.URL+"/")
	screenshot(t, ctx, dir, "overview")
	for i, d := range docs {
		load(t, ctx, f.ts.URL+docHref(d["id"].(string)))
		screenshot(t, ctx, dir, fmt.Sprintf("document-%02d", i))
	}
	pairs := items(t, f.getJSON(t, "/api/pairs?limit=5"))
	for i, p := range pairs {
		load(t, ctx, f.ts.URL+compareHref(p["a"].(string), p["b"].(string)))
		if n := eval[int](t, ctx, `document.querySelectorAll("#compare tr.passage").length`); n == 0 {
			t.Errorf("pair %v–%v: no passage side by side", p["a"], p["b"])
		}
		screenshot(t, ctx, dir, fmt.Sprintf("compare-%02d", i))
		load(t, ctx, f.ts.URL+graphHref(p["a"].(string)))
		screenshot(t, ctx, dir, fmt.Sprintf("provenance-%02d", i))
	}
	t.Logf("screenshots in %s", dir)
}
