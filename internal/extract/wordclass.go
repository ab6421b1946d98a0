package extract

import (
	"encoding/binary"
	"unsafe"

	"github.com/echotrace/echotrace/internal/normalize"
)

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
	// The other words at which findAttributions looks further: "as"
	// ("as X put it"), "put" and "puts", "in" ("in a statement"), and
	// the chantNouns.
	wcAttributionWord

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

	// The lists that the helpers of the noun-phrase rules (isModifier,
	// isDescriptionHead, npAfter, relativeSubjectBefore, afterWorkNoun,
	// readDiscourse, functionGivenName) ask about a word, besides some
	// of the above: by token from a.class, by key from keyClass, one
	// look-up where each list was one.
	wcPersonPronoun
	wcPluralPronoun
	wcSubordinator
	wcNotAdverb
	wcOrdinal
	wcCountOpener
	wcWorkNoun
	wcVesselNoun
	wcVerbFunctionWord
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
	add(wcAttributionWord, attributionWords)
	add(wcAttributionWord, chantNouns)
	for _, l := range nameRunLists() {
		add(l.c, l.words)
	}
	for _, l := range helperLists() {
		add(l.c, l.words)
	}
	return m
}

// helperLists are the word lists of the noun-phrase helpers with their
// bits.
func helperLists() []classList {
	return []classList{
		{wcPersonPronoun, personPronouns}, {wcPluralPronoun, pluralPronouns}, {wcSubordinator, subordinators},
		{wcNotAdverb, notAdverbs}, {wcOrdinal, ordinals}, {wcCountOpener, countOpeners}, {wcWorkNoun, workNouns},
		{wcVesselNoun, vesselNouns}, {wcVerbFunctionWord, verbFunctionWords},
	}
}

// attributionWords are the words findAttributions compares a token's
// key with, besides its word lists (wcAttributionWord).
var attributionWords = set(`as put puts in`)

// attributionStarts are the word classes of the tokens at which
// findAttributions may find a cue: a token of none is passed over.
const attributionStarts = wcAccordingFirst | wcPhrasalFirst | wcNamingVerb | wcFindingVerb | wcSayingNoun |
	wcInscriptionCue | wcCueVerb | wcPassiveCue | wcAttributionWord

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
// words.
//
// Both lookups hash the key once (keyHash) and probe open-addressing
// tables by that hash, comparing keys only where the hashes agree: the
// document's table of its keys (in the worker's scratch, emptied for each
// document) and the lexicon's (classTable). Two maps of strings, each
// hashing the key again, were a sixth of extraction.
func (a *analysis) classify() {
	var slots []keySlot
	var classes []wordClass // key number -> its classes
	if a.scratch != nil {
		slots, classes = a.scratch.keySlots, a.scratch.classes[:0]
	}
	size := 16
	for size < 2*len(a.toks) {
		size <<= 1
	}
	slots = sized(slots, size)
	clear(slots)
	mask := uint64(size - 1)
	a.wordID = sized(a.wordID, len(a.toks))
	a.class = sized(a.class, len(a.toks))
	// The keys are numbered first, each new key's slot noted by its
	// number (found); the lexicon is asked after, in a loop of its own:
	// its lookups, each most often a miss of the processor's caches,
	// are then under way several at once instead of one between the
	// numbering's steps.
	var found []int32 // by key number: its slot in slots
	if a.scratch != nil {
		found = a.scratch.keyFound[:0]
	}
	for i, t := range a.toks {
		h := keyHash(t.Key)
		j := h & mask
		for {
			sl := &slots[j]
			if sl.hash == 0 {
				*sl = keySlot{hash: h, id: int32(len(found)), first: int32(i)}
				found = append(found, int32(j))
				break
			}
			if sl.hash == h && sameKey(a.toks[sl.first].Key, t.Key) {
				break
			}
			j = (j + 1) & mask
		}
		a.wordID[i] = slots[j].id
	}
	classes = sized(classes, len(found))
	hashes := sized(a.keyHash, len(found))
	for id, j := range found {
		sl := slots[j]
		hashes[id] = sl.hash
		classes[id] = lexiconClasses.lookup(sl.hash, a.toks[sl.first].Key)
	}
	a.keyHash = hashes
	for i, id := range a.wordID {
		a.class[i] = classes[id]
	}
	a.words = len(classes)
	if a.scratch != nil && cap(slots) <= maxPooledKeySlots {
		a.scratch.keySlots, a.scratch.classes, a.scratch.keyFound = slots, classes, found
	}
}

// sameKey is a == b, comparing keys of up to 8 bytes (most words) in
// at most two loads of each, without a call.
func sameKey(a, b string) bool {
	n := len(a)
	if n != len(b) {
		return false
	}
	if n > 8 || n == 0 {
		return a == b
	}
	x, y := unsafe.Slice(unsafe.StringData(a), n), unsafe.Slice(unsafe.StringData(b), n)
	if n >= 4 {
		// The first and the last four bytes, which overlap by 8-n.
		return binary.LittleEndian.Uint32(x) == binary.LittleEndian.Uint32(y) &&
			binary.LittleEndian.Uint32(x[n-4:]) == binary.LittleEndian.Uint32(y[n-4:])
	}
	return x[0] == y[0] && x[n/2] == y[n/2] && x[n-1] == y[n-1]
}

// keySlot is a slot of classify's table of a document's keys: the key's
// hash (0: empty), its number, and the first token with it.
type keySlot struct {
	hash      uint64
	id, first int32
}

// maxPooledKeySlots is the most slots a table of keys may have to go back
// to the scratch pool: one grown by a huge document is let go.
const maxPooledKeySlots = 1 << 16

// keyHash is the hash of a key that classify's tables are probed by,
// never 0 (the empty slot). Which hash it is changes no result: the
// tables compare keys where hashes agree, and number keys in the order
// of the text.
func keyHash(k string) uint64 { return normalize.KeyHash(k) }

// classTable is wordClasses as an open-addressing table probed by
// keyHash: the hashes alone in one array (most keys of a document are in
// no list, and their probe ends at the first empty slot), the keys and
// classes beside it.
type classTable struct {
	hashes  []uint64
	keys    []string
	classes []wordClass
	mask    uint64
	// held has a bit set for the keyHash of every key of the table
	// (classHeldWords words of 64 bits, 8 KiB): most distinct words of
	// a document are in no list, and the bits, which stay in the
	// processor's caches, answer for most of them without a probe.
	held *[classHeldWords]uint64
}

// classHeldWords is the size of classTable.held in 64-bit words.
const classHeldWords = 1 << 10

// heldBit is the bit of held that stands for hash h: bits of h that the
// probes (its low bits) do not use.
func heldBit(h uint64) (word int, bit uint64) {
	b := h >> 48 & (classHeldWords*64 - 1)
	return int(b >> 6), 1 << (b & 63)
}

var lexiconClasses = newClassTable(wordClasses)

func newClassTable(m map[string]wordClass) *classTable {
	size := 16
	for size < 4*len(m) {
		size <<= 1
	}
	t := &classTable{hashes: make([]uint64, size), keys: make([]string, size), classes: make([]wordClass, size), mask: uint64(size - 1),
		held: new([classHeldWords]uint64)}
	for k, c := range m {
		h := keyHash(k)
		w, b := heldBit(h)
		t.held[w] |= b
		j := h & t.mask
		for t.hashes[j] != 0 {
			j = (j + 1) & t.mask
		}
		t.hashes[j], t.keys[j], t.classes[j] = h, k, c
	}
	return t
}

// lookup is wordClasses[k], h being keyHash(k).
func (t *classTable) lookup(h uint64, k string) wordClass {
	if w, b := heldBit(h); t.held[w]&b == 0 {
		return 0
	}
	for j := h & t.mask; t.hashes[j] != 0; j = (j + 1) & t.mask {
		if t.hashes[j] == h && t.keys[j] == k {
			return t.classes[j]
		}
	}
	return 0
}

// keyClass is the word classes of key k, for a word that is not a
// token's (whose classes a.class holds): one look-up of the lexicon's
// table, which most keys of no list leave at its bits, where each word
// list asked was a map look-up hashing the key again.
func keyClass(k string) wordClass { return lexiconClasses.lookup(keyHash(k), k) }

// is reports whether token i is in one of the word lists c names.
func (a *analysis) is(i int, c wordClass) bool { return a.class[i]&c != 0 }
