package eval

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/echotrace/echotrace/internal/cluster"
)

// Labelled is one generated document with its gold story and narrative.
type Labelled struct {
	Item      cluster.Item
	Story     string
	Narrative string
}

// StreamConfig shapes a synthetic stream. The zero value is not useful;
// start from DefaultStream.
type StreamConfig struct {
	Seed         uint64
	Narratives   int
	Events       int
	Days         int     // span of the stream
	Continuation float64 // chance an event follows up an earlier one of its narrative
	MinOutlets   int     // outlets telling each event
	MaxOutlets   int
	Undated      float64 // chance a document has no date
	Copy         float64 // chance a document is a light edit of another outlet's (with a reuse link)
	Vocabulary   int     // background words
}

// DefaultStream is the stream the defaults were chosen on: two hundred
// events in eight narratives over half a year.
func DefaultStream(seed uint64) StreamConfig {
	return StreamConfig{
		Seed: seed, Narratives: 8, Events: 200, Days: 180, Continuation: 0.35,
		MinOutlets: 2, MaxOutlets: 6, Undated: 0.15, Copy: 0.08, Vocabulary: 4000,
	}
}

// functionWords are real English glue between the invented content words,
// so the text reads as English to language guessing and stopword removal.
var functionWords = strings.Fields("the of and to in a that is was for on with as by at from it said has have be this which after")

// syllables make invented words; an invented vocabulary keeps the stream
// free of any real news text and of any bias towards real topics.
var syllables = strings.Fields("ka lo mi ne sa tu re vo pi da gel mor tan sib ru fe lan kor bi zu hal net ori ux ven pra sto gri el am ost")

type world struct {
	rng        *rand.Rand
	background []string
	zipf       *rand.Zipf
	used       map[string]bool
}

func (w *world) word(minSyl, maxSyl int) string {
	for {
		n := minSyl + w.rng.IntN(maxSyl-minSyl+1)
		var b strings.Builder
		for range n {
			b.WriteString(syllables[w.rng.IntN(len(syllables))])
		}
		s := b.String()
		if !w.used[s] {
			w.used[s] = true
			return s
		}
	}
}

func (w *world) name() string {
	s := w.word(2, 3)
	return strings.ToUpper(s[:1]) + s[1:]
}

func (w *world) names(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = w.name()
	}
	return out
}

func (w *world) words(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = w.word(2, 4)
	}
	return out
}

// pickSome returns a random share of xs (at least one).
func (w *world) pickSome(xs []string, share float64) []string {
	out := slices.Clone(xs)
	w.rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	n := max(1, int(math.Round(share*float64(len(out)))))
	return out[:n]
}

type event struct {
	id, narrative int
	date          time.Time
	actors        []string // people and places of this event
	words         []string // what happens, in the event's own words
	quotes        []string
}

type narrative struct {
	theme  []string // the line of argument's vocabulary
	actors []string // recurring names
	events []int
}

// Stream generates a labelled stream: events in narratives, each told by
// several outlets in their own words (each outlet uses its own share of
// the event's words and adds its own background), on their own dates;
// some events continue earlier ones (sharing actors and words, later in
// time) — the hard negatives for stories. Items come out in date order.
func Stream(cfg StreamConfig) []Labelled {
	w := &world{rng: rand.New(rand.NewPCG(cfg.Seed, 0x73796e7468)), used: make(map[string]bool)}
	w.background = w.words(cfg.Vocabulary)
	w.zipf = rand.NewZipf(w.rng, 1.1, 2, uint64(len(w.background)-1))
	outlets := make([]string, 14)
	for i := range outlets {
		outlets[i] = "outlet-" + w.word(2, 2)
	}
	start := time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC)
	narrs := make([]narrative, cfg.Narratives)
	for i := range narrs {
		narrs[i] = narrative{theme: w.words(30), actors: w.names(6)}
	}
	events := make([]event, cfg.Events)
	for i := range events {
		n := w.rng.IntN(len(narrs))
		ev := event{id: i, narrative: n}
		nr := &narrs[n]
		var parent *event
		if len(nr.events) > 0 && w.rng.Float64() < cfg.Continuation {
			parent = &events[nr.events[w.rng.IntN(len(nr.events))]]
		}
		own := w.words(14)
		if parent != nil {
			ev.date = parent.date.AddDate(0, 0, 2+w.rng.IntN(20))
			ev.actors = append(w.pickSome(parent.actors, 0.5), w.names(2)...)
			ev.words = append(w.pickSome(parent.words, 0.33), own[:9]...)
		} else {
			ev.date = start.AddDate(0, 0, w.rng.IntN(cfg.Days))
			ev.actors = append(w.pickSome(nr.actors, 0.35), w.names(3)...)
			ev.words = own
		}
		for q := range w.rng.IntN(3) {
			ev.quotes = append(ev.quotes, fmt.Sprintf("q%d-%d", i, q))
		}
		nr.events = append(nr.events, i)
		events[i] = ev
	}

	var out []Labelled
	for _, ev := range events {
		nr := &narrs[ev.narrative]
		k := cfg.MinOutlets + w.rng.IntN(cfg.MaxOutlets-cfg.MinOutlets+1)
		tellers := w.pickSome(outlets, float64(k)/float64(len(outlets)))
		var told []cluster.Item
		for d, outlet := range tellers {
			id := fmt.Sprintf("e%03d-%d", ev.id, d)
			it := cluster.Item{ID: id, Outlet: outlet}
			if len(told) > 0 && w.rng.Float64() < cfg.Copy {
				src := told[w.rng.IntN(len(told))]
				it.Title, it.Text = src.Title, lightEdit(w, src.Text)
				it.Sources = []string{src.ID}
				it.Quotes = src.Quotes
				it.Date = src.Date
				if !it.Date.IsZero() {
					it.Date = it.Date.AddDate(0, 0, w.rng.IntN(2))
				}
			} else {
				words := w.pickSome(ev.words, 0.7)
				actors := w.pickSome(ev.actors, 0.8)
				it.Title = w.sentence(words, actors, nr, 6+w.rng.IntN(4))
				var b strings.Builder
				for range 5 + w.rng.IntN(20) {
					b.WriteString(w.sentence(words, actors, nr, 8+w.rng.IntN(12)))
					b.WriteByte(' ')
				}
				it.Text = b.String()
				for _, q := range ev.quotes {
					if w.rng.Float64() < 0.5 {
						it.Quotes = append(it.Quotes, q)
					}
				}
				// delay in days: mostly the same day or the next
				it.Date = ev.date.AddDate(0, 0, int(w.rng.ExpFloat64()*1.2))
			}
			if w.rng.Float64() < cfg.Undated {
				it.Date = time.Time{}
			}
			told = append(told, it)
			out = append(out, Labelled{Item: it, Story: fmt.Sprintf("e%03d", ev.id), Narrative: fmt.Sprintf("n%d", ev.narrative)})
		}
	}
	slices.SortStableFunc(out, func(a, b Labelled) int { return a.Item.Date.Compare(b.Item.Date) })
	// Undated documents are spread through the stream as a file would
	// hold them, not bunched at its start.
	var dated, undated []Labelled
	for _, l := range out {
		if l.Item.Date.IsZero() {
			undated = append(undated, l)
		} else {
			dated = append(dated, l)
		}
	}
	out = dated
	for _, u := range undated {
		i := w.rng.IntN(len(out) + 1)
		out = slices.Insert(out, i, u)
	}
	return out
}

// sentence writes one sentence mixing the event's words and names, the
// narrative's theme and background words.
func (w *world) sentence(words, actors []string, nr *narrative, n int) string {
	parts := make([]string, 0, 2*n)
	for i := range n {
		var x string
		switch r := w.rng.Float64(); {
		case r < 0.22:
			x = words[w.rng.IntN(len(words))]
		case r < 0.30:
			x = actors[w.rng.IntN(len(actors))]
		case r < 0.42:
			x = nr.theme[w.rng.IntN(len(nr.theme))]
		case r < 0.45:
			x = nr.actors[w.rng.IntN(len(nr.actors))]
		default:
			x = w.background[w.zipf.Uint64()]
		}
		if i > 0 && w.rng.Float64() < 0.6 {
			parts = append(parts, functionWords[w.rng.IntN(len(functionWords))])
		}
		parts = append(parts, x)
	}
	parts[0] = strings.ToUpper(parts[0][:1]) + parts[0][1:]
	return strings.Join(parts, " ") + "."
}

// lightEdit drops a few sentences, as a republisher trimming a copy does.
func lightEdit(w *world, text string) string {
	sents := strings.SplitAfter(text, ". ")
	var keep []string
	for _, s := range sents {
		if w.rng.Float64() > 0.15 {
			keep = append(keep, s)
		}
	}
	if len(keep) == 0 {
		return text
	}
	return strings.Join(keep, "")
}
