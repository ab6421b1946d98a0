package extract

import (
	"fmt"
	"testing"
)

// Every token's word classes answer exactly what the word lists they
// stand for answer, for every word of the lists and for words in none.
func TestWordClassesAgreeWithLists(t *testing.T) {
	lists := []struct {
		name string
		c    wordClass
		in   func(k string) bool
	}{
		{"cueVerbs", wcCueVerb, func(k string) bool { return cueVerbs[k] }},
		{"passiveCues", wcPassiveCue, func(k string) bool { return passiveCues[k] }},
		{"namingVerbs", wcNamingVerb, func(k string) bool { return namingVerbs[k] }},
		{"findingVerbs", wcFindingVerb, func(k string) bool { return findingVerbs[k] }},
		{"sayingNouns", wcSayingNoun, func(k string) bool { return sayingNouns[k] }},
		{"accordingByFirst", wcAccordingFirst, func(k string) bool { return len(accordingByFirst[k]) > 0 }},
		{"phrasalCues", wcPhrasalFirst, func(k string) bool { return len(phrasalCues[k]) > 0 }},
		{"functionWords", wcFunctionWord, func(k string) bool { return functionWords[k] }},
		{"calendarWords", wcCalendarWord, func(k string) bool { return calendarWords[k] }},
		{"inscriptionCues", wcInscriptionCue, func(k string) bool { return inscriptionCues[k] }},
	}
	// The name-run scan's lists, a bit for one list or more (isTitle's).
	byBit := map[wordClass][]map[string]bool{}
	var bits []wordClass
	for _, l := range append(nameRunLists(), helperLists()...) {
		if byBit[l.c] == nil {
			bits = append(bits, l.c)
		}
		byBit[l.c] = append(byBit[l.c], l.words)
	}
	for _, c := range bits {
		lists = append(lists, struct {
			name string
			c    wordClass
			in   func(k string) bool
		}{fmt.Sprintf("name-run or helper list %#x", uint64(c)), c, func(k string) bool {
			for _, m := range byBit[c] {
				if m[k] {
					return true
				}
			}
			return false
		}})
	}
	if !byBit[wcTitle][0]["president"] || len(byBit[wcTitle]) != 3 {
		t.Fatal("the titles' bit stands for isTitle's three lists")
	}
	keys := map[string]bool{"minister": true, "": true, "Said": true, "saids": true}
	for _, m := range []map[string]bool{cueVerbs, passiveCues, namingVerbs, findingVerbs, sayingNouns, functionWords, calendarWords, inscriptionCues} {
		for k := range m {
			keys[k] = true
		}
	}
	for _, l := range append(nameRunLists(), helperLists()...) {
		for k := range l.words {
			keys[k] = true
		}
	}
	for k := range accordingByFirst {
		keys[k] = true
	}
	for k := range phrasalCues {
		keys[k] = true
	}
	text := ""
	for k := range keys {
		text += k + " "
	}
	a := analyse(text+"According to the minister, Olga Sand said on Monday that talks went on.", DefaultGazetteer())
	for i, tok := range a.toks {
		for _, l := range lists {
			if got, want := a.is(i, l.c), l.in(tok.Key); got != want {
				t.Errorf("token %q: class %s is %v, the list says %v", tok.Key, l.name, got, want)
			}
			if got, want := keyClass(tok.Key)&l.c != 0, l.in(tok.Key); got != want {
				t.Errorf("key %q: keyClass's %s is %v, the list says %v", tok.Key, l.name, got, want)
			}
		}
	}
	if len(wordClasses) == 0 || a.class == nil {
		t.Fatal("no word classes")
	}
}

// classify numbers the keys from 0 in order of first use, one number a
// key, and its table of the lexicon answers what wordClasses does.
func TestClassifyNumbersKeys(t *testing.T) {
	text := "The minister said the Minister and THE MINISTER said: “said, said.” Ünïcödé ünïcödé 12 12"
	for range 200 {
		text += " word" + fmt.Sprint(len(text)%97)
	}
	a := analyse(text, DefaultGazetteer())
	ids := map[string]int32{}
	for i, tok := range a.toks {
		id, ok := ids[tok.Key]
		if !ok {
			id = int32(len(ids))
			ids[tok.Key] = id
		}
		if a.wordID[i] != id {
			t.Fatalf("token %d %q: number %d, want %d", i, tok.Key, a.wordID[i], id)
		}
		if got, want := a.class[i], wordClasses[tok.Key]; got != want {
			t.Errorf("token %q: classes %#x, want %#x", tok.Key, got, want)
		}
	}
	if a.words != len(ids) {
		t.Errorf("%d keys numbered, want %d", a.words, len(ids))
	}
	for k, c := range wordClasses {
		if got := lexiconClasses.lookup(keyHash(k), k); got != c {
			t.Errorf("%q: table has %#x, map %#x", k, got, c)
		}
	}
}

// sameKey compares short keys by loads of their bytes: it must answer
// as == for keys of every length up to and past 8 bytes, equal or
// differing in any one byte.
func TestSameKeyIsEqual(t *testing.T) {
	keys := []string{"", "a", "b", "ab", "ba", "abc", "abd", "xbc", "axc"}
	for n := 1; n <= 10; n++ {
		base := []byte("abcdefghij"[:n])
		keys = append(keys, string(base))
		for i := range base {
			c := append([]byte(nil), base...)
			c[i] = 'z'
			keys = append(keys, string(c))
		}
	}
	keys = append(keys, "été", "ete", "киев", "x\xffy")
	for _, a := range keys {
		for _, b := range keys {
			if got, want := sameKey(a, b), a == b; got != want {
				t.Fatalf("sameKey(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}
