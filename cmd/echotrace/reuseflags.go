package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/echotrace/echotrace/internal/pipeline"
	"github.com/echotrace/echotrace/internal/store"
)

// The controls of reuse analysis on analyze and report. A setting not
// given keeps the one the stored results were made with (the defaults for
// a new database), so `report` after `analyze --min-tokens 20` reports
// those results instead of analysing again with the defaults; a setting
// given that differs from the stored one makes the analysis run again.
var (
	flagMinTokens   int
	flagMinIdentity float64
	flagMaxGap      int
	flagStages      string
	flagFullText    bool
)

// addReuseFlags adds the controls of reuse analysis, and of the passage
// text in the JSON report, to cmd.
func addReuseFlags(cmd *cobra.Command) {
	d := pipeline.DefaultReuseOptions().Align
	cmd.Flags().IntVar(&flagMinTokens, "min-tokens", d.MinTokens, "least matched tokens a reused passage needs (below 12, short passages are found only where they share an indexed fingerprint)")
	cmd.Flags().Float64Var(&flagMinIdentity, "min-identity", d.MinIdentity, "least share of a passage's tokens, both sides together, that match exactly (0 to 1)")
	cmd.Flags().IntVar(&flagMaxGap, "max-gap", d.MaxGap, "most unmatched tokens, on either side, bridged inside one passage")
	cmd.Flags().BoolVar(&flagFullText, "full-text", false, "with --json, give each passage side its whole text (otherwise sides over 2000 bytes get an excerpt marked \"excerpt\": true)")
}

// addStagesFlag adds --stages to cmd.
func addStagesFlag(cmd *cobra.Command) {
	cmd.Flags().StringVar(&flagStages, "stages", "", "analysis stages to run, a comma list of "+orList(allStages())+" (default: all); reuse always runs")
}

// allStages are the names --stages accepts.
func allStages() []string { return append([]string{"reuse"}, pipeline.StageKeys()...) }

// analyzeOptions are the analysis options cmd's flags ask for, with the
// settings not given taken from the stored results (all of them when cmd
// is nil: a command that only brings the analysis up to date).
func analyzeOptions(ctx context.Context, cmd *cobra.Command, st store.Store) (pipeline.AnalyzeOptions, error) {
	opt := pipeline.AnalyzeOptions{CrossLang: crossLangOptions()}
	var err error
	if opt.Reuse, err = pipeline.StoredReuseOptions(ctx, st, reuseOptions(flagDB)); err != nil {
		return opt, err
	}
	for flag, setting := range map[string]string{
		"min-tokens":   pipeline.SettingMinTokens,
		"min-identity": pipeline.SettingMinIdentity,
		"max-gap":      pipeline.SettingMaxGap,
	} {
		if cmd == nil || !cmd.Flags().Changed(flag) {
			continue
		}
		v := cmd.Flags().Lookup(flag).Value.String()
		if err := opt.Reuse.ApplySettings(map[string]string{setting: v}); err != nil {
			return opt, fmt.Errorf("--%s %s: %w", flag, v, errors.Unwrap(err))
		}
	}
	if flagStages != "" {
		for _, s := range strings.Split(flagStages, ",") {
			s = strings.TrimSpace(s)
			if !slices.Contains(allStages(), s) {
				return opt, fmt.Errorf("--stages %s: unknown stage %q: want a comma list of %s", flagStages, s, orList(allStages()))
			}
			if s != "reuse" && !slices.Contains(opt.Stages, s) {
				opt.Stages = append(opt.Stages, s)
			}
		}
		if opt.Stages == nil {
			opt.Stages = []string{} // reuse alone
		}
	}
	return opt, nil
}
