package loadtest

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestCheckLoopback(t *testing.T) {
	for _, ok := range []string{"http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:80/"} {
		if _, err := CheckLoopback(ok); err != nil {
			t.Errorf("CheckLoopback(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"http://example.org", "http://10.0.0.1:80", "https://127.0.0.1", "ftp://127.0.0.1", "127.0.0.1:80"} {
		if _, err := CheckLoopback(bad); err == nil {
			t.Errorf("CheckLoopback(%q) accepted a base that is not http:// on loopback", bad)
		}
	}
}

// A run refuses a configuration out of its bounds before it sends
// anything.
func TestRunBounds(t *testing.T) {
	for _, cfg := range []Config{
		{Base: "http://127.0.0.1:1", Clients: 0, Duration: time.Second},
		{Base: "http://127.0.0.1:1", Clients: MaxClients + 1, Duration: time.Second},
		{Base: "http://127.0.0.1:1", Clients: 1, Duration: MaxDuration + time.Second},
		{Base: "http://192.0.2.1:80", Clients: 1, Duration: time.Second},
	} {
		if _, err := Run(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), "loadtest") {
			t.Errorf("Run(%+v) = %v, want a refusal", cfg, err)
		}
	}
}

func TestStats(t *testing.T) {
	var ss []sample
	for i := 1; i <= 100; i++ {
		s := sample{route: "r", took: time.Duration(i) * time.Millisecond}
		if i%10 == 0 {
			s.err = "status 500"
		}
		ss = append(ss, s)
	}
	st := stats("r", ss)
	if st.Requests != 100 || st.Errors != 10 || st.P50 != 51*time.Millisecond || st.P99 != 100*time.Millisecond || st.Max != 100*time.Millisecond {
		t.Errorf("stats = %+v", st)
	}
}

// Offsets are spread over the whole list in whole pages, never past it.
func TestSpread(t *testing.T) {
	got := spread(100_000, 20, 25)
	if len(got) != 20 || got[0] != 0 || got[19] < 90_000 || got[19] >= 100_000 {
		t.Errorf("spread(100000, 20, 25) = %v", got)
	}
	for _, o := range got {
		if o%25 != 0 {
			t.Errorf("offset %d is not a whole page", o)
		}
	}
	if got := spread(30, 20, 25); len(got) != 2 || got[1] != 25 {
		t.Errorf("spread(30, 20, 25) = %v, want [0 25]", got)
	}
	if got := spread(0, 20, 25); len(got) != 0 {
		t.Errorf("spread(0, 20, 25) = %v, want none", got)
	}
}

// Search words come in three bands of frequency in the sampled texts: a
// word of every text is common, a word of one text rare, and pairs of
// words join them.
func TestSearchWords(t *testing.T) {
	in := &ids{}
	texts := map[string]string{}
	for i := 0; i < 40; i++ {
		id := string(rune('a'+i%26)) + strings.Repeat("x", i/26)
		in.docs = append(in.docs, id)
		text := "the harbour report"
		if i%8 == 0 {
			text += " ferries"
		}
		if i == 7 {
			text += " zeppelin"
		}
		texts["/api/documents/"+id] = text
	}
	get := func(path string, v any) error {
		p := v.(*struct{ Title, Text string })
		p.Text = texts[path]
		return nil
	}
	if err := in.searchWords(get); err != nil {
		t.Fatal(err)
	}
	has := func(w string) bool { return slices.Contains(in.searches, w) }
	if !has("the") || !has("harbour") {
		t.Errorf("common words missing from %v", in.searches)
	}
	if !has("ferries") {
		t.Errorf("a word of a tenth of the texts is missing from %v", in.searches)
	}
	if !has("zeppelin") {
		t.Errorf("a word of one text is missing from %v", in.searches)
	}
	two := 0
	for _, s := range in.searches {
		if strings.Contains(s, " ") {
			two++
		}
	}
	if two == 0 {
		t.Errorf("no two-word searches in %v", in.searches)
	}
}
