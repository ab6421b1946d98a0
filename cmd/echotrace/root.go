package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

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
)

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
	rootCmd.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if flagCPUProfile == "" {
			return nil
		}
		f, err := os.Create(flagCPUProfile)
		if err != nil {
			return err
		}
		return pprof.StartCPUProfile(f)
	}
	rootCmd.PersistentPostRun = func(cmd *cobra.Command, args []string) {
		if flagCPUProfile != "" {
			pprof.StopCPUProfile()
		}
	}
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
