package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"syscall"

	"github.com/dustin/go-humanize"
	"github.com/spf13/cobra"

	"github.com/echotrace/echotrace/internal/store"
	_ "github.com/echotrace/echotrace/internal/store/postgres"
	_ "github.com/echotrace/echotrace/internal/store/sqlite"
)

// global flags shared by every command.
var (
	flagDB         string
	flagJSON       bool
	flagCPUProfile string
	flagMemProfile string
	flagMemLimit   string
)

// defaultMemoryLimit is the soft heap limit unless --memory-limit or the
// GOMEMLIMIT variable says otherwise. Reuse analysis of a million news
// articles holds about 3 GB; without a limit Go's collector lets the heap
// grow to twice what is live before it collects (GOGC=100), and the
// process then takes 8 GB. Most of what is live is arrays without
// pointers, which the collector does not scan, so collecting more often
// near the limit costs little.
const defaultMemoryLimit = "5GiB"

var rootCmd = &cobra.Command{
	Use:   "echotrace",
	Short: "Trace how news texts travel: reuse, quotes, stories",
	Long: `echotrace reads a pile of news documents and tells which copy which,
passage by passage, who is quoted saying what, and which documents tell one
story. Everything it reports points at the original text.

Documents and results live in one database: a SQLite file by default
(--db echotrace.db), or PostgreSQL (--db postgres://...).`,
	SilenceUsage:  true,
	SilenceErrors: true,
}

func init() {
	rootCmd.PersistentFlags().StringVar(&flagDB, "db", "echotrace.db", "database: a SQLite file path, or a postgres:// URL")
	rootCmd.PersistentFlags().BoolVar(&flagJSON, "json", false, "print machine-readable JSON instead of text")
	rootCmd.PersistentFlags().StringVar(&flagCPUProfile, "cpuprofile", "", "write a CPU profile (go tool pprof) to this file")
	rootCmd.PersistentFlags().StringVar(&flagMemProfile, "memprofile", "", "write a profile of the memory allocated (go tool pprof -sample_index alloc_space) to this file at the end")
	memDefault := defaultMemoryLimit
	if os.Getenv("GOMEMLIMIT") != "" {
		memDefault = "" // the runtime has read it already
	}
	rootCmd.PersistentFlags().StringVar(&flagMemLimit, "memory-limit", memDefault,
		"soft limit of the Go heap, such as 5GiB or 800MB: the garbage collector works harder to stay under it (0: none; default: GOMEMLIMIT if set)")
	rootCmd.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if err := setMemoryLimit(flagMemLimit); err != nil {
			return err
		}
		if flagCPUProfile == "" {
			return nil
		}
		f, err := os.Create(flagCPUProfile)
		if err != nil {
			return err
		}
		return pprof.StartCPUProfile(f)
	}
	rootCmd.PersistentPostRunE = func(cmd *cobra.Command, args []string) error {
		if flagCPUProfile != "" {
			pprof.StopCPUProfile()
		}
		if flagMemProfile == "" {
			return nil
		}
		f, err := os.Create(flagMemProfile)
		if err != nil {
			return err
		}
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
}

// setMemoryLimit sets the runtime's soft memory limit from a size such as
// "5GiB"; "0" removes it and "" leaves it as the runtime set it.
func setMemoryLimit(size string) error {
	if size == "" {
		return nil
	}
	n, err := humanize.ParseBytes(size)
	if err != nil {
		return fmt.Errorf("--memory-limit %q: want a size such as 5GiB, 800MB or 2000000000 (bytes), or 0 for no limit", size)
	}
	if n == 0 || n > math.MaxInt64 {
		debug.SetMemoryLimit(math.MaxInt64)
		return nil
	}
	debug.SetMemoryLimit(int64(n))
	return nil
}

// exitError carries an exit code through cobra: a command that did its
// work but met bad input returns one with code 1 after printing its output.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// partialFailure is the error of a command that processed what it could
// but failed for some inputs.
func partialFailure(format string, args ...any) error {
	return &exitError{code: 1, msg: fmt.Sprintf(format, args...)}
}

func run(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rootCmd.SetArgs(args)
	err := rootCmd.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	fmt.Fprintln(os.Stderr, "echotrace:", err)
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return 2
}

// openStore opens the database named by --db.
func openStore(ctx context.Context) (store.Store, error) {
	st, err := store.Open(ctx, flagDB)
	if err != nil {
		return nil, fmt.Errorf("opening database %s: %w", flagDB, err)
	}
	return st, nil
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
