#!/usr/bin/env bash
# Runs every fuzz target of the repository briefly: the corpus in
# testdata/fuzz is replayed by `go test` anyway; this also explores.
#
#   bash .ci/fuzz.sh            20000 executions per target (CI)
#   bash .ci/fuzz.sh 2000000x   a longer run by hand (a count, or a duration such as 10m)
#
# The budget is a count of executions, not a duration: with a duration Go's
# fuzz coordinator can fail a target with a bare "context deadline exceeded"
# when the deadline races its workers (golang/go#75804, fixed in Go 1.27),
# which says nothing about the code. A count has no deadline to race. As a
# second guard, a target that fails with that message and wrote no failing
# input is run once more; a real finding always writes its input to
# testdata/fuzz first, and fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
budget="${1:-20000x}"
log=$(mktemp "${TMPDIR:-/tmp}/echotrace-fuzz.XXXXXX")
trap 'rm -f "$log"' EXIT

# spurious reports whether the log in $log is the coordinator's deadline
# race rather than a finding.
spurious() {
  grep -q 'context deadline exceeded' "$log" && ! grep -q 'Failing input written to' "$log"
}

status=0
while IFS= read -r file; do
  dir="./$(dirname "$file")"
  for target in $(grep -oE '^func (Fuzz[A-Za-z0-9_]+)' "$file" | awk '{print $2}'); do
    for try in 1 2; do
      echo "fuzz: $dir $target ($budget)"
      if go test -run='^$' -fuzz="^${target}\$" -fuzztime="$budget" "$dir" >"$log" 2>&1; then
        break
      fi
      if [ "$try" = 1 ] && spurious; then
        echo "fuzz: $target stopped on Go's coordinator deadline race with no failing input; running it again"
        continue
      fi
      cat "$log"
      status=1
      break
    done
  done
done < <(git ls-files '*_test.go' | xargs grep -l '^func Fuzz' | sort)
exit $status
