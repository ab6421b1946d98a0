package extract

// attributesBetter reports whether attribution at, rather than old, gives
// the speaker of a quotation both are next to. A relative pronoun's
// clause is an aside about the speaker the other cue names ("“…,”
// Warren, who has not endorsed anyone, told reporters"), so it yields;
// otherwise the cue after the quotation wins over the one before.
func (a *analysis) attributesBetter(at, old *attribution) bool {
	if ra, ro := a.isRelativeMention(at.Src), a.isRelativeMention(old.Src); ra != ro {
		return ro
	}
	return old.Pre && !at.Pre
}
