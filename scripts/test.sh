#!/usr/bin/env bash
# Runs every test suite after installing what they need; ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh || exit 1

results=artifacts/test-results
rm -rf "$results"
dotnet test StrongChain.Docs.sln --logger trx --results-directory "$results" -p:TreatWarningsAsErrors=true
status=$?
bash scripts/test-addin.sh || status=1

# The API suite again on a real PostgreSQL (a throwaway cluster on loopback, stopped whatever happens).
pg_root=$(mktemp -d /tmp/strongchain-pg.XXXXXX)
trap 'bash scripts/pg-cluster.sh stop "$pg_root/cluster" || true; rm -rf "$pg_root"' EXIT
if postgres=$(timeout 600 bash scripts/pg-cluster.sh start "$pg_root/cluster"); then
  # Includes Storage/TwoInstancesTests (two service processes on this cluster, ~1-2 min): PostgreSQL pass only.
  STRONGCHAIN_TEST_POSTGRES="$postgres" timeout 1200 dotnet test tests/StrongChain.Docs.Api.Tests --no-build \
    --logger "trx;LogFileName=api-postgres.trx" --results-directory "$results" || status=1
else
  echo "PostgreSQL did not start: the PostgreSQL run counts as failed."
  status=1
fi

passed=0; failed=0; total=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); total=$((total + ${t:-0}))
done
# The add-in's vitest suites write JUnit: tests, failures, errors and skipped on the first <testsuites>.
for junit in "$results"/addin-*.xml; do
  [ -f "$junit" ] || continue
  head=$(grep -o '<testsuites [^>]*>' "$junit" | head -1)
  t=$(sed -n 's/.* tests="\([0-9]*\)".*/\1/p' <<<"$head"); f=$(sed -n 's/.* failures="\([0-9]*\)".*/\1/p' <<<"$head")
  e=$(sed -n 's/.* errors="\([0-9]*\)".*/\1/p' <<<"$head"); k=$(grep -o ' skipped="[0-9]*"' "$junit" | awk -F'"' '{s += $2} END {print s + 0}')
  passed=$((passed + ${t:-0} - ${f:-0} - ${e:-0} - ${k:-0})); failed=$((failed + ${f:-0} + ${e:-0})); total=$((total + ${t:-0}))
done
if [ "$total" -eq 0 ]; then
  echo "No test ran: treating that as a failure."
  status=1
fi
echo "$passed passed, $failed failed"
exit $status
