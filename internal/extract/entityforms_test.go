package extract

import (
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

// TestEntityForms: what a name's form says about it (invented text).
func TestEntityForms(t *testing.T) {
	text := "HALLBRIDGE, Vermont — PHOTO RELATED\n\n" +
		"On Sunday in March the Company said Dorvan Agrochemicals and Pell Air had signed with the Kestrel Board. " +
		"Grace Whitlow swam across Lake Oster and walked down Fenwick Avenue to the Marrow Ledger. " +
		"Whitlow was tired. The Corliss Harriers beat the Tamsin Rovers. The Clean Rivers Act passed. " +
		"Everyone had seen Crimson Meadow twice. " +
		"Sauvage, Palen, Hamas and the Saints were mentioned by Brazile in Perry County.\n"
	r := Document(&doc.Document{ID: "t", Text: text})
	got := map[string]EntityType{}
	for _, e := range r.Entities {
		got[e.Name] = e.Type
	}
	want := map[string]EntityType{
		"Dorvan Agrochemicals": Org, "Pell Air": Org, "Kestrel Board": Org, "Marrow Ledger": Org,
		"Corliss Harriers": Org, "Tamsin Rovers": Org, "Lake Oster": Place, "Fenwick Avenue": Place,
		"Grace Whitlow": Person, "Perry County": Place,
	}
	for name, typ := range want {
		if got[name] != typ {
			t.Errorf("%s: type %q, want %q (all: %v)", name, got[name], typ, got)
		}
	}
	// "Crimson Meadow" (a film, a band, a street?) has the shape of a
	// name but nothing in the text makes it a person.
	for _, name := range []string{"Sunday", "March", "PHOTO", "RELATED", "PHOTO RELATED", "Company", "HALLBRIDGE", "Clean Rivers Act", "Crimson Meadow"} {
		if typ, ok := got[name]; ok {
			t.Errorf("%q is an entity (%s)", name, typ)
		}
	}
	// No name is linked to a gazetteer place it only resembles.
	for _, e := range r.Entities {
		if g := DefaultGazetteer().LookupText(e.Name); g != nil && e.Type == Place && nameKey(g.Name) != nameKey(e.Name) {
			found := false
			for _, a := range g.Aliases {
				found = found || nameKey(a) == nameKey(e.Name)
			}
			if !found {
				t.Errorf("%q linked to %q", e.Name, g.Name)
			}
		}
		switch e.Name {
		case "Brazil", "Peru", "Homs", "Santos", "Poland":
			t.Errorf("a name was linked to the place %q", e.Name)
		}
	}
}

// TestListedVariants: spellings English news uses for places are listed,
// and names in another script are matched by transliteration.
// TestTitleSurnames: a title word ending a name after given names is a
// surname; after a people's, place's or body's word, or another title, it
// stays an office.
func TestTitleSurnames(t *testing.T) {
	text := "Imke Bishop, a deputy harbour master, said the well was dry. Oren J. Dean said the dam held. " +
		"The Foreign Minister said the talks failed. The Ukrainian MP said so too. The County Sheriff said nothing.\n"
	r := Document(&doc.Document{ID: "t", Text: text})
	got := map[string]EntityType{}
	for _, e := range r.Entities {
		got[e.Name] = e.Type
	}
	for _, name := range []string{"Imke Bishop", "Oren J. Dean"} {
		if got[name] != Person {
			t.Errorf("%s: type %q, want person (all: %v)", name, got[name], got)
		}
	}
	for _, name := range []string{"Foreign Minister", "Ukrainian MP", "County Sheriff"} {
		if got[name] == Person {
			t.Errorf("%s: typed a person (all: %v)", name, got)
		}
	}
}

func TestListedVariants(t *testing.T) {
	g := DefaultGazetteer()
	for name, want := range map[string]string{"Kiev": "Kyiv", "Kharkov": "Kharkiv", "Bombay": "Mumbai", "Киев": "Kyiv", "Alaska": "Alaska"} {
		if e := g.LookupText(name); e == nil || e.Name != want {
			t.Errorf("LookupText(%q) = %v, want %s", name, e, want)
		}
	}
	for _, name := range []string{"Brazile", "Perry", "Sunday", "Saints", "Lopez", "Matt", "Cobb", "Indy", "Coale", "Palin", "King"} {
		if e := g.LookupText(name); e != nil {
			t.Errorf("LookupText(%q) = %s, want no entry", name, e.Name)
		}
	}
}

// TestEntityContext: what the rest of a document says about a name
// (invented text).
func TestEntityContext(t *testing.T) {
	text := "Storm in Georgia\n\n" +
		"A judge in Georgia sentenced Dale Morrow on Monday. Morrow, 41, had driven from Atlanta to Macon. " +
		"He was charged with driving while intoxicated (DWI) and told Us magazine he had \"no regrets.\" " +
		"The Falcons lost again; the Falcons coach said so. Quinn Talbot, 33, starred in the film \"Australia.'' " +
		"The warship Kestrel Rose stood off the coast; the Kestrel Rose later sailed to Savannah. " +
		"Los Angeles County Sheriff Lee Varga said the Philadelphia 76ers had called. " +
		"A mid-Pop-Culture Revival Page was printed. Lynn Harper was treated at Betty Ford Center; she left Betty Ford on Friday.\n\n" +
		"A supermarket in a Somerset town caught fire. The fire at the Waitrose in Wellington was put out.\n\n" +
		"In the morning the town's chief of police, Chief of Police Dana Whitlock, spoke at length with the county judge, Judge Morgan A. Pell, " +
		"about traces of DDT found in the water and about barges that travel along the IRTC (Inland River Transit Corridor) every week. " +
		"Riot in Halden: Earthquake Jolts Iran. The RussiaToday Brooklynites reported it.\n\n" +
		"The Glaciological network measured the quake, said spokeswoman Rhea Lomax of Ardent Public Relations, 44, and the Defence PRO agreed.\n"
	r := Document(&doc.Document{ID: "t", Text: text})
	byName := map[string]Entity{}
	for _, e := range r.Entities {
		byName[e.Name] = e
	}
	if e, ok := byName["Georgia"]; !ok || e.Link != "region/US/Georgia" {
		t.Errorf("Georgia among Atlanta and Macon: %+v, want the US state", e)
	}
	if e, ok := byName["Wellington"]; !ok || e.Type != Place || e.Link != "" {
		t.Errorf("Wellington in a Somerset town: %+v, want an unlinked place", e)
	}
	if e := byName["Philadelphia 76ers"]; e.Type != Org {
		t.Errorf("Philadelphia 76ers: %+v, want an organisation", e)
	}
	if e := byName["Lee Varga"]; e.Type != Person {
		t.Errorf("Lee Varga: %+v, want a person (all: %v)", e, byName)
	}
	for name, typ := range map[string]EntityType{"Dana Whitlock": Person, "Morgan A. Pell": Person, "Inland River Transit Corridor": Place} {
		if e := byName[name]; e.Type != typ {
			t.Errorf("%s: %+v, want %s", name, e, typ)
		}
	}
	for _, name := range []string{"United States", "DWI", "Australia", "Kestrel Rose", "Falcons", "Culture Revival Page", "Betty Ford",
		"Police Dana Whitlock", "Morgan", "DDT", "IRTC", "Earthquake Jolts Iran", "RussiaToday Brooklynites",
		"Glaciological", "Ardent Public Relations", "PRO"} {
		if e, ok := byName[name]; ok {
			t.Errorf("%q is an entity: %+v", name, e)
		}
	}
}

// TestNameFormsAtTextEdges: the rules that look at the words before or
// after a name hold at the first and last word of a text (invented text;
// a lone direction word opening a text once read before the text's
// start).
func TestNameFormsAtTextEdges(t *testing.T) {
	for _, text := range []string{
		"Northern claims about the river were false, the judge said.",
		"South",
		"North Street",
		"Said West.",
		"West of Harlow Lake, officials said.",
		"Lake",
		"“Eastern,” she said.",
	} {
		t.Run(text, func(t *testing.T) {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("panic: %v", p)
				}
			}()
			Document(&doc.Document{ID: "t", Text: text})
		})
	}
}

// TestStreetsSubdivisionsAndCapitals: a street named after a larger
// place, a subdivision named like its city, words set in capitals and
// titles of works a player starred in (invented text).
func TestStreetsSubdivisionsAndCapitals(t *testing.T) {
	checkLinks(t, []linkCase{
		{"The office at Fifth and Manitoba was closed at noon.", "Manitoba", Place, ""},
		{"The shop at 1820 Alberta was empty by noon.", "Alberta", Place, ""},
		{"Police met on Saskatchewan and 4th before dawn.", "Saskatchewan", Place, ""},
		{"A crowd stood on the corner of Manitoba and Main.", "Manitoba", Place, ""},
		{"Norway came first and Sweden second in the relay.", "Sweden", Place, "country/SE/Sweden"},
		{"In 2016 Ontario voted for a new premier.", "Ontario", Place, "region/CA/Ontario"},
		{"The quake struck a village in Tabriz province at dawn.", "Tabriz", Place, ""},
		{"The quake struck a village near Tabriz at dawn.", "Tabriz", Place, "city/IR/Tabriz"},
		{"Rain fell across Quebec province on Monday.", "Quebec", Place, "region/CA/Quebec"},
		{"ON DEADLINE: Live updates from the scene follow.", "DEADLINE", "", ""},
		{"INITIAL results of the vote were late.", "INITIAL", "", ""},
		{"The studio's MOONRISE film franchise grew again.", "MOONRISE", "", ""},
		{"The rep confirmed it to MARLOW.", "MARLOW", Org, ""},
		{"UNICEF officials arrived in the town.", "UNICEF", Org, "org//UNICEF"},
		{"NYPD officers arrived in the town.", "NYPD", Org, ""},
		{"Riots went on. BLOW TO GOVERNMENT The aid was meant to calm markets.", "TO GOVERNMENT", "", ""},
		{"Marlow Radio TWO MEN HAVE DIED IN A FIRE at the bank.", "Marlow Radio TWO MEN HAVE DIED IN", "", ""},
		{"Quinn Talbot, 33, has starred in Silver Harbor and lives in Ohio.", "Silver Harbor", "", ""},
		{"Quinn Talbot, 33, has starred in London and lives in Ohio.", "London", Place, "city/GB/London"},
	})
}

// TestNamesakesAndOpenings checks a state named like a big city listed
// as "… City", a known place's first word at a sentence's start,
// persons whose surname is a place's name, a brand after "a", a person's
// name and an organisation's joined by "and", honours,
// contest titles, classes of ships and an organisation's name cut by a
// lower-case word.
func TestNamesakesAndOpenings(t *testing.T) {
	checkLinks(t, []linkCase{
		{"She flew back to New York on Sunday.", "New York", Place, "city/US/New York City"},
		{"He worked for a New York bank for ten years.", "New York", Place, "city/US/New York City"},
		{"The driver was above New York's legal limit.", "New York", Place, "region/US/New York"},
		{"In New York, the laws on drunk driving are strict.", "New York", Place, "region/US/New York"},
		{"She grew up in upstate New York before college.", "New York", Place, "region/US/New York"},
		{"He lived in Marlowtown, New York, with his aunt.", "New York", Place, "region/US/New York"},
		{"The Governor of New York spoke on Monday.", "New York", Place, "region/US/New York"},
		{"He played with Boston, New York, Chicago and Denver.", "New York", Place, "city/US/New York City"},
		{"Tornadoes hit Oklahoma on Monday.", "Oklahoma", Place, "region/US/Oklahoma"},
		{"Rain fell all day in India. New Delhi had taken steps to stop the flooding.", "New Delhi", Place, "city/IN/New Delhi"},
		{"Rain fell all day. New rules came into force in Delhi.", "Delhi", Place, "city/IN/Delhi"},
		{"Two coaches were fired, Ray Carlesimo (Oklahoma City) and Ned Chad (Washington). Chad, who led the team, said nothing.", "Ned Chad", Person, ""},
		{"Two coaches were fired, Ray Carlesimo (Oklahoma City) and Ned Chad (Washington). Chad, who led the team, said nothing.", "Chad", "", ""},
		{"Fans cheered Ned Chad of Washington after the game.", "Ned Chad", Person, ""},
		{"A fire broke out at Waitrose Wellington on Monday.", "Waitrose Wellington", "", ""},
		{"Aid reached Chad on Monday. Rains hit Chad (Africa) again.", "Chad", Place, "country/TD/Chad"},
		{"He was a three - time NBA All - Defensive Team honoree.", "Defensive Team", "", ""},
		{"The club will move All - Star Ned Brisket to third base.", "Ned Brisket", Person, ""},
		{"The Oslo-class frigate left port at dawn.", "Oslo", "", ""},
		{"The frigate left Oslo at dawn.", "Oslo", Place, "city/NO/Oslo"},
		{"Protesters trashed a Quick Mart near the square.", "Quick Mart", "", ""},
		{"The bomb went off early on Monday and killed Marlow Police Department Capt. Ned Brisket and Oregon State Police officers who had been called to the scene.", "Ned Brisket", Person, ""},
		{"The bomb went off early on Monday and killed Marlow Police Department Capt. Ned Brisket and Oregon State Police officers who had been called to the scene.", "Oregon State Police", Org, ""},
		{"Officials of the Fish and Wildlife Service found the device.", "Fish and Wildlife Service", Org, ""},
		{"Ned Brisket, 40, trashed a car near the square.", "Ned Brisket", Person, ""},
		{"That year she was named Miss Pinup Girl of the World.", "Pinup Girl", "", ""},
		{"Miss Brisket said she was named Miss Harbor Queen in 1950.", "Harbor Queen", "", ""},
		{"A bomb went off at the Seattle Valley Bank on Monday. Police found it outside the Seattle Valley bank.", "Seattle Valley", "", ""},
	})
}

// linkCase is a sentence, a name in it, the type its entity should have
// ("" when the name should be no entity) and the entity's link.
type linkCase struct {
	text, name string
	typ        EntityType
	link       string
}

// checkLinks extracts each case's sentence and checks the entity of its
// name.
func checkLinks(t *testing.T, cases []linkCase) {
	t.Helper()
	for _, c := range cases {
		r := Document(&doc.Document{ID: "t", Text: c.text})
		var got *Entity
		for i, e := range r.Entities {
			if e.Name == c.name || len(e.Mentions) > 0 && e.Mentions[0].Text == c.name {
				got = &r.Entities[i]
			}
		}
		switch {
		case c.typ == "" && got != nil:
			t.Errorf("%q: %q is an entity: %+v", c.text, c.name, *got)
		case c.typ != "" && got == nil:
			t.Errorf("%q: %q is no entity (all: %+v)", c.text, c.name, r.Entities)
		case c.typ != "" && (got.Type != c.typ || got.Link != c.link):
			t.Errorf("%q: %q is %s linked to %q, want %s linked to %q", c.text, c.name, got.Type, got.Link, c.typ, c.link)
		}
	}
}

// TestHeadingsPrizesAndOutlets pins the classes of the tenth session
// (ent10): headings run into a person's name, prize categories, outlets
// resolved as surnames, a judge after a court's name, hyphened names, a
// generation ending a name, a common noun after title words, a
// broadcaster's branch.
func TestHeadingsPrizesAndOutlets(t *testing.T) {
	checkLinks(t, []linkCase{
		{"“She is eternal.” \"Early Years Nella Mae Quist was born in 1923 in a small town. Nella Quist modelled in her early twenties. Quist died in 2008.", "Nella Mae Quist", Person, ""},
		{"“She is eternal.” \"Early Years Nella Mae Quist was born in 1923 in a small town. Nella Quist modelled in her early twenties. Quist died in 2008.", "Years Nella Mae Quist", "", ""},
		{"Risk Factors and Prevention of Workplace Violence Ada Quill, a suspended worker, shot two colleagues. Ada Quill was arrested.", "Ada Quill", Person, ""},
		{"Risk Factors and Prevention of Workplace Violence Ada Quill, a suspended worker, shot two colleagues. Ada Quill was arrested.", "Workplace Violence Ada Quill", "", ""},
		{"Fans of Ned Anthony Brisket, 40, cheered. Anthony Brisket, who leads the team, waved.", "Anthony Brisket", Person, ""},
		{"The film won the Academy Award for Best Visual Effects in 2002.", "for Best Visual Effects", "", ""},
		{"It led to an Academy Award Nomination for Best Adapted Screenplay in 2002.", "for Best Adapted Screenplay", "", ""},
		{"The Coast Reporter said on Friday the film is late. The Reporter said the budget was larger.", "Coast Reporter", Org, ""},
		{"The case went to LA Superior Court Judge Ned R. Brisket on Monday, who set bail.", "Ned R. Brisket", Person, ""},
		{"Detectives of the LA County Sheriff's bureau found the car.", "LA County Sheriff", Org, ""},
		{"Le Monde said the talks had failed.", "Le Monde", Org, ""},
		{"I would love to see Brisket-Quill simply because Quill will make him work.", "Brisket-Quill", "", ""},
		{"Maria Dulce - Valencia, 27, was also killed in the crash, police said.", "Valencia", "", ""},
		{"Flights to Valencia were cancelled, police said.", "Valencia", Place, "city/VE/Valencia"},
		{"Texas prison escapee Ned Arlo Brisket Jr. Department of Corrections spokeswoman Ada Quill said he was still on the run.", "Department of Corrections", Org, ""},
		{"Texas prison escapee Ned Arlo Brisket Jr. Department of Corrections spokeswoman Ada Quill said he was still on the run.", "Ned Arlo Brisket Jr. Department of Corrections", "", ""},
		{"It is the fastest-growing supplier to the Natural Health Industry in Canada.", "Industry", "", ""},
		{"Bottles were thrown at officers. NBC Denver estimated the crowd at 70.", "NBC Denver", Org, ""},
	})
}

// TestBodiesJoinedAndHeadlineWords pins the classes of ent10b: a body's
// head word ("Conservancy", "Guild", "Tech") ends an organisation's name
// and keeps "and" from joining it to the next name, a body's word with
// "for" after "and" opens a second name, and a word after a function
// word capitalised in title case is a headline's, not a given name.
func TestBodiesJoinedAndHeadlineWords(t *testing.T) {
	checkLinks(t, []linkCase{
		{"The Northern Heron Conservancy said the marsh was drying out.", "Northern Heron Conservancy", Org, ""},
		{"Members of the Quillby Actors Guild voted on a new contract for writers and crews after months of talks.", "Quillby Actors Guild", Org, ""},
		{"He went on to play at Dakota Tech and Brisket University, where he was a star.", "Dakota Tech", Org, ""},
		{"He went on to play at Dakota Tech and Brisket University, where he was a star.", "Brisket University", Org, ""},
		{"He went on to play at Dakota Tech and Brisket University, where he was a star.", "Dakota Tech and Brisket University", "", ""},
		{"Two groups, Friends of Marshland and Center for Heron Studies, filed a lawsuit in a federal court on behalf of the birds.", "Center for Heron Studies", Org, ""},
		{"Two groups, Friends of Marshland and Center for Heron Studies, filed a lawsuit in a federal court on behalf of the birds.", "Marshland and Center for Heron Studies", "", ""},
		{"Agencies must consult the Fish and Wildlife Service first.", "Fish and Wildlife Service", Org, ""},
		{"Prediction : Blue Sox Will Nab Brisket.\n\nESPN is reporting that the Senators have offered Anthony Brisket an 8 - year, $160 million contract. At the same time, SI.com is reporting that, “ The Blue Sox are one of the most aggressive pursuers of Brisket, with several executives predicting he may wind up there. ” The Senators ’ offer sets the bar for Brisket ’ s services.", "Nab Brisket", "", ""},
		{"Prediction : Blue Sox Will Nab Brisket.\n\nESPN is reporting that the Senators have offered Anthony Brisket an 8 - year, $160 million contract. At the same time, SI.com is reporting that, “ The Blue Sox are one of the most aggressive pursuers of Brisket, with several executives predicting he may wind up there. ” The Senators ’ offer sets the bar for Brisket ’ s services.", "Anthony Brisket", Person, ""},
		{"Convicted Of Murder; D.A. Will Seek Death Penalty A Superior Court jury in the city convicted a gang member of murdering a deputy who was on his way to work.", "Superior Court", Org, ""},
	})
}

// TestSmallCapitalsCutNamesAndLabels pins the classes of ent11: a
// capital smaller than the tables' cities needs its country in the
// document, the second half of a category sharing its head after "or",
// a body's name cut from its town by a state in brackets, a label in
// capitals run into a name the document gives, a body's premises named
// by its name's opening words, a country's abbreviation with full stops
// telling where the document is, amounts and plates, nicknames and page
// labels, a hometown after an age, and a saint's name in the
// possessive that names a school or a church, two names joined by "and"
// whose first the document gives alone, a firm's name before its
// vehicle, an outlet whose first word statements are made to, a heading
// that opens with a verb in capitals, a word shortened with an
// apostrophe after a name, and a district named for its bodies.
func TestSmallCapitalsCutNamesAndLabels(t *testing.T) {
	checkLinks(t, []linkCase{
		{"A large fire broke out at the supermarket in Wellington town centre this morning.", "Wellington", Place, ""},
		{"Talks were held in Wellington, New Zealand, on Monday.", "Wellington", Place, "city/NZ/Wellington"},
		{"The minister flew to Wellington on Monday. New Zealand's parliament met later.", "Wellington", Place, "city/NZ/Wellington"},
		{"The champion won the fight in Bern in the sixth round.", "Bern", Place, ""},
		{"The champion won the fight in Bern in the sixth round. Switzerland had never held a title fight.", "Bern", Place, "city/CH/Bern"},
		{"The champion won the fight in Oslo in the sixth round.", "Oslo", Place, "city/NO/Oslo"},
		{"She won for her work in a Drama or Dance Program last year.", "Dance Program", "", ""},
		{"Recruits may join the Army or Marine Corps after school, he said.", "Marine Corps", Org, ""},
		{"A star at Marlowtown (N.J.) High School, he went on to play in college.", "High School", "", ""},
		{"A star at Marlowtown (Oregon) High School, he went on to play in college.", "High School", "", ""},
		{"A star at Marlowtown High School, he went on to play in college.", "Marlowtown High School", Org, ""},
		{"MARLOWTOWN (AP) Quillby Insurance Group said on Monday it would pay the claims.", "Quillby Insurance Group", Org, ""},
		{"Quillby Pictures plans to release ten films a year. SOURCE Quillby Pictures", "SOURCE Quillby Pictures", "", ""},
		{"Quillby Pictures plans to release ten films a year. SOURCE Quillby Pictures", "Quillby Pictures", Org, ""},
		{"Officials of the NASDAQ Media Group said on Monday that trading would resume.", "NASDAQ Media Group", Org, ""},
		{"A bomb went off at a North Coast Bank branch in Marlow. The search led police to the nearby North Coast office where the bomb was found.", "North Coast", "", ""},
		{"A bomb went off at a North Coast Bank branch in Marlow. The search led police to the nearby North Coast office where the bomb was found.", "North Coast Bank", Org, ""},
		{"She was taken to the Marlow County Medical Center. The Marlow County office said the road was closed.", "Marlow County", Place, ""},
		{"A Georgia judge gave him four life sentences. He had also killed off-duty U.S. Customs Agent Ned Brisket.", "Georgia", Place, "region/US/Georgia"},
		{"Damage to the hall was estimated at $ US2 million, officials said.", "US2", "", ""},
		{"The car was a silver sedan with the license plate QXR 0843, police said.", "QXR", "", ""},
		{"Her rep confirms the Perennial Party Girl has checked into a clinic.", "Perennial Party Girl", "", ""},
		{"The office is 15 miles north of the city. (Quillby News Article) Neither outlet named the suspect.", "Quillby News Article", "", ""},
		{"Police found Ada Quill, 59, of Harbor College Point, lying in the road.", "Harbor College Point", Place, ""},
		{"Police found Ada Quill, 59, of Marlowtown, lying in the road. She worked for the Harbor College Council.", "Harbor College Council", Org, ""},
		{"Ned Brisket, a native of the city who played for Saint Quillby's, was fired.", "Quillby", "", ""},
		{"He played for St. Quillby's before he turned pro.", "Quillby", "", ""},
		{"Crowds came for Saint Quillby's feast on Monday.", "Quillby", Person, ""},
		{"Her rep confirmed the news to Parade and Star Weekly on Friday. In an interview in October, she told Parade she was happy.", "Parade and Star Weekly", "", ""},
		{"Her rep confirmed the news to Parade and Star Weekly on Friday.", "Parade and Star Weekly", Org, ""},
		{"Agencies need not check with Fish and Wildlife or the fisheries service. The Fish and Wildlife Service said it would review the rule.", "Fish and Wildlife Service", Org, ""},
		{"A Harbor Mountain bus was called in to collect witnesses.", "Harbor Mountain", "", ""},
		{"Witnesses were taken to Harbor Mountain by bus.", "Harbor Mountain", Place, ""},
		{"A Los Angeles bus was called in to collect witnesses.", "Los Angeles", Place, "city/US/Los Angeles"},
		{"The actress is moving to a clinic in Marlow, Access Quillby has confirmed. A spokesperson confirmed to Access that a judge signed the order.", "Access Quillby", Org, ""},
		{"The actress is moving to a clinic in Marlow, Nella Quist has confirmed. A source close to Nella said the judge signed the order.", "Nella Quist", Person, ""},
		{"The actress is moving to a clinic in Marlow, Nella Quist has confirmed. Her agent told Nella on Monday. Quist agreed.", "Nella Quist", Person, ""},
		{"DO Channel Ned Brisket. Brisket is the best host the show ever had. He hosted it five times.", "Ned Brisket", "", ""},
		{"DO Channel Ned Brisket. Brisket is the best host the show ever had. He hosted it five times.", "Channel Ned Brisket", "", ""},
		{"Do not forget Ned Brisket, who hosted the show five times.", "Ned Brisket", Person, ""},
		{"Deputy Shot Dead.\n\nMultiple Special Circumstances Add'l Charges ; the jury convicted a gang member of murdering Deputy Ned Brisket.", "Circumstances Add", "", ""},
		{"Buildings were evacuated in the Doha Media City after the tremor.", "Doha Media City", Place, ""},
		{"Hosts of the show have included Douglas Quillbanks, Laurence Marlow and Ned Brisket.", "Douglas Quillbanks", "", ""},
		{"Fans of the Boston Quillers cheered the team on Monday.", "Boston Quillers", Org, ""},
	})
}
