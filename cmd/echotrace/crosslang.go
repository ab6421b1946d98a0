package main

import (
	"github.com/echotrace/echotrace/internal/crosslang"
	"github.com/echotrace/echotrace/internal/pipeline"
)

// Flags of the translation search (internal/crosslang), for every command
// that analyses.
var (
	flagCrossLang bool
	flagDictDir   string
)

func init() {
	rootCmd.PersistentFlags().BoolVar(&flagCrossLang, "crosslang", false,
		"also find translations across languages (a Russian, French or German article and its English version); "+
			"applies when the corpus has changed since the last analysis")
	rootCmd.PersistentFlags().StringVar(&flagDictDir, "dict-dir", crosslang.DefaultDictDir,
		"directory of FreeDict dictionaries for --crosslang (Debian: apt-get install dict-freedict-fra-eng dict-freedict-deu-eng)")
}

// crossLangOptions are the translation search's settings from the flags.
func crossLangOptions() pipeline.CrossLangOptions {
	if !flagCrossLang {
		return pipeline.CrossLangOptions{}
	}
	opt := pipeline.DefaultCrossLangOptions()
	opt.DictDir = flagDictDir
	return opt
}
