package postgres

// SetManyMatches changes the number of matches from which a search walks
// the date index, until restore is called.
func SetManyMatches(n int) (restore func()) {
	old := manyMatches
	manyMatches = n
	return func() { manyMatches = old }
}
