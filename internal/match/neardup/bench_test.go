package neardup

import "testing"

func BenchmarkSign(b *testing.B) {
	toks := randomTokens(800, 1)
	s := NewSigner(128, 5, 0)
	sig := make([]uint32, 128)
	b.SetBytes(int64(len(toks) * 8))
	b.ReportAllocs()
	for b.Loop() {
		s.Sign(toks, sig)
	}
}

func BenchmarkAddQuery(b *testing.B) {
	docs := make([][]uint64, 1000)
	for i := range docs {
		docs[i] = randomTokens(800, uint64(i))
	}
	ix := New(Options{})
	sig := make([]uint32, 128)
	var out []uint32
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ix.Sign(docs[i%len(docs)], sig)
		out = ix.QuerySignature(sig, out[:0])
		ix.AddSignature(uint32(i), sig)
		i++
	}
}
