package extract

import "sync"

// The passes over every token (the attribution scan, the name-run scan)
// ask of each word whether it is in one word list after another: a cue
// verb? a naming verb? a saying noun? the first word of "according to"?
// Each question is a map lookup that hashes the word again, and on a
// document of a thousand words they added up to a third of extraction's
// time. So each token's lists are looked up once, in one map of bits, and
// those passes test bits. The word lists stay the maps they are: every
// other question still asks them.

// wordClass holds one bit per word list a key belongs to.
type wordClass uint64

// The word lists the per-token passes ask about.
const (
	wcCueVerb wordClass = 1 << iota
	wcPassiveCue
	wcNamingVerb
	wcFindingVerb
	wcSayingNoun
	wcAccordingFirst // first word of an "according to" phrase
	wcPhrasalFirst   // first word of a phrasal cue
	wcFunctionWord
	wcCalendarWord
	wcInscriptionCue

	// The lists the name-run scan (findNameRuns, classifyRun, formType)
	// asks about each word of a run and the words around it.
	wcTitle     // isTitle: titles, rankAbbreviations, moreTitles
	wcTitleWord // titles alone
	wcHonorific // honorifics
	wcAddressedOffice
	wcOrgWord
	wcOrgHead
	wcOrgRoleNoun
	wcOutletNoun
	wcGenericNoun
	wcGenericModifier
	wcPlaceFollower
	wcArticleStart
	wcNameParticle
	wcRoleNoun
	wcPersonNoun
	wcDeterminer
	wcPreposition
	wcCorporateSuffix
	wcOfPlace
	wcWeekday
	wcLabelWord
	wcHoliday
	wcEventHead
	wcVesselPrefix
	wcUnitHead
	wcAdverbial
	wcNotHead
	wcDemonym
	wcDirection
	wcCompass
	wcPlaceHead
	wcPlaceOpener
	wcPlaceNoun
	wcPlaceWord
)

// wordClasses maps every key of the lists to its bits; a key in none is
// absent (class 0).
var wordClasses = buildWordClasses()

func buildWordClasses() map[string]wordClass {
	m := map[string]wordClass{}
	add := func(c wordClass, words map[string]bool) {
		for w, in := range words {
			if in {
				m[w] |= c
			}
		}
	}
	add(wcCueVerb, cueVerbs)
	add(wcPassiveCue, passiveCues)
	add(wcNamingVerb, namingVerbs)
	add(wcFindingVerb, findingVerbs)
	add(wcSayingNoun, sayingNouns)
	for w := range accordingByFirst {
		m[w] |= wcAccordingFirst
	}
	for w := range phrasalCues {
		m[w] |= wcPhrasalFirst
	}
	add(wcFunctionWord, functionWords)
	add(wcCalendarWord, calendarWords)
	add(wcInscriptionCue, inscriptionCues)
	for _, l := range nameRunLists() {
		add(l.c, l.words)
	}
	return m
}

// classList is a word list and its bit.
type classList struct {
	c     wordClass
	words map[string]bool
}

// nameRunLists are the word lists of the name-run scan with their bits
// (isTitle's three lists share one).
func nameRunLists() []classList {
	return []classList{
		{wcTitle, titles}, {wcTitle, rankAbbreviations}, {wcTitle, moreTitles},
		{wcTitleWord, titles}, {wcHonorific, honorifics}, {wcAddressedOffice, addressedOffices},
		{wcOrgWord, orgWords}, {wcOrgHead, orgHeads}, {wcOrgRoleNoun, orgRoleNouns}, {wcOutletNoun, outletNouns},
		{wcGenericNoun, genericNouns}, {wcGenericModifier, genericModifiers}, {wcPlaceFollower, placeFollowers},
		{wcArticleStart, articleStarts}, {wcNameParticle, nameParticles}, {wcRoleNoun, roleNouns},
		{wcPersonNoun, personNouns}, {wcDeterminer, determiners}, {wcPreposition, prepositions},
		{wcCorporateSuffix, corporateSuffixes}, {wcOfPlace, ofPlaces}, {wcWeekday, weekdays},
		{wcLabelWord, labelWords}, {wcHoliday, holidays}, {wcEventHead, eventHeads},
		{wcVesselPrefix, vesselPrefixes}, {wcUnitHead, unitHeads}, {wcAdverbial, adverbials},
		{wcNotHead, notHeads}, {wcDemonym, demonyms}, {wcDirection, directions}, {wcCompass, compass},
		{wcPlaceHead, placeHeads}, {wcPlaceOpener, placeOpeners}, {wcPlaceNoun, placeNouns}, {wcPlaceWord, placeWords},
	}
}

// classify numbers the distinct keys of the document (a.wordID, from 0
// in order of first use) and gives every token its key's word classes,
// looking each distinct key up once: a document repeats most of its
// words, and the document's own small map is quicker to ask than the
// lexicon's.
func (a *analysis) classify() {
	ids := keyNumbers.Get().(map[string]int32)
	defer func() {
		// A map keeps its room when emptied, and emptying costs as
		// much as its room: one grown by a huge document is let go.
		if len(ids) <= maxPooledKeys {
			clear(ids)
			keyNumbers.Put(ids)
		}
	}()
	var classes []wordClass // key number -> its classes
	if a.scratch != nil {
		classes = a.scratch.classes[:0]
		defer func() { a.scratch.classes = classes }()
	}
	a.wordID = sized(a.wordID, len(a.toks))
	a.class = sized(a.class, len(a.toks))
	for i, t := range a.toks {
		id, ok := ids[t.Key]
		if !ok {
			id = int32(len(classes))
			ids[t.Key] = id
			classes = append(classes, wordClasses[t.Key])
		}
		a.wordID[i] = id
		a.class[i] = classes[id]
	}
	a.words = len(classes)
}

// keyNumbers hands out emptied maps for classify to number keys in: a new
// map of some hundred words for every document was a fifth of all that
// extraction allocated, and the garbage collector's work grows with it.
var keyNumbers = sync.Pool{New: func() any { return map[string]int32{} }}

// maxPooledKeys is the most keys a map may have held to go back to
// keyNumbers.
const maxPooledKeys = 1 << 14

// is reports whether token i is in one of the word lists c names.
func (a *analysis) is(i int, c wordClass) bool { return a.class[i]&c != 0 }
