//go:build ignore

// Command regions builds the gazetteer table regions.tsv — the
// first-level subdivisions of every country (states, provinces, regions,
// lands, cantons…) — from the Debian package iso-codes (see ../README.md):
//
//	apt-get install iso-codes
//	go run ./internal/extract/data/gen/regions.go > internal/extract/data/regions.tsv
//
// Output columns as places.tsv: type (region or minor), name, ISO
// country code, population (0), aliases (none). A minor row is a
// subdivision whose name is too often something else to be linked on its
// own (the US state Georgia, the county Somerset): the gazetteer offers it
// only where the rest of the document is in its country.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"
)

// kinds are the subdivision types kept: those that name a large area
// news refers to by name. Municipalities, districts, counties and
// parishes are left out: there are thousands, many named like people or
// common words.
var kinds = map[string]bool{
	"State": true, "Province": true, "Region": true, "Prefecture": true, "Canton": true,
	"Republic": true, "Land": true, "Voivodship": true, "Autonomous region": true,
	"Autonomous community": true, "Union territory": true, "Emirate": true, "Governorate": true,
	"Autonomous republic": true, "Territory": true, "Administrative region": true,
	"Autonomous province": true, "Federal district": true, "Country": true,
}

// minorKinds are smaller subdivisions kept as minor rows: they tell
// where a document is (a town "in Somerset") without being linked.
var minorKinds = map[string]bool{"Two-tier county": true}

// generalWords are words that name directions and kinds of places in
// several languages: a subdivision named only by them ("North",
// "Centre", "Coast", "Central") is no name a reader would link.
var generalWords = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "central": true, "centre": true, "center": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "coast": true, "coastal": true,
	"bay": true, "gulf": true, "lakes": true, "lake": true, "delta": true, "unity": true, "upper": true,
	"lower": true, "highlands": true, "islands": true, "nord": true, "sud": true, "est": true, "ouest": true,
	"norte": true, "sul": true, "leste": true, "oeste": true, "centro": true, "capital": true, "mountain": true,
	"-": true, "and": true, "of": true, "the": true, "region": true, "province": true, "district": true,
}

// givenNames are subdivision names that are far more often a person's
// name or a common word in English news.
var givenNames = map[string]bool{"mary": true, "nelson": true, "isabel": true, "batman": true, "rivers": true,
	"saga": true, "chin": true, "kara": true, "van": true, "mon": true, "victoria": true, "georgia": true,
	"washington": true, "jackson": true, "lincoln": true, "madison": true, "santa": true}

// ambiguous reports whether a subdivision's name is too short, made only
// of general words, or a common given name or word.
func ambiguous(name string) bool {
	if len([]rune(name)) <= 3 || givenNames[strings.ToLower(name)] {
		return true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == '-' }) {
		if !generalWords[w] {
			return false
		}
	}
	return true
}

func main() {
	path := flag.String("iso", "/usr/share/iso-codes/json/iso_3166-2.json", "iso-codes ISO 3166-2 JSON")
	flag.Parse()
	b, err := os.ReadFile(*path)
	if err != nil {
		log.Fatal(err)
	}
	var iso struct {
		Subdivisions []struct {
			Code   string `json:"code"`
			Name   string `json:"name"`
			Type   string `json:"type"`
			Parent string `json:"parent"`
		} `json:"3166-2"`
	}
	if err := json.Unmarshal(b, &iso); err != nil {
		log.Fatalf("%s: %v", *path, err)
	}
	var rows []string
	for _, s := range iso.Subdivisions {
		if s.Parent != "" && !minorKinds[s.Type] || strings.ContainsAny(s.Name, ",()[]") {
			continue
		}
		country, _, _ := strings.Cut(s.Code, "-")
		switch {
		case kinds[s.Type] && !ambiguous(s.Name):
			rows = append(rows, fmt.Sprintf("region\t%s\t%s\t0\t", s.Name, country))
		case kinds[s.Type] && givenNames[strings.ToLower(s.Name)], minorKinds[s.Type] && !ambiguous(s.Name):
			rows = append(rows, fmt.Sprintf("minor\t%s\t%s\t0\t", s.Name, country))
		}
	}
	sort.Strings(rows)
	fmt.Println("# type\tname\tcountry\tpopulation\taliases")
	fmt.Println("# First-level subdivisions from Debian iso-codes iso_3166-2.json (LGPL-2.1-or-later); see README.md.")
	for _, r := range rows {
		fmt.Println(r)
	}
}
