// Command entities draws a reproducible sample of entity links from the
// ECB+ news articles of the shared data set, for checking by reading. A
// link is one entity that extraction finds in one article: its name, its
// type (person, organisation, place) and, for places and organisations
// the gazetteer knows, the gazetteer entry it is linked to. Each line of
// the sample gives the link and the article's sentence around its first
// mention, so that a reader can judge it right or wrong.
//
//	go run ./internal/extract/eval/entities -file ../shared/data/ecbplus/topics-01-25.jsonl -n 200 -seed 14
//
// With -types it prints, instead, every name that was given more than one
// type across the articles. Organisations named by one word take the
// name the articles give them in full (extract.ShortNames), as the
// pipeline lists them; -joins prints, instead, each such link with its
// context.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"sort"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/extract"
)

type article struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// docEntities are the entities of one article.
type docEntities struct {
	id       string
	entities []extract.Entity
}

type link struct {
	doc, name, id, context string
	typ                    extract.EntityType
	gaz                    string
}

func main() {
	file := flag.String("file", "../shared/data/ecbplus/topics-01-25.jsonl", "ECB+ articles, one JSON object a line")
	n := flag.Int("n", 200, "links to draw")
	seed := flag.Uint64("seed", 14, "seed of the draw")
	types := flag.Bool("types", false, "list names given more than one type instead of drawing a sample")
	joins := flag.Bool("joins", false, "list the one-word organisations joined to a name given in full in another article instead of drawing a sample")
	flag.Parse()
	f, err := os.Open(*file)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var links []link
	var docs []docEntities
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	line, bad := 0, 0
	for sc.Scan() {
		line++
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			log.Printf("%s:%d: %v", *file, line, err)
			bad++
			continue
		}
		text := a.Title + "\n\n" + a.Text
		r := extract.Document(&doc.Document{ID: a.ID, Text: text})
		docs = append(docs, docEntities{a.ID, r.Entities})
		for _, e := range r.Entities {
			if len(e.Mentions) == 0 {
				continue
			}
			l := link{doc: a.ID, name: e.Name, id: e.ID, typ: e.Type, gaz: e.Link, context: around(text, e.Mentions[0].Begin, e.Mentions[0].End)}
			links = append(links, l)
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	short := extract.ShortNamesOf(len(docs), func(i int) (string, []extract.Entity) { return docs[i].id, docs[i].entities })
	joined := 0
	for i, l := range links {
		id, name := short.Resolve(l.doc, l.typ, l.id, l.name)
		if id == l.id {
			continue
		}
		joined++
		if *joins {
			fmt.Printf("%s\t%s\t%s → %s\t%s\n", l.doc, l.typ, l.name, name, l.context)
		}
		links[i].id, links[i].name = id, name
	}
	if *joins {
		fmt.Printf("%d links joined\n", joined)
		return
	}
	if *types {
		byName := map[string]map[extract.EntityType]int{}
		for _, l := range links {
			k := strings.ToLower(l.name)
			if byName[k] == nil {
				byName[k] = map[extract.EntityType]int{}
			}
			byName[k][l.typ]++
		}
		var names []string
		for k, ts := range byName {
			if len(ts) > 1 {
				names = append(names, fmt.Sprintf("%s %v", k, ts))
			}
		}
		sort.Strings(names)
		fmt.Printf("%d links, %d names with more than one type\n", len(links), len(names))
		for _, s := range names {
			fmt.Println(s)
		}
		return
	}
	rng := rand.New(rand.NewPCG(*seed, 0))
	rng.Shuffle(len(links), func(i, j int) { links[i], links[j] = links[j], links[i] })
	if *n < len(links) {
		links = links[:*n]
	}
	fmt.Printf("# %d links drawn (seed %d); %d unreadable lines\n", len(links), *seed, bad)
	for i, l := range links {
		fmt.Printf("%3d\t%s\t%s\t%s\t%s\t%s\n", i+1, l.doc, l.typ, l.name, l.gaz, l.context)
	}
}

// around is the text near a mention, on one line, with the mention
// marked.
func around(text string, b, e int) string {
	lo, hi := max(0, b-70), min(len(text), e+70)
	for lo > 0 && text[lo]&0xC0 == 0x80 {
		lo--
	}
	for hi < len(text) && text[hi]&0xC0 == 0x80 {
		hi++
	}
	s := text[lo:b] + "[[" + text[b:e] + "]]" + text[e:hi]
	return strings.Join(strings.Fields(s), " ")
}
