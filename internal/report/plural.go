package report

import "strconv"

// plural says "1 story" or "3 stories": count for nouns whose plural is
// not made with an s.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
