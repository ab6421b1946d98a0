package read

import (
	"fmt"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

// checkRegions fails the test unless d's regions are in range, of a known
// kind, sorted and non-overlapping.
func checkRegions(t *testing.T, d *doc.Document) {
	t.Helper()
	prevEnd := 0
	for i, r := range d.Regions {
		if r.Begin < 0 || r.End > len(d.Text) || r.Begin >= r.End {
			t.Fatalf("region %d %+v out of range for %d bytes", i, r, len(d.Text))
		}
		if r.Begin < prevEnd {
			t.Fatalf("region %d %+v overlaps or precedes the one before (end %d)", i, r, prevEnd)
		}
		switch r.Kind {
		case doc.RegionComment, doc.RegionBoilerplate, doc.RegionCaption, doc.RegionHint:
		default:
			t.Fatalf("region %d has unknown kind %q", i, r.Kind)
		}
		prevEnd = r.End
	}
}

func mark(text string) *doc.Document {
	d := &doc.Document{Text: text}
	MarkRegions(d)
	return d
}

func describe(d *doc.Document) string {
	var b strings.Builder
	for _, r := range d.Regions {
		fmt.Fprintf(&b, "\n  %s %q note=%q", r.Kind, d.Text[r.Begin:r.End], r.Note)
	}
	return b.String()
}

// Invented articles that mention sharing, subscribing, photos, sources,
// copyright and times in their own sentences: none of it is boilerplate.
var plainArticles = map[string]string{
	"en": `Harbour workers end two-week strike

Dockers at the northern harbour returned to work on Tuesday after a two-week strike over pay, the union said.

"We asked members to share their views before the vote, and most of them wanted to follow the agreement," said union secretary Mara Quill. The deal raises wages by six percent.

The port authority, whose director first published the offer in a letter to staff, said shipping would be back to normal within days. A photo of the empty quay had circulated widely online.

Copyright lawyers are not involved, she added, and nobody was asked to donate to the strike fund after the first week.

Two hours ago the first container ship left the quay.

The dispute was one of several this year, according to the International Labour Organization (ILO).`,
	"ru": `Паромная переправа возобновила работу

Паромная переправа через пролив возобновила работу в среду после трёхдневного перерыва из-за шторма, сообщили в администрации порта.

По словам капитана, пассажиры могли подписаться на уведомления, но многие узнали о рейсах от знакомых. Фотографии очередей появились в сети ещё утром.

Источником задержек называют устаревшие причалы, ремонт которых начнётся весной.`,
	"fr": `Le gel frappe les vergers

Un gel tardif a endommagé les fleurs de pommiers dans toute la vallée, selon les producteurs, qui craignent une récolte réduite de moitié.

« Nous avons demandé aux voisins de partager leurs bâches », raconte une arboricultrice. La photo d'un verger couvert de givre a beaucoup circulé.

Les assurances examineront les dossiers à partir de lundi.`,
	"de": `Nachtfähre fährt wieder

Die Nachtfähre über die Meerenge verkehrt seit Mittwoch wieder, nachdem der Sturm abgezogen ist.

Fahrgäste sollten der Reederei folgen und ihre Buchungen prüfen, sagte ein Sprecher. Ein Foto der wartenden Autos wurde tausendfach geteilt.

Die Reparatur der Anleger beginnt im Frühjahr.`,
	"es": `Vuelve el tren nocturno

El tren nocturno entre las dos ciudades volvió a circular el jueves tras tres semanas de obras en la vía.

Los viajeros pueden compartir sus quejas en la estación, dijo la empresa, que pidió paciencia a quienes quieran seguir las obras.

La próxima fase de la reforma comenzará en otoño.`,
}

func TestMarkRegionsLeavesArticlesAlone(t *testing.T) {
	for lang, text := range plainArticles {
		t.Run(lang, func(t *testing.T) {
			d := mark(text)
			checkRegions(t, d)
			if len(d.Regions) != 0 {
				t.Errorf("article text got regions:%s", describe(d))
			}
		})
	}
}

func TestMarkRegionsLines(t *testing.T) {
	const before = "The council approved the new ferry timetable on Monday after a long debate.\n\n"
	const after = "\n\nThe timetable takes effect in spring, officials said."
	tests := []struct {
		name string
		line string // placed between article paragraphs
		kind doc.RegionKind
		want string // the text the region covers; "" means the whole line
		note string
	}{
		{"share", "Share this article with your friends", doc.RegionBoilerplate, "", ""},
		{"follow and subscribe", "Follow us on Mastodon and subscribe to our weekly newsletter for more stories like this one.", doc.RegionBoilerplate, "", ""},
		{"donate", "Donate now to keep independent reporting alive.", doc.RegionBoilerplate, "", ""},
		{"donate after a slogan", "Keep the Lamps Lit, Donate to Harbour Watch.", doc.RegionBoilerplate, "", ""},
		{"author bio", "Mara Quill is a retired ferry pilot and a regular contributor to Harbour Watch.", doc.RegionBoilerplate, "", ""},
		{"author bio and follow", "Tomas Veld writes about ports. You can follow Tomas on Mastodon. He is a contributor to Coast Daily.", doc.RegionBoilerplate, "", ""},
		{"media inquiries", "For media inquiries: desk@example.org", doc.RegionBoilerplate, "", ""},
		{"copyright", "© 2023 Coast Daily Media. All rights reserved.", doc.RegionBoilerplate, "", ""},
		{"click here", "To get the morning briefing, click here.", doc.RegionBoilerplate, "", ""},
		{"related label", "Related: Ferry fares to rise in April", doc.RegionBoilerplate, "", ""},
		{"read more label", "READ MORE: Harbour strike ends", doc.RegionBoilerplate, "", ""},
		{"disclaimer", "Disclaimer: The views of the author are not those of this site. " + strings.Repeat("Further legal wording follows here. ", 20), doc.RegionBoilerplate, "", ""},
		{"translate note", "Use the Translate Website button at the top to read this page in your language.", doc.RegionBoilerplate, "", ""},
		{"advertisement", "Advertisement", doc.RegionBoilerplate, "", ""},
		{"ru subscribe", "Подписывайтесь на наш канал в Telegram", doc.RegionBoilerplate, "", ""},
		{"ru rights", "© 2022 Городские новости. Все права защищены.", doc.RegionBoilerplate, "", ""},
		{"ru read also", "Читайте также: Паром вышел в первый рейс", doc.RegionBoilerplate, "", ""},
		{"fr follow", "Suivez-nous sur les réseaux sociaux", doc.RegionBoilerplate, "", ""},
		{"fr read also", "À lire aussi : Le gel frappe les vergers", doc.RegionBoilerplate, "", ""},
		{"de rights", "Alle Rechte vorbehalten.", doc.RegionBoilerplate, "", ""},
		{"de read also", "Lesen Sie auch: Nachtfähre fährt wieder", doc.RegionBoilerplate, "", ""},
		{"es follow", "Síguenos en nuestras redes sociales", doc.RegionBoilerplate, "", ""},
		{"photo label", "Photo: Pickets at the harbour gate on Monday.", doc.RegionCaption, "", ""},
		{"file photo label", "FILE PHOTO: The northern quay in winter", doc.RegionCaption, "", ""},
		{"agency credit", "Reuters/Jan Tide", doc.RegionCaption, "", ""},
		{"getty credit", "Getty Images", doc.RegionCaption, "", ""},
		{"name over agency", "Ana Reed / AFP", doc.RegionCaption, "", ""},
		{"copyright credit", "© Harbour Pictures / Ola Berg", doc.RegionCaption, "", ""},
		{"ru photo", "Фото: пресс-служба порта", doc.RegionCaption, "", ""},
		{"de photo", "Foto: Hafenamt", doc.RegionCaption, "", ""},
		{"caption glued to a line", "Ferry timetable approved FILE PHOTO: The quay. © Port Images / K. Lind", doc.RegionCaption, "FILE PHOTO: The quay. © Port Images / K. Lind", ""},
		{"credit glued to a line", "Ferry timetable approved © Port Images / K. Lind", doc.RegionCaption, "© Port Images / K. Lind", ""},
		{"original source", "The original source of this article is Harbour Watch", doc.RegionHint, "", "Harbour Watch"},
		{"originally published", "This article was originally published on <u>Harbour Watch</u>.", doc.RegionHint, "", "Harbour Watch"},
		{"first appeared markdown link", "This story first appeared in [Coast Daily](https://example.org/x).", doc.RegionHint, "", "Coast Daily"},
		{"republished", "Republished with permission from Valley Weekly.", doc.RegionHint, "", "Valley Weekly"},
		{"source line", "Source: Coast Daily", doc.RegionHint, "", "Coast Daily"},
		{"ru source", "Источник: Городские новости", doc.RegionHint, "", "Городские новости"},
		{"fr origin", "Cet article a d'abord été publié sur Le Quai.", doc.RegionHint, "", "Le Quai"},
		{"de origin", "Dieser Artikel erschien zuerst auf Hafenblatt.", doc.RegionHint, "", "Hafenblatt"},
		{"es origin", "Publicado originalmente en El Muelle.", doc.RegionHint, "", "El Muelle"},
		{"via", "via Coast Daily", doc.RegionHint, "", "Coast Daily"},
		{"archive link", "archive link", doc.RegionHint, "", ""},
		{"archive url", "Archived: https://web.archive.org/web/2023/https://example.org/x", doc.RegionHint, "", "https://web.archive.org/web/2023/https://example.org/x"},
		{"bare url", "https://example.org/ferry-timetable", doc.RegionHint, "", "https://example.org/ferry-timetable"},
		{"label and url", "Earlier coverage: https://example.org/post/17", doc.RegionHint, "", "https://example.org/post/17"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mark(before + tt.line + after)
			checkRegions(t, d)
			if len(d.Regions) != 1 {
				t.Fatalf("want one region, got:%s", describe(d))
			}
			r := d.Regions[0]
			want := tt.want
			if want == "" {
				want = strings.TrimSpace(tt.line)
			}
			if r.Kind != tt.kind || d.Text[r.Begin:r.End] != want || r.Note != tt.note {
				t.Errorf("got:%s\nwant %s %q note=%q", describe(d), tt.kind, want, tt.note)
			}
		})
	}
}

func TestMarkRegionsNotBoilerplate(t *testing.T) {
	// Lines that look a little like publisher chrome but are article text.
	lines := []string{
		"He said the plan was first published in a trade journal in 2019, long before the strike.",
		"Sources close to the union said talks would resume.",
		"The company has 5 points to discuss with the union, and it wants answers within 3 days.",
		"Follow-up talks are planned for next week, when both sides will share new figures on overtime and holiday pay for the dockers.",
		"Image rights were a topic at the meeting of the photographers' guild.",
		"The report was funded by the World Health Organization (WHO).",
		"@harbourmaster",
		"Reply",
	}
	for _, line := range lines {
		text := "The council met on Monday to discuss the harbour.\n\n" + line + "\n\nMore article text follows here, and it ends."
		d := mark(text)
		for _, r := range d.Regions {
			if r.Kind != doc.RegionHint {
				t.Errorf("%q got:%s", line, describe(d))
			}
		}
	}
}

func TestMarkRegionsCommentThreads(t *testing.T) {
	post := "Ferry fares rise again\n\nThe operator will raise fares by ten percent from April, it announced on Friday, citing fuel costs.\n\n"
	tests := []struct {
		name   string
		thread string
	}{
		{"fediverse handle with dot and time", "  • tidewatcher🌊@harbour.social\n    ·\n    8 months ago\n\n    This is the third rise in a year.\n\n  • gull@coast.example\n    ·\n    8 months ago\n\n    Agreed."},
		{"reddit style", "u/portside_fan\n12 points\n5 hours ago\n\nThey always blame fuel.\n\nReply\n\nu/other_person\n3 points\n4 hours ago\n\nTrue."},
		{"one line header", "quaylurker@fedi.example · 2 days ago\nFares were already high.\n"},
		{"russian time", "@portwatcher\n5 часов назад\nОпять подорожание.\nОтветить"},
		{"french time", "marin@quai.example\nil y a 3 jours\nEncore une hausse."},
		{"german time", "hafenfan@kai.example\nvor 2 Stunden\nSchon wieder."},
		{"spanish time", "muelle@puerto.example\nhace 4 horas\nOtra vez."},
		{"no handle: time with score", "harbour_nerd\n7 points · 3 hours ago\nNot again."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mark(post + tt.thread)
			checkRegions(t, d)
			if len(d.Regions) != 1 || d.Regions[0].Kind != doc.RegionComment {
				t.Fatalf("want one comment region, got:%s", describe(d))
			}
			r := d.Regions[0]
			if r.Begin != strings.Index(d.Text, strings.TrimSpace(tt.thread)) || r.End != len(strings.TrimRight(d.Text, " \n")) {
				t.Errorf("comment region %q, want the whole thread", d.Text[r.Begin:r.End])
			}
		})
	}
}

func TestMarkRegionsPostHeaderIsNotAComment(t *testing.T) {
	text := "u/ferry_reporter\n3 hours ago\n\nThe operator will raise fares by ten percent from April, it announced on Friday, citing fuel costs.\n\nMore of the post."
	if d := mark(text); len(d.Regions) != 0 {
		t.Errorf("the post's own header opened a comment thread:%s", describe(d))
	}
}

func TestMarkRegionsAgencyTags(t *testing.T) {
	tests := []struct {
		name, text, tag, note string
	}{
		{"dateline", "PORT TOWN (Reuters) - Dockers returned to work on Tuesday.\n\nMore text.", "(Reuters)", "Reuters"},
		{"dateline after title", "Dockers return\n\nPORT TOWN, May 2 (AP) — Dockers returned to work on Tuesday.", "(AP)", "AP"},
		{"tag opening the text", "(AFP) — Dockers returned to work on Tuesday.", "(AFP)", "AFP"},
		{"tag at the end", "Dockers returned to work.\n\n“It is over,” the union said. (RT)", "(RT)", "RT"},
		{"tag alone on the last line", "Dockers returned to work.\n\n(TASS)", "(TASS)", "TASS"},
		{"cyrillic tag", "Докеры вернулись к работе.\n\n(ТАСС)", "(ТАСС)", "ТАСС"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mark(tt.text)
			checkRegions(t, d)
			if len(d.Regions) != 1 || d.Regions[0].Kind != doc.RegionHint || d.Text[d.Regions[0].Begin:d.Regions[0].End] != tt.tag || d.Regions[0].Note != tt.note {
				t.Errorf("got:%s\nwant hint %q note %q", describe(d), tt.tag, tt.note)
			}
		})
	}
	for _, text := range []string{
		"The grant came from the World Health Organization (WHO).",
		"Officials met in the capital (UN) to talk.",
		"SOME HEADLINE (IN CAPITALS) IS NOT A DATELINE",
	} {
		if d := mark(text); len(d.Regions) != 0 {
			t.Errorf("%q got:%s", text, describe(d))
		}
	}
}

func TestMarkRegionsCaptionGroup(t *testing.T) {
	text := "Dockers went back to work on Tuesday after two weeks.\n\n  • Pickets at the gate on the last day\n\n  • AFP\n\n  • © Ola Berg\n\nThe union said the deal was fair."
	d := mark(text)
	checkRegions(t, d)
	want := "• Pickets at the gate on the last day\n\n  • AFP\n\n  • © Ola Berg"
	if len(d.Regions) != 1 || d.Regions[0].Kind != doc.RegionCaption || d.Text[d.Regions[0].Begin:d.Regions[0].End] != want {
		t.Errorf("got:%s", describe(d))
	}
}

func TestMarkRegionsKeepsExistingAndIsIdempotent(t *testing.T) {
	text := "Title line here\n\nShare this article\n\nBody text of the article goes on.\n\nSource: Coast Daily"
	d := &doc.Document{Text: text, Regions: []doc.Region{{Kind: doc.RegionComment, Begin: 0, End: 5}}}
	MarkRegions(d)
	checkRegions(t, d)
	if d.Regions[0] != (doc.Region{Kind: doc.RegionComment, Begin: 0, End: 5}) || len(d.Regions) != 3 {
		t.Fatalf("got:%s", describe(d))
	}
	before := append([]doc.Region(nil), d.Regions...)
	MarkRegions(d)
	if fmt.Sprint(before) != fmt.Sprint(d.Regions) {
		t.Errorf("second MarkRegions changed regions: %v → %v", before, d.Regions)
	}
}

func TestMarkRegionsMergesNeighbours(t *testing.T) {
	text := "Body of the article about ferries and fares.\n\nFollow us on Mastodon\n\nSubscribe to our newsletter\n\n© 2024 Coast Daily. All rights reserved."
	d := mark(text)
	if len(d.Regions) != 1 || d.Regions[0].Kind != doc.RegionBoilerplate || d.Regions[0].End != len(text) {
		t.Errorf("got:%s", describe(d))
	}
}

// FuzzMarkRegions checks that any text, valid UTF-8 or not, yields regions
// in range, sorted and non-overlapping, and that marking is idempotent.
func FuzzMarkRegions(f *testing.F) {
	for _, a := range plainArticles {
		f.Add(a)
	}
	f.Add("x\n• u@a.bc\n·\n1 day ago\nReply")
	f.Add("Title FILE PHOTO: a © b / c\n(AP)")
	f.Add("Source: \xff\n\n(RT)")
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		d := &doc.Document{Text: text}
		MarkRegions(d)
		checkRegions(t, d)
		once := fmt.Sprint(d.Regions)
		MarkRegions(d)
		if fmt.Sprint(d.Regions) != once {
			t.Errorf("not idempotent: %s → %v", once, d.Regions)
		}
	})
}

func TestMarkRegionsLargeRepetitiveInput(t *testing.T) {
	// Shapes that would make neighbour-inspecting rules quadratic: many
	// credit lines, many comment-like lines, many blank lines. Marking must
	// still finish, with valid regions. (No timing is asserted; a
	// quadratic walk would make this test run for minutes.)
	for _, unit := range []string{"  • AFP\n\n", "u/x\n\n\n\n", "5 points\n\n", "\n", "Share this article\n"} {
		d := &doc.Document{Text: "Opening paragraph of an article that is long enough to count as text.\n" + strings.Repeat(unit, 200000/len(unit))}
		MarkRegions(d)
		checkRegions(t, d)
	}
}

func TestMarkRegionsNoFalseHints(t *testing.T) {
	lines := []string{
		"Sources: two officials familiar with the talks said on Monday that the ferry operator and the union had agreed to meet again after the holiday weekend.",
		"Via Appia was the first of the great Roman roads, and parts of it still carry traffic today.",
		"The report, first published in a trade journal, found that fares had doubled.",
	}
	for _, line := range lines {
		d := mark("The council met on Monday to discuss the harbour.\n\n" + line + "\n\nMore article text follows here.")
		if len(d.Regions) != 0 {
			t.Errorf("%q got:%s", line, describe(d))
		}
	}
}
