package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/echotrace/echotrace/internal/cluster"
)

// ecbRecord is one line of the prepared ECB+ JSONL.
type ecbRecord struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
	Event string `json:"event"`
	Topic any    `json:"topic"` // a number in the prepared files; a string elsewhere
}

// ReadECBPlus reads ECB+ articles (one JSON object a line with id, title,
// text, event and topic) as labelled items in file order; ECB+ has no
// dates, so the items are placed by content alone. The gold story is the
// event, the gold narrative the topic. Bad lines are returned as errors
// naming the line, and the rest is read.
func ReadECBPlus(path string) ([]Labelled, []error, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	return readECBPlus(f, path)
}

func readECBPlus(r io.Reader, name string) ([]Labelled, []error, error) {
	var out []Labelled
	var bad []error
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var rec ecbRecord
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			bad = append(bad, fmt.Errorf("%s:%d: %w", name, line, err))
			continue
		}
		if rec.ID == "" || rec.Event == "" {
			bad = append(bad, fmt.Errorf("%s:%d: record without id or event", name, line))
			continue
		}
		out = append(out, Labelled{
			Item:      cluster.Item{ID: rec.ID, Title: rec.Title, Text: rec.Text, Lang: "en"},
			Story:     rec.Event,
			Narrative: fmt.Sprint(rec.Topic),
		})
	}
	return out, bad, sc.Err()
}
