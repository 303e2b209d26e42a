#!/usr/bin/env bash
# The Aspire dashboard alone, as a trace, metric and log viewer for the console or scripts/cluster.sh: no Docker.
#
#   scripts/traces.sh up      restore the dashboard if needed, start it, print its URL and the OTLP endpoint
#   scripts/traces.sh status  say whether it runs
#   scripts/traces.sh down    stop it
#
# The dashboard is the executable of the NuGet package Aspire.Dashboard.Sdk.linux-x64 (the version src/AppHost
# uses; `dotnet restore src/AppHost` brings it into the NuGet cache). It runs unsecured (no login) and listens on
# 127.0.0.1 only: the page on NETORLEANS_TRACES_PORT (18898), OTLP/gRPC on NETORLEANS_TRACES_OTLP_PORT (4317) and
# OTLP/HTTP on the port after it (4318). Its PID and log are kept in NETORLEANS_TRACES_STATE (.traces/ in the
# repository); down stops exactly that process: SIGTERM, then SIGKILL after 15 seconds.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${NETORLEANS_TRACES_STATE:-$root/.traces}"
port="${NETORLEANS_TRACES_PORT:-18898}"
otlp_port="${NETORLEANS_TRACES_OTLP_PORT:-4317}"
otlp_http_port=$((otlp_port + 1))
version="$(sed -n 's:.*<AspireVersion>\(.*\)</AspireVersion>.*:\1:p' "$root/Directory.Packages.props")"

die() {
    echo "traces.sh: $*" >&2
    exit 1
}

# The dashboard's executable in the NuGet cache, restored through src/AppHost when missing.
dashboard() {
    local packages exe
    packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
    exe="$packages/aspire.dashboard.sdk.linux-x64/$version/tools/Aspire.Dashboard"
    if [[ ! -x $exe ]]; then
        echo "restoring Aspire.Dashboard.Sdk.linux-x64 $version (dotnet restore src/AppHost) ..." >&2
        dotnet restore "$root/src/AppHost" >&2 || die "dotnet restore src/AppHost failed"
    fi
    [[ -x $exe ]] || die "no dashboard at $exe after the restore"
    echo "$exe"
}

# True when the PID recorded in the state folder is alive and is the dashboard.
running() {
    local pid
    [[ -r $state/dashboard.pid ]] || return 1
    pid="$(cat "$state/dashboard.pid")"
    [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q 'Aspire.Dashboard'
}

print_endpoints() {
    echo "dashboard: http://127.0.0.1:$port (traces: http://127.0.0.1:$port/traces)"
    echo "send telemetry to it: export OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$otlp_port"
    echo "  (OTLP/HTTP: OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$otlp_http_port OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf)"
}

up() {
    if running; then
        echo "the dashboard already runs (PID $(cat "$state/dashboard.pid"))"
        print_endpoints
        return
    fi
    local exe pid deadline
    exe="$(dashboard)"
    mkdir -p "$state"
    ASPNETCORE_URLS="http://127.0.0.1:$port" \
    ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://127.0.0.1:$otlp_port" \
    ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="http://127.0.0.1:$otlp_http_port" \
    ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true \
    ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
    DOTNET_ENVIRONMENT=Production \
        setsid "$exe" > "$state/dashboard.log" 2>&1 < /dev/null &
    pid=$!
    echo "$pid" > "$state/dashboard.pid"
    deadline=$((SECONDS + 60))
    until curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || die "the dashboard exited; its log: $state/dashboard.log"
        ((SECONDS < deadline)) || die "the dashboard did not answer on 127.0.0.1:$port within 60 s; its log: $state/dashboard.log"
        sleep 0.5
    done
    echo "dashboard started (PID $pid, log $state/dashboard.log)"
    print_endpoints
}

down() {
    if ! running; then
        rm -f "$state/dashboard.pid"
        echo "the dashboard does not run"
        return
    fi
    local pid deadline
    pid="$(cat "$state/dashboard.pid")"
    kill -TERM "$pid"
    deadline=$((SECONDS + 15))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    rm -f "$state/dashboard.pid"
    echo "dashboard stopped (PID $pid)"
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    status) if running; then echo "the dashboard runs (PID $(cat "$state/dashboard.pid"))"; print_endpoints; else echo "the dashboard does not run"; fi ;;
    *) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
