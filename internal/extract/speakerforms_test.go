package extract

import (
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

// TestSpeakerForms covers the forms in which news names who said
// something (invented sentences, one per form): for each, the mention
// that the quote or claim gives as its speaker, and its content.
func TestSpeakerForms(t *testing.T) {
	tests := []struct {
		name, text     string
		mention, text2 string // the speaker mention; a piece of the content
		kind           Kind
	}{
		{"honorific, cue after", "“The river will rise tonight,” Ms. Hallworth said.", "Hallworth", "river will rise", KindQuote},
		{"honorific, inverted", "“The river will rise tonight,” said Dr. Okafor.", "Okafor", "river will rise", KindQuote},
		{"honorific, according to", "According to Mrs. Delacroix, the bridge will stay closed until spring.", "Delacroix", "bridge will stay closed", KindClaim},
		{"honorific after an unquoted claim", "The harvest was the worst in a decade, Mr. Lindqvist said.", "Lindqvist", "harvest was the worst", KindClaim},
		{"title before the name", "Deputy Mayor Rosa Kettering said the tram line would open in May.", "Rosa Kettering", "tram line would open", KindClaim},
		{"lower-case role before the name", "The report was leaked, and party chairwoman Edda Voss said the leak was deliberate.", "Edda Voss", "leak was deliberate", KindClaim},
		{"description with of/for", "A spokeswoman for Brightwater said the plant would reopen next week.", "A spokeswoman for Brightwater", "plant would reopen", KindClaim},
		{"group noun", "The coalition tweeted that the march had been postponed.", "The coalition", "march had been postponed", KindClaim},
		{"description after a quotation", "“It was the coldest night of the year,” the ferryman said.", "the ferryman", "coldest night", KindQuote},
		{"adjective before a name", "A beaming Oduya said she would run again.", "Oduya", "she would run again", KindClaim},
		{"according to a document", "According to the audit, the museum lost money every year.", "the audit", "museum lost money", KindClaim},
		{"manner verb", "Haverford gushed that the new stadium was the finest in the league.", "Haverford", "new stadium was the finest", KindClaim},
		{"relative clause between", "Talbot, who had embraced Morrow at the gate, cried out, “We made it home!”", "Talbot", "We made it home", KindQuote},
		{"tail after the cue", "“I never saw the ledger,” Quimby said in a letter sent to the committee after the hearing ended.", "Quimby", "never saw the ledger", KindQuote},
		{"lower-case quote after the cue", "The radio host repeated, “it is shameful and deeply, deeply sad to watch this.”", "The radio host", "shameful", KindQuote},
		{"complement clause after a leading clause", "Despite the receipts in the file, Harrow later insisted he never paid the fee.", "Harrow", "he never paid the fee", KindClaim},
		{"told with a hearer", "Vance told reporters that the dam was safe.", "Vance", "dam was safe", KindClaim},
		{"plural description with prepositional phrases", "Several farmers at the market in Eastbridge said, “We cannot sell at these prices.”", "Several farmers at the market in Eastbridge", "cannot sell", KindQuote},
		{"object of a preposition is no subject", "The lawyer for the family at the hearing said the ruling was unfair.", "The lawyer for the family at the hearing", "ruling was unfair", KindClaim},
		{"parenthesis after the name", "Rep. Idris Calloway (D-Ore.) said, “The vote is a betrayal.”", "Idris Calloway", "vote is a betrayal", KindQuote},
		{"possessive apposition", "Mara Quill, the union’s chief negotiator, said: “Nobody signs tonight.”", "Mara Quill", "Nobody signs", KindQuote},
		{"possessive name apposition", "Mara Quill, Hensley’s chief negotiator, said: “Nobody signs tonight.”", "Mara Quill", "Nobody signs", KindQuote},
		{"honorific before a surname that is also a title", "“The well is dry,” Mr. Bishop said.", "Bishop", "well is dry", KindQuote},
		{"surname that is also a title, with an apposition", "“The well is dry,” Imke Bishop, a deputy harbour master, said.", "Imke Bishop", "well is dry", KindQuote},
		{"title, initial and a surname that is also a title", "“The well is dry,” Representative Oren J. Dean, Republican of Marlow, said.", "Oren J. Dean", "well is dry", KindQuote},
		{"pronoun after a free relative stands for the sentence's subject", "Ada Quill walked out over what she called “a brazen breach of the rules.”", "Ada Quill", "brazen breach", KindQuote},
		{"plural pronoun after a free relative, a body's subject", "The harbour board is seeking to contrast its plan with what they call the mayor’s “selfish scheme.”", "The harbour board", "selfish scheme", KindQuote},
		{"a relative with an antecedent keeps its pronoun", "Ada Quill voted against the levy, which she described as “a brazen breach of the rules.”", "she", "brazen breach", KindQuote},
		{"name of a kind of body after the article", "The State Department has said that most of the ledgers were “badly kept.”", "The State Department", "badly kept", KindQuote},
		{"name of a kind of body, inverted", "“Most of the ledgers were badly kept,” said the Police Department.", "the Police Department", "ledgers were badly kept", KindQuote},
		{"quotation after a verb of thinking inside another source's claim", "Ada Quill said that the voters of Dover have come to believe “that the harbour is a disgrace to the town.”", "Ada Quill", "harbour is a disgrace", KindQuote},
		{"ordinal describing the role", "The former first lady said it was “a grave mistake” to close the pier.", "The former first lady", "grave mistake", KindQuote},
		{"coordinated descriptions of one person, an abbreviation with full stops in the second", "The former harbour master and U.K. senator said it was “a grave mistake” to close the pier.", "The former harbour master and U.K. senator", "grave mistake", KindQuote},
		{"coordinated descriptions of one person, a role with a word after of in the second", "The harbour party front-runner and former secretary of state said the ferry was “a lost cause.”", "The harbour party front-runner and former secretary of state", "lost cause", KindQuote},
		{"coordinated descriptions of one person, a role with a word after of in the first", "Later, the former secretary of state and current party nominee said the ferry was “a lost cause.”", "the former secretary of state and current party nominee", "lost cause", KindQuote},
		{"ordinal describing the role, inverted", "“It was a grave mistake,” said a second official.", "a second official", "grave mistake", KindQuote},
		{"name before appositions with a town and state and a relative clause", "Donna Ruiz, 59, of Dover, Md., who watched the ceremony, said the event was “a fine thing for all of us.”", "Donna Ruiz", "fine thing", KindQuote},
		{"year between the subject and the cue", "The ferry board met Ada Quill, who in 2010 said the goal was “a harbour for every town.”", "who", "harbour for every town", KindQuote},
		{"quotation in a concessive clause with its own cue", "Ada Quill said she would meet the mayor, although she tweeted that she “rejects every word he said.”", "she", "rejects every word", KindQuote},
		{"title that takes the article, inverted", "“The well is dry,” said the Rev. Imke Wherry, of the harbour chapel.", "Imke Wherry", "well is dry", KindQuote},
		{"title that takes the article, before the cue", "The Rev. Imke Wherry said the well was “as dry as a bone.”", "Imke Wherry", "dry as a bone", KindQuote},
		{"abbreviation before a quotation opening with a small letter", "Ada Quill said the U.K. “clearly” needed a new harbour.", "Ada Quill", "clearly", KindQuote},
		{"a form of do between the subject and its verb, then a participle", "Ada Quill did not release the ledger, saying only that the panel had “seen every page of it.”", "Ada Quill", "seen every page", KindQuote},
		{"a form of do, then a participle with a hearer", "The harbour board did not answer, telling reporters that it was “busy with the tides.”", "The harbour board", "busy with the tides", KindQuote},
		{"a modal as a given name", "“The fees will rise again,” said Will Harrow, a professor of economics at the college.", "Will Harrow", "fees will rise", KindQuote},
		{"a function word as a surname, alone later", "Columnist Ada Will wrote about the harbour on Sunday.\n\n“The storm is a reminder of what is at stake,” Will wrote.", "Will", "storm is a reminder", KindQuote},
		{"a surname with a particle, named in full before", "Mayor Ada de Varga spoke on the radio on Friday.\n\n“I have not heard that at all,” de Varga said.", "de Varga", "not heard that", KindQuote},
		{"a surname with a particle opening the sentence", "Mayor Ada de Varga spoke on Friday. De Varga said the levy was “a disgrace to the city.”", "De Varga", "disgrace to the city", KindQuote},
		{"naming verb, one quoted word after an indefinite article", "Ada Quill called the mayor a “clown” at the meeting.", "Ada Quill", "clown", KindQuote},
		{"naming verb with as, one quoted word after an indefinite article", "Ada Quill described the harbour plan as a “disgrace” on Monday.", "Ada Quill", "disgrace", KindQuote},
		{"a number with an approximator before a plural", "About 200 dockers said, “We will not unload the ferry.”", "About 200 dockers", "will not unload", KindQuote},
		{"a number with a comma before a plural", "Some 1,200 dockers said the harbour was “a lost cause.”", "Some 1,200 dockers", "lost cause", KindQuote},
		{"a count of a group with of", "“We will not unload the ferry,” hundreds of dockers shouted.", "hundreds of dockers", "will not unload", KindQuote},
		{"a count with an approximator after with", "Ada Quill met the mayor, with about 50 dockers chanting “no more tolls” at the gate.", "about 50 dockers", "no more tolls", KindQuote},
		{"a counted group as the subject of a participle", "Hundreds of dockers marched through the town on Monday, chanting “No more tolls.”", "Hundreds of dockers", "No more tolls", KindQuote},
		{"a plural description as the subject of a participle", "Many voters went to the polls, saying the ferry plan was “a lost cause.”", "Many voters", "lost cause", KindQuote},
		{"a participle closing a subordinate clause takes its subject", "Ada Quill spoke near the pier, where about 50 dockers had gathered on Monday, chanting “No more tolls.”", "about 50 dockers", "No more tolls", KindQuote},
		{"a participle after a main clause after a subordinate one", "When the ferry docked, Ada Quill spoke for an hour, saying the levy was “a disgrace.”", "Ada Quill", "disgrace", KindQuote},
		{"chants of a quotation owned in the possessive", "Vane walked in to their chants of “Odo! Odo!” on Monday.", "their", "Odo! Odo!", KindQuote},
		{"chants of a quotation the subject answers with", "Dockers answered with loud chants of “No more tolls!” at the gate.", "Dockers", "No more tolls", KindQuote},
		{"naming participle with a hyphenated object", "Ada Quill targeted the board, calling cross-border traders “smugglers” and worse.", "Ada Quill", "smugglers", KindQuote},
		{"naming participle with a possessive object", "Odo Vane spoke for an hour, calling the board’s plan “reckless.”", "Odo Vane", "reckless", KindQuote},
		{"one quoted word after an indefinite article inside a claim", "Ada Quill said the ferry plan could be a “failure” if the board balks.", "Ada Quill", "failure", KindQuote},
		{"one quoted word before its noun after an indefinite article", "Odo Vane argued that the board had run a “rigged” tender for the pier.", "Odo Vane", "rigged", KindQuote},
		{"one quoted word after a possessive inside a claim", "Ada Quill said the mayor’s “excesses” were costing the town dearly.", "Ada Quill", "excesses", KindQuote},
		{"one quoted word after it’s inside a claim", "Odo Vane says it’s “hopeless” to dredge the harbour now.", "Odo Vane", "hopeless", KindQuote},
		{"one quoted word opening a that-clause", "Ada Quill argued that “outsiders” had taken over the harbour board.", "Ada Quill", "outsiders", KindQuote},
		{"abbreviation with full stops before the role", "A senior U.K. official said the treaty was “dead in the water.”", "A senior U.K. official", "dead in the water", KindQuote},
		{"abbreviation with full stops before the role, inverted", "“The treaty is dead in the water,” said a senior U.K. official.", "a senior U.K. official", "treaty is dead", KindQuote},
		{"name and verb framing a question", "“Would the ferry run on Sundays too?” Harrow pressed. “The town wants to know.”", "Harrow", "ferry run on Sundays", KindQuote},
		{"went on in the frame", "“The harbour wall will hold through the winter storms,” she went on.", "she", "harbour wall will hold", KindQuote},
		{"progressive cue after a contracted auxiliary", "He’s claiming that the ferry fare is “a big, big problem for this town” today.", "He", "big, big problem", KindQuote},
		{"issued text, a time word and its modifier before the participle", "Ada Quill sent a string of tweets early Friday saying that Vane had used the pier “as a private marina.”", "Ada Quill", "private marina", KindQuote},
		{"honorific before a surname that looks like a place", "“The well is dry,” said Ms. Ridge.", "Ridge", "well is dry", KindQuote},
		{"honorific before an office is an address", "“We have lost the vote, Mr. President,” Tamsin Holloway said.", "Tamsin Holloway", "lost the vote", KindQuote},
		{"name before a chain of appositions", "“The roof leaked all winter,” Odile Fenwright, 58, a retired teacher in Marlow, said.", "Odile Fenwright", "roof leaked", KindQuote},
		{"age and description before the cue", "Tobiah Quarrie, 41, a ferry pilot, said: “Nobody warned us.”", "Tobiah Quarrie", "Nobody warned us", KindQuote},
		{"bare name and colon after a dash", "TURNOUT FELL IN THE NORTH - Wendell Ashgrove: “Fewer voters came out than in any year since 1990.”", "Wendell Ashgrove", "Fewer voters", KindQuote},
		{"one quoted word inside a claim", "Orla Quint said the new levy was “ruinous” for small farms.", "Orla Quint", "ruinous", KindQuote},
		{"part of a group after the quote", "“The ballots were miscounted,” one of the observers said.", "one of the observers", "ballots were miscounted", KindQuote},
		{"part of a group, inverted", "“The ballots were miscounted,” said one of those observers, who asked not to be named.", "one of those observers", "ballots were miscounted", KindQuote},
		{"quantified role after the quote", "“The ballots were miscounted,” some observers said.", "some observers", "ballots were miscounted", KindQuote},
		{"present-tense cue closing the sentence after a quote", "“The ferry will not run until March,” Ellery notes.", "Ellery", "ferry will not run", KindQuote},
		{"phrasal cue with its particle", "Linnea Borrow pointed out that the ferry had never once run on time.", "Linnea Borrow", "ferry had never once run", KindClaim},
		{"phrasal cue, inverted after a quote", "“Nobody asked the fishermen,” shot back Councillor Amos Wrey.", "Amos Wrey", "Nobody asked the fishermen", KindQuote},
		{"nested quote marks of the Times archive", "''We will rebuild the school,'' Mr. Oyelaran said.", "Oyelaran", "rebuild the school", KindQuote},
		{"party and place description, inverted", "“The gap is too wide to close,” said a Vermont Republican. “Nobody believes the polls.”", "a Vermont Republican", "gap is too wide", KindQuote},
		{"another description by party", "“It will be close,” added another Ohio Democrat.", "another Ohio Democrat", "will be close", KindQuote},
		{"age as a noun", "“I have waited all my life for this,” said the 63-year-old.", "the 63-year-old", "waited all my life", KindQuote},
		{"place and role before the name, inverted", "“The hall was half empty,” said Dakota delegate Orrin Vale.", "Dakota delegate Orrin Vale", "hall was half empty", KindQuote},
		{"name and role before the name, inverted", "“We will win the county,” said Harlow campaign manager Ines Marrak.", "Harlow campaign manager Ines Marrak", "win the county", KindQuote},
		{"writer in the first person", "“I am not ashamed,” I said. “I would do it again.”", "I", "not ashamed", KindQuote},
		{"document as it", "“The fund must be audited,” it said in closing.", "it", "fund must be audited", KindQuote},
		{"relative pronoun for the name", "Then came the columnist Odo Frayne, who lamented in an interview, “We spent years mocking them.”", "who", "spent years mocking", KindQuote},
		{"noun that is also a cue", "“The vault had been opened twice,” the internal report said.", "the internal report", "vault had been opened", KindQuote},
		{"quoted words in a sentence about their speaker", "Ulla Brandvik described her rival’s plan as “a tax on every family in the valley.”", "Ulla Brandvik", "tax on every family", KindQuote},
		{"quoted words after a coordinated verb", "Tam Hollis caucused on Saturday and then voted “for nobody at all.”", "Tam Hollis", "for nobody at all", KindQuote},
		{"party and state abbreviation apposition", "Sen. Orla Penhallow, R-Wis., said in a column, “The fund was never audited.”", "Orla Penhallow", "fund was never audited", KindQuote},
		{"state abbreviation ending an apposition", "“We lost the barn,” Mr. Quayle, now 74 and living in Dover, Del., said on Friday.", "Quayle", "lost the barn", KindQuote},
		{"state abbreviation, claim", "Ferris Vane, of Hadley, Mass., said the mill would close.", "Ferris Vane", "mill would close", KindClaim},
		{"comma after a parenthesis", "Gov. Ada Threlkeld (R-Ohio), said, “We are renting a covered wagon.”", "Ada Threlkeld", "covered wagon", KindQuote},
		{"cue and colon after an adverbial, statement in the next paragraph", "In a speech in 1971, she declared:\n\n“We will build the bridge whatever the council decides.”", "she", "build the bridge", KindQuote},
		{"quotation ending its sentence, then a new sentence with its own cue", "Ada Quill tells supporters that “the mill will reopen.” She says the vote is next week.", "Ada Quill", "mill will reopen", KindQuote},
		{"quotation ending its sentence, then only the cue clause", "“We won.” Ruiz said.", "Ruiz", "We won", KindQuote},
		{"quotation in a claim whose source is a pronoun inside another claim", "Hobart says he believes his campaign has “the wind at its back” before the vote.", "Hobart", "wind at its back", KindQuote},
		{"capitalised adverb opening an introductory phrase", "Immediately after the vote, Gallagher issued a statement, “Tonight the county chose the river.”", "Gallagher", "county chose the river", KindQuote},
		{"subject with a description before the name, then a participle", "Former harbour master Ines Varga greeted the crowd, saying, “The ferry runs again tomorrow.”", "Former harbour master Ines Varga", "ferry runs again", KindQuote},
		{"new sentence introducing a quotation after one that ended", "Pell said, “The dam is older than the town.” He added, “Nobody has inspected it since.”", "He", "Nobody has inspected", KindQuote},
		{"verb outside the lexicon in the frame after a quotation", "“You left the gate open all winter,” Marlowe scolded in her letter.", "Marlowe", "left the gate open", KindQuote},
		{"inverted frame with a verb outside the lexicon", "“We lost the ferry vote,” fumed the harbour master.", "the harbour master", "lost the ferry vote", KindQuote},
		{"name with the place the person comes from", "“There is no room for that in the party,” former Gov. Jed Marrin of Florida said on Twitter.", "Jed Marrin of Florida", "no room for that", KindQuote},
		{"article and describing words before a name, inverted", "“It is a movement now,” said the younger Mr. Tolliver, surrounded by his sisters.", "the younger Mr. Tolliver", "movement now", KindQuote},
		{"hyphenated modifier before the name after a quotation", "“The ferry is sinking,” Dover-based Matt Quennell said.", "Matt Quennell", "ferry is sinking", KindQuote},
		{"hyphenated modifier", "“He should step aside,” the union-backed newspaper wrote.", "the union-backed newspaper", "should step aside", KindQuote},
		{"described name opening the complement after an introductory phrase", "At the harvest fair, Lyle said presumptive Harbour Party nominee Ada Tress is “trying to play the peacemaker.”", "Lyle", "play the peacemaker", KindQuote},
		{"article opening the complement after an introductory phrase", "Of Hallam, Quill said a lot of farmers in her county would find it “very hard to look past” the levy.", "Quill", "very hard to look past", KindQuote},
		{"quantifier opening the complement after an introductory phrase", "In an interview on the radio, Quill said any mayor who wants the county “owes it to the people” of the valley.", "Quill", "owes it to the people", KindQuote},
		{"parenthesis and apposition after the name", "Rep. Ada Quill (D-Md.), chair of the Harbour Committee, said that it was “fully committed to an open process” and more.", "Ada Quill", "open process", KindQuote},
		{"parenthesis without a full stop and apposition after the name", "Ada Quill (D-Ohio), chair of the Harbour Committee, said the ferry was “a lost cause.”", "Ada Quill", "lost cause", KindQuote},
		{"programme title before the subject, complement after the cue", "Wednesday on the radio show “Tide,” Odo Quill said if the harbour master picked him it would be a “two-pirate ticket.”", "Odo Quill", "two-pirate ticket", KindQuote},
		{"programme title of five words before a described subject", "On Tuesday’s episode of “The Long Harbour Morning Show,” the harbour master said she wanted to speak “directly to the fishermen” today.", "the harbour master", "directly to the fishermen", KindQuote},
		{"long hearer and time before that", "Ada Quill Vane told an audience at a book fair in Dover last week that the mayor's remarks were “beyond the pale.”", "Ada Quill Vane", "beyond the pale", KindQuote},
		{"quotation introduced by a cue whose pronoun stands in another claim", "The mayor left early. Brannagh said that she hopes “somebody else takes up the cause” against Vane.", "Brannagh", "takes up the cause", KindQuote},
		{"relative clause with a cue between the speaker and the cue after a quotation", "“I am a delegate and I do not believe in delegates,” Quill, who has not endorsed a candidate, told reporters in Dover.", "Quill", "do not believe", KindQuote},
		{"relative clause with a cue between the speaker and the cue before a quotation", "Quill, who has told aides he sees the issues as one, said in his statement: “We are trying to save the harbour.”", "Quill", "save the harbour", KindQuote},
		{"according to set off inside its sentence", "Over the long term, according to the harbour office, the rise in dredging costs “is mainly due to the silting of the channel.”", "the harbour office", "silting of the channel", KindQuote},
		{"participle after the frame of a quotation", "“We will open the locks,” Marrack said, adding that the town would send a “strong message to the river board.”", "Marrack", "strong message", KindQuote},
		{"hearer and place before a complement without that", "DOVER, June 10 — Harbour master Ada Quill told a gathering in Dover she will “keep the locks open all year.”", "Ada Quill", "keep the locks open", KindQuote},
		{"two-letter head noun", "The new ad says “nothing will change until the harbour board goes.”", "The new ad", "nothing will change", KindQuote},
		{"two-letter head noun after a quotation", "“The mayor sold the harbour,” the ad says.", "the ad", "sold the harbour", KindQuote},
		{"seat standing for the body in it", "The levy failed. The Grey House says the vote was a “respectful arrangement” for all.", "Grey House", "respectful arrangement", KindQuote},
		{"palace standing for the court in it", "“The levy will stay,” the Vardon Palace said.", "Vardon Palace", "levy will stay", KindQuote},
		{"two spaces between the cue and the source", "“The ferry is sinking,” said  harbour consultant Ines Varga.", "harbour consultant Ines Varga", "ferry is sinking", KindQuote},
		{"inscription cue after a quotation", "“The harbour will stay closed until May,” the notice read.", "the notice", "harbour will stay closed", KindQuote},
		{"inscription cue, inverted", "“The harbour will stay closed until May,” read the statement from the board.", "the statement", "harbour will stay closed", KindQuote},
		{"inscription cue introducing a quotation, pronoun", "At the bottom of the page it reads, “Send no money to the harbour board.”", "it", "Send no money", KindQuote},
		{"cue opening the sentence, source and comma before the quotation", "The harbour reopened. Said Ines Varga, who grew up by the river, “We were all so proud of the town.”", "Ines Varga", "so proud of the town", KindQuote},
		{"cue opening the sentence, colon ending the paragraph", "The ferry was late again.\n\nStated Varga:\n\n“I think the stakes are so high that the board will do anything.”", "Varga", "stakes are so high", KindQuote},
		{"relative time opening the sentence before the subject and a participle", "Hours later, Quill returned the favour, telling the radio, “The harbour master is an amazing man.”", "Quill", "amazing man", KindQuote},
		{"generation suffix ending the name", "“The ferry will run on Sunday,” Tom Quill Jr. said at a meeting.", "Tom Quill Jr", "ferry will run", KindQuote},
		{"generation suffix and an apposition", "“The ferry will run on Sunday,” Tom Quill Jr., the director of the board, said.", "Tom Quill Jr", "ferry will run", KindQuote},
		{"apposition inside as … put it", "As Ines Varga, the No. 2 on the board, put it, “We will fix the bridge before the winter.”", "Ines Varga", "fix the bridge", KindQuote},
		{"as … put it after a role and a name in apposition, a tail after the cue", "As the harbour chief executive, Jeff Weiner, put it in his memo to the crew, “Imagine a town where nobody waits for the ferry.”", "Jeff Weiner", "nobody waits", KindQuote},
		{"as … put it with an adverb before the verb", "As Ines Varga, a tax lawyer and senior fellow at the Harbour Institute, recently put it, “Did Quill lower his taxes or evade them?”", "Ines Varga", "lower his taxes", KindQuote},
		{"as … put it after a description", "Few checks were made, as a harbour board memo put it, on the “lawful source of investment income.”", "a harbour board memo", "lawful source", KindQuote},
		{"possessive description opening the sentence, then a participle", "Quill’s campaign shrugged off the mayor’s remarks, telling reporters, “Nobody on the board ever asked for his help.”", "Quill’s campaign", "Nobody on the board", KindQuote},
		{"singular noun before a base form is a compound, not a cue", "“The tide is turning,” Quill said on the radio show “Tide,” adding, “The money is in the budget.”", "Quill", "money is in the budget", KindQuote},
		{"apposition between the sentence's subject and its verb, then a participle", "Ada Quill, the chairwoman of the harbour board, emailed supporters, telling them, “Nobody can take the ferry from us.”", "Ada Quill", "Nobody can take", KindQuote},
		{"apposition with an abbreviation before a coordinated cue", "Odo Vane, a spokesman for Mrs. Quill, called on the mayor to resign and said he had reached a “new low” in the race.", "Odo Vane", "new low", KindQuote},
		{"person of a body after a quotation", "“Big tax cuts do not work in a time of debt,” James Quill of the Harbour Institute wrote recently.", "James Quill of the Harbour Institute", "tax cuts do not work", KindQuote},
		{"person of a body before the cue", "Ada Roe of the Harbour Institute said, “The levy will not pass this year.”", "Ada Roe of the Harbour Institute", "levy will not pass", KindQuote},
		{"parenthesis after the sentence's subject, then a participle", "In a statement released Thursday, Rep. Ada Quill (D-N.Y.) reacted to the news, saying: “The levy should be repealed.”", "Ada Quill", "levy should be repealed", KindQuote},
		{"inverted frame after a question", "“Is the mayor counting the boats at all?” reacted Quill.", "Quill", "counting the boats", KindQuote},
		{"relative clause inside the introductory phrase of the speaker's sentence", "As for the analysts who claim to find the levy fair, Quill said, “I just think they do not understand what the levy is.”", "Quill", "do not understand", KindQuote},
		{"relative clause inside the content of an outer claim", "On Monday, Quill insisted that mayors who refused to close the port were “out of their minds.”", "Quill", "out of their minds", KindQuote},
		{"participle after a frame whose sentence opens with a quotation of no subject", "“You will not win by small steps,” Mr. Quill said, adding that he hoped Mrs. Vane “does not shy away from big ideas.”", "Quill", "shy away", KindQuote},
		{"surname opened by a capital and an apostrophe", "Former Gov. Marten O’Malloran said the harbour would close before the winter.", "Marten O’Malloran", "harbour would close", KindClaim},
		{"person of a body whose name has no kind word", "Odo Vane of The Tide wrote, “If you want people to know you care, you have to show it.”", "Odo Vane of The Tide", "show it", KindQuote},
		{"hyphenated place modifier before a described name, inverted", "“How much worse could it get?” said Dover-based harbour strategist Ada Cardenas.", "Dover-based harbour strategist Ada Cardenas", "much worse", KindQuote},
		{"bare plural with a modifier after a quotation", "“The harm caused by the scheme is beyond measure,” federal prosecutors wrote in seeking the longest sentence.", "prosecutors", "harm caused", KindQuote},
		{"bare plural with a modifier set off inside the sentence", "The ferry was sold in May, harbour officials said, to a firm in Dover.", "officials", "ferry was sold", KindClaim},
		{"role for a party after a preposition", "“The facts have not changed,” a spokesman for committee Democrats said.", "a spokesman for committee Democrats", "facts have not changed", KindQuote},
		{"two descriptions of one person joined by and", "“The roof leaked all winter,” the independent Dover senator and Harbour Party candidate told the radio.", "the independent Dover senator and Harbour Party candidate", "roof leaked", KindQuote},
		{"modifiers of a role joined by a comma", "“The roof leaked all winter,” the bespectacled, 71-year-old diplomat said in an interview.", "the bespectacled, 71-year-old diplomat", "roof leaked", KindQuote},
		{"quotation in a claim nested in another source's claim", "Quill said Vane had told the board he would end the “open harbour” policy in May.", "Quill", "open harbour", KindQuote},
		{"no-break space inside a description", "“The kids do not like him,” this\u00a0source told the radio.", "this\u00a0source", "kids do not like", KindQuote},
		{"place adverb opening an introductory phrase", "Here in Dover, Quill stepped up his talk of the harbour, saying, “We have got to reach the day when the ferry runs.”", "Quill", "ferry runs", KindQuote},
		{"office in lower case with its of before the name, inverted", "“The first line of defense is within the town,” said former secretary of state Ada Quill, who praised the mayor.", "former secretary of state Ada Quill", "first line of defense", KindQuote},
		{"described name and a colon opening a paragraph", "The hearing went on.\n\nFormer harbour master Odo Vane:“We learned that from the harbour office and its records.”", "Former harbour master Odo Vane", "learned that", KindQuote},
		{"described name of unknown type ending the inverted source", "“I am not going to call it a mistake,” said retired ferryman Bo Carrack, asked about the claims.", "retired ferryman Bo Carrack", "call it a mistake", KindQuote},
		{"participle after an inverted description", "“Whoever opens the gates has no place pretending here!” wrote a man calling himself Odo Odo.", "a man", "opens the gates", KindQuote},
		{"participle after the head of an inverted description", "“The gates must stay open,” said a ferryman holding a sign.", "a ferryman", "gates must stay open", KindQuote},
		{"state abbreviation ending an apposition before a relative clause", "“Both men scare me very much,” Hal Bondor, 30, of Dover, N.H., who was among those polled, said in an interview.", "Hal Bondor", "scare me", KindQuote},
		{"participle opening a clipped sentence after its frame", "Later in the show, Quill stated of the levy that the report “was not good.” Adding, “Now, like with all harbour scandals, what they do is never that bad.”", "Quill", "never that bad", KindQuote},
		{"quotation paragraph signed on the next line after a dash", "The debate went on.\n\n\"The idea that I would close the harbour while we wait is just not accurate.\"\n\n- Quill.", "Quill", "close the harbour", KindQuote},
		{"quotation signed on its own line after the quotation dash", "Readers wrote to us.\n\n“The ferry is late every single morning and nobody at the board cares.” ― Ada Quill\n“Nothing works in this harbour any more.”― Odo Vane.", "Ada Quill", "ferry is late every single morning", KindQuote},
		{"second quotation signed on its own line, no space before the dash", "Readers wrote to us.\n\n“The ferry is late every single morning and nobody at the board cares.” ― Ada Quill\n“Nothing works in this harbour any more, and the board knows it.”― Odo Vane.", "Odo Vane", "Nothing works in this harbour", KindQuote},
		{"signed quotation with a place after the name", "The fair closed.\n\n\"The whole idea of a crooked mayor is something we hear about all the time.\"\n\n-Michelle Vane, Dover.", "Michelle Vane", "crooked mayor", KindQuote},
		{"two names and a colon after a dash", "POLLS NOT WRONG, JUST TOO EARLY - Ada Quill and Odo Vane: “Although the polls failed to predict the win, it is not because they were wrong.”", "Ada Quill and Odo Vane", "polls failed", KindQuote},
		{"more from a name and a colon", "What that means for this year - More from Jones: “The partisanship of the state is a starting point in finding its vote.”", "Jones", "partisanship", KindQuote},
		{"description after from and a colon", "Not all panels are equal. From the report: “In general, samples with more careful weighting produced better results.”", "the report", "careful weighting", KindQuote},
		{"described name opening the complement after a place with an apostrophe", "Saturday at the ferrymen’s rally Sen. Mara Quill said harbour master Odo Vane was a “proven failure” in office.", "Mara Quill", "proven failure", KindQuote},
		{"naming verb coordinated with an earlier verb", "Ada Quill took the stage at the harbour fair and called the ferry plan “a swindle from start to finish.”", "Ada Quill", "swindle", KindQuote},
		{"participle after a statement the subject issued", "The harbour board released a statement Wednesday saying the plan “rests on opinion, not on facts,” and closed the meeting.", "The harbour board", "rests on opinion", KindQuote},
		{"participle after a memo an organisation sent out", "The Harbour Trust sent out a memo Friday saying the mayor had been “asleep at the wheel” for years.", "The Harbour Trust", "asleep at the wheel", KindQuote},
		{"naming participle before an unattributed quotation", "Speaking at a town hall in Dover, Ada Quill went after Odo Vane, calling him “a total stiff.”", "Ada Quill", "total stiff", KindQuote},
		{"connective adverb and comma opening the sentence", "However, Ada Quill held her fire on Odo Vane, calling him a “decent man” at the fair.", "Ada Quill", "decent man", KindQuote},
		{"past tense between two names is the first one's verb", "Ada Quill hammered Odo Vane, calling him a “train wreck” at the fair.", "Ada Quill", "train wreck", KindQuote},
		{"participle phrase opening the sentence", "Flying home one night in the ferry, Ada Quill vented to her husband that the vote would be “a huge shock” to all.", "Ada Quill", "huge shock", KindQuote},
		{"ordinal and comma opening the sentence", "First, Ada Quill attacked Odo Vane for being a “failed candidate” twice.", "Ada Quill", "failed candidate", KindQuote},
		{"city and state inside an introductory phrase", "At a town hall in Salem, Oregon, on Sunday, Ada Quill went after Odo Vane, calling him “a total stiff.”", "Ada Quill", "total stiff", KindQuote},
		{"organisation after its article, then an auxiliary", "The Harbour Trust has stayed away from the talks, calling the levy “a tax on every family.”", "The Harbour Trust", "tax on every family", KindQuote},
		{"it in the frame after a quotation, a verb outside the lexicon", "The harbour report was blunt. “Keep the ferry levy in place at the current level,” it recommended.", "it", "ferry levy", KindQuote},
		{"naming verb before single quotation marks", "Former harbour chief Ada Quill calls the ferry levy ‘a fraud’ at a rally.", "Ada Quill", "a fraud", KindQuote},
		{"adverb after a time phrase after the subject", "The Quill campaign on Monday also doubled down on its attacks, saying the mayor is fit “on paper” but weak.", "The Quill campaign", "on paper", KindQuote},
		{"relative clause between a description and its cue", "A harbour official who spoke on condition of anonymity said Wednesday, “Certainly there are talks with the ferrymen.”", "A harbour official", "Certainly there are talks", KindQuote},
		{"relative clause with two verbs", "One of the two pilots who told the same story but asked not to be named said, “It was unseemly from start to finish.”", "One of the two pilots", "unseemly", KindQuote},
		{"two relative clauses joined by and", "Another ferryman who worked on the pier and who did not give his name said, “We were never told about the levy.”", "Another ferryman", "never told", KindQuote},
		{"relative clause after a name", "Ada Quill who runs the market stall said, “Prices have doubled since May.”", "Ada Quill", "Prices have doubled", KindQuote},
		{"title closing an apposition, its comma inside the marks", "Ada Quill, author of “The Harbour,” said, “The ferry will run again.”", "Ada Quill", "ferry will run", KindQuote},
		{"title closing an apposition, inverted", "“The ferry will run again,” Ada Quill, author of “The Harbour,” said.", "Ada Quill", "ferry will run", KindQuote},
		{"title closing an apposition inside as … put it", "As Ada Quill, author of ''The Harbour,'' put it, ''The ferry will run again.''", "Ada Quill", "ferry will run", KindQuote},
		{"relative clause inside another source's claim keeps its speaker", "Ada Quill said she had seen the ledger, which she described as “like an open orchid.”", "she", "open orchid", KindQuote},
		{"quoted words inside a participle apposition", "Odo Vane, wearing a hat and “Vote Quill” pins, said: “We have had better fairs than this one.”", "Odo Vane", "better fairs", KindQuote},
		{"a clause inside the relative clause keeps its own subject", "Odo Vane, the harbour master who gained fame last year when he yelled “Shame on you!” at the mayor, sat down.", "he", "Shame on you", KindQuote},
		{"the object of another verb is no subject", "Quill thanked the ushers who stood at the door and said, “You were all wonderful tonight.”", "Quill", "wonderful tonight", KindQuote},
		{"that before a name whose cue introduces a quotation", "The debate grew so heated that Harbour Gov. Ada Quill said, “I need a translator for all of this.”", "Ada Quill", "need a translator", KindQuote},
		{"that before a surname whose cue introduces a quotation", "It was so cold that Vane wrote: “The ferry will not sail until March.”", "Vane", "ferry will not sail", KindQuote},
		{"that before a name whose verb group ends in a cue introducing a quotation", "The debate was so quiet that Ada Quill was prompted to say, “I cannot believe how civil it has been.”", "Ada Quill", "how civil it has been", KindQuote},
		{"a quotation after its own cue in the next sentence is not joined to the one before", "“The port is closed,” Ada Quill said. No ferry, she said, “will sail before March.”", "she", "will sail before March", KindQuote},
		{"a quotation after a frame sentence continues the one before", "“The port is closed,” Ada Quill said. “No ferry will sail before March.”", "Ada Quill", "No ferry will sail", KindQuote},
		{"a body's noun before a role noun after the cue", "The crowd booed. “Nobody wants a brawl tonight,” said one party activist.", "one party activist", "Nobody wants a brawl", KindQuote},
		{"a body's noun before a role noun, with a relative clause after", "“The ferry will not sail,” said a committee spokeswoman, who asked not to be named.", "a committee spokeswoman", "ferry will not sail", KindQuote},
		{"main clause cue after a subordinate clause with a cue", "After former governor Odo Vane criticized the levy during a debate, Ada Quill shot back, “I suppose I could have stayed home.”", "Ada Quill", "could have stayed home", KindQuote},
		{"main clause cue and colon after a subordinate clause with a cue", "When Odo Vane suggested that Calais would sue the port, Ada Quill fired back forcefully: “If they sue us in Dover, they will lose.”", "Ada Quill", "they will lose", KindQuote},
		{"adverb after an auxiliary before a verb and a colon", "The board met on Monday. Ada Quill has since apologized for what happened: “Yes, I should have used two addresses.”", "Ada Quill", "two addresses", KindQuote},
		{"aside between commas right before a quotation inside a claim", "The board met. In a memo on Tuesday, harbour chief Odo Vane acknowledged the two had split the votes, which is an outcome, he said, “we have long anticipated.”", "he", "long anticipated", KindQuote},
		{"cue, adverbial and colon after an introductory phrase", "Regarding the exchanges, the harbour board said in a statement: “Neither of these letters involve the mayor.”", "the harbour board", "Neither of these letters", KindQuote},
		{"name, party in parentheses and a colon", "The hearing went on.\n\nRep. Ada Quill (R-S.C.): “I have not heard anyone cite that figure.”", "Rep. Ada Quill", "cite that figure", KindQuote},
		{"a cue form after a determiner inside an apposition is a noun", "The board met. Odo Vane, who lives in a hamlet outside of the state capital, Sacramento, said he still “prays that the ferry ends up in public hands.”", "Odo Vane", "prays that the ferry", KindQuote},
		{"participle after by", "The board met. Ada Quill ended her speech by saying, “I am trying to keep the ferry running for all of you.”", "Ada Quill", "keep the ferry running", KindQuote},
		{"participle after by with its claim", "The harbour chief answered the charge by saying the levy was “a tax on every family.”", "The harbour chief", "tax on every family", KindQuote},
		{"participle after after", "The board met. Ada Quill left the stage after telling the crowd, “Nobody here will pay the levy.”", "Ada Quill", "pay the levy", KindQuote},
		{"participle after while", "The board met. Odo Vane praised the mayor while insisting he had a “great relationship” with the ferrymen.", "Odo Vane", "great relationship", KindQuote},
		{"subject of a participle after with", "The board met. Some of the crowd kicked a protester, with Ada Quill reportedly yelling: “Get him out of here!”", "Ada Quill", "Get him out", KindQuote},
		{"a past tense before to and a verb ends the subject", "The board met. The Democratic mayor appeared to defend his plans, saying, “I am trying to keep the ferry running.”", "The Democratic mayor", "keep the ferry running", KindQuote},
		{"quotation and its frame in an aside between dashes", "The board met. Ada Quill suggested that the plan was unserious - “Again, we need to get into the details,” she said - and left the hall.", "she", "get into the details", KindQuote},
		{"quotation and its frame in parentheses", "The crowd booed. (“I do not want to have a brawl,” said one party activist.)", "one party activist", "have a brawl", KindQuote},
		{"apposition between dashes before the cue", "The board met. Odo Vane — the harbour master who lost the vote in 2008 — said the mayor “offered no changes to his strategy.”", "Odo Vane", "offered no changes", KindQuote},
		{"a place's name that is the surname of a titled person speaks as that person", "Former mayor Ada Paris spoke on Monday.\n\n“Republicans will have to recruit interns to fill the seats,” Paris said.", "Paris", "recruit interns", KindQuote},
		{"as X puts it, in the present tense", "The board met. That is because, as Ada Quill puts it, “the best thing we have going for us” is that rates stayed low.", "Ada Quill", "best thing we have", KindQuote},
		{"a person after an outlet in the possessive, inverted", "The board met. “Senate members are unmoved,” said The Gazette’s Ada Quill.", "The Gazette’s Ada Quill", "Senate members", KindQuote},
		{"a person after an outlet in the possessive, as clause", "The board met. As The Gazette’s Ada Quill puts it, “Senate members are unmoved.”", "The Gazette’s Ada Quill", "Senate members", KindQuote},
		{"dateline before the sentence's subject", "Dover (AFP) – Harbour chief Ada Quill has taken a swipe at her rival, saying that “loud comments” do more harm than good.", "Harbour chief Ada Quill", "loud comments", KindQuote},
		{"dateline with a date before the sentence's subject", "DOVER, Aug. 24 (UPI) — Ada Quill took a swipe at her rival, saying that “loud comments” do more harm than good.", "Ada Quill", "loud comments", KindQuote},
		{"name between dashes after a description", "The board met. A former harbour master -- Odo Vane -- said the mayor “offered no changes to his strategy.”", "A former harbour master", "offered no changes", KindQuote},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Document(&doc.Document{ID: "t", Text: tt.text})
			var found []string
			for _, o := range append(r.Quotes, r.Claims...) {
				found = append(found, string(o.Kind)+" ["+o.SpeakerText+"] "+tt.text[o.Begin:o.End])
				if o.Kind != tt.kind || !strings.Contains(tt.text[o.Begin:o.End], tt.text2) {
					continue
				}
				if o.SpeakerText != tt.mention {
					t.Fatalf("speaker mention %q, want %q", o.SpeakerText, tt.mention)
				}
				return
			}
			t.Fatalf("no %s holding %q; found %q", tt.kind, tt.text2, found)
		})
	}
}

// TestTitlesAndSplitQuotes: a programme title in quotation marks after
// the cue is no quote of the speaker, and the second half of a split
// quote takes the speaker of the first even when the cue clause runs on.
func TestTitlesAndSplitQuotes(t *testing.T) {
	qs := quotesOf("“The levee held,” Ostrander said on “Weekend Report.”")
	if len(qs) != 2 || qs[0].Kind != KindQuote || qs[0].SpeakerText != "Ostrander" || qs[1].Kind != KindTerm {
		t.Fatalf("title: got %+v", qs)
	}
	qs = quotesOf("“The harbour,” Pell said on Tuesday, “has never been this quiet.”")
	if len(qs) != 1 || qs[0].SpeakerText != "Pell" || len(qs[0].Parts) != 2 {
		t.Fatalf("split quote with a tail on the cue: got %+v", qs)
	}
	qs = quotesOf("“We are ready,” Pell told reporters outside the depot. “Every crate has to be counted before we sail.”")
	if len(qs) != 1 || qs[0].SpeakerText != "Pell" || len(qs[0].Parts) != 2 {
		t.Fatalf("split quote: got %+v", qs)
	}
}

// TestSpeakerIsNoPlace: a name that is spelled near a place is not that
// place, and a place is never a speaker.
func TestSpeakerIsNoPlace(t *testing.T) {
	r := Document(&doc.Document{ID: "t", Text: "“I kept no copy,” Brazile said. Perry said the vote was close. Paris said the treaty stands."})
	for _, o := range append(r.Quotes, r.Claims...) {
		if o.SpeakerType == Place {
			t.Errorf("%q: speaker %q is a place", o.Text, o.Speaker)
		}
		if o.Speaker == "Brazil" || o.Speaker == "Peru" || o.Speaker == "Paris" {
			t.Errorf("%q: speaker %q", o.Text, o.Speaker)
		}
	}
}

// TestQuoteRunsOverParagraphs: a paragraph that is one quotation, after
// a paragraph quoting someone, goes on quoting them; not when someone
// else speaks in between, nor when it is a subheading in title case.
func TestQuoteRunsOverParagraphs(t *testing.T) {
	qs := quotesOf("“The harvest came early,” Brannock said at the co-op.\n\n“We had the barns ready a month before anyone else did.”")
	if len(qs) != 2 || qs[1].SpeakerText != "Brannock" {
		t.Fatalf("running quote: got %+v", qs)
	}
	qs = quotesOf("“The harvest came early,” Brannock said. Delmore said the prices fell.\n\n“We had the barns ready a month before anyone else did.”")
	if len(qs) != 2 || qs[1].SpeakerText != "" {
		t.Fatalf("another speaker between: got %+v", qs)
	}
	qs = quotesOf("“The harvest came early,” Brannock said.\n\n“A Season Of Early Barns And Late Rain.”")
	if len(qs) != 2 || qs[1].SpeakerText != "" {
		t.Fatalf("subheading: got %+v", qs)
	}
}

// TestItThinksNothing: "it" is the source of speaking and writing
// verbs, not of thinking.
func TestItThinksNothing(t *testing.T) {
	r := Document(&doc.Document{ID: "t", Text: "Vance said it’s unrealistic to think that if the fleet stays home, “the sea will protect us.”"})
	for _, o := range append(r.Quotes, r.Claims...) {
		if o.SpeakerText == "it" {
			t.Errorf("%s %q attributed to it", o.Kind, o.Text)
		}
	}
}

// TestFirstPersonNeedsAQuotation: "I" is a source next to a quotation it
// introduces or closes, not in a transcript's "I think …".
func TestFirstPersonNeedsAQuotation(t *testing.T) {
	r := Document(&doc.Document{ID: "t", Text: "I think the “old guard” will lose the vote in the spring and the party will split."})
	for _, o := range append(r.Quotes, r.Claims...) {
		if o.SpeakerText == "I" {
			t.Errorf("%s %q attributed to I", o.Kind, o.Text)
		}
	}
}

// TestSubjectQuotesStayTerms: the sentence subject takes no title, no
// single word and no quotation when the subject is no person.
func TestSubjectQuotesStayTerms(t *testing.T) {
	for _, text := range []string{
		"Ulla Brandvik starred in “The Long Harbour Winter” last year.",
		"Ulla Brandvik called the plan “reckless.”",
		"The committee stood by its plan of “a tax on every family in the valley.”",
	} {
		for _, o := range quotesOf(text) {
			if o.Kind == KindQuote && o.Cue != "called" {
				t.Errorf("%q: %q is a quote by %q", text, o.Text, o.SpeakerText)
			}
		}
	}
}

// TestPlaceBeforeTitleOnlyRun: a place followed by a comma and a run of
// titles only ("Dover, President of the club") does not panic.
func TestPlaceBeforeTitleOnlyRun(t *testing.T) {
	for _, text := range []string{"She flew to Dover, Gov. and then home.", "He lives in Dover, President of the club."} {
		_ = Document(&doc.Document{ID: "t", Text: text})
	}
}

// TestDescribedNameAfterClosingCue: a described name after a cue that
// closes the sentence, with no verb after it, opens no clause: the
// attribution keeps what came before.
func TestDescribedNameAfterClosingCue(t *testing.T) {
	text := "The levy failed, Quill said in Dover."
	r := Document(&doc.Document{ID: "t", Text: text})
	if len(r.Claims) != 1 || text[r.Claims[0].Begin:r.Claims[0].End] != "The levy failed" || r.Claims[0].SpeakerText != "Quill" {
		t.Fatalf("got %+v", r.Claims)
	}
}

// TestSeatSpeaksAsOrganisation: a seat that speaks is an organisation,
// not a person named by the shape of its name nor a place.
func TestSeatSpeaksAsOrganisation(t *testing.T) {
	for _, text := range []string{
		"The Grey House said the levy was a “total failure.”",
		"“The levy will stay,” the Vardon Palace said.",
	} {
		qs := quotesOf(text)
		if len(qs) != 1 || qs[0].SpeakerType != Org {
			t.Errorf("%q: got %+v", text, qs)
		}
	}
}

// TestInscriptionVerbAwayFromQuotation: "read" is a cue only next to a
// quotation; someone reading a document is no source of a quoted title
// further on.
func TestInscriptionVerbAwayFromQuotation(t *testing.T) {
	text := "Quill read the harbour report to the council at noon and then the board chose the title “Tides of the Valley Harbour” for it."
	for _, o := range quotesOf(text) {
		if o.Cue == "read" {
			t.Errorf("quotation attributed by %q to %q", o.Cue, o.SpeakerText)
		}
	}
}

// TestQuestionThenNewSentence: after a quotation that ends in a question
// mark, a capitalised word opens the next sentence, not the frame: the
// second part of a split quotation keeps the first part's speaker.
func TestQuestionThenNewSentence(t *testing.T) {
	text := "“The ferry has been late for seven years,” Quill said, asked about the delays. “Why should I be surprised?” The board said it would answer next week."
	qs := quotesOf(text)
	if len(qs) != 1 || qs[0].SpeakerText != "Quill" || !strings.Contains(qs[0].Text, "surprised") {
		t.Fatalf("got %+v", qs)
	}
}

// TestOpeningParticipleNeedsAFrame: a participle opening a sentence takes
// the source of the sentence before only when that sentence has one.
func TestOpeningParticipleNeedsAFrame(t *testing.T) {
	for _, o := range quotesOf("The ferry left at noon. Adding, “Now, like with all harbour scandals, what they do is never bad.”") {
		if o.SpeakerSpan != nil {
			t.Errorf("got speaker %q for %q", o.SpeakerText, o.Text)
		}
	}
}

// TestBylineNeedsAQuotationParagraph: a dash and a name under a paragraph
// that does more than quote signs nothing.
func TestBylineNeedsAQuotationParagraph(t *testing.T) {
	text := "The mayor said the \"harbour plan\" was dead and the ferry would stop running in May.\n\n- Quill."
	for _, o := range quotesOf(text) {
		if o.Cue == "-" {
			t.Errorf("quotation %q signed by %q", o.Text, o.SpeakerText)
		}
	}
}

// TestNamingParticipleOtherSense: "calling" before a preposition visits
// or urges; the quotation after it is no name the subject gives.
func TestNamingParticipleOtherSense(t *testing.T) {
	for _, o := range quotesOf("The ferry left Dover at noon, calling at the harbour of “Seven Winds” on the way.") {
		if o.SpeakerSpan != nil {
			t.Errorf("got speaker %q for %q", o.SpeakerText, o.Text)
		}
	}
}

// TestTitledHeadline: a headline in title case that opens with a name the
// document gives in full and a colon or a cue quotes that person (words
// after a preposition there are no title); before a colon, words the
// document does not name again speak too, unless they are a page label.
func TestTitledHeadline(t *testing.T) {
	qs := quotesOf("Quill: Vane Is ‘Not Fit To Serve As Mayor Of Dover.’\n\nAda Quill spoke at the harbour on Monday.")
	if len(qs) != 1 || qs[0].SpeakerText != "Quill" || qs[0].Speaker != "Ada Quill" || qs[0].Kind != KindQuote {
		t.Fatalf("got %+v", qs)
	}
	qs = quotesOf("Quill Says Vane Appeals To ‘Bad Angels Of Our Nature.’\n\nAda Quill spoke at the harbour on Monday.")
	if len(qs) != 1 || qs[0].SpeakerText != "Quill" || qs[0].Cue != "Says" || qs[0].Kind != KindQuote {
		t.Fatalf("got %+v", qs)
	}
	qs = quotesOf("Quill Visits Dover Harbour After The Storm: ‘This Cannot Continue.’\n\nAda Quill spoke at the harbour on Monday.")
	if len(qs) != 1 || qs[0].SpeakerText != "Quill" || qs[0].Cue != ":" {
		t.Fatalf("got %+v", qs)
	}
	// Words before the colon that the text does not name again still
	// speak: a person, a column, a report.
	qs = quotesOf("Cecile Ross: ‘I Am Sick Of Men Telling Us What To Do.’\n\nThe hall was full on Monday.")
	if len(qs) != 1 || qs[0].SpeakerText != "Cecile Ross" || qs[0].Cue != ":" {
		t.Fatalf("got %+v", qs)
	}
	qs = quotesOf("Report: Vane Is ‘Not Fit To Serve As Mayor Of Dover.’\n\nAda Quill spoke at the harbour on Monday.")
	if len(qs) != 1 || qs[0].SpeakerText != "Report" {
		t.Fatalf("got %+v", qs)
	}
	// The frame after a comma at the end of the headline.
	qs = quotesOf("Vane Is ‘Not Fit To Serve,’ Ada Quill Tells Harbour Board.\n\nAda Quill spoke at the harbour on Monday.")
	if len(qs) != 1 || qs[0].SpeakerText != "Ada Quill" || qs[0].Cue != "Tells" {
		t.Fatalf("got %+v", qs)
	}
	// A page label is no speaker.
	for _, o := range quotesOf("WATCH: Vane Is ‘Not Fit To Serve As Mayor Of Dover.’\n\nAda Quill spoke at the harbour on Monday.") {
		if o.SpeakerSpan != nil {
			t.Errorf("got speaker %q for %q", o.SpeakerText, o.Text)
		}
	}
}

// TestSentenceGoesOnIntoSmallQuotation: a full stop before a quotation
// whose first letter is small ends no sentence ("the U.K. “clearly”"),
// one before a quotation opening with a capital does.
func TestSentenceGoesOnIntoSmallQuotation(t *testing.T) {
	text := "Ada Quill said the U.K. “clearly” needed a harbour. “We won,” she said."
	ps := []doc.Span{{Begin: 0, End: len(text)}}
	got := sentences(text, ps, nil)
	if len(got) != 2 || !strings.HasPrefix(text[got[1].Begin:got[1].End], "“We won") {
		var ss []string
		for _, s := range got {
			ss = append(ss, text[s.Begin:s.End])
		}
		t.Errorf("sentences = %q", ss)
	}
}

// TestAdverbialClauseIsNoContent: an adverbial clause alone before the
// subject and its cue tells when the source spoke, not what it said
// ("Although Quill admitted …, he claimed …", "When Vane suggested …,
// Quill fired back."); a clause after it, a
// parenthetical cue or a quotation opening the sentence still is what
// was said.
func TestAdverbialClauseIsNoContent(t *testing.T) {
	for _, text := range []string{
		"Although Quill admitted to the paper that the two had been “friends for some time,” he claimed they never met.",
		"When Vane suggested that Calais would sue the port, Quill fired back.",
	} {
		r := Document(&doc.Document{ID: "x", Text: text})
		for _, c := range r.Claims {
			if strings.HasPrefix(c.Text, "Although") || strings.HasPrefix(c.Text, "When") {
				t.Errorf("%q: claim %q by %q", text, c.Text, c.SpeakerText)
			}
		}
	}
	for _, tt := range []struct{ text, content string }{
		{"If the levy passes, the mayor said, the ferry will stop.", "If the levy passes"},
		{"When she finally noticed Mr. Quill, her eyes widened with surprise, he said.", "her eyes widened"},
	} {
		r := Document(&doc.Document{ID: "x", Text: tt.text})
		found := false
		for _, c := range r.Claims {
			found = found || strings.Contains(c.Text, tt.content)
		}
		if !found {
			t.Errorf("%q: no claim holds %q", tt.text, tt.content)
		}
	}
}

// TestGroupThoughtQuotes: words quoted inside the thought of a group
// ("they believe", "voters who think") are a poll's or the writer's
// wording, given to no speaker; inside one person's thought they are
// that person's.
func TestGroupThoughtQuotes(t *testing.T) {
	for _, tt := range []struct{ text, speaker string }{
		{"They believe the mayor is “a disaster for the harbour.”", ""},
		{"Few of the fishermen who think the levy is “a fair deal” came to the meeting.", ""},
		{"Harbour voters believe the mayor will “Sell the harbour to the highest bidder.”", ""},
		{"Ada Quill believes the mayor is “a disaster for the harbour.”", "Ada Quill"},
	} {
		qs := quotesOf(tt.text)
		if len(qs) != 1 || qs[0].Kind != KindQuote || qs[0].SpeakerText != tt.speaker {
			t.Errorf("%q: got %+v, want a quote by %q", tt.text, qs, tt.speaker)
		}
	}
}

// TestElisionIsNoQuotationMark: an apostrophe before the two digits of a
// year or before an elided word opens no quotation, so the quotations
// after it keep their speakers.
func TestElisionIsNoQuotationMark(t *testing.T) {
	qs := quotesOf("“That is what he did in ’08 and ’12. He is doing it again,” said Ada Quill.")
	if len(qs) != 1 || qs[0].SpeakerText != "Ada Quill" {
		t.Errorf("years: got %+v", qs)
	}
	qs = quotesOf("\"The harbour is sinking,\" said Odo in 't Veld, a Dutch councillor.\n\nAda Quill said the vote was near. \"Things are changing,\" Quill said.\n\nThe councillors' targets are the ferrymen.")
	if len(qs) != 2 || qs[1].SpeakerText != "Quill" || qs[1].Kind != KindQuote {
		t.Errorf("elided word: got %+v", qs)
	}
}
