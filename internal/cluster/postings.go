package cluster

// postings are the index entries of one vocabulary: by term or entity
// id, the stories indexed under it, oldest first. A slice by id, where a
// map found an entry through its control bytes and then its slot, two
// reads of memory the processor has mostly not cached at a large corpus
// (every placement looks up QueryTerms entries of each kind and extends
// IndexTerms); an id never indexed costs its 24 bytes of slice header.
// The saved state keeps the map (see asMap and postingsOf).
type postings struct {
	lists [][]int32
}

// of is the list of id, nil when none.
func (p *postings) of(id uint32) []int32 {
	if int(id) < len(p.lists) {
		return p.lists[id]
	}
	return nil
}

// set makes list the list of id.
func (p *postings) set(id uint32, list []int32) {
	if n := int(id) + 1; n > len(p.lists) {
		if n <= cap(p.lists) {
			p.lists = p.lists[:n]
		} else {
			p.lists = append(p.lists[:cap(p.lists)], make([][]int32, n-cap(p.lists))...)
		}
	}
	p.lists[id] = list
}

// asMap is the entries as the saved state keeps them: the ids with a
// list.
func (p *postings) asMap() map[uint32][]int32 {
	m := make(map[uint32][]int32)
	for id, list := range p.lists {
		if list != nil {
			m[uint32(id)] = list
		}
	}
	return m
}

// postingsOf is the entries of a saved state's map.
func postingsOf(m map[uint32][]int32) postings {
	var p postings
	for id, list := range m {
		p.set(id, list)
	}
	return p
}
