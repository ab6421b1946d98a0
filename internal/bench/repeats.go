package bench

import (
	"fmt"
	"strings"
)

// repeatShare is the share of new texts that carry text repeated inside
// them, as real pages do: a refrain, a list printed twice, sentences made
// from one template. Copies of them test that a copy is aligned once, to
// its true counterpart, and not once more for every repeat.
const repeatShare = 0.3

// templates are sentences sites fill in again and again; %s is the filler.
var templates = []string{
	"Useful information and websites relating to %s.",
	"Publish date: %s",
	"Enjoy a complimentary %s for 2 persons with a welcome drink.",
	"Click here to read more about %s on our website.",
}

// listHeads lead a list of places printed more than once in one text.
var listHeads = []string{"Venues:", "Again at:", "Stops on the route:", "Also in:"}

// withRepeats inserts into the paragraphs ps, after the headline when
// there is one, repeated material of one to three kinds: a refrain
// sentence of at least 12 words printed two or three times, a list of
// places printed twice, and two to four template sentences with
// different fillers (a date line repeats with the same date).
func (w *worker) withRepeats(ps []piece, withTitle bool) []piece {
	first := 0
	if withTitle {
		first = 1
	}
	insert := func(text string) {
		at := first + w.r.IntN(len(ps)-first+1)
		ps = append(ps[:at], append([]piece{{text: text, src: -1}}, ps[at:]...)...)
	}
	kinds := 1 + w.r.IntN(7) // a bit set of the three kinds, never empty
	if kinds&1 != 0 {
		var b []byte
		for n := 0; n < 12; b, _, n = w.v.sentence(w.r, b[:0], nil) {
		}
		refrain := string(b)
		for range 2 + w.r.IntN(2) {
			insert(refrain)
		}
	}
	if kinds&2 != 0 {
		places := make([]string, 5+w.r.IntN(4))
		for k := range places {
			places[k] = capitalize(w.v.invented[w.r.IntN(len(w.v.invented))]) + " " + capitalize(w.v.invented[w.r.IntN(len(w.v.invented))])
		}
		list := strings.Join(places, ", ") + "."
		for range 2 {
			insert(listHeads[w.r.IntN(len(listHeads))] + " " + list)
		}
	}
	if kinds&4 != 0 {
		t := templates[w.r.IntN(len(templates))]
		date := fmt.Sprintf("%d %s %d", 1+w.r.IntN(28), months[w.r.IntN(len(months))], 1998+w.r.IntN(27))
		for range 2 + w.r.IntN(3) {
			filler := date
			if !strings.HasPrefix(t, "Publish") {
				// A name or two rare words: a filler of common words
				// would make the same whole sentence of 12 tokens in
				// unrelated documents, text the truth does not list.
				filler = w.v.names[w.r.IntN(len(w.v.names))]
				if w.r.IntN(2) == 0 {
					filler = w.v.invented[w.r.IntN(len(w.v.invented))] + " " + w.v.invented[w.r.IntN(len(w.v.invented))]
				}
			}
			insert(fmt.Sprintf(t, filler))
		}
	}
	return ps
}

var months = strings.Fields("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec")
