package extract

import (
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

// TestClaimForms covers reported claims (indirect speech) in the forms
// news uses (invented sentences): for each, the speaker mention and the
// content of the claim, or, with an empty mention, that no claim holds
// the given words.
func TestClaimForms(t *testing.T) {
	tests := []struct {
		name, text       string
		mention, content string // the speaker mention ("…x": ending in x) and the exact claim text ("" mention: no claim holds content)
	}{
		{"a byline's outlet is no speaker", "By Odile Farrant, Harwick Morning Post\n\nThe dam on the Lusk river was closed on Monday.", "", "By Odile Farrant"},
		{"a byline of two writers", "By Odile Farrant and Bo Lind of the Harwick Daily Report\n\nThe dam was closed.", "", "By Odile Farrant and Bo Lind of the"},
		{"a sentence opening with by and a capitalised word is no byline", "By Monday, officials said the dam on the Lusk river was safe.", "officials", "the dam on the Lusk river was safe."},
		{"demonstrative inside the content is no complementizer", "Orrin Vale said he understands how hard that can be.", "Orrin Vale", "he understands how hard that can be."},
		{"that after an adverbial", "The ministry said in a statement that the dam was safe.", "The ministry", "the dam was safe."},
		{"that after the hearer and a place", "Odessa Marchetti told members of the board at the meeting that the fund was empty.", "Odessa Marchetti", "the fund was empty."},
		{"auxiliary and adverb: has since", "Tamsin Hale has since stressed that she never saw the contract.", "Tamsin Hale", "she never saw the contract."},
		{"modal and adverb", "Brannock can barely believe the mill is closing.", "Brannock", "the mill is closing."},
		{"negation", "Ilse Warner did not say whether the road would reopen.", "Ilse Warner", "whether the road would reopen."},
		{"contracted auxiliary", "Dorian Pike spoke first. He’s often said the harbour needs a second pier.", "He", "the harbour needs a second pier."},
		{"contracted negation", "Dorian Pike spoke first. He didn’t say when the pier would open.", "He", "when the pier would open."},
		{"only before the verb", "Rosalind Mercer only briefly explained the cost of the new bridge.", "Rosalind Mercer", "the cost of the new bridge."},
		{"cue as the infinitive of another verb", "Fenwick continued to suggest that the ballots were lost in the mail.", "Fenwick", "the ballots were lost in the mail."},
		{"went on to", "Aurelia Dunn went on to warn that the river would flood.", "Aurelia Dunn", "the river would flood."},
		{"a noun before to is no verb", "The plan to announce the merger was dropped in May.", "", "the merger was dropped"},
		{"role before an apposition after a leading clause", "The budget was cut in half on Friday, the mayor, a tired man, said he would quit in May.", "the mayor", "he would quit in May."},
		{"role before an apposition after an adverbial", "After the vote on Friday, the mayor, a tired man, said he would quit in May.", "the mayor", "he would quit in May."},
		{"a pronoun followed by a verb after the cue is no inverted source", "The budget was cut in half on Friday, the mayor, a tired man, said he quit.", "", "The budget was cut in half"},
		{"nested claim: the outer carries it", "Quincy Marr said he did not think the levee would hold.", "Quincy Marr", "he did not think the levee would hold."},
		{"nested claim has no claim of its own", "Quincy Marr said he did not think the levee would hold.", "", "the levee would hold."},
		{"introductory phrase before the subject of a participle", "In Nevada, Corrigan praised the miners, saying that the mine would reopen.", "Corrigan", "the mine would reopen."},
		{"conjunction opening the sentence", "Rhea Collier spoke first. Then she broke with the party, pledging that taxes would fall.", "she", "taxes would fall."},
		{"time phrase between subject and cue", "Halvorsen on Thursday said the committee had met forty times.", "Halvorsen", "the committee had met forty times."},
		{"plural description with a base-form cue", "Recent polls in the valley show the two candidates are level.", "Recent polls in the valley", "the two candidates are level."},
		{"singular description with an -s cue", "The lawsuit claims that the council broke the law.", "The lawsuit", "the council broke the law."},
		{"closing clause after a comma", "The jet was insured for far less than it cost, records show.", "records", "The jet was insured for far less than it cost"},
		{"a demonym before a noun is no subject", "The river rose. Northern claims about the river were false, the judge said.", "", "about the river were false"},
		{"bare plural with modifiers opening the clause", "Republican primary voters also said that the tariff hurt farmers.", "Republican primary voters", "the tariff hurt farmers."},
		{"bare plural after a subordinator", "The mayor resigned, while protest groups say the rules were unfair.", "protest groups", "the rules were unfair."},
		{"share in words", "Twenty-four percent said they would vote for him in May.", "Twenty-four percent", "they would vote for him in May."},
		{"share in digits after an introductory phrase", "Among the young, 42% say they are liberal on taxes.", "42%", "they are liberal on taxes."},
		{"one in five", "One in five say the mill will close this year.", "One in five", "the mill will close this year."},
		{"share of a group", "Nearly half of Democratic primary voters said they want a change.", "Nearly half of Democratic primary voters", "they want a change."},
		{"quantifier alone", "Some said they have cringed at the remarks.", "Some", "they have cringed at the remarks."},
		{"a share after a preposition is no subject", "The rise in 42 percent said nothing about the vote.", "", "nothing about the vote."},
		{"verb coordinated with an earlier verb", "Trump summed up the plan as a failure, denounced its cost and said it should never pass.", "Trump", "it should never pass."},
		{"coordinated cue after a quotation is not the earlier subject's", "Vargas wrote “we won” and others said the count was wrong.", "others", "the count was wrong."},
		{"the document after in, opening the sentence", "In a Harbor Gazette poll last month, the mayor had a ten point lead over her rival.", "a Harbor Gazette poll", "the mayor had a ten point lead over her rival."},
		{"in with no document is no source", "In a speech last month, the mayor had a ten point plan for the port.", "", "the mayor had a ten point plan"},
		{"found with a document subject", "The survey found that most tenants want the rent frozen.", "The survey", "most tenants want the rent frozen."},
		{"found with a person subject is no cue", "Ilse Warner found the ledger under the stairs.", "", "the ledger under the stairs."},
		{"phrasal cue of talking about", "Mirela Castan talked about the cost of the new ferry terminal.", "Mirela Castan", "the cost of the new ferry terminal."},
		{"phrasal cue pointing to", "Idris Bello pointed to the drop in river traffic since the spring.", "Idris Bello", "the drop in river traffic since the spring."},
		{"discussed", "Idris Bello discussed the plan to close the old harbour in winter.", "Idris Bello", "the plan to close the old harbour in winter."},
		{"office with of before the name", "Secretary of Transport Ilse Warner said the tunnel would open in June.", "…Ilse Warner", "the tunnel would open in June."},
		{"a name after a lower-case noun and of is no subject: the group before it is", "Friends of Ilse Warner said the tunnel would open in June.", "Friends of Ilse Warner", "the tunnel would open in June."},
		{"a common noun opening the sentence", "Police reported no arrests late on Monday night.", "Police", "no arrests late on Monday night."},
		{"a concessive clause with its own cue ends the outer claim", "Rhea Collier said the depot would reopen, although she warned that the guards were too few.", "Rhea Collier", "the depot would reopen"},
		{"a coordinated clause with its own subject ends the outer claim", "Rhea Collier said thieves broke into the depot and she accused the guards of sleeping.", "Rhea Collier", "thieves broke into the depot"},
		{"the coordinated clause is a claim of its own", "Rhea Collier said thieves broke into the depot and she accused the guards of sleeping.", "she", "the guards of sleeping."},
		{"a share after a dash opens its clause", "Some doctors praise the diet - others say it is far too strict for children.", "others", "it is far too strict for children."},
		{"nominal cue owned by a name", "Dorian Pike spoke first. Pike’s claim that the pier was unsafe surprised the board.", "Pike", "the pier was unsafe surprised the board."},
		{"nominal cue owned by a pronoun", "Dorian Pike spoke first. His insistence that the pier was unsafe went unheard.", "His", "the pier was unsafe went unheard."},
		{"a saying noun without an owner is no cue", "The claim that the pier was unsafe went unheard.", "", "the pier was unsafe"},
		{"as clause opening the sentence", "As Ilse Warner recently noted, trust in the harbour board is collapsing.", "Ilse Warner", "trust in the harbour board is collapsing."},
		{"as clause after the main clause", "Trust in the harbour board is collapsing, as the gazette noted last week.", "the gazette", "Trust in the harbour board is collapsing"},
		{"as clause after a conjunction and comma", "Yet, as Ilse Warner observed, the board never met in winter.", "Ilse Warner", "the board never met in winter."},
		{"time phrase before the content", "Quincy Marr has said for weeks he is the only one who can fix the pier.", "Quincy Marr", "he is the only one who can fix the pier."},
		{"a day and a place after the cue are no claim", "Darrell Quint said Sunday on the Harbor Channel’s morning show.", "", "Sunday on the Harbor"},
		{"a day after the cue before the content", "Darrell Quint said Sunday the pier was unsafe for boats.", "Darrell Quint", "the pier was unsafe for boats."},
		{"a long adverbial opening the sentence is no claim", "In a subsequent interview with The Harbor Gazette she joked.", "", "In a subsequent interview"},
		{"a bare plural after the cue opens the content", "In law school, she said professors would often dismiss her ideas.", "she", "professors would often dismiss her ideas."},
		{"coordinated claims stay two", "Quincy Marr said the levee held, and Ada Voss said it did not.", "Ada Voss", "it did not."},
		{"indirect question after ask", "A harbour pilot asked whether the ferry would run on Sunday.", "A harbour pilot", "whether the ferry would run on Sunday."},
		{"indirect question after ask and its hearer", "Odo Vane asked him if the levy would be repealed.", "Odo Vane", "if the levy would be repealed."},
		{"indirect question with a wh-word", "Ada Quill also asked how the pier would be paid for.", "Ada Quill", "how the pier would be paid for."},
		{"indirect question after a coordinated ask", "Ada Quill took the stage and asked whether anyone had seen the ledger.", "Ada Quill", "whether anyone had seen the ledger."},
		{"the one asked is no source", "Ada Quill was asked whether the ferry would run.", "", "whether the ferry would run."},
		{"ask with an object and an infinitive is no claim", "Ada Quill asked the board to resign.", "", "the board to resign."},
		{"initials before a name end no sentence", "Ada Quill said George H.W. Quarrie would never run the ferry.", "Ada Quill", "George H.W. Quarrie would never run the ferry."},
		{"initials before a body end no sentence", "Ada Quill said the U.K. Parliament would vote on the ferry.", "Ada Quill", "the U.K. Parliament would vote on the ferry."},
		{"initials before a word opening a sentence end it", "The ferry runs in the U.K. The mayor said it would stop.", "The mayor", "it would stop."},
		{"a state after its city ends the sentence", "The ferry stops in Dover, N.J. Harbour fees are due, the mayor said.", "the mayor", "Harbour fees are due"},
		{"quantifier before a modified plural", "Several Harbour Party voters said the ferry levy was unfair.", "Several Harbour Party voters", "the ferry levy was unfair."},
		{"quantifier before a name modifying a plural", "Many Quill supporters said the mayor had made a good case.", "Many Quill supporters", "the mayor had made a good case."},
		{"hearer with initials", "Ada Quill told the U.K. Harbour Board that the ferry would run.", "Ada Quill", "the ferry would run."},
		{"a plural group with of and an apposition opens the sentence", "Residents of Brask, a hamlet of 300 people on the river, reported a sharp smell by Monday morning.", "Residents of Brask", "a sharp smell by Monday morning."},
		{"the object of a group's verb is no inverted source", "Residents of Brask, a hamlet of 300 people on the river, reported a sharp smell by Monday morning.", "", "Residents of Brask"},
		{"a plural group with at and an apposition opens the sentence", "Workers at the mill, many of them young, reported dizziness and nausea on Friday.", "Workers at the mill", "dizziness and nausea on Friday."},
		{"a plural group with a relative clause gives no inverted claim", "Families of the victims, who gathered at the pier on Sunday, said prayers for the crew.", "", "Families of the victims"},
		{"a plural group with of speaks", "Families of the crew said the ferry had been unsafe for years.", "Families of the crew", "the ferry had been unsafe for years."},
		{"inverted cue after a clause with a role", "The plant is safe, said a spokesman.", "a spokesman", "The plant is safe"},
		{"inverted cue with an outlet and a day", "The leak was stopped by midnight, reported the newspaper on Monday.", "the newspaper", "The leak was stopped by midnight"},
		{"inverted cue with a name and an apposition", "The water is clean again, says Jane Dorrit, a chemist at the institute.", "Jane Dorrit", "The water is clean again"},
		{"inverted cue with a description", "The ferry was late every day, said one commuter.", "one commuter", "The ferry was late every day"},
		{"a described thing with words after it is the cue's object", "Several leading candidates, including the harbour master, criticized the trade as a mistake.", "", "Several leading candidates"},
		{"a described thing with an infinitive after it is the cue's object", "The mayor and the harbour master, both tired of the delays, stated their intention to resign.", "", "The mayor and the harbour master"},
		{"a described thing with a time phrase after it is the cue's object", "Everyone in Brask, a hamlet of 300 people, reported a sharp smell by Monday morning.", "", "Everyone in Brask"},
		{"a described thing with a phrase after it is the cue's object", "The two leading candidates, Ada Quill and Tom Reyes, questioned the science behind the plan.", "", "The two leading candidates"},
		{"a described thing with of after it is the cue's object", "But the mayor showed no sign of backing down, releasing a statement that, while condemning violence, accused the harbour board of lying.", "", "But the mayor showed"},
		{"inverted cue with a description and who", "The ferry was late every day, said the man who runs the kiosk.", "the man", "The ferry was late every day"},
		{"inverted cue with a description and a named group", "The ferry was late every day, said a handful of Harbour Party members.", "…", "The ferry was late every day"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Document(&doc.Document{ID: "t", Text: tt.text})
			var found []string
			for _, o := range r.Claims {
				found = append(found, "["+o.SpeakerText+"] "+tt.text[o.Begin:o.End])
				if tt.mention == "" {
					if strings.HasPrefix(tt.text[o.Begin:o.End], tt.content) {
						t.Fatalf("unexpected claim %q by %q", tt.text[o.Begin:o.End], o.SpeakerText)
					}
					continue
				}
				if tt.text[o.Begin:o.End] == tt.content {
					if o.SpeakerText != tt.mention && !(strings.HasPrefix(tt.mention, "…") && strings.HasSuffix(o.SpeakerText, strings.TrimPrefix(tt.mention, "…"))) {
						t.Fatalf("speaker mention %q, want %q", o.SpeakerText, tt.mention)
					}
					return
				}
			}
			if tt.mention != "" {
				t.Fatalf("no claim %q; found %q", tt.content, found)
			}
		})
	}
}

// TestLeadingClauseIsNoContentAfterApposition: in "…, the mayor, a tired
// man, said he quit." the mayor is the source and what he said is the
// clause after the cue, not the clause before the subject.
func TestLeadingClauseIsNoContentAfterApposition(t *testing.T) {
	text := "The council met on Friday, the mayor, a tired man, said he quit."
	a := analyse(text, DefaultGazetteer())
	if len(a.attrs) != 1 {
		t.Fatalf("want one attribution, got %d", len(a.attrs))
	}
	at := a.attrs[0]
	if src, content := text[at.Src.Span.Begin:at.Src.Span.End], text[at.Content.Begin:at.Content.End]; src != "the mayor" || content != "he quit." {
		t.Fatalf("source %q, content %q; want the mayor, he quit.", src, content)
	}
}

// TestClaimVariantsAndStatements: across documents, reported claims whose
// words mostly agree are one quote with variants; two different
// statements by one speaker on one subject stay two quotes, and so does
// a statement and a longer claim that contains it as a part.
func TestClaimVariantsAndStatements(t *testing.T) {
	docs := []string{
		"Councillor Ada Voss said the ferry service would resume in March after the new pier is finished.",
		"Ada Voss said the ferry service will resume in March once the new pier is finished.",
		"Ada Voss said the ferry fares would rise in March to pay for the new pier.",
		"According to Ada Voss, people close to the harbour board say the ferry service is about to be sold to a private firm, and the fares will double.",
		"Ada Voss said the ferry service is about to be sold.",
	}
	byDoc := map[string]string{}
	for _, q := range linkTexts(docs) {
		for _, o := range q.Occurrences {
			byDoc[o.Doc] = q.ID
		}
	}
	if len(byDoc) != len(docs) {
		t.Fatalf("every document should hold one claim: %v", byDoc)
	}
	if byDoc["a"] != byDoc["b"] {
		t.Errorf("the two wordings of the resumption are one quote: %v", byDoc)
	}
	for _, other := range []string{"c", "d", "e"} {
		if byDoc[other] == byDoc["a"] {
			t.Errorf("document %s holds another statement but was joined to the resumption", other)
		}
	}
	if byDoc["d"] == byDoc["e"] {
		t.Errorf("a short statement and the longer claim holding it were joined")
	}
}

// linkTexts extracts each text as a document with ids a, b, c… and links
// their quotes.
func linkTexts(texts []string) []Quote {
	var results []Result
	for i, text := range texts {
		results = append(results, Document(&doc.Document{ID: string(rune('a' + i)), Text: text}))
	}
	return Link(results)
}
