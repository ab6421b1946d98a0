package server

import (
	"bytes"
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserSpreadPages loads the pages that tell how a story spread and
// what was said, in Chromium, and checks what a reader sees: the
// narratives list with paging, a story's first publisher, chart, graph,
// quotes and entities, a quote's occurrences oldest first with links into
// the text, an entity's documents under its display name, the provenance
// graph's boxes and arrowheads, and an upload's progress page.
func TestBrowserSpreadPages(t *testing.T) {
	const token = "s3cret"
	f := newFixture(t, Options{WriteToken: token}, newsroom(t))
	ids := realIDs(t, f)
	ctx := browser(t)
	dir := shotDir(t)

	load(t, ctx, f.ts.URL+"/narratives?limit=2")
	if n := eval[int](t, ctx, `document.querySelectorAll("#narratives tbody tr").length`); n != 2 {
		t.Errorf("narratives page shows %d rows, want 2", n)
	}
	if txt := eval[string](t, ctx, `document.querySelector("p.pager").textContent`); !strings.Contains(txt, "1–2 of") || !strings.Contains(txt, "Next page") {
		t.Errorf("narratives pager %q", txt)
	}
	screenshot(t, ctx, dir, "narratives")
	step(t, ctx, "next page of narratives", chromedp.Click(chromedp.CSS("p.pager a.next"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.CSS("p.pager a.prev")))

	if ids["story"] == "" {
		t.Fatal("the example corpus has no story")
	}
	// The story with most documents tells most.
	var stories struct {
		Items []struct {
			ID        string
			Documents []string
		}
	}
	_, body, _ := f.get(t, "/api/stories?limit=500")
	if err := json.Unmarshal(body, &stories); err != nil {
		t.Fatal(err)
	}
	best := stories.Items[0]
	for _, s := range stories.Items {
		if len(s.Documents) > len(best.Documents) {
			best = s
		}
	}
	load(t, ctx, f.ts.URL+"/stories/"+url.PathEscape(best.ID))
	if txt := eval[string](t, ctx, `(document.getElementById("first-publisher")||{}).textContent||""`); !strings.Contains(txt, "First published by") {
		t.Errorf("story page: no first publisher (%q)", txt)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("svg.outlets rect").length`); n == 0 {
		t.Error("story page: no timeline chart")
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("svg.outlets text.tick").length`); n < 2 {
		t.Errorf("story page: the chart has %d axis labels", n)
	}
	// Headed by the story's headline; its entities and terms are said
	// under it, not strung into the heading.
	if h := eval[string](t, ctx, `document.getElementById("story-heading").textContent`); h == "" || strings.Contains(h, " · ") {
		t.Errorf("story heading %q: want the headline alone", h)
	}
	if txt := eval[string](t, ctx, `(document.getElementById("story-about")||{}).textContent||""`); !strings.HasPrefix(txt, "About ") {
		t.Errorf("story page: no line of what it is about (%q)", txt)
	}
	// Every day of a timeline of a few days has its date under it.
	days := eval[int](t, ctx, `new Set([...document.querySelectorAll("svg.outlets rect")].map(r => r.getAttribute("x"))).size`)
	if ticks := eval[int](t, ctx, `[...document.querySelectorAll("svg.outlets text.tick")].filter(t => /[A-Z][a-z][a-z] \d/.test(t.textContent)).length`); ticks < days {
		t.Errorf("story page: %d days with documents but %d date labels", days, ticks)
	}
	screenshot(t, ctx, dir, "story")

	if ids["narrative"] != "" {
		load(t, ctx, f.ts.URL+"/narratives/"+url.PathEscape(ids["narrative"]))
		if n := eval[int](t, ctx, `document.querySelectorAll("#narrative-stories li").length`); n == 0 {
			t.Error("narrative page lists no stories")
		}
		screenshot(t, ctx, dir, "narrative")
	}

	// A quote: counts, occurrences oldest first, each with a link to its
	// place in the document, which the document page has.
	if ids["quote"] != "" {
		load(t, ctx, f.ts.URL+quoteHref(ids["quote"]))
		if txt := eval[string](t, ctx, `document.getElementById("quote-counts").textContent`); !regexp.MustCompile(`\d+ documents? from \d+ outlets?`).MatchString(txt) {
			t.Errorf("quote counts %q", txt)
		}
		dates := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#occurrences tbody tr td:first-child")).map(td => td.textContent)`)
		for i := 1; i < len(dates); i++ {
			if dates[i] != "" && dates[i-1] != "" && dates[i] < dates[i-1] {
				t.Errorf("occurrences not oldest first: %v", dates)
			}
		}
		screenshot(t, ctx, dir, "quote")
		step(t, ctx, "follow a quote into the text", chromedp.Click(chromedp.CSS("#occurrences a.place"), chromedp.NodeVisible),
			chromedp.WaitVisible(chromedp.CSS("#text")))
		if found := eval[bool](t, ctx, `!!document.getElementById(location.hash.slice(1))`); !found {
			t.Errorf("the document page has no place %s", location(t, ctx))
		}
	}
	// The quotes list has a kind column and claims without quotation marks.
	load(t, ctx, f.ts.URL+"/quotes?kind=claim")
	if txts := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#quotes tbody tr td:nth-child(2)")).map(td => td.textContent)`); len(txts) > 0 {
		for _, s := range txts {
			if strings.HasPrefix(s, "“") {
				t.Errorf("a claim shown in quotation marks: %q", s)
			}
		}
	}

	// An entity: its display name, not its id, and its documents.
	ents := items(t, f.getJSON(t, "/api/entities?type=person&limit=1"))
	if len(ents) > 0 {
		load(t, ctx, f.ts.URL+entityHref(ents[0]["entity"].(string)))
		if h := eval[string](t, ctx, `document.getElementById("entity-name").textContent`); h != ents[0]["name"] || strings.Contains(h, "/") {
			t.Errorf("entity heading %q, want the display name %q", h, ents[0]["name"])
		}
		if n := eval[int](t, ctx, `document.querySelectorAll("#entity-docs tbody tr").length`); n == 0 {
			t.Error("entity page lists no documents")
		}
		screenshot(t, ctx, dir, "entity")
	}

	// The provenance graph: outlet and date in boxes, the full title on
	// hover, arrowheads at the copy's box.
	load(t, ctx, f.ts.URL+graphHref(ids["a"]))
	if n := eval[int](t, ctx, `Array.from(document.querySelectorAll("#graph a.node")).filter(a => a.querySelector("title").textContent.length > 0 && a.querySelector("text.sub")).length`); n < 2 {
		t.Errorf("%d graph boxes carry a full title and a date line", n)
	}
	screenshot(t, ctx, dir, "provenance")

	// An upload in the background: its page follows it to the end.
	status, resp, _ := f.do(t, "POST", "/api/documents", "application/json",
		bytes.NewReader([]byte(`{"id": "late-news", "title": "Late news", "text": "The ferry runs again from Monday, the harbour office said."}`)), token)
	if status != 202 {
		t.Fatalf("upload: status %d: %s", status, resp)
	}
	job := waitUpload(t, f, resp)
	load(t, ctx, f.ts.URL+job["page_url"].(string))
	if txt := eval[string](t, ctx, `document.getElementById("upload-state").textContent`); !strings.HasPrefix(txt, "Done") {
		t.Errorf("upload page says %q", txt)
	}
	screenshot(t, ctx, dir, "upload")
}
