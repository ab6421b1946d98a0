package extract

// seatSpeaks reports whether name run r, right after "the" and ending at
// token e, is a building or seat standing for the body that works in it
// ("the White House says", "the Elysee Palace said"): news lets such a
// place speak as an organisation. A person's name takes no article, so
// a run typed a person only by its shape (two capitalised words) is
// such a seat when it is the subject of the cue right after it; a place
// is one when its head is a building ("the Elysee Palace said").
func (a *analysis) seatSpeaks(r nameRun, e int) bool {
	if r.Last != e || r.NameFirst != r.First || len(r.Roles) > 0 {
		return false
	}
	switch r.Type {
	case Person:
		return r.ByShape && r.Last > r.First
	case Place:
		return seatHeads[a.toks[r.Last].Key]
	}
	return false
}

// seatHeads are the buildings whose name stands for the body in them.
var seatHeads = set(`house palace hall building castle`)
