package main

import "strings"

// noun is one or many by n, for columns where the number is printed apart.
func noun(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// maxIDsListed is how many ids, outlets or days a text listing names
// before it says how many more there are (as the report does); --json
// lists them all.
const maxIDsListed = 12

// capped joins at most n items with commas, then says how many more there
// are: "a, b, c and 9 more documents".
func capped(items []string, n int, one, many string) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + " and " + plural(len(items)-n, "more "+one, "more "+many)
}
