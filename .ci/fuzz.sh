#!/usr/bin/env bash
# Runs every fuzz target of the repository briefly (default 10s each): the
# corpus in testdata/fuzz is replayed by `go test` anyway; this also
# explores. Longer runs by hand: bash .ci/fuzz.sh 10m
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime="${1:-10s}"
status=0
while IFS= read -r file; do
  dir="./$(dirname "$file")"
  for target in $(grep -oE '^func (Fuzz[A-Za-z0-9_]+)' "$file" | awk '{print $2}'); do
    echo "fuzz: $dir $target ($fuzztime)"
    if ! go test -run='^$' -fuzz="^${target}\$" -fuzztime="$fuzztime" "$dir" >/tmp/fuzz-$$.log 2>&1; then
      cat /tmp/fuzz-$$.log
      status=1
    fi
  done
done < <(git ls-files '*_test.go' | xargs grep -l '^func Fuzz' | sort)
rm -f /tmp/fuzz-$$.log
exit $status
