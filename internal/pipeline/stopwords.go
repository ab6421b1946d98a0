package pipeline

import (
	"sync"

	"github.com/echotrace/echotrace/internal/match"
	"github.com/echotrace/echotrace/internal/normalize"
)

// stopHashes are the 32-bit token hashes of each language's stopwords, as
// reuse analysis keeps tokens; built once per language.
var stopHashes sync.Map // language → map[uint32]struct{}

func stopwordHashes(lang string) map[uint32]struct{} {
	if lang == "" {
		return nil
	}
	if v, ok := stopHashes.Load(lang); ok {
		return v.(map[uint32]struct{})
	}
	words := normalize.Stopwords(lang)
	set := make(map[uint32]struct{}, len(words))
	for w := range words {
		set[uint32(normalize.Hash(w))] = struct{}{}
	}
	v, _ := stopHashes.LoadOrStore(lang, set)
	return v.(map[uint32]struct{})
}

// dropStopShingles removes fingerprints whose shingle is made of stopwords
// only ("and it was in the"): in any language they are among the most
// frequent shingles, match texts that share nothing else, and would only
// be cut later by the document-frequency limit — after costing candidates.
func dropStopShingles(fps []match.Fingerprint, tokens []uint64, k int, stop map[uint32]struct{}) []match.Fingerprint {
	if len(stop) == 0 {
		return fps
	}
	out := fps[:0]
	for _, fp := range fps {
		all := true
		for _, t := range tokens[fp.Pos : int(fp.Pos)+k] {
			if _, ok := stop[uint32(t)]; !ok {
				all = false
				break
			}
		}
		if !all {
			out = append(out, fp)
		}
	}
	return out
}
