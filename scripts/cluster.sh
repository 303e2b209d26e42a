#!/usr/bin/env bash
# A local NetOrleans cluster: N silo processes on 127.0.0.1.
#
#   scripts/cluster.sh up N [--redis HOST:PORT] [--cluster-id ID] [--silo-port P] [--gateway-port P] [--http-port H] [-- SILO OPTIONS...]
#   scripts/cluster.sh status
#   scripts/cluster.sh down
#
# up builds the silo and the console once (Release), starts silo i (1..N) with silo port P+i-1 and gateway port
# G+i-1 (11111.. and 30000.. by default), with localhost clustering and silo 1 as the primary, or with Redis
# clustering, storage and reminders when --redis is given. It waits until every silo has printed "silo started",
# checks that the cluster answers a client call through every gateway, and prints the ports, the PIDs and the
# client command. Silo 1 serves the live page and the JSON API on 127.0.0.1:H (8081 by default, 0 for none; the
# others serve none) and up prints the page's link with its token. Anything after -- goes to every silo
# (e.g. -- --placement local --trace console).
#
# The PIDs, the logs and the settings are kept in the state folder, .cluster/ in the repository
# (NETORLEANS_CLUSTER_STATE overrides it). down stops exactly the processes that up recorded there: SIGTERM, then
# SIGKILL for any still alive after NETORLEANS_CLUSTER_STOP_TIMEOUT seconds (15). Also from the environment:
# NETORLEANS_CLUSTER_START_TIMEOUT (seconds for each silo to start, 90), NETORLEANS_CLUSTER_CONFIGURATION (Release).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${NETORLEANS_CLUSTER_STATE:-$root/.cluster}"
start_timeout="${NETORLEANS_CLUSTER_START_TIMEOUT:-90}"
stop_timeout="${NETORLEANS_CLUSTER_STOP_TIMEOUT:-15}"
configuration="${NETORLEANS_CLUSTER_CONFIGURATION:-Release}"
silo_dll="$root/src/Silo/bin/$configuration/net10.0/NetOrleans.Silo.dll"
client_dll="$root/src/Client/bin/$configuration/net10.0/netorleans.dll"

die() {
    echo "cluster.sh: $*" >&2
    exit 1
}

usage() {
    sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# True when PID $1 is alive and is the silo process that up started with silo port $2.
is_our_silo() {
    local pid=$1 port=$2 cmdline
    [[ -r /proc/$pid/cmdline ]] || return 1
    cmdline="$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null)" || return 1
    [[ $cmdline == *NetOrleans.Silo.dll* && $cmdline == *"--silo-port $port "* ]]
}

# True when PID $1 has gone: no such process, or a zombie (it has exited and released its ports).
gone() {
    local stat
    kill -0 "$1" 2>/dev/null || return 0
    stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 0
    [[ ${stat##*) } == Z* ]]
}

# The silos recorded in the state folder, one "INDEX PID SILO_PORT GATEWAY_PORT" line each.
recorded_silos() {
    local f
    for f in "$state"/silo*.pid; do
        [[ -e $f ]] || continue
        cat "$f"
    done
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

tail_log() {
    echo "--- last lines of $1 ---" >&2
    tail -n 40 "$1" >&2 || true
}

# Waits until silo $1 (PID $2) has printed "silo started"; fails with its log's tail if it exits or the time runs out.
wait_started() {
    local index=$1 pid=$2 log="$state/silo$1.log" deadline=$((SECONDS + start_timeout))
    until grep -q '^silo started' "$log" 2>/dev/null; do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail_log "$log"
            echo "cluster.sh: silo $index (pid $pid) exited before printing 'silo started'" >&2
            return 1
        fi
        if ((SECONDS >= deadline)); then
            tail_log "$log"
            echo "cluster.sh: silo $index (pid $pid) did not print 'silo started' within ${start_timeout} s" >&2
            return 1
        fi
        sleep 0.2
    done
}

start_silo() {
    local index=$1 silo_port=$2 gateway_port=$3
    shift 3
    local log="$state/silo$index.log"
    # stdin from /dev/null and stdout/stderr to the log: the silo holds nothing of this shell's, so it outlives it.
    nohup dotnet "$silo_dll" --silo-port "$silo_port" --gateway-port "$gateway_port" "$@" </dev/null >"$log" 2>&1 &
    local pid=$!
    echo "$index $pid $silo_port $gateway_port" >"$state/silo$index.pid"
    echo "$pid"
}

# After a failed start: stop whatever was started and fail.
abort() {
    echo "cluster.sh: stopping the silos started so far" >&2
    down >&2
    exit 1
}

# Stops the recorded silos whose index is (first) or is not (others) 1: SIGTERM, then SIGKILL after the timeout.
stop_silos() {
    local which=$1 index pid port gateway alive=() entry still
    while read -r index pid port gateway; do
        if [[ $which == first && $index != 1 || $which == others && $index == 1 ]]; then continue; fi
        if is_our_silo "$pid" "$port"; then
            kill -TERM "$pid" 2>/dev/null || true
            alive+=("$index:$pid:$port")
            echo "silo $index (pid $pid): SIGTERM"
        else
            echo "silo $index (pid $pid): not running"
        fi
    done < <(recorded_silos)

    local deadline=$((SECONDS + stop_timeout))
    while ((${#alive[@]} > 0)); do
        still=()
        for entry in "${alive[@]}"; do
            IFS=: read -r index pid port <<<"$entry"
            if ! gone "$pid"; then still+=("$entry"); fi
        done
        alive=("${still[@]+"${still[@]}"}")
        ((${#alive[@]} > 0)) || break
        if ((SECONDS >= deadline)); then
            for entry in "${alive[@]}"; do
                IFS=: read -r index pid port <<<"$entry"
                if is_our_silo "$pid" "$port"; then
                    kill -KILL "$pid" 2>/dev/null || true
                    echo "silo $index (pid $pid): still running after ${stop_timeout} s, SIGKILL"
                fi
            done
            break
        fi
        sleep 0.2
    done
}

down() {
    local f
    if ! compgen -G "$state/silo*.pid" >/dev/null; then
        echo "no cluster recorded in ${state#"$root"/}"
        return 0
    fi
    # The others before silo 1: with localhost clustering silo 1 holds the membership table they leave through.
    stop_silos others
    stop_silos first
    for f in "$state"/silo*.pid; do
        [[ -e $f ]] && rm -f "$f"
    done
    rm -f "$state/cluster.env"
    echo "cluster stopped (logs kept in ${state#"$root"/})"
}

status() {
    local index pid port gateway any=0
    while read -r index pid port gateway; do
        any=1
        if is_our_silo "$pid" "$port"; then
            echo "silo $index: pid $pid, silo port $port, gateway port $gateway: running"
        else
            echo "silo $index: pid $pid, silo port $port, gateway port $gateway: not running"
        fi
    done < <(recorded_silos)
    ((any)) || echo "no cluster recorded in $state"
}

up() {
    [[ $# -ge 1 && $1 =~ ^[1-9][0-9]*$ ]] || usage
    local count=$1 redis="" cluster_id="" silo_base=11111 gateway_base=30000 http_port=8081
    shift
    local extra=()
    while [[ $# -gt 0 ]]; do
        case $1 in
            --redis) [[ $# -ge 2 ]] || usage; redis=$2; shift 2 ;;
            --cluster-id) [[ $# -ge 2 ]] || usage; cluster_id=$2; shift 2 ;;
            --silo-port) [[ $# -ge 2 && $2 =~ ^[0-9]+$ ]] || usage; silo_base=$2; shift 2 ;;
            --gateway-port) [[ $# -ge 2 && $2 =~ ^[0-9]+$ ]] || usage; gateway_base=$2; shift 2 ;;
            --http-port) [[ $# -ge 2 && $2 =~ ^[0-9]+$ ]] || usage; http_port=$2; shift 2 ;;
            --) shift; extra=("$@"); break ;;
            *) usage ;;
        esac
    done

    local index pid port gateway
    while read -r index pid port gateway; do
        if is_our_silo "$pid" "$port"; then
            die "silo $index (pid $pid) of a cluster started earlier is still running: scripts/cluster.sh down first"
        fi
    done < <(recorded_silos)

    local i
    for ((i = 0; i < count; i++)); do
        for port in $((silo_base + i)) $((gateway_base + i)); do
            if port_in_use "$port"; then die "port $port on 127.0.0.1 is in use already"; fi
        done
    done
    if ((http_port != 0)) && port_in_use "$http_port"; then
        die "http port $http_port on 127.0.0.1 is in use already (another silo?): choose another with --http-port, or 0 for none"
    fi

    mkdir -p "$state"
    rm -f "$state"/silo*.pid "$state"/silo*.log "$state/cluster.env"

    echo "building the silo and the console ($configuration) ..."
    if ! dotnet build "$root/src/Client/Client.csproj" -c "$configuration" -nologo -v quiet >"$state/build.log" 2>&1; then
        tail_log "$state/build.log"
        die "the build failed (log: $state/build.log)"
    fi

    local common=(--address 127.0.0.1)
    [[ -n $redis ]] && common+=(--redis "$redis")
    [[ -n $cluster_id ]] && common+=(--cluster-id "$cluster_id")
    common+=("${extra[@]+"${extra[@]}"}")

    local pids=()
    pids[1]=$(start_silo 1 "$silo_base" "$gateway_base" --http-port "$http_port" "${common[@]}")
    if [[ -z $redis ]]; then
        # Localhost clustering: the others join the first, which must be up before them.
        wait_started 1 "${pids[1]}" || abort
    fi
    for ((i = 2; i <= count; i++)); do
        local primary=()
        [[ -z $redis ]] && primary=(--primary "127.0.0.1:$silo_base")
        pids[i]=$(start_silo "$i" $((silo_base + i - 1)) $((gateway_base + i - 1)) --http-port 0 "${primary[@]+"${primary[@]}"}" "${common[@]}")
    done
    for ((i = 1; i <= count; i++)); do
        wait_started "$i" "${pids[i]}" || abort
    done

    # Joined: a client call through every gateway (the catalog grain lives on one silo of the whole cluster).
    local env=()
    [[ -n $cluster_id ]] && env=("NETORLEANS_CLUSTER_ID=$cluster_id")
    local checks=() gateways=()
    for ((i = 1; i <= count; i++)); do
        gateways+=(--gateway "127.0.0.1:$((gateway_base + i - 1))")
        env "${env[@]+"${env[@]}"}" dotnet "$client_dll" networks list --gateway "127.0.0.1:$((gateway_base + i - 1))" \
            </dev/null >"$state/check$i.log" 2>&1 &
        checks[i]=$!
    done
    for ((i = 1; i <= count; i++)); do
        if ! wait "${checks[i]}"; then
            tail_log "$state/check$i.log"
            echo "cluster.sh: a client call through gateway 127.0.0.1:$((gateway_base + i - 1)) failed" >&2
            abort
        fi
    done

    {
        echo "NETORLEANS_CLUSTER_SILOS=$count"
        echo "NETORLEANS_CLUSTER_GATEWAYS=\"${gateways[*]}\""
        [[ -n $cluster_id ]] && echo "NETORLEANS_CLUSTER_ID=$cluster_id"
        true
    } >"$state/cluster.env"

    local clustering="localhost clustering, silo 1 the primary"
    [[ -n $redis ]] && clustering="Redis $redis"
    echo "cluster up: $count silos on 127.0.0.1, $clustering${cluster_id:+, cluster id $cluster_id}"
    for ((i = 1; i <= count; i++)); do
        echo "  silo $i: pid ${pids[i]}, silo port $((silo_base + i - 1)), gateway port $((gateway_base + i - 1)), log ${state#"$root"/}/silo$i.log"
    done
    echo "every gateway answered a client call"
    if ((http_port != 0)); then
        grep -E '^(live page|HTTP API):' "$state/silo1.log" | sed 's/^/  silo 1 /' || true
    fi
    echo "client:"
    echo "  ${cluster_id:+NETORLEANS_CLUSTER_ID=$cluster_id }dotnet run --project src/Client -- train --data iris --layers 4,8,3 --activation tanh --scale standard --test-fraction 0.3 --epochs 30 --batch-size 8 --optimizer adam --lr 0.01 ${gateways[*]}"
    echo "stop: scripts/cluster.sh down"
}

cd "$root"
case ${1:-} in
    up) shift; up "$@" ;;
    down) down ;;
    status) status ;;
    *) usage ;;
esac
