package match

// Templates finds each group's template fingerprints: those that recur in
// at least minDocs documents of one group (an outlet) and make up at least
// minShare of their postings. An outlet's page furniture — its standfirst,
// its sign-off, its newsletter plea — is in every one of its documents, so
// without this every pair of one outlet's documents would be a candidate
// and be aligned only to find boilerplate. With it, such fingerprints are
// not followed from a document of that group (Candidates, Group); they
// still count between groups, and text an outlet repeats only sometimes —
// republishing its own article — is not affected.
//
// group gives each document's group; documents with group 0 belong to no
// group. Call after adding every document.
func (x *Index) Templates(group func(doc uint32) uint32, minDocs int, minShare float64) {
	x.Freeze()
	x.template = make(map[uint64]uint32)
	counts := map[uint32]int{}
	for i := range x.parts {
		x.partTemplates(x.parts[i].sorted, group, minDocs, minShare, counts)
	}
}

// partTemplates adds the templates among the sorted postings of one part.
func (x *Index) partTemplates(sorted []uint64, group func(doc uint32) uint32, minDocs int, minShare float64, counts map[uint32]int) {
	for i := 0; i < len(sorted); {
		key := sorted[i] &^ docMask
		j := i
		for j < len(sorted) && sorted[j]&^docMask == key {
			j++
		}
		if n := j - i; n >= minDocs {
			clear(counts)
			best, bestN := uint32(0), 0
			for _, e := range sorted[i:j] {
				g := group(uint32(e & docMask))
				if g == 0 {
					continue
				}
				counts[g]++
				if counts[g] > bestN {
					best, bestN = g, counts[g]
				}
			}
			if bestN >= minDocs && float64(bestN) >= minShare*float64(n) {
				x.template[key] = best
			}
		}
		i = j
	}
}

// TemplateCount is the number of fingerprints found to be a group's
// template.
func (x *Index) TemplateCount() int { return len(x.template) }
