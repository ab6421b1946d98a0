// Command storyscore measures the stories the echotrace command line
// finds against gold labels, so that the figures in doc/clustering.md
// come from the same path a user takes (ingest, analysis, stories).
//
//	storyscore score GOLD.jsonl STORIES.json   # scores of `echotrace stories --json` output
//	storyscore shuffle SEED GOLD.jsonl         # the records in a random order fixed by SEED
//	storyscore agree STORIES.json OTHER.json   # how far two runs' stories agree (B-cubed of one against the other)
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
	case len(args) == 3 && args[0] == "agree":
		return agree(args[1], args[2], w)
	case len(args) == 3 && args[0] == "shuffle":
		seed, err := strconv.ParseUint(args[1], 10, 64)
		if err != nil {
			return fmt.Errorf("seed %q: %w", args[1], err)
		}
		return shuffle(seed, args[2], w)
	}
	return fmt.Errorf("usage: storyscore score GOLD.jsonl STORIES.json | storyscore shuffle SEED GOLD.jsonl | storyscore agree STORIES.json OTHER.json")
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
	stories, err := readStories(storiesPath)
	if err != nil {
		return err
	}
	story, narr := assignments(stories)
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

// readStories reads the output of `echotrace stories --json`.
func readStories(path string) ([]cluster.Story, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var stories []cluster.Story
	if err := json.Unmarshal(b, &stories); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return stories, nil
}

// assignments maps each document to its story and to its narrative.
func assignments(stories []cluster.Story) (story, narr map[string]string) {
	story, narr = map[string]string{}, map[string]string{}
	for _, s := range stories {
		for _, d := range s.Documents {
			story[d], narr[d] = s.ID, s.Narrative
		}
	}
	return story, narr
}

// agree scores the stories of one run against those of another (an
// incremental analysis against a recluster): B-cubed F1 1 when they are
// the same partition, whatever the stories are called.
func agree(path, otherPath string, w io.Writer) error {
	a, err := readStories(path)
	if err != nil {
		return err
	}
	b, err := readStories(otherPath)
	if err != nil {
		return err
	}
	sa, _ := assignments(a)
	sb, _ := assignments(b)
	out := struct {
		Stories      int         `json:"stories"`
		OtherStories int         `json:"other_stories"`
		BCubed       eval.Scores `json:"story_bcubed"`
	}{len(a), len(b), eval.BCubed(sa, sb)}
	return json.NewEncoder(w).Encode(out)
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
