#!/usr/bin/env bash
# Installs the netorleans console as a .NET tool from this repository, so that `netorleans train ...` works anywhere.
#
#   scripts/install-tool.sh                      # a global tool: ~/.dotnet/tools/netorleans (that folder on PATH)
#   scripts/install-tool.sh --tool-path DIR      # DIR/netorleans instead
#
# It packs src/Client (Release) for this machine's platform, so the package is compiled ahead of time (ReadyToRun),
# as a package version of its own (0.1.0-dev.TIMESTAMP, so that a repack is never taken for a cached older one),
# into the package folder (NETORLEANS_TOOL_PACKAGES, by default .tool-packages/ in the repository), and installs or
# updates the tool from there. It builds in that folder too (--artifacts-path), leaving the repository's bin/ and obj/
# to `dotnet build` and `dotnet run`; `dotnet run --project src/Client -- ...` needs none of this.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
packages="${NETORLEANS_TOOL_PACKAGES:-$root/.tool-packages}"

die() {
    echo "install-tool.sh: $*" >&2
    exit 1
}

where=(--global)
while (($# > 0)); do
    case "$1" in
        --tool-path)
            (($# >= 2)) || die "--tool-path needs a folder"
            where=(--tool-path "$2")
            shift 2
            ;;
        *) die "unknown argument '$1' (usage: scripts/install-tool.sh [--tool-path DIR])" ;;
    esac
done

rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
[[ -n $rid ]] || die "dotnet --info names no RID for this machine"
version="0.1.0-dev.$(date -u +%Y%m%d%H%M%S)"

echo "packing netorleans $version for $rid (Release, ReadyToRun) into $packages ..."
mkdir -p "$packages"
rm -f "$packages"/netorleans.*.nupkg
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! dotnet pack "$root/src/Client/Client.csproj" -c Release -r "$rid" -p:Version="$version" \
    --artifacts-path "$packages/build" -o "$packages" -nologo >"$log" 2>&1; then
    cat "$log" >&2
    die "dotnet pack failed"
fi

# update installs the tool when it is missing, and replaces an older version.
dotnet tool update netorleans "${where[@]}" --add-source "$packages" --version "$version" --allow-downgrade
