// Command storyscore measures the stories the echotrace command line
// finds against gold labels, so that the figures in doc/clustering.md
// come from the same path a user takes (ingest, analysis, stories).
//
//	storyscore score GOLD.jsonl STORIES.json   # scores of `echotrace stories --json` output
//	storyscore shuffle SEED GOLD.jsonl         # the records in a random order fixed by SEED
//
// GOLD.jsonl holds one JSON object a line with "id", "event" (the gold
// story) and "topic" (the gold narrative), as the prepared ECB+ files do.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strconv"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/cluster/eval"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "storyscore:", err)
		os.Exit(1)
	}
}

func run(args []string, w io.Writer) error {
	switch {
	case len(args) == 3 && args[0] == "score":
		return score(args[1], args[2], w)
	case len(args) == 3 && args[0] == "shuffle":
		seed, err := strconv.ParseUint(args[1], 10, 64)
		if err != nil {
			return fmt.Errorf("seed %q: %w", args[1], err)
		}
		return shuffle(seed, args[2], w)
	}
	return fmt.Errorf("usage: storyscore score GOLD.jsonl STORIES.json | storyscore shuffle SEED GOLD.jsonl")
}

// goldRecord is the part of a gold line that scoring reads.
type goldRecord struct {
	ID    string `json:"id"`
	Event string `json:"event"`
	Topic any    `json:"topic"`
}

func readLines(path string) ([][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines [][]byte
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 64<<20)
	for sc.Scan() {
		if len(sc.Bytes()) > 0 {
			lines = append(lines, append([]byte(nil), sc.Bytes()...))
		}
	}
	return lines, sc.Err()
}

func score(goldPath, storiesPath string, w io.Writer) error {
	lines, err := readLines(goldPath)
	if err != nil {
		return err
	}
	goldStory, goldNarr := map[string]string{}, map[string]string{}
	for i, l := range lines {
		var r goldRecord
		if err := json.Unmarshal(l, &r); err != nil {
			return fmt.Errorf("%s:%d: %w", goldPath, i+1, err)
		}
		goldStory[r.ID], goldNarr[r.ID] = r.Event, fmt.Sprint(r.Topic)
	}
	b, err := os.ReadFile(storiesPath)
	if err != nil {
		return err
	}
	var stories []cluster.Story
	if err := json.Unmarshal(b, &stories); err != nil {
		return fmt.Errorf("%s: %w", storiesPath, err)
	}
	story, narr := map[string]string{}, map[string]string{}
	for _, s := range stories {
		for _, d := range s.Documents {
			story[d], narr[d] = s.ID, s.Narrative
		}
	}
	missing := 0
	for id := range goldStory {
		if _, ok := story[id]; !ok {
			missing++
		}
	}
	out := struct {
		Documents        int         `json:"documents"`
		MissingDocuments int         `json:"missing_documents"`
		Stories          int         `json:"stories"`
		StoryPairwise    eval.Scores `json:"story_pairwise"`
		StoryBCubed      eval.Scores `json:"story_bcubed"`
		NarrPairwise     eval.Scores `json:"narrative_pairwise"`
		NarrBCubed       eval.Scores `json:"narrative_bcubed"`
	}{
		Documents: len(goldStory) - missing, MissingDocuments: missing, Stories: len(stories),
		StoryPairwise: eval.Pairwise(story, goldStory), StoryBCubed: eval.BCubed(story, goldStory),
		NarrPairwise: eval.Pairwise(narr, goldNarr), NarrBCubed: eval.BCubed(narr, goldNarr),
	}
	enc := json.NewEncoder(w)
	return enc.Encode(out)
}

func shuffle(seed uint64, path string, w io.Writer) error {
	lines, err := readLines(path)
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, 0x73687566))
	rng.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	bw := bufio.NewWriter(w)
	for _, l := range lines {
		bw.Write(l)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
