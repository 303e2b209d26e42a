#!/usr/bin/env bash
# Whole commands as a user runs them: a new process each run, timed by hyperfine (Debian's), side by side in one run
# with the bare process start, and the tutorial's own NumPy program when python3 has NumPy.
#
#   bench/commands.sh [--runs N] [--skip-install] [--mnist-epochs E]
#
# It installs the netorleans tool from this repository into a folder of its own (scripts/install-tool.sh
# --tool-path, ReadyToRun; --skip-install reuses the last one), builds the console (Release) for the
# `dotnet .../netorleans.dll` rows, makes gender.json once (not timed), then times, each with one warm-up run and N
# runs (default 5):
#   netorleans --version                              the bare start of the tool
#   dotnet src/Client/bin/Release/net10.0/netorleans.dll --version   the bare start of the built console
#   netorleans predict --model gender.json 128,63
#   netorleans train --data gender --predict 128,63 --predict 155,68   (the README's main job)
#   dotnet .../netorleans.dll train --data gender ...                  (the same, built but not ReadyToRun)
#   netorleans train --data mnist --layers 784,64,10 ... --epochs 5
#   python3 bench/tutorial_numpy.py                   (when python3 can import numpy)
# and prints a table of medians (and the mean CPU time, which a busy machine disturbs less) with each row's ratio to
# the tool's bare start and to the NumPy program.
# The commands write to a pipe (hyperfine --output pipe); the raw timings go to bench/.commands/times.json.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/bench/.commands"
runs=5
install=1
mnist_epochs=5

die() {
    echo "commands.sh: $*" >&2
    exit 1
}

while (($# > 0)); do
    case "$1" in
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --skip-install) install=0; shift ;;
        --mnist-epochs) mnist_epochs="${2:?--mnist-epochs needs a number}"; shift 2 ;;
        *) die "unknown argument '$1' (usage: bench/commands.sh [--runs N] [--skip-install] [--mnist-epochs E])" ;;
    esac
done

command -v hyperfine >/dev/null || die "hyperfine is not installed (apt-get install hyperfine)"
command -v jq >/dev/null || die "jq is not installed (apt-get install jq)"
mkdir -p "$work"
tool="$work/tool/netorleans"
if ((install)) || [[ ! -x $tool ]]; then
    NETORLEANS_TOOL_PACKAGES="$work/packages" "$root/scripts/install-tool.sh" --tool-path "$work/tool" >&2
fi

echo "building the console (Release) ..." >&2
dotnet build "$root/src/Client/Client.csproj" -c Release -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; die "build failed"; }
built="$root/src/Client/bin/Release/net10.0/netorleans.dll"

# The tutorial's program, when there is a python3 with NumPy (Debian's python3-numpy will do).
python=""
for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c "import numpy" 2>/dev/null; then
        python="$(command -v "$candidate")"
        break
    fi
done

cd "$work"
"$tool" train --data gender --out gender.json >/dev/null 2>&1 || die "could not make gender.json with $tool"

mnist="train --data mnist --layers 784,64,10 --activation relu --output softmax --loss cross-entropy --lr 0.5 --batch-size 128 --epochs $mnist_epochs"
names=(
    "netorleans --version"
    "dotnet netorleans.dll --version"
    "netorleans predict --model gender.json 128,63"
    "netorleans train --data gender --predict 128,63 --predict 155,68"
    "dotnet netorleans.dll train --data gender --predict 128,63 --predict 155,68"
    "netorleans $mnist"
)
commands=(
    "$tool --version"
    "dotnet $built --version"
    "$tool predict --model gender.json 128,63"
    "$tool train --data gender --predict 128,63 --predict 155,68"
    "dotnet $built train --data gender --predict 128,63 --predict 155,68"
    "$tool $mnist"
)
if [[ -n $python ]]; then
    names+=("python3 tutorial_numpy.py (the tutorial's NumPy program)")
    commands+=("$python $root/bench/tutorial_numpy.py")
else
    echo "no python3 with NumPy: the tutorial's program is left out (apt-get install python3-numpy)" >&2
fi

args=()
for i in "${!commands[@]}"; do
    args+=(--command-name "${names[$i]}" "${commands[$i]}")
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); nproc $(nproc)" >&2
hyperfine --shell=none --warmup 1 --runs "$runs" --style basic --export-json "$work/times.json" --output pipe "${args[@]}" >&2
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# The table: medians, and ratios to the bare start and to the NumPy program.
jq -r --arg runs "$runs" '
    .results as $r
    | ($r[0].median) as $bare
    | ([$r[] | select(.command | startswith("python3")) | .median] | first) as $numpy
    | "| command | median | min - max | CPU (user + sys) | x bare start | x NumPy program |",
      "|---|---:|---:|---:|---:|---:|",
      ($r[] | "| `\(.command)` | \(.median * 1000 | round) ms | \(.min * 1000 | round) - \(.max * 1000 | round) ms | \((.user + .system) * 1000 | round) ms | \(.median / $bare * 100 | round / 100)x | \(if $numpy then (.median / $numpy * 100 | round / 100 | tostring) + "x" else "-" end) |"),
      "",
      "medians of \($runs) runs after 1 warm-up, a new process each run (hyperfine --shell=none); CPU: the mean of the runs"
' "$work/times.json"
