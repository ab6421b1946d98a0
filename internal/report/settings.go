package report

import (
	"slices"
	"strings"
)

func init() {
	addSection(section{order: orderSettings, key: "settings", json: settingsJSON, text: settingsText})
}

// orderSettings puts the settings right under the summary: how the
// results were made comes before the results.
const orderSettings = 5

// settingsJSON is the settings as an object of name → value ({} when
// they are not known).
func settingsJSON(r *Report) any {
	if r.Settings == nil {
		return map[string]string{}
	}
	return r.Settings // encoding/json writes map keys sorted
}

// settingsText is one line: "settings: max_gap 32, min_identity 0.6, …".
func settingsText(p *printer, r *Report) {
	if len(r.Settings) == 0 {
		return
	}
	names := make([]string, 0, len(r.Settings))
	for n := range r.Settings {
		names = append(names, n)
	}
	slices.Sort(names)
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = strings.ReplaceAll(n, "_", " ") + " " + r.Settings[n]
	}
	p.para("settings: ", "  ", strings.Join(parts, ", "))
}
