package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; run go test -update and review the diff\n--- got:\n%s", path, got)
	}
}

func TestGolden(t *testing.T) {
	texts := fixtureTexts()
	tests := []struct {
		name   string
		report *Report
		text   func(string) string
	}{
		{"full", fixture(t), func(id string) string { return texts[id] }},
		{"no-texts", fixture(t), nil},
		{"empty", &Report{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var txt, js bytes.Buffer
			if err := WriteText(&txt, tt.report, tt.text); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name+".txt.golden", txt.Bytes())
			if err := WriteJSON(&js, tt.report); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name+".json.golden", js.Bytes())
		})
	}
}
