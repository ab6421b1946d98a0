package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/echotrace/echotrace/internal/store/postgres"
	"github.com/echotrace/echotrace/internal/store/sqlite"
)

// version may be set at link time (-ldflags "-X main.version=v1.2.3");
// otherwise it comes from the module version Go records in the binary.
var version = ""

// buildInfo is what `echotrace version` reports.
type buildInfo struct {
	Version   string                    `json:"version"`
	Commit    string                    `json:"commit"`
	Modified  bool                      `json:"modified"` // built from a work tree with uncommitted changes
	Time      string                    `json:"commit_time,omitempty"`
	GoVersion string                    `json:"go_version"`
	Platform  string                    `json:"platform"`
	Schema    map[string]map[string]int `json:"schema"` // per backend, per topic: the schema version written
}

// readBuildInfo gathers the version from the link-time value, then from the
// build information Go embeds (module version, VCS revision and time).
func readBuildInfo() buildInfo {
	b := buildInfo{
		Version:   version,
		Commit:    "unknown (built without version control information)",
		GoVersion: runtime.Version(),
		Platform:  runtime.GOOS + "/" + runtime.GOARCH,
		Schema: map[string]map[string]int{
			"sqlite":   sqlite.SchemaVersions(),
			"postgres": postgres.SchemaVersions(),
		},
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		if b.Version == "" {
			b.Version = "unknown"
		}
		return b
	}
	if b.Version == "" {
		b.Version = bi.Main.Version
	}
	if b.Version == "" {
		// A test binary or `go run` of a file has no main module version.
		b.Version = "(devel)"
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Commit = s.Value
		case "vcs.time":
			b.Time = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b
}

// writeVersion prints the build information as a few lines.
func writeVersion(w io.Writer, b buildInfo) {
	commit := b.Commit
	if b.Modified {
		commit += " (modified)"
	}
	if b.Time != "" {
		commit += " " + b.Time
	}
	fmt.Fprintf(w, "echotrace %s\ncommit:  %s\ngo:      %s %s\n", b.Version, commit, b.GoVersion, b.Platform)
	backends := make([]string, 0, len(b.Schema))
	for name := range b.Schema {
		backends = append(backends, name)
	}
	sort.Strings(backends)
	for _, name := range backends {
		topics := make([]string, 0, len(b.Schema[name]))
		for t, v := range b.Schema[name] {
			topics = append(topics, fmt.Sprintf("%s %d", t, v))
		}
		sort.Strings(topics)
		fmt.Fprintf(w, "schema:  %s: %s\n", name, strings.Join(topics, ", "))
	}
}

func init() {
	rootCmd.AddCommand(&cobra.Command{
		Use:   "version",
		Short: "Print the version, commit, Go version and database schema versions",
		Long: `version prints what this echotrace is: its version, the commit it was
built from ("modified" when the work tree had uncommitted changes), the Go
version that built it, and for each database backend the schema version of
each topic (documents, reuse, quotes, clusters) it writes. A database
written by a newer schema than this build knows is refused on open.
"echotrace --version" prints the same.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			b := readBuildInfo()
			if flagJSON {
				return writeJSON(cmd.OutOrStdout(), b)
			}
			writeVersion(cmd.OutOrStdout(), b)
			return nil
		},
	})
	// --version prints what the version command prints.
	rootCmd.Version = "set" // makes cobra add the --version flag
	rootCmd.SetVersionTemplate("{{versionText}}")
	cobra.AddTemplateFunc("versionText", func() string {
		var b strings.Builder
		writeVersion(&b, readBuildInfo())
		return b.String()
	})
}
