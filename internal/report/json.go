package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
)

// WriteJSON writes the report as one indented JSON object whose top-level
// keys are the sections' keys, in section order: at least documents,
// passages, relations, chains and problems. Every list is sorted
// deterministically and is an empty array, never null, when there is
// nothing in it.
func WriteJSON(w io.Writer, r *Report) error {
	if r == nil {
		r = &Report{}
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("{")
	first := true
	for _, s := range sections {
		if s.json == nil {
			continue
		}
		v, err := marshal(s.json(r))
		if err != nil {
			return fmt.Errorf("report: section %s: %w", s.key, err)
		}
		if !first {
			bw.WriteString(",")
		}
		first = false
		key, _ := json.Marshal(s.key)
		fmt.Fprintf(bw, "\n  %s: %s", key, v)
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// marshal encodes v indented one level, as a value inside the report's
// object, without HTML escaping: the report is read by scripts and people,
// not embedded in a page, and "a->b" should read as such.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// nullable is a JSON string that is null when empty, so that scripts can
// tell "unknown" from a value.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// ratio rounds a share to four decimals (a hundredth of a percent) so the
// JSON form is stable and readable; a value that is not a number is 0, as
// JSON has no NaN.
func ratio(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return math.Round(x*1e4) / 1e4
}
