package match

// seedTable maps the seed hashes of a document to their positions in it:
// an open-addressing table whose slots hold a hash, how many times it
// occurs and its first position, the later positions chained in next in
// increasing order. It replaced a map of slices, which cost an allocation
// per distinct seed of every document aligned and whose lookups were
// most of finding the runs two documents share (doc/performance.md).
type seedTable struct {
	keys  []uint64
	count []int32 // 0 for an empty slot
	first []int32
	next  []int32 // next[i]: the next position with seed i's hash, or -1
	shift uint    // a hash's slot is its top bits, after multiplying
}

// build fills t with the seeds of one document, by position, reusing its
// room.
func (t *seedTable) build(seeds []uint64) {
	size, bits := 8, uint(3)
	for size < 2*len(seeds) {
		size, bits = size*2, bits+1
	}
	if cap(t.keys) < size {
		t.keys = make([]uint64, size)
		t.count = make([]int32, size)
		t.first = make([]int32, size)
	} else {
		t.keys, t.count, t.first = t.keys[:size], t.count[:size], t.first[:size]
		clear(t.count)
	}
	t.shift = 64 - bits
	if cap(t.next) < len(seeds) {
		t.next = make([]int32, len(seeds))
	}
	t.next = t.next[:len(seeds)]
	// From the last position back, so that each chain comes out in
	// increasing order.
	for i := len(seeds) - 1; i >= 0; i-- {
		s := t.slot(seeds[i])
		if t.count[s] == 0 {
			t.keys[s], t.count[s], t.next[i] = seeds[i], 1, -1
		} else {
			t.count[s]++
			t.next[i] = t.first[s]
		}
		t.first[s] = int32(i)
	}
}

// slot is the slot that holds h, or the empty one where it would go.
func (t *seedTable) slot(h uint64) int {
	mask := len(t.keys) - 1
	s := int((h * 0x9e3779b97f4a7c15) >> t.shift)
	for t.count[s] != 0 && t.keys[s] != h {
		s = (s + 1) & mask
	}
	return s
}

// find reports how many times h occurs and its first position (-1 when
// it does not).
func (t *seedTable) find(h uint64) (n, first int32) {
	if len(t.keys) == 0 {
		return 0, -1
	}
	s := t.slot(h)
	if t.count[s] == 0 {
		return 0, -1
	}
	return t.count[s], t.first[s]
}
