package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestAnalyzeCrossLang: analyze --crosslang reports an invented French
// article and its English translation as a translation, sentence by
// sentence, with the dictionaries of an empty directory (anchors alone).
func TestAnalyzeCrossLang(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"fr.txt": "Le maire de Lyon, Grégory Doucet, a annoncé le 3 février 2023 un plan de 45 millions d'euros pour les pistes cyclables. " +
			"Selon la Métropole de Lyon, 120 kilomètres de voies seront construits d'ici 2026. " +
			"L'association La Ville à Vélo a salué une hausse de 18,5 % du trafic cycliste.",
		"en.txt": "The mayor of Lyon, Grégory Doucet, announced on February 3, 2023 a plan of 45 million euros for cycle lanes. " +
			"According to the Lyon Metropolis, 120 kilometres of lanes will be built by 2026. " +
			"The association La Ville à Vélo welcomed an 18.5% rise in bicycle traffic.",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errs, code := echotrace(t, dir, "analyze", "--json", "--crosslang", "--dict-dir", t.TempDir(), ".")
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	var rep struct {
		Relations []struct{ A, B, Kind, Direction, Reason string }
		Passages  []struct{ A, B struct{ Doc string } }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, out)
	}
	if len(rep.Relations) != 1 || rep.Relations[0].Kind != "translation" {
		t.Fatalf("want one translation, got %+v", rep.Relations)
	}
	if len(rep.Passages) != 3 {
		t.Errorf("want three aligned sentence pairs, got %d", len(rep.Passages))
	}
}
