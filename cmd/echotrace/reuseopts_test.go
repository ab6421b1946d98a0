package main

import (
	"path/filepath"
	"testing"
)

func TestReuseOptionsPutTokenFileBesideSQLite(t *testing.T) {
	for _, tc := range []struct{ db, want string }{
		{"echotrace.db", "."},
		{filepath.Join("data", "news.db"), "data"},
		{"sqlite:" + filepath.Join("data", "news.db"), "data"},
		{":memory:", ""},
		{"postgres://user@host/db", ""},
	} {
		if got := reuseOptions(tc.db).TempDir; got != tc.want {
			t.Errorf("reuseOptions(%q).TempDir = %q, want %q", tc.db, got, tc.want)
		}
	}
}
