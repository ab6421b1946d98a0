package extract

import (
	"strings"

	"github.com/echotrace/echotrace/internal/normalize"
)

// Many places share a name: Georgia is a country and a US state,
// Wellington a capital and a Somerset town, Birmingham a British city and
// one in Alabama. Population alone picks the wrong one whenever a story
// is about the smaller namesake, so the document decides: the place named
// right after a comma ("Birmingham, Ala.", "Atlanta, Georgia"), else the
// countries of the other places the document names. A name whose every
// candidate lies outside the countries the document is about is left
// unlinked: a wrong link is worse than none.

// usStateAbbreviations are the abbreviations US news writes after a town
// ("Birmingham, Ala.", "Troy, Mich.").
var usStateAbbreviations = set(`ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich
	minn miss mo mont neb nev nh nj nm ny nc nd okla ore pa ri sc sd tenn tex vt va wash wva wis wisc wyo dc`)

// runKey is the lookup key of tokens [a, b] (nameKey of their text).
func runKey(toks []normalize.Token, a, b int) string {
	if b < a {
		return "" // a run of titles only has no name
	}
	if a == b {
		return toks[a].Key
	}
	var buf [96]byte
	return string(appendRunKey(buf[:0], toks, a, b))
}

// dottedInitials is the abbreviation that tokens [a, b] write as
// capital letters each with a full stop ("U.S." gives "us"), or "" when
// they are no such letters.
func dottedInitials(text string, toks []normalize.Token, a, b int) string {
	if b <= a || b-a > 4 {
		return ""
	}
	var buf [5]byte
	k := buf[:0]
	for i := a; i <= b; i++ {
		t := toks[i]
		if t.End-t.Begin != 1 || t.End >= len(text) || text[t.End] != '.' || text[t.Begin] < 'A' || text[t.Begin] > 'Z' {
			return ""
		}
		k = append(k, t.Key[0])
	}
	return string(k)
}

// placeLinks decides the gazetteer entry of every run typed place: the
// returned map holds the entry for each linked run and nil for a run left
// unlinked; runs it does not hold are not places.
func (a *analysis) placeLinks() map[int]*GazetteerEntry {
	keys := sized(a.scratch.linkKeys, len(a.runs))
	cands := sized(a.scratch.linkCands, len(a.runs)) // each run's candidates, looked up once
	clear(keys)
	clear(cands)
	a.scratch.linkKeys, a.scratch.linkCands = keys, cands
	local := map[int]string{} // run → the country written right after it
	votes := map[string]map[string]bool{}
	vote := func(country, key string) {
		if votes[country] == nil {
			votes[country] = map[string]bool{}
		}
		votes[country][key] = true
	}
	for ri := range a.runs {
		r := &a.runs[ri]
		if r.None || r.NameFirst > r.Last {
			continue
		}
		// "U.S. Customs Agent", "Fulton County Sheriff": a name that
		// opens with a place tells where the document is.
		for m := r.First; m < r.Last && m < r.First+3; m++ {
			if c := soleCountry(a.gaz.candidatesSpan(a.toks, r.First, m)); c != "" && a.gaz.LookupSpan(a.text, a.toks, r.First, m) != nil {
				vote(c, runKey(a.toks, r.First, m))
			} else if m > r.First && a.toks[r.First].End-a.toks[r.First].Begin == 1 {
				k := dottedInitials(a.text, a.toks, r.First, m)
				if k == "" || a.gaz.Lookup(k) == nil {
					continue
				}
				// "U.S. Customs Agent": the abbreviation written with
				// full stops is the one the tables list without.
				if c := soleCountry(a.gaz.Candidates(k)); c != "" {
					vote(c, k)
				}
			}
		}
		if r.Type != Place && r.Type != Unknown {
			continue
		}
		keys[ri] = runKey(a.toks, r.NameFirst, r.Last)
		cands[ri] = a.gaz.Candidates(keys[ri])
		if c := soleCountry(cands[ri]); c != "" && (r.Type == Place || cands[ri][0].Minor) {
			vote(c, keys[ri])
		}
		// "Troy, Mich." and "Atlanta, Georgia": what follows the comma
		// says where the place is.
		n := r.Last + 1
		if n < len(a.toks) && strings.TrimSpace(gap(a.text, a.toks, n)) == "," && !hasCountry(cands[ri]) {
			if usStateAbbreviations[a.toks[n].Key] && (n+1 >= len(a.toks) || a.text[a.toks[n].End:min(len(a.text), a.toks[n].End+1)] == ".") {
				local[ri] = "US"
				vote("US", a.toks[n].Key+".")
			} else if nr := a.runAt[n]; nr >= 0 && a.runs[nr].First == n {
				next := a.runs[nr]
				nc := a.gaz.candidatesSpan(a.toks, next.NameFirst, next.Last)
				// "Atlanta, Georgia": a larger place after the comma, not
				// the next of a list ("Germany, Spain, Italy").
				if c := soleCountry(nc); c != "" && next.Type == Place && (nc[0].Kind == "country" || nc[0].Kind == "region") && !a.listGoesOn(next) {
					local[ri] = c
				}
			}
		}
	}
	links := map[int]*GazetteerEntry{}
	for ri := range a.runs {
		r := &a.runs[ri]
		if r.None || r.Type != Place || keys[ri] == "" {
			continue
		}
		cands := cands[ri]
		if len(cands) == 0 {
			continue
		}
		// "Oregon 214", "Highway 9": a place's name with a number is a
		// road, not the place.
		if n := r.Last + 1; n < len(a.toks) && isBlank(gap(a.text, a.toks, n)) && isNumber(a.toks[n].Key) && len(a.toks[n].Key) <= 3 {
			links[ri] = nil
			continue
		}
		// "at Fifth and Quebec", "at 2016 Ontario": a street of a town
		// bears the name of a larger place; it is a place, but not that one.
		if a.streetName(*r) {
			links[ri] = nil
			continue
		}
		// "Kerman province", "New York state": the name is the
		// subdivision's, not the city's of the same name.
		if n := r.Last + 1; n < len(a.toks) && isBlank(gap(a.text, a.toks, n)) && subdivisionNouns[a.toks[n].Key] && !isUpperStart(a.text[a.toks[n].Begin:a.toks[n].End]) {
			links[ri] = nil
			var regions []*GazetteerEntry
			for _, e := range cands {
				if e.Kind == "region" {
					regions = append(regions, e)
				}
			}
			if len(regions) == 1 {
				links[ri] = regions[0]
			} else if len(regions) > 1 {
				links[ri] = chooseCandidate(regions, keys[ri], local[ri], votes)
			}
			continue
		}
		// "Forks, Washington", "Atlanta, Georgia": a place after another
		// and a comma is the larger one holding it, a state or a country.
		if a.afterPlace(*r) {
			if larger := largerCandidates(cands); len(larger) > 0 {
				links[ri] = chooseCandidate(larger, keys[ri], "", votes)
				continue
			}
		}
		// "a New York office": a state named like a city of a million
		// people or more that the tables list as "… City" is the city,
		// unless the text speaks of the state.
		if c := a.cityNamesake(cands, keys[ri]); c != nil && local[ri] == "" && !a.stateContext(*r) {
			links[ri] = c
			continue
		}
		links[ri] = chooseCandidate(cands, keys[ri], local[ri], votes)
	}
	return links
}

// cityNamesake is the city of a million people or more named like a
// region with "City" after it ("New York City" for "New York"), when the
// region is what the name denotes by itself, else nil.
func (a *analysis) cityNamesake(cands []*GazetteerEntry, key string) *GazetteerEntry {
	if len(cands) == 0 || cands[0].Kind != "region" || cands[0].Minor {
		return nil
	}
	c := a.gaz.Lookup(key + " city")
	if c == nil || c.Kind != "city" || c.Country != cands[0].Country || c.Population < 1_000_000 {
		return nil
	}
	return c
}

// stateWords in a sentence make a name shared by a state and a city the
// state's: states make laws and elect governors ("above New York's legal
// limit", "upstate New York").
var stateWords = set(`law laws legal statute statutes legislature legislators lawmakers governor statewide upstate downstate state`)

// stateContext reports whether a run names a state: after a town and a
// comma, or in a sentence that speaks of a state, with a lower-case word of stateWords in it, or "of" after "state" or a
// governor before the name ("the State of New York", "Governor of New
// York").
func (a *analysis) stateContext(r nameRun) bool {
	// "Schenectady, New York": after a town's name and a comma, the
	// state holding it (not in a list: "San Antonio, New York, Atlanta").
	if r.First >= 1 && strings.TrimSpace(gap(a.text, a.toks, r.First)) == "," && !a.listGoesOn(r) {
		if p := a.runAt[r.First-1]; p >= 0 && a.runs[p].Last == r.First-1 && (a.runs[p].Type == Place || a.runs[p].Type == Unknown) {
			return true
		}
	}
	if r.First >= 2 && a.toks[r.First-1].Key == "of" {
		if k := a.toks[r.First-2].Key; k == "state" || k == "governor" || k == "gov" {
			return true
		}
	}
	s := a.tokSent[r.First]
	for i := r.First - 1; i >= 0 && a.tokSent[i] == s; i-- {
		if stateWords[a.toks[i].Key] && !isUpperStart(a.text[a.toks[i].Begin:a.toks[i].End]) {
			return true
		}
	}
	for i := r.Last + 1; i < len(a.toks) && a.tokSent[i] == s; i++ {
		if stateWords[a.toks[i].Key] && !isUpperStart(a.text[a.toks[i].Begin:a.toks[i].End]) {
			return true
		}
	}
	return false
}

// afterPlace reports whether a run follows a place's name and a comma.
func (a *analysis) afterPlace(r nameRun) bool {
	if r.First == 0 || strings.TrimSpace(gap(a.text, a.toks, r.First)) != "," {
		return false
	}
	p := a.runAt[r.First-1]
	return p >= 0 && a.runs[p].Type == Place && !a.listGoesOn(r)
}

// largerCandidates are the regions and countries among the candidates.
func largerCandidates(cands []*GazetteerEntry) []*GazetteerEntry {
	var out []*GazetteerEntry
	for _, e := range cands {
		if e.Kind == "region" || e.Kind == "country" {
			out = append(out, e)
		}
	}
	return out
}

// hasCountry reports whether one of the candidates is a country.
func hasCountry(cands []*GazetteerEntry) bool {
	for _, e := range cands {
		if e.Kind == "country" {
			return true
		}
	}
	return false
}

// listGoesOn reports whether a comma and another place follow a run: it
// is one of a list of places, not where the place before it lies.
func (a *analysis) listGoesOn(r nameRun) bool {
	n := r.Last + 1
	if n >= len(a.toks) || strings.TrimSpace(gap(a.text, a.toks, n)) != "," {
		return false
	}
	if a.toks[n].Key == "and" || a.toks[n].Key == "or" {
		n++
	}
	return n < len(a.toks) && a.runAt[n] >= 0 && a.runs[a.runAt[n]].Type == Place
}

// soleCountry is the one country all the candidates lie in, or "".
func soleCountry(cands []*GazetteerEntry) string {
	c := ""
	for _, e := range cands {
		if e.Type != Place || e.Country == "" || c != "" && e.Country != c {
			return ""
		}
		c = e.Country
	}
	return c
}

// chooseCandidate picks the entry a place name denotes in a document:
// the one in the country written after it, else the one in the country
// most of the document's other places are in. When none of its
// candidates lies where the document's other places are, a country keeps
// its link (countries rarely have namesakes the tables lack), a city of a
// million people or more only while a single other place disagrees, and
// smaller cities and regions lose it; a capital smaller than the cities
// the tables list needs its country in the document.
func chooseCandidate(cands []*GazetteerEntry, key, local string, votes map[string]map[string]bool) *GazetteerEntry {
	if local != "" {
		for _, e := range cands {
			if e.Country == local {
				return e
			}
		}
		return nil
	}
	if cands[0].Type != Place {
		return cands[0]
	}
	var best *GazetteerEntry
	bestScore := 0
	for _, e := range cands {
		score := len(votes[e.Country])
		if votes[e.Country][key] {
			score--
		}
		if score > bestScore {
			best, bestScore = e, score
		}
	}
	if best != nil {
		return best
	}
	d := cands[0]
	against := 0
	for c, keys := range votes {
		if c == d.Country {
			continue
		}
		for k := range keys {
			if k != key {
				against++
			}
		}
	}
	switch {
	case d.Minor:
		return nil
	case d.Kind == "city" && d.Population < listedCityPopulation:
		// A capital smaller than the tables' cities is listed for being a
		// capital, while the towns of its size that share its name are
		// not ("a Waitrose supermarket in Wellington", the Somerset
		// town): named with nothing of its country, it stays unlinked.
		return nil
	case d.Kind == "country" || against == 0:
		return d
	case d.Kind == "city" && d.Population >= 1_000_000 && against < 2:
		return d
	}
	return nil
}

// listedCityPopulation is the population from which the tables list
// every city (data/README.md); a smaller city is listed only as its
// country's capital.
const listedCityPopulation = 400_000

// subdivisionNouns follow a subdivision's name in lower case ("Kerman
// province", "Washington state").
var subdivisionNouns = set(`province state region county prefecture oblast governorate canton`)

// streetOrdinals name the numbered streets of a town ("Fifth and
// Quebec"); a place's name beside one at a crossing is a street's.
var streetOrdinals = set(`first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth`)

// streetName reports whether a place's name stands where a street's
// does: after "at" and a house number ("at 2016 Ontario"), at a crossing
// with a numbered street after a preposition ("at Fifth and Quebec", "on
// Quebec and 5th"), or after "the corner of".
func (a *analysis) streetName(r nameRun) bool {
	// numbered: token i is a numbered street ("Fifth", "5th"), not a
	// rank ("came first and …").
	numbered := func(i int) bool {
		if i < 0 || i >= len(a.toks) {
			return false
		}
		k := a.toks[i].Key
		if streetOrdinals[k] {
			return isUpperStart(a.text[a.toks[i].Begin:a.toks[i].End])
		}
		n := digits(k)
		return n > 0 && n+2 == len(k) && (strings.HasSuffix(k, "st") || strings.HasSuffix(k, "nd") || strings.HasSuffix(k, "rd") || strings.HasSuffix(k, "th"))
	}
	at := func(i int) bool { return i >= 0 && streetPrepositions[a.toks[i].Key] }
	f := r.First
	switch {
	case f >= 2 && isNumber(a.toks[f-1].Key) && len(a.toks[f-1].Key) <= 5 && a.toks[f-2].Key == "at" && isBlank(gap(a.text, a.toks, f)):
		return true
	case f >= 3 && a.toks[f-1].Key == "and" && numbered(f-2) && at(f-3):
		return true
	case r.Last+2 < len(a.toks) && a.toks[r.Last+1].Key == "and" && numbered(r.Last+2) && at(f-1):
		return true
	}
	return f >= 2 && a.toks[f-1].Key == "of" && a.toks[f-2].Key == "corner"
}

// streetPrepositions stand before a crossing of streets ("at Fifth and
// Quebec").
var streetPrepositions = set(`at on near of`)
