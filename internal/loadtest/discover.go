package loadtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"unicode"
)

// What discovery samples. A mix that asks about a handful of ids measures
// the server's answer cache, not the database: readers of a large corpus
// spread over thousands of documents, pages deep into every list, and
// search for words common and rare. So ids are sampled from the whole of
// each list (pages at offsets spread over its length), several hundred of
// each kind.
const (
	// docPages pages of docPageSize documents, at offsets spread over
	// the corpus in date order.
	docPages, docPageSize = 20, 25
	// pairPages pages of pairPageSize relations spread over all of them.
	pairPages, pairPageSize = 10, 20
	// clusterPages pages of clusterPageSize stories (or narratives).
	clusterPages, clusterPageSize = 10, 30
	// quotePageSize occurrences or mentions per probe of those lists,
	// whose length the server does not say.
	quotePageSize = 100
	// textSample documents' text are read for search words.
	textSample = 40
	// wordsPerBand search words of each frequency band.
	wordsPerBand = 8
)

// ids are what the mix asks about, found through the API, and the
// lengths of the lists it pages through.
type ids struct {
	docs     []string // across the corpus, by date
	related  []string // documents with reuse relations
	outlets  []string
	stories  []string
	narrs    []string
	quotes   []string
	speakers []string
	entities []string
	pairs    [][2]string
	// searches are queries of one or two words, common, medium and rare
	// in the corpus.
	searches []string
	// Lengths of the lists (an upper bound where the server gives none).
	nDocs, nRelations, nChains, nStories, nNarrs, nQuotes, nEntities int
	// kinds counts relations by kind.
	kinds map[string]int
}

// stats is the part of /api/stats discovery needs.
type statsAnswer struct {
	Documents  int              `json:"documents"`
	Chains     int              `json:"chains"`
	Stories    int              `json:"stories"`
	Narratives int              `json:"narratives"`
	Relations  map[string]int64 `json:"relations"`
}

// spread is n offsets, multiples of size, spread evenly over [0, total).
func spread(total, n, size int) []int {
	if total <= 0 {
		return nil
	}
	pages := (total + size - 1) / size
	n = min(n, pages)
	out := make([]int, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, (i*pages/n)*size)
	}
	return out
}

// discover reads a sample of ids from the server and builds the mix.
func discover(ctx context.Context, client *http.Client, base *url.URL) (*ids, error) {
	in := &ids{}
	get := func(path string, v any) error { return getJSON(ctx, client, base, path, v) }
	var st statsAnswer
	if err := get("/api/stats", &st); err != nil {
		return nil, err
	}
	if st.Documents == 0 {
		return nil, errors.New("loadtest: the server holds no documents")
	}
	in.nDocs, in.nChains, in.nStories, in.nNarrs = st.Documents, st.Chains, st.Stories, st.Narratives
	in.kinds = map[string]int{}
	for k, n := range st.Relations {
		in.nRelations += int(n)
		if n > 0 {
			in.kinds[k] = int(n)
		}
	}

	seenOutlet := map[string]bool{}
	for _, off := range spread(in.nDocs, docPages, docPageSize) {
		var docs struct{ Items []struct{ ID, Outlet string } }
		if err := get(fmt.Sprintf("/api/documents?offset=%d&limit=%d", off, docPageSize), &docs); err != nil {
			return nil, err
		}
		for _, d := range docs.Items {
			in.docs = append(in.docs, d.ID)
			if d.Outlet != "" && !seenOutlet[d.Outlet] {
				seenOutlet[d.Outlet] = true
				in.outlets = append(in.outlets, d.Outlet)
			}
		}
	}
	if len(in.docs) == 0 {
		return nil, errors.New("loadtest: the server lists no documents")
	}

	for _, off := range spread(in.nRelations, pairPages, pairPageSize) {
		var pairs struct{ Items []struct{ A, B string } }
		if err := get(fmt.Sprintf("/api/pairs?offset=%d&limit=%d", off, pairPageSize), &pairs); err != nil {
			return nil, err
		}
		for _, p := range pairs.Items {
			in.pairs = append(in.pairs, [2]string{p.A, p.B})
			in.related = append(in.related, p.A, p.B)
		}
	}

	var list struct{ Items []struct{ ID string } }
	for _, l := range []struct {
		path  string
		total int
		into  *[]string
	}{{"/api/stories", in.nStories, &in.stories}, {"/api/narratives", in.nNarrs, &in.narrs}} {
		for _, off := range spread(l.total, clusterPages, clusterPageSize) {
			list.Items = nil
			if err := get(fmt.Sprintf("%s?offset=%d&limit=%d", l.path, off, clusterPageSize), &list); err != nil {
				return nil, err
			}
			for _, it := range list.Items {
				*l.into = append(*l.into, it.ID)
			}
		}
	}

	if err := in.probeQuotes(get); err != nil {
		return nil, err
	}
	if err := in.searchWords(get); err != nil {
		return nil, err
	}
	return in, nil
}

// probeQuotes samples quotes, speakers and entities from lists whose
// length the server does not say (see probe).
func (in *ids) probeQuotes(get func(string, any) error) error {
	seenQ, seenS, seenE := map[string]bool{}, map[string]bool{}, map[string]bool{}
	var err error
	in.nQuotes, err = probe(get, "/api/quotes", func(q struct{ Quote, Speaker string }) {
		if !seenQ[q.Quote] {
			seenQ[q.Quote] = true
			in.quotes = append(in.quotes, q.Quote)
		}
		if q.Speaker != "" && !seenS[q.Speaker] {
			seenS[q.Speaker] = true
			in.speakers = append(in.speakers, q.Speaker)
		}
	})
	if err != nil {
		return err
	}
	in.nEntities, err = probe(get, "/api/entities", func(e struct{ Entity string }) {
		if !seenE[e.Entity] {
			seenE[e.Entity] = true
			in.entities = append(in.entities, e.Entity)
		}
	})
	return err
}

// probe reads pages of a list at doubling offsets until one is empty,
// giving each item to fn, and returns the length the list has at least:
// a sample from its whole length, and a bound for the offsets the mix
// asks for.
func probe[T any](get func(string, any) error, path string, fn func(T)) (int, error) {
	n := 0
	for off := 0; ; off = max(2*off, quotePageSize) {
		var page struct{ Items []T }
		if err := get(fmt.Sprintf("%s?offset=%d&limit=%d", path, off, quotePageSize), &page); err != nil {
			return n, err
		}
		if len(page.Items) == 0 {
			return n, nil
		}
		n = off + len(page.Items)
		for _, it := range page.Items {
			fn(it)
		}
	}
}

// searchWords picks search words of different frequency from the text of
// a sample of documents: the words found in most of the sample (common in
// the corpus: a search of thousands of matches), in about a tenth of it,
// and in one document only (rare), and pairs of them.
func (in *ids) searchWords(get func(string, any) error) error {
	df := map[string]int{}
	n := 0
	for i := 0; i < textSample && i < len(in.docs); i++ {
		var d struct{ Title, Text string }
		if err := get("/api/documents/"+url.PathEscape(in.docs[i*len(in.docs)/min(textSample, len(in.docs))]), &d); err != nil {
			return err
		}
		n++
		seen := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(d.Title+" "+d.Text), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}) {
			if len([]rune(w)) >= 3 && !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	words := make([]string, 0, len(df))
	for w := range df {
		words = append(words, w)
	}
	// Most frequent first; ties in a fixed order so that a run repeats.
	sort.Slice(words, func(i, j int) bool {
		if df[words[i]] != df[words[j]] {
			return df[words[i]] > df[words[j]]
		}
		return words[i] < words[j]
	})
	band := func(lo, hi int) []string { // up to wordsPerBand words in lo..hi documents of the sample
		var out []string
		for _, w := range words {
			if df[w] >= lo && df[w] <= hi {
				out = append(out, w)
			}
		}
		if len(out) > wordsPerBand {
			step := len(out) / wordsPerBand
			picked := make([]string, 0, wordsPerBand)
			for i := 0; i < wordsPerBand; i++ {
				picked = append(picked, out[i*step])
			}
			out = picked
		}
		return out
	}
	common := band(max(2, n/2), n)
	medium := band(max(2, n/20), max(2, n/5))
	rare := band(1, 1)
	in.searches = append(in.searches, common...)
	in.searches = append(in.searches, medium...)
	in.searches = append(in.searches, rare...)
	for i := 0; i < wordsPerBand; i++ {
		if len(common) > 0 && len(medium) > 0 {
			in.searches = append(in.searches, common[i%len(common)]+" "+medium[(i+1)%len(medium)])
		}
		if len(common) > 1 {
			in.searches = append(in.searches, common[i%len(common)]+" "+common[(i+3)%len(common)])
		}
	}
	return nil
}

// getJSON reads one API answer during discovery, when every error is the
// end of the run.
func getJSON(ctx context.Context, client *http.Client, base *url.URL, path string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base.String()+path, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("loadtest: %s: %w", path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotImplemented {
		return nil // the store keeps no such results: the mix goes without
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("loadtest: %s: status %d", path, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return fmt.Errorf("loadtest: %s: %w", path, err)
	}
	return nil
}
