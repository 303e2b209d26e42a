#!/usr/bin/env bash
# The fault-injection suite, repeated, with a table of the outcomes.
#
#   scripts/faults.sh [--runs N] [--small] [--filter TEXT] [--report]
#
# Runs the tests of tests/Cli.Tests/FaultTests.cs N times (3 by default), each run a new `dotnet test` with
# NETORLEANS_FAULTS=full: the issue's workload (MNIST-10k, 784-64-10, SGD lr 0.5, batch 128, 15 epochs) on 3 silo
# processes and a Redis with AOF, or, with --small, the CI workload (Iris, 4-16-3). --filter narrows the tests (a part
# of their names, e.g. Five_kills). Every scenario passes only when the job ends with exactly the weights of an
# undisturbed run, or fails with the one line it must. Prints one markdown row per scenario: runs, passed, failed,
# and the median time of a run. Needs redis-server on the PATH. Logs: $NETORLEANS_FAULTS_LOGS (default .faults/);
# --report prints the table of the runs logged there without running anything.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=3
size=full
filter=""
report=false
while (($# > 0)); do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --small) size=small; shift ;;
        --filter) filter=$2; shift 2 ;;
        --report) report=true; shift ;;
        *) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "faults.sh: --runs must be a whole number >= 1, got '$runs'" >&2; exit 2; }
command -v redis-server >/dev/null || { echo "faults.sh: redis-server is not installed (apt-get install -y redis-server)" >&2; exit 1; }

logs="${NETORLEANS_FAULTS_LOGS:-$root/.faults}"
mkdir -p "$logs"
cd "$root"
if ! $report; then
    rm -f "$logs"/run-*.log
    dotnet build -c Release --nologo -v q tests/Cli.Tests >/dev/null

    for ((run = 1; run <= runs; run++)); do
        echo "faults.sh: run $run of $runs ($size workload)..." >&2
        NETORLEANS_FAULTS=$size dotnet test tests/Cli.Tests -c Release --no-build \
            --filter "FullyQualifiedName~FaultTests${filter:+&FullyQualifiedName~$filter}" \
            --logger "console;verbosity=normal" >"$logs/run-$run.log" 2>&1 || true
    done
fi

# "  Passed NetOrleans.Cli.Tests.FaultTests.Name(args) [2 m 3 s]" -> one row per test name.
echo "| scenario ($size workload) | runs | passed | failed | median time of a run |"
echo "|---|---|---|---|---|"
cat "$logs"/run-*.log | awk '
    /^ *(Passed|Failed) NetOrleans\.Cli\.Tests\.FaultTests\./ {
        outcome = $1; name = $0; sub(/^ *(Passed|Failed) NetOrleans\.Cli\.Tests\.FaultTests\./, "", name); sub(/ \[[^]]*\]$/, "", name)
        time = $0; sub(/.*\[/, "", time); sub(/\].*/, "", time)
        s = 0; n = split(time, parts, " ")
        for (i = 1; i < n; i += 2) { if (parts[i + 1] == "m") s += 60 * parts[i]; else if (parts[i + 1] == "s") s += parts[i]; else if (parts[i + 1] == "ms") s += parts[i] / 1000 }
        count[name]++; if (outcome == "Passed") passed[name]++; else failed[name]++
        times[name] = times[name] " " s
    }
    END {
        for (name in count) {
            n = split(substr(times[name], 2), t, " ")
            for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (t[j] < t[i]) { x = t[i]; t[i] = t[j]; t[j] = x }
            median = n % 2 ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2
            printf "| %s | %d | %d | %d | %.0f s |\n", name, count[name], passed[name] + 0, failed[name] + 0, median
        }
    }' | sort
