package report_test

import (
	"os"

	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/report"
)

func ExampleWriteText() {
	texts := map[string]string{
		"gazette": "The old mill on Brook Lane will become twelve flats, the planning committee decided on Monday after a two-hour debate.",
		"blog":    "Big news for the village! The old mill on Brook Lane will become twelve flats, the planning committee decided on Monday.",
	}
	r := &report.Report{
		Documents: []report.DocInfo{
			{ID: "blog", Title: "Mill to become flats", Outlet: "Village blog", Bytes: len(texts["blog"])},
			{ID: "gazette", Title: "Committee approves flats in old mill", Outlet: "The Gazette", Date: "2024-02-05", Bytes: len(texts["gazette"])},
		},
		Passages: []relate.Passage{{
			A: relate.End{Doc: "blog", Begin: 26, End: 119}, B: relate.End{Doc: "gazette", Begin: 0, End: 93},
			Tokens: 18, Identity: 1,
		}},
		Relations: []relate.Relation{{
			A: "blog", B: "gazette", Kind: relate.Derived, CoverageA: 0.82, CoverageB: 0.84, Passages: 1,
			Direction: relate.BToA, Confidence: 0.7, Reason: "blog is undated and credits no source; gazette is dated",
		}},
		Chains: []relate.Chain{{"gazette", "blog"}},
	}
	report.WriteText(os.Stdout, r, func(id string) string { return texts[id] })
	// Output:
	// echotrace report
	// 2 documents, 1 relation (1 derived), 1 passage.
	//
	// RELATIONS (1), strongest first
	// ------------------------------
	//
	// [1] derived: blog and gazette
	//     A  blog · Village blog · undated · Mill to become flats
	//     B  gazette · The Gazette · 2024-02-05 · Committee approves flats in old mill
	//     coverage: A 82.0%, B 84.0% (share of each text found in the other)
	//     direction: gazette → blog (confidence 0.70): blog is undated and credits no
	//       source; gazette is dated
	//     passage 1 of 1: 18 tokens, identity 100.0%
	//       A 26-119 “The old mill on Brook Lane will become twelve flats, the
	//                planning committee decided on Monday”
	//       B 0-93   “The old mill on Brook Lane will become twelve flats, the
	//                planning committee decided on Monday”
	//
	// PROVENANCE CHAINS (1), each copies the one before
	// -------------------------------------------------
	//   gazette → blog
}
