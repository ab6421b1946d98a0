package match

// Fingerprint is a winnowed shingle hash and the index of the shingle's first
// token in its document.
type Fingerprint struct {
	Hash uint64
	Pos  int32
}

// Mix is the splitmix64 finaliser: shingle hashes built by combining token
// hashes must be spread evenly for winnowing to pick fair minima, and
// package neardup uses it for its band keys.
func Mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Shingles returns the hash of every run of k consecutive tokens: element i
// covers tokens [i, i+k). It returns nil when there are fewer than k tokens.
func Shingles(tokens []uint64, k int) []uint64 {
	return appendShingles(nil, tokens, k)
}

// appendShingles appends the shingle hashes of tokens to dst.
func appendShingles(dst, tokens []uint64, k int) []uint64 {
	if k <= 0 || len(tokens) < k {
		return dst
	}
	for i := 0; i+k <= len(tokens); i++ {
		var h uint64 = 0x9e3779b97f4a7c15
		for _, t := range tokens[i : i+k] {
			h = Mix(h ^ t)
		}
		dst = append(dst, h)
	}
	return dst
}

// Winnow selects fingerprints from shingle hashes (Schleimer, Wilkerson and
// Aiken 2003): in every window of w consecutive shingles the minimum hash is
// kept (the rightmost one on ties), each selected position once.
func Winnow(shingles []uint64, w int) []Fingerprint {
	if len(shingles) == 0 {
		return nil
	}
	if w <= 1 {
		out := make([]Fingerprint, len(shingles))
		for i, h := range shingles {
			out[i] = Fingerprint{h, int32(i)}
		}
		return out
	}
	out := make([]Fingerprint, 0, 2*len(shingles)/(w+1)+2)
	last := -1
	// A monotone deque of positions whose hashes increase from front to back
	// gives each window's minimum in amortised constant time.
	dq := make([]int, 0, w)
	for i := range shingles {
		for len(dq) > 0 && shingles[dq[len(dq)-1]] >= shingles[i] {
			dq = dq[:len(dq)-1]
		}
		dq = append(dq, i)
		if dq[0] <= i-w {
			dq = dq[1:]
		}
		if i >= w-1 || i == len(shingles)-1 {
			if m := dq[0]; m != last {
				out = append(out, Fingerprint{shingles[m], int32(m)})
				last = m
			}
		}
	}
	return out
}
