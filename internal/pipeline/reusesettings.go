package pipeline

import (
	"context"
	"fmt"
	"maps"
	"strconv"

	"github.com/echotrace/echotrace/internal/store"
)

// Names of the reuse settings a user sets and the store keeps with the
// results, so that a report says what it was made with.
const (
	SettingMinTokens   = "min_tokens"
	SettingMinIdentity = "min_identity"
	SettingMaxGap      = "max_gap"
	// SettingCrossLang is "on" when the results include the search for
	// translations across languages.
	SettingCrossLang = "crosslang"
)

// Settings are the options a user may set for reuse analysis, as stored
// with its results: the least matched tokens and identity of a passage,
// and the largest gap chained across.
func (o ReuseOptions) Settings() map[string]string {
	return map[string]string{
		SettingMinTokens:   strconv.Itoa(o.Align.MinTokens),
		SettingMinIdentity: strconv.FormatFloat(o.Align.MinIdentity, 'g', -1, 64),
		SettingMaxGap:      strconv.Itoa(o.Align.MaxGap),
	}
}

// analysisSettings are the settings stored with the results of an
// analysis with opt. The search for translations stays on once a
// database's results include it: a later analysis (a report after new
// documents came in, say) that did not ask for it again must not drop the
// translations found before.
func analysisSettings(ctx context.Context, st store.Store, opt *AnalyzeOptions) (map[string]string, error) {
	stored, err := st.ReuseSettings(ctx)
	if err != nil {
		return nil, err
	}
	if stored[SettingCrossLang] == "on" && !opt.CrossLang.Enabled {
		opt.CrossLang = DefaultCrossLangOptions()
	}
	settings := opt.Reuse.Settings()
	if opt.CrossLang.Enabled {
		settings[SettingCrossLang] = "on"
	}
	return settings, nil
}

// sameReuseSettings reports whether the stored reuse results were made
// with these settings. Results stored without settings were made before
// they could be changed, with the defaults and no translation search.
func sameReuseSettings(ctx context.Context, st store.Store, settings map[string]string) (bool, error) {
	have, err := st.ReuseSettings(ctx)
	if err != nil {
		return false, err
	}
	if have == nil {
		have = DefaultReuseOptions().Settings()
	}
	return maps.Equal(have, settings), nil
}

// ApplySettings sets the options named in settings (as Settings writes
// them), checking each value; names it does not know are left alone.
func (o *ReuseOptions) ApplySettings(settings map[string]string) error {
	al := &o.Align
	for name, s := range settings {
		var err error
		switch name {
		case SettingMinTokens:
			if al.MinTokens, err = strconv.Atoi(s); err == nil && al.MinTokens < 1 {
				err = fmt.Errorf("want a whole number of at least 1")
			}
		case SettingMinIdentity:
			if al.MinIdentity, err = strconv.ParseFloat(s, 64); err == nil && !(al.MinIdentity > 0 && al.MinIdentity <= 1) {
				err = fmt.Errorf("want a share above 0 and at most 1")
			}
		case SettingMaxGap:
			if al.MaxGap, err = strconv.Atoi(s); err == nil && al.MaxGap < 0 {
				err = fmt.Errorf("want a whole number of tokens, 0 or more")
			}
		}
		if err != nil {
			return fmt.Errorf("%s %s: %w", name, s, err)
		}
	}
	return nil
}

// StoredReuseOptions are base with the settings the stored results were
// made with, so that bringing an analysis up to date keeps them.
func StoredReuseOptions(ctx context.Context, st store.Store, base ReuseOptions) (ReuseOptions, error) {
	have, err := st.ReuseSettings(ctx)
	if err != nil {
		return base, err
	}
	if err := base.ApplySettings(have); err != nil {
		return base, fmt.Errorf("stored reuse settings: %w", err)
	}
	return base, nil
}
