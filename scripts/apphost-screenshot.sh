#!/usr/bin/env bash
# Regenerates docs/img/apphost-trace.png and apphost-resources.png from a real run, and checks that Ctrl-C leaves
# nothing behind:
#   1. `dotnet run --project src/AppHost` (3 silos, Redis data in a temporary folder), timed until "cluster ready";
#   2. an MNIST job through the printed gateways, the console's spans sent to the dashboard with the printed key;
#   3. the dashboard's resources and its page of that job's trace, photographed by tools/PageShot (Playwright, headless
#      Debian Chromium);
#   4. SIGINT to the AppHost, as Ctrl-C sends it, then a wait until no process of the run is left (60 s at most).
# Needs redis-server and Debian's chromium. Uses the AppHost's ports: 18888 (dashboard) and 18889..18891.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/docs/img/apphost-trace.png"
resources="$root/docs/img/apphost-resources.png"
work="$(mktemp -d)"
apphost_pid=""

# The processes of this run, taken while it runs: the AppHost's process group, the silos of this work tree, the
# orchestrator (DCP) and the dashboard of the Aspire packages, and the redis-server on the silos' Redis port.
snapshot() {
    local redis
    redis="$(pgrep -af "$root/src/Silo/bin" | grep -o -- '--redis [0-9.:]*' | head -1 | cut -d' ' -f2)"
    { pgrep -g "$apphost_pid"; pgrep -f "$root/src/Silo/bin"; pgrep -f 'aspire.hosting.orchestration|aspire.dashboard.sdk'
      [[ -n $redis ]] && pgrep -f "redis-server $redis"; } | sort -u
}

cleanup() {
    if [[ -n $apphost_pid ]] && kill -0 "$apphost_pid" 2>/dev/null; then kill -INT -- "-$apphost_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "building src/AppHost and src/Client ..."
dotnet build "$root/src/AppHost" -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
dotnet build "$root/src/Client" -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
dotnet build "$root/tools/PageShot" -c Release -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
# shot URL FILE TEXT WIDTHxHEIGHT: the page once it shows TEXT (the dashboard draws itself over a live connection).
shot() {
    dotnet "$root/tools/PageShot/bin/Release/net10.0/PageShot.dll" "$1" "$2" --wait "() => document.body.innerText.includes('$3')" --size "$4"
}

start=$SECONDS
: >"$work/apphost.log"
# Its own process group, SIGINT not ignored (a background job of a script would ignore it): Ctrl-C's conditions.
setsid env --default-signal=INT dotnet run --project "$root/src/AppHost" --no-build -- --redis-data "$work/redis" >"$work/apphost.log" 2>&1 &
apphost_pid=$!
until grep -q '^cluster ready' "$work/apphost.log"; do
    kill -0 "$apphost_pid" 2>/dev/null || { cat "$work/apphost.log" >&2; exit 1; }
    ((SECONDS - start < 120)) || { echo "apphost-screenshot.sh: no 'cluster ready' within 120 s" >&2; cat "$work/apphost.log" >&2; exit 1; }
    sleep 0.2
done
echo "AppHost: cluster ready $((SECONDS - start)) s after dotnet run"
sed -n '/^cluster ready/,$p' "$work/apphost.log"
login="$(grep -o 'http://[^ ]*/login?t=[0-9a-f]*' "$work/apphost.log" | head -1)"
read -r -a gateways <<<"$(grep -o -- '--gateway [0-9.:]*' "$work/apphost.log" | tr '\n' ' ')"
telemetry="$(grep -o 'OTEL_EXPORTER_OTLP_ENDPOINT=.*' "$work/apphost.log" | head -1)"

echo "training MNIST through the gateways ..."
# shellcheck disable=SC2086 # the two VAR=value words of the AppHost's line
env $telemetry dotnet "$root/src/Client/bin/Debug/net10.0/netorleans.dll" train --data mnist --layers 784,16,10 --activation relu \
    --optimizer adam --lr 0.005 --batch-size 64 --epochs 1 --trace "file:$work/spans.jsonl" "${gateways[@]}" 2>&1 | tail -4
trace="$(grep -o -i '"traceId": *"[0-9a-f]*"' "$work/spans.jsonl" | head -1 | grep -o '[0-9a-f]\{32\}')"

mkdir -p "$(dirname "$out")"
shot "$login" "$resources" "live page" 1500x560
shot "$login&returnUrl=%2Ftraces%2Fdetail%2F$trace" "$out" "neuron.backward" 1600x1100

pids="$(snapshot)"
echo "Ctrl-C (SIGINT to the AppHost's process group); the run's processes: $(echo "$pids" | wc -l) ..."
stop=$SECONDS
kill -INT -- "-$apphost_pid"
apphost_pid=""
for pid in $pids; do
    while kill -0 "$pid" 2>/dev/null; do
        ((SECONDS - stop < 60)) || { echo "apphost-screenshot.sh: 60 s after Ctrl-C, still running: $(ps -o pid=,args= -p "$pid")" >&2; exit 1; }
        sleep 0.2
    done
done
echo "Ctrl-C: all $(echo "$pids" | wc -l) processes of the run (AppHost, DCP, dashboard, Redis, silos) gone $((SECONDS - stop)) s after SIGINT"
