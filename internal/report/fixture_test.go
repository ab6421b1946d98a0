package report

import (
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/relate"
)

// Invented texts for a hand-built report: a harbour story, a forum copy of
// it, a column quoting one paragraph inside publisher boilerplate, an
// unrelated piece of the same publisher, and two documents whose names
// and titles stress the layout (wide characters, a long hash id).
const (
	harbourText = "Ferry crossings to Skelby suspended after pier cracks\n\n" +
		"SKELBY, May 3 – The harbour authority suspended all ferry crossings to Skelby on Friday after divers found cracks in the main pier, stranding about 400 commuters on the island.\n\n" +
		"“We cannot put a loaded ferry against a pier we do not trust,” harbour master Anouk Feld said. “The divers go down again at first light.”\n\n" +
		"A replacement bus service over the causeway will run every thirty minutes from Saturday, the authority said."
	boardText = "Harbour forum › Ferries\n\n" +
		"Ferry crossings to Skelby suspended after pier cracks\n\n" +
		"SKELBY, May 3 - The harbour authority suspended all ferry crossings to Skelby on Friday after divers found cracks in the main pier, stranding about 400 commuters on the island.\n\n" +
		"\"We cannot put a loaded ferry against a pier we do not trust,\" harbour master Anouk Feld said. \"The divers go down again at first light.\"\n\n" +
		"A replacement bus service over the causeway will run every thirty minutes from Saturday, the authority said.\n\n" +
		"archive link\n\n  gull_watcher: about time they checked that pier"
	boilerplate = "Support independent journalism: sign up for our weekly newsletter and get every story in your inbox."
	columnText  = boilerplate + "\n\nThe pier did not crack overnight. The wire put it plainly:\n\n" +
		"> The harbour authority suspended all ferry crossings to Skelby on Friday after divers found cracks in the main pier, stranding about 400 commuters on the island.\n\n" +
		"Someone signed off on every inspection since 2015.\n\n" + boilerplate
	ledgerText = "Market hall roof repaired in time for summer fair.\n\n" + boilerplate
	wideText   = "港口 notes: 渡轮停运 after the pier cracked 🚢 — a short excerpt in wide characters that the layout must measure as two columns each."
	hashID     = "9f2c1e0b7a6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b"
	hashText   = "An untitled document whose identity is its content hash; it shares a sentence with the notes about the pier cracked."
)

// span finds the byte range of needle in text, failing the test when it is
// absent, so that fixtures cannot silently drift from their texts.
func span(t testing.TB, doc, text, needle string) relate.End {
	t.Helper()
	i := strings.Index(text, needle)
	if i < 0 {
		t.Fatalf("fixture: %q not in %s", needle, doc)
	}
	return relate.End{Doc: doc, Begin: i, End: i + len(needle)}
}

func fixtureTexts() map[string]string {
	return map[string]string{
		"harbour-wire":  harbourText,
		"board-post":    boardText,
		"weekly-column": columnText,
		"ledger-news":   ledgerText,
		"港口-notes":      wideText,
		hashID:          hashText,
	}
}

// fixture is a report over the texts above, with its slices deliberately
// out of order so that the sorting of both forms is exercised.
func fixture(t testing.TB) *Report {
	t.Helper()
	boardBody := boardText[strings.Index(boardText, "Ferry crossings"):strings.Index(boardText, "\n\narchive link")]
	paragraph := "The harbour authority suspended all ferry crossings to Skelby on Friday after divers found cracks in the main pier, stranding about 400 commuters on the island."
	return &Report{
		Documents: []DocInfo{
			{ID: "weekly-column", Path: "corpus/weekly-column.md", Title: "The pier did not crack overnight", Outlet: "The Skelby Weekly", Date: "2024-05-06", Bytes: len(columnText)},
			{ID: "harbour-wire", Path: "corpus/harbour-wire.txt", Title: "Ferry crossings to Skelby suspended after pier cracks, stranding commuters on the island", Outlet: "Coastal Wire", Date: "2024-05-03", URL: "https://wire.example.com/skelby", Bytes: len(harbourText)},
			{ID: "board-post", Path: "corpus/board-post.txt", Title: "Ferries\x1b[31m to Skelby", Outlet: "Harbour forum", Bytes: len(boardText)},
			{ID: "ledger-news", Path: "corpus/ledger-news.md", Title: "Market hall roof repaired", Outlet: "The Skelby Weekly", Date: "2024-05-07", Bytes: len(ledgerText)},
			{ID: "港口-notes", Title: "渡轮停运：港口码头出现裂缝，四百名通勤者滞留岛上", Outlet: "港口日报", Date: "2024-05-04", Bytes: len(wideText)},
			{ID: hashID, Bytes: len(hashText)},
		},
		Passages: []relate.Passage{
			{A: span(t, "harbour-wire", harbourText, paragraph), B: span(t, "weekly-column", columnText, paragraph), Tokens: 27, Identity: 1},
			{A: span(t, "ledger-news", ledgerText, boilerplate), B: span(t, "weekly-column", columnText, boilerplate), Tokens: 16, Identity: 1, Boilerplate: true},
			// Recorded the other way round from its relation: the report
			// must still show the harbour side as A.
			{A: relate.End{Doc: "harbour-wire", Begin: 0, End: len(harbourText)}, B: span(t, "board-post", boardText, boardBody), Tokens: 71, Identity: 0.9859},
			{A: span(t, "港口-notes", wideText, wideText), B: relate.End{Doc: hashID, Begin: 40, End: len(hashText) + 10}, Tokens: 12, Identity: 0.8},
		},
		Relations: []relate.Relation{
			{A: "harbour-wire", B: "weekly-column", Kind: relate.Partial, CoverageA: 0.4821, CoverageB: 0.3304, Passages: 1, Direction: relate.AToB, Confidence: 0.95, Reason: "harbour-wire is dated 2024-05-03, three days before weekly-column"},
			{A: hashID, B: "港口-notes", Kind: relate.Partial, CoverageA: 0.2, CoverageB: 0.61, Passages: 1, Direction: relate.Undetermined, Reason: "neither document is dated and neither text says where it came from"},
			{A: "board-post", B: "harbour-wire", Kind: relate.Duplicate, CoverageA: 0.912, CoverageB: 1, Passages: 1, Direction: relate.BToA, Confidence: 0.8, Reason: "board-post is undated; it wraps the text in a forum post with an archive link and comments"},
			{A: "harbour-wire", B: "unlisted-doc", Kind: relate.Derived, CoverageA: 0.55, CoverageB: 0.7, Passages: 2, Direction: relate.AToB, Confidence: 0.6, Reason: "unlisted-doc names Coastal Wire as its source"},
		},
		Chains: []relate.Chain{
			{"harbour-wire", "weekly-column"},
			{"harbour-wire", "board-post", "a-very-long-document-identifier-from-an-archive-export-0001", "another-very-long-document-identifier-from-the-same-export"},
		},
		Problems: []string{
			"corpus/feed.jsonl:10: invalid JSON: unexpected end of input",
			"corpus/feed.jsonl:9: record has no text",
			"corpus/a/very/deep/directory/tree/that/someone/made/when/exporting/their/archive/item.bin: binary file, skipped",
		},
	}
}
