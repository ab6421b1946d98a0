package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
)

// corpusDoc is what the near-duplicate bench needs of a corpus record.
type corpusDoc struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// eachDoc calls fn with every record of a JSONL corpus in order. A
// malformed line is an error naming the file and line.
func eachDoc(path string, fn func(corpusDoc) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var d corpusDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return fmt.Errorf("bench: %s:%d: %w", path, line, err)
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("bench: %s: %w", path, err)
	}
	return nil
}
