package neardup

// bucketTable maps a band key to the newest slot in its bucket; the older
// slots of the bucket hang off a per-slot next link kept by the Index. It
// is open addressing with linear probing over two flat arrays, which for
// tens of millions of entries is both smaller and faster than a Go map of
// slices: no allocation per bucket, 12 bytes per cell.
type bucketTable struct {
	keys  []uint64 // 0 marks an empty cell; real keys are never 0
	heads []uint32 // slot+1 of the newest entry in the bucket
	used  int
}

// nonzero maps key 0 to another value so that 0 can mark empty cells.
func nonzero(key uint64) uint64 {
	if key == 0 {
		return 0x9e3779b97f4a7c15
	}
	return key
}

// head returns slot+1 of the newest entry under key, or 0 if none.
func (t *bucketTable) head(key uint64) uint32 {
	if len(t.keys) == 0 {
		return 0
	}
	key = nonzero(key)
	mask := uint64(len(t.keys) - 1)
	for i := key & mask; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case key:
			return t.heads[i]
		case 0:
			return 0
		}
	}
}

// push makes slot+1 the head of key's bucket and returns the previous
// head (0 when the bucket was new).
func (t *bucketTable) push(key uint64, slot1 uint32) (prev uint32) {
	if 4*(t.used+1) > 3*len(t.keys) {
		t.grow()
	}
	key = nonzero(key)
	mask := uint64(len(t.keys) - 1)
	for i := key & mask; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case key:
			prev, t.heads[i] = t.heads[i], slot1
			return prev
		case 0:
			t.keys[i], t.heads[i] = key, slot1
			t.used++
			return 0
		}
	}
}

// grow doubles the table (starting at 1024 cells) and reinserts.
func (t *bucketTable) grow() {
	size := 2 * len(t.keys)
	if size < 1024 {
		size = 1024
	}
	old, oldHeads := t.keys, t.heads
	t.keys, t.heads = make([]uint64, size), make([]uint32, size)
	mask := uint64(size - 1)
	for j, k := range old {
		if k == 0 {
			continue
		}
		i := k & mask
		for t.keys[i] != 0 {
			i = (i + 1) & mask
		}
		t.keys[i], t.heads[i] = k, oldHeads[j]
	}
}
