#!/usr/bin/env bash
# Regenerates the README's screenshots of the live page (docs/img/) from real runs of the current build:
#   live-gender.png  `netorleans train --data gender --view`, taken while the job trains
#   live-mnist.png   `scripts/cluster.sh up 3`, an MNIST job through its gateways, a first-layer neuron open
# Needs Debian's chromium (apt-get install -y chromium). Ports: 18091 (the page of --view), 21511.. and 31511..
# (the cluster's silos and gateways) and 18092 (silo 1's page); the cluster's state goes to a temporary folder.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/docs/img"
chromium=/usr/lib/chromium/chromium
client="$root/src/Client/bin/Release/net10.0/netorleans.dll"
work="$(mktemp -d)"
export NETORLEANS_CLUSTER_STATE="$work/cluster"
train_pid=""

cleanup() {
    if [[ -n $train_pid ]] && kill -0 "$train_pid" 2>/dev/null; then kill "$train_pid"; fi
    "$root/scripts/cluster.sh" down >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

[[ -x $chromium ]] || { echo "screenshots.sh: $chromium is missing: apt-get install -y chromium" >&2; exit 1; }
mkdir -p "$out"

# shot URL FILE CONDITION: a screenshot of the page in headless Chromium once the JavaScript CONDITION holds
# (tools/PageShot, Playwright).
shot() {
    dotnet "$root/tools/PageShot/bin/Release/net10.0/PageShot.dll" "$1" "$2" --wait "$3" --full-page | sed "s|$root/||"
}

# wait_for PATTERN FILE: until a line of FILE matches (60 s at most, and only while the training runs).
wait_for() {
    for _ in $(seq 600); do
        if grep -qE "$1" "$2" 2>/dev/null; then return 0; fi
        if ! kill -0 "$train_pid" 2>/dev/null; then break; fi
        sleep 0.1
    done
    echo "screenshots.sh: no line matching '$1' in $2" >&2
    cat "$2" >&2
    exit 1
}

echo "building (Release) ..."
for project in src/Client/Client.csproj tools/PageShot/PageShot.csproj; do
    dotnet build "$root/$project" -c Release -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
done

# 1. train --view on an embedded silo, photographed mid-training.
env --default-signal=INT dotnet "$client" train --data gender --epochs 1000000 --view --view-port 18091 \
    >"$work/gender.out" 2>"$work/gender.err" &
train_pid=$!
wait_for '^network .* job job-' "$work/gender.err"
url="$(grep -o 'http://[^ ]*' "$work/gender.err" | head -1)"
job="$(grep -o 'job job-[0-9a-f]*' "$work/gender.err" | head -1 | cut -d' ' -f2)"
sleep 3
shot "$url#job=$job&neuron=1/0" "$out/live-gender.png" \
    "() => Chart.getChart('loss-chart')?.data.datasets[0].data.length > 1000 && window.netorleans.state.surface && document.getElementById('neuron-panel').dataset.weights"
kill -INT "$train_pid" 2>/dev/null || { echo "screenshots.sh: the training ended before the screenshot was taken:" >&2; tail -5 "$work/gender.err" >&2; exit 1; }
wait "$train_pid" || true
train_pid=""

# 2. three silos, an MNIST job through their gateways, the page of silo 1.
"$root/scripts/cluster.sh" up 3 --silo-port 21511 --gateway-port 31511 --http-port 18092 >"$work/up.log"
url="$(grep -o 'http://127.0.0.1:18092/?token=[0-9a-f]*' "$work/up.log" | head -1)"
dotnet "$client" train --data mnist --layers 784,32,10 --activation relu --optimizer adam --lr 0.005 --batch-size 64 --epochs 3 \
    --gateway 127.0.0.1:31511 --gateway 127.0.0.1:31512 --gateway 127.0.0.1:31513 >"$work/mnist.out" 2>"$work/mnist.err"
job="$(grep -o 'job job-[0-9a-f]*' "$work/mnist.err" | head -1 | cut -d' ' -f2)"
shot "$url#job=$job&neuron=1/0" "$out/live-mnist.png" \
    "() => document.querySelectorAll('#confusion td').length === 100 && !document.getElementById('weights-image').hidden"
