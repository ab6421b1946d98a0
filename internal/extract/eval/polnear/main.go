// Command polnear measures speaker attribution against PolNeAR, a corpus
// of US political news in which every attribution (source, cue, content)
// is annotated. It reads the corpus where the shared data set keeps it and
// prints precision and recall; doc/attribution.md records the figures.
//
//	go run ./internal/extract/eval/polnear -dir ../shared/data/polnear -split train
//
// Matching criterion. A gold attribution and an extracted occurrence
// match when their contents overlap by at least half of the shorter one
// (in bytes). The attribution is correctly attributed when, in addition,
// the extracted speaker mention (the name, pronoun or role noun phrase
// in the text) overlaps the gold Source span. Precision is the share of
// extracted occurrences with a speaker mention that are correctly
// attributed (to any gold attribution of the article: a quotation whose
// gold content has no quotation mark the direct set knows is outside the
// direct set's recall, but no wrong attribution); recall is the share of
// gold attributions that some extracted occurrence attributes correctly.
// Two sets are measured:
// "direct" — gold attributions whose content holds a quotation mark
// (", “, ”, the archive's two apostrophes or the opening single mark ‘
// of headlines), against extracted quotes (kind quote); and "all" —
// every gold attribution, against extracted quotes and claims. Where an
// article has several annotators' files, the first by name is used.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/extract"
)

type span struct{ b, e int }

type gold struct {
	source  []span
	content []span
	cue     []span
	direct  bool
}

func main() {
	dir := flag.String("dir", "../shared/data/polnear", "PolNeAR directory (with train/ and dev/)")
	split := flag.String("split", "train", "split to measure: train or dev")
	misses := flag.String("misses", "", "print each missed gold attribution of this set (direct or all), and each wrong extracted one, for error analysis")
	flag.Parse()
	texts, err := filepath.Glob(filepath.Join(*dir, *split, "text", "*.txt"))
	if err != nil || len(texts) == 0 {
		log.Fatalf("polnear: no articles in %s", filepath.Join(*dir, *split, "text"))
	}
	var direct, all counts
	articles, problems := 0, 0
	for _, tf := range texts {
		name := strings.TrimSuffix(filepath.Base(tf), ".txt")
		anns, _ := filepath.Glob(filepath.Join(*dir, *split, "attributions", name+"_*.ann"))
		if len(anns) == 0 {
			continue
		}
		sort.Strings(anns)
		b, err := os.ReadFile(tf)
		if err != nil {
			log.Printf("polnear: %v", err)
			problems++
			continue
		}
		text := string(b)
		golds, err := readAnn(anns[0], text)
		if err != nil {
			log.Printf("polnear: %s: %v", anns[0], err)
			problems++
			continue
		}
		articles++
		r := extract.Document(&doc.Document{ID: name, Text: text})
		var quotes, both []extract.Occurrence
		for _, o := range r.Quotes {
			if o.Kind == extract.KindQuote {
				quotes = append(quotes, o)
				both = append(both, o)
			}
		}
		both = append(both, r.Claims...)
		var dg []gold
		for _, g := range golds {
			if g.direct {
				dg = append(dg, g)
			}
		}
		direct.add(score(dg, quotes, golds))
		all.add(score(golds, both, golds))
		switch *misses {
		case "direct":
			printMisses(name, text, dg, quotes, golds)
		case "all":
			printMisses(name, text, golds, both, golds)
		}
	}
	fmt.Printf("PolNeAR %s: %d articles (%d unreadable)\n", *split, articles, problems)
	direct.print("direct quotes")
	all.print("all attributions")
}

type counts struct{ gold, sys, sysCorrect, goldFound, goldContent int }

func (c *counts) add(o counts) {
	c.gold += o.gold
	c.sys += o.sys
	c.sysCorrect += o.sysCorrect
	c.goldFound += o.goldFound
	c.goldContent += o.goldContent
}

func (c counts) print(what string) {
	p := ratio(c.sysCorrect, c.sys)
	r := ratio(c.goldFound, c.gold)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	fmt.Printf("  %-17s gold %5d  extracted %5d  speaker precision %.3f  recall %.3f  F1 %.3f  (content found for %.3f of gold)\n",
		what, c.gold, c.sys, p, r, f, ratio(c.goldContent, c.gold))
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// score compares one article's gold attributions with extracted
// occurrences: recall over golds, precision over the occurrences. An
// occurrence is right when it attributes any of the article's gold
// attributions (every) correctly: a quotation whose gold content holds
// no quotation mark the direct set knows (a statement after a speaker's
// label, a headline's 'straight single quotes') is outside the direct
// set's recall but no wrong attribution.
func score(golds []gold, occs []extract.Occurrence, every []gold) counts {
	c := counts{gold: len(golds)}
	for _, o := range occs {
		if o.SpeakerSpan == nil {
			continue
		}
		c.sys++
		for _, g := range every {
			if correct(g, o) {
				c.sysCorrect++
				break
			}
		}
	}
	for _, g := range golds {
		found, content := false, false
		for _, o := range occs {
			if contentMatch(g, o) {
				content = true
			}
			if correct(g, o) {
				found = true
			}
		}
		if found {
			c.goldFound++
		}
		if content {
			c.goldContent++
		}
	}
	return c
}

// correct reports whether occurrence o attributes gold attribution g:
// the contents match and the speaker mention overlaps the gold source.
func correct(g gold, o extract.Occurrence) bool {
	return o.SpeakerSpan != nil && contentMatch(g, o) && overlapsAny(g.source, span{o.SpeakerSpan.Begin, o.SpeakerSpan.End})
}

// printMisses writes the gold attributions no occurrence attributes
// correctly (MISS, with the occurrence whose content matched, if any) and
// every occurrence with a speaker, RIGHT when a gold attribution confirms
// it and WRONG when none does.
func printMisses(name, text string, golds []gold, occs []extract.Occurrence, every []gold) {
	cut := func(s string) string {
		s = strings.ReplaceAll(s, "\n", " ")
		if len(s) > 160 {
			s = s[:80] + " … " + s[len(s)-70:]
		}
		return s
	}
	join := func(ss []span) string {
		var p []string
		for _, s := range ss {
			p = append(p, text[s.b:s.e])
		}
		return strings.Join(p, " | ")
	}
	for _, g := range golds {
		var near *extract.Occurrence
		ok := false
		for i, o := range occs {
			if contentMatch(g, o) {
				if o.SpeakerSpan != nil && overlapsAny(g.source, span{o.SpeakerSpan.Begin, o.SpeakerSpan.End}) {
					ok = true
				}
				near = &occs[i]
			}
		}
		if ok {
			continue
		}
		got := "no content"
		if near != nil {
			got = fmt.Sprintf("got %s speaker %q", near.Kind, near.SpeakerText)
		}
		fmt.Printf("MISS %s src=%q cue=%q content=%q; %s\n", name, join(g.source), join(g.cue), cut(join(g.content)), got)
	}
	for _, o := range occs {
		if o.SpeakerSpan == nil {
			continue
		}
		ok := false
		for _, g := range every {
			if correct(g, o) {
				ok = true
			}
		}
		verdict := "RIGHT"
		if !ok {
			verdict = "WRONG"
		}
		fmt.Printf("%s %s %s speaker=%q cue=%q text=%q\n", verdict, name, o.Kind, o.SpeakerText, o.Cue, cut(text[o.Begin:o.End]))
	}
}

// contentMatch: the contents overlap by at least half of the shorter.
func contentMatch(g gold, o extract.Occurrence) bool {
	gl, ov := 0, 0
	for _, s := range g.content {
		gl += s.e - s.b
		for _, p := range o.Parts {
			lo, hi := max(s.b, p.Begin), min(s.e, p.End)
			if hi > lo {
				ov += hi - lo
			}
		}
	}
	ol := 0
	for _, p := range o.Parts {
		ol += p.End - p.Begin
	}
	short := min(gl, ol)
	return short > 0 && 2*ov >= short
}

func overlapsAny(spans []span, s span) bool {
	for _, x := range spans {
		if max(x.b, s.b) < min(x.e, s.e) {
			return true
		}
	}
	return false
}

// readAnn reads a BRAT standoff file; offsets are in characters and are
// converted to byte offsets of text.
func readAnn(path, text string) ([]gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// byteAt[i] is the byte offset of character i.
	byteAt := make([]int, 0, len(text)+1)
	for i := range text {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(text))
	spans := map[string][]span{}
	var events [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 2 {
			continue
		}
		switch fields[0][0] {
		case 'T':
			head := strings.SplitN(fields[1], " ", 2)
			if len(head) < 2 {
				return nil, fmt.Errorf("line %d: no offsets", line)
			}
			for _, piece := range strings.Split(head[1], ";") {
				be := strings.Fields(piece)
				if len(be) != 2 {
					return nil, fmt.Errorf("line %d: bad offsets %q", line, piece)
				}
				b, err1 := strconv.Atoi(be[0])
				e, err2 := strconv.Atoi(be[1])
				if err1 != nil || err2 != nil || b < 0 || e < b || e >= len(byteAt) {
					return nil, fmt.Errorf("line %d: bad offsets %q", line, piece)
				}
				spans[fields[0]] = append(spans[fields[0]], span{byteAt[b], byteAt[e]})
			}
		case 'E':
			events = append(events, strings.Fields(fields[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var out []gold
	for _, ev := range events {
		var g gold
		for _, arg := range ev {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			switch role {
			case "Source":
				g.source = append(g.source, spans[id]...)
			case "Content":
				g.content = append(g.content, spans[id]...)
			case "Cue":
				g.cue = append(g.cue, spans[id]...)
			}
		}
		if len(g.content) == 0 || len(g.source) == 0 {
			continue // an attribution without a source cannot be scored for its speaker
		}
		for _, s := range g.content {
			c := text[s.b:s.e]
			// Two apostrophes are the quotation mark of the New York
			// Times' archive text; ‘ opens the single quotation of
			// headlines (’ is also the apostrophe, so only the opening
			// mark counts).
			if strings.ContainsAny(c, "\"“”‘") || strings.Contains(c, "''") {
				g.direct = true
			}
			// A content that a quotation mark opens or closes just outside.
			if s.b > 0 {
				if r, _ := utf8.DecodeLastRuneInString(text[:s.b]); r == '"' || r == '“' || r == '‘' || strings.HasSuffix(text[:s.b], "''") {
					g.direct = true
				}
			}
		}
		out = append(out, g)
	}
	return out, nil
}
