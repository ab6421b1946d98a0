package report

import "strconv"

// unavailable writes a section that has no data because the store does
// not keep its topic: its title and why, so that an empty section is not
// read as "none found". It writes nothing when there is no such note.
func (p *printer) unavailable(r *Report, key, title string) {
	if note := r.Unavailable[key]; note != "" {
		p.heading(title)
		p.para("  ", "  ", "Not in this report: "+note)
	}
}

// plural says "1 story" or "3 stories": count for nouns whose plural is
// not made with an s.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
