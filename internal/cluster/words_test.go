package cluster

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/normalize"
)

// numberedWords reads the words of text as a caller (extraction) hands
// them to NewItemWords: its tokens and a number for each distinct key.
func numberedWords(text string) Words {
	w := Words{Tokens: normalize.Tokens(text)}
	seen := map[string]int32{}
	for _, t := range w.Tokens {
		id, ok := seen[t.Key]
		if !ok {
			id = int32(len(seen))
			seen[t.Key] = id
		}
		w.IDs = append(w.IDs, id)
	}
	w.Keys = len(seen)
	return w
}

// hashedWords is numberedWords with the keys' hashes, as extraction lends
// them.
func hashedWords(text string) Words {
	w := numberedWords(text)
	w.Hashes = make([]uint64, w.Keys)
	for i, t := range w.Tokens {
		w.Hashes[w.IDs[i]] = normalize.KeyHash(t.Key)
	}
	return w
}

// randomText makes a text of words and the bytes that end, join or split
// them: ASCII and accented letters, digits with points and commas,
// invisible characters, combining marks, invalid UTF-8, white space.
func randomText(r *rand.Rand, n int) string {
	pieces := []string{"talks", "Talk", "the", "a", "of", "1", "2008", "5", ".", ",", " ", " ", "\n", "\n\n",
		"é", "Ünal", "\u00ad", "\u200b", "e\u0301", "\xc3", "\xa9", "!", "—", "’s", "résumé", "TALKS", "9"}
	var b strings.Builder
	for range n {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// TestWordsOfBlankedText: the tokens preparing reads from the words of the
// text before blanking are those of the blanked text, and tokens with one
// number have one key, wherever the blanked spans begin and end (inside a
// word, inside a character of several bytes, beside an invisible one, in
// any run of tokens compared at once).
func TestWordsOfBlankedText(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 9))
	for n := range 3000 {
		size := 40
		if n%3 == 0 {
			size = 600 // texts of several runs of tokens (tokenRun)
		}
		text := randomText(r, 1+r.IntN(size))
		var spans []span
		for range r.IntN(4) {
			b := r.IntN(len(text) + 1)
			e := min(len(text), b+r.IntN(12))
			spans = append(spans, span{b, e})
		}
		it := Item{Text: ownText(&doc.Document{Text: text}, spans), read: numberedWords(text), readText: text}
		var pr preparing
		toks, ids, keys := pr.wordsOf(&it)
		want := normalize.Tokens(it.Text)
		if len(toks) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(toks, want) {
			t.Fatalf("case %d: %q blanked %v: tokens\n%+v, want\n%+v", n, text, spans, toks, want)
		}
		if len(ids) != len(toks) {
			t.Fatalf("case %d: %d numbers for %d tokens", n, len(ids), len(toks))
		}
		keyOf := map[int32]string{}
		for i, id := range ids {
			if id < 0 || int(id) >= keys {
				t.Fatalf("case %d: number %d out of [0, %d)", n, id, keys)
			}
			if k, ok := keyOf[id]; ok && k != toks[i].Key {
				t.Fatalf("case %d: number %d for %q and %q", n, id, k, toks[i].Key)
			}
			keyOf[id] = toks[i].Key
		}
	}
}

// TestPreparedFromWordsIsPrepared: an item made with the words its caller
// read prepares to what the item made from the text alone does — the same
// terms, counts, surfaces and order — with boilerplate and a byline
// blanked, numbers joined across points, stopwords and repeats, and with
// a stem cache that other texts filled; and Preparer.AppendRecord, whose
// room other items used before, writes the prepared item's record.
func TestPreparedFromWordsIsPrepared(t *testing.T) {
	docs := []doc.Document{
		{ID: "a", Lang: "en", Title: "Talks resume in Delmore", Text: "By Mira Holt\nTalks resumed. The talks stalled, then talk resumed; the TALKS went on. A 5.9 quake, 1,200 fled in 2008.Then"},
		{ID: "b", Text: "Harbour Weekly, June 11, 2024\nDELMORE, June 11, 2024 (NWS) – Workers at the Delmore quarry walked out on Monday. Subscribe now! Workers said the quarry talks failed.",
			Regions: []doc.Region{{Kind: doc.RegionBoilerplate, Begin: 105, End: 120}}},
		{ID: "c", Lang: "fr", Text: "Les négociations ont repris. Les négociations, disent-ils, ont échoué; négociation après négociation."},
		{ID: "d", Text: "Footer text inside a word: quarrymen quarry quarrying quarry.",
			Regions: []doc.Region{{Kind: doc.RegionCaption, Begin: 30, End: 36}, {Kind: doc.RegionHint, Begin: 40, End: 45}}},
	}
	r := rand.New(rand.NewPCG(16, 10))
	for n := range 200 {
		text := randomText(r, 1+r.IntN(80))
		d := doc.Document{ID: "r", Text: text}
		if b := r.IntN(len(text) + 1); n%2 == 0 {
			d.Regions = []doc.Region{{Kind: doc.RegionComment, Begin: b, End: min(len(text), b+r.IntN(20))}}
		}
		docs = append(docs, d)
	}
	used := new(Preparer)
	for _, d := range docs {
		used.Prepare(NewItem(doc.Document{ID: "x", Text: "Quarry talks, résumé of the 2008 talks: négociations."}))
		for name, pr := range map[string]*Preparer{"fresh": new(Preparer), "used": used} {
			words := numberedWords
			if (len(name)+len(d.Text))%2 == 0 {
				words = hashedWords // half the texts with their keys' hashes given
			}
			want := new(Preparer).Prepare(NewItem(d))
			got := pr.Prepare(NewItemWords(d, words(d.Text)))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s cache, %q: prepared from words\n%+v\nwant\n%+v", name, d.Text, got, want)
			}
			// The record made in the Preparer's room, after
			// other items used it, is the prepared item's.
			wantRec, err := want.AppendRecord([]byte("x"))
			if err != nil {
				t.Fatal(err)
			}
			gotRec, err := pr.AppendRecord([]byte("x"), NewItemWords(d, words(d.Text)))
			if err != nil {
				t.Fatal(err)
			}
			if string(gotRec) != string(wantRec) {
				t.Fatalf("%s cache, %q: record\n%q\nwant\n%q", name, d.Text, gotRec, wantRec)
			}
		}
	}
}
