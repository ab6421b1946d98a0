#!/usr/bin/env bash
# Lists the tests that skipped in a `go test -v` log, with their reasons, and
# fails when one of them is not documented in .ci/skips.
#
#   bash .ci/skips.sh LOG
set -euo pipefail
cd "$(dirname "$0")/.."
log=$1
skipped=$(grep -E '^\s*--- SKIP: ' "$log" | sed -E 's/^\s*--- SKIP: ([^ ]+).*/\1/' | sort -u || true)
if [ -z "$skipped" ]; then
  echo "ci: no test skipped"
  exit 0
fi
echo "ci: skipped tests (reasons from .ci/skips):"
status=0
for name in $skipped; do
  top=${name%%/*}
  why=$(awk -F'\t' -v n="$top" '$1 == n { print $2 }' .ci/skips)
  if [ -z "$why" ]; then
    echo "  $name: NOT DOCUMENTED in .ci/skips; the test said:"
    grep -A2 -E "^\s*--- SKIP: $name " "$log" | sed 's/^/    /'
    status=1
  else
    echo "  $name: $why"
  fi
done
exit $status
