// Command echotrace finds text reuse, quotes and stories in a pile of news
// documents. See the README for a tour; `echotrace help` lists commands.
//
// The command is thin: each subcommand parses flags, calls the pipeline in
// internal/, and presents what it returns.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:]))
}
