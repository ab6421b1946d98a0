package relate

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
)

// evidence is one sign, found in a document, that it copies the other one.
type evidence struct {
	weight float64 // how strongly it says "this is the copy", 0..1
	what   string  // for the reason line
}

// Direct decides which of a and b is the source. Dates decide when both
// documents have them and they differ; otherwise signs in the texts do —
// a document that credits the other's outlet or address, carries an
// "archive link" or "originally published" line, was forwarded from another
// channel, or wraps the shared text in a comment thread is the copy. With
// neither, the direction is Undetermined: never a silent guess.
func Direct(a, b *doc.Document, r Relation) (direction string, confidence float64, reason string) {
	ta, okA := a.Time()
	tb, okB := b.Time()
	if okA && okB && !ta.Equal(tb) {
		days := tb.Sub(ta).Hours() / 24
		if days < 0 {
			days = -days
		}
		conf := 0.9
		if days < 1 {
			conf = 0.75 // same day: clocks and time zones of outlets disagree
		}
		if ta.Before(tb) {
			return AToB, conf, fmt.Sprintf("%s is dated %s, before %s (%s)", a.ID, a.Date, b.ID, b.Date)
		}
		return BToA, conf, fmt.Sprintf("%s is dated %s, before %s (%s)", b.ID, b.Date, a.ID, a.Date)
	}
	ea := copyEvidence(a, b)
	eb := copyEvidence(b, a)
	sa, sb := strength(ea), strength(eb)
	switch {
	case sa > sb:
		return BToA, confidence2(sa, sb), fmt.Sprintf("%s is the copy: %s", a.ID, describe(ea))
	case sb > sa:
		return AToB, confidence2(sb, sa), fmt.Sprintf("%s is the copy: %s", b.ID, describe(eb))
	}
	if okA != okB {
		return Undetermined, 0, "only one of the two documents is dated, and neither text says which came first"
	}
	if okA {
		return Undetermined, 0, "both documents carry the same date and neither text says which came first"
	}
	return Undetermined, 0, "no dates, and neither text says which came first"
}

// strength combines independent signs: 1 - Π(1 - w).
func strength(ev []evidence) float64 {
	p := 1.0
	for _, e := range ev {
		p *= 1 - e.weight
	}
	return 1 - p
}

// confidence2 is how sure the direction is when one side's signs weigh s
// and the other side's t < s.
func confidence2(s, t float64) float64 {
	c := (s - t) * 0.85 // textual signs alone never reach the certainty of dates
	return float64(int(c*100+0.5)) / 100
}

func describe(ev []evidence) string {
	parts := make([]string, len(ev))
	for i, e := range ev {
		parts[i] = e.what
	}
	return strings.Join(parts, "; ")
}

// copyEvidence collects the signs in d that it copies other.
func copyEvidence(d, other *doc.Document) []evidence {
	var ev []evidence
	credits := false
	hints := 0
	comments := false
	for _, r := range d.Regions {
		switch r.Kind {
		case doc.RegionHint:
			// A hint that names a source says where d comes from: the other
			// document if it names it, else somewhere else — which is no
			// evidence about this pair. A hint naming nothing ("archive
			// link") says only that d is a copy of something.
			switch {
			case names(r.Note, other):
				credits = true
			case strings.TrimSpace(r.Note) == "" || archiveService(r.Note):
				hints++
			}
		case doc.RegionComment:
			comments = true
		}
	}
	if f, ok := d.Extra["forwarded_from"].(string); ok && names(f, other) {
		credits = true
	}
	if credits {
		ev = append(ev, evidence{0.9, "it credits " + label(other)})
	}
	if hints > 0 {
		ev = append(ev, evidence{0.5, "it carries an archive-link line naming no source"})
	}
	if comments && !hasKind(other, doc.RegionComment) {
		ev = append(ev, evidence{0.4, "it wraps the shared text in a comment thread"})
	}
	return ev
}

func hasKind(d *doc.Document, k doc.RegionKind) bool {
	for _, r := range d.Regions {
		if r.Kind == k {
			return true
		}
	}
	return false
}

// names reports whether a hint's note names the other document: its
// outlet, series, URL or the URL's host.
func names(note string, other *doc.Document) bool {
	note = strings.ToLower(strings.TrimSpace(note))
	if note == "" {
		return false
	}
	for _, s := range []string{other.Outlet, other.Series} {
		if s = strings.ToLower(strings.TrimSpace(s)); len(s) >= 2 && strings.Contains(note, s) {
			return true
		}
	}
	if other.URL != "" {
		u := strings.ToLower(other.URL)
		if strings.Contains(note, strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")) {
			return true
		}
		if p, err := url.Parse(u); err == nil && p.Host != "" {
			host := strings.TrimPrefix(p.Host, "www.")
			if strings.Contains(note, host) {
				return true
			}
		}
	}
	return false
}

func label(d *doc.Document) string {
	if d.Outlet != "" {
		return d.Outlet
	}
	return d.ID
}

// archiveServices are web archives: a link to one names a snapshot, not a
// source, so it is generic evidence that the document copies something.
var archiveServices = []string{"web.archive.org", "archive.org/", "archive.ph", "archive.today", "archive.is", "archive.li", "ghostarchive.org"}

func archiveService(note string) bool {
	note = strings.ToLower(note)
	for _, s := range archiveServices {
		if strings.Contains(note, s) {
			return true
		}
	}
	return false
}
