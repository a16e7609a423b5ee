#!/usr/bin/env bash
# Runs every test: installs what the tests start (InfluxDB, Chromium, HAProxy, PostgreSQL, Redis), then `dotnet test` on the
# solution, and ends with one line "N passed, N failed" summed over all test projects.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(influxdb chromium haproxy postgresql redis-server)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

results=TestResults
rm -rf "$results"
status=0
dotnet build Dashboard.sln -c Release -nologo -v quiet
# The browser tests run alone first: a page that opens while the integration tests start app after app on the
# same two cores once took over Playwright's 30 s. The other three projects then run side by side.
run_tests() {
  dotnet test "$1" -c Release --no-build -nologo \
    --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "${@:2}" || status=$?
}
run_tests tests/Dashboard.E2E.Tests/Dashboard.E2E.Tests.csproj "$@"
run_tests tests.unit-and-integration.slnf "$@"

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$failed" -gt 0 ]; then
  # The console log is long and CI keeps only its tail: name each failed test and its message's first lines here.
  echo "Failed tests:"
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    awk '
      /<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); gsub(/&quot;/, "\"", name); gsub(/&amp;/, "\\&", name); inside = 1; lines = 0; next }
      inside && /<Message>/ { printing = 1; sub(/.*<Message>/, ""); print "  " name; }
      printing { line = $0; done = sub(/<\/Message>.*/, "", line); if (lines < 6) print "      " line; lines++; if (done) { printing = 0; inside = 0 } }
    ' "$trx"
  done
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status although no test failed: a test run was aborted (search the log for 'Test Run Aborted')." >&2
fi
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "No test ran." >&2
  status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
