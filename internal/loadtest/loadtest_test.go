package loadtest

import (
	"context"
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
