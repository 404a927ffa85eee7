#!/usr/bin/env bash
# Scale-out benchmark: the same scenario on a local cluster of 1 silo and then of 2 silos (deploy/local-cluster.sh),
# silo i pinned to core i-1 with taskset, through the marketsim client with --cluster.
#
#   bench/scale-out.sh [--agents N] [--cohort-size N] [--ticks N] [--short-ticks N] [--scenario FILE] [--silos "1 2"]
#                      [--checkpoint-every K (default 0: no checkpoints, which would fall in the long run only)]
#       ms/tick of each cluster size, measured as (long run - short run) / (ticks - short ticks) from the runs'
#       manifests (startedAt..finishedAt: the client's time from the run's start to its last tick, so client start-up,
#       connecting and writing the trace are left out, and the set-up of the run cancels in the difference); the silos'
#       CPU time per tick the same way (utime + stime from /proc; the client's from bash's times); the speed-up; the trace hash of each run. A short
#       warm-up run goes first on each cluster (a fresh silo's first ticks run unoptimised code).
#       Defaults: scenarios/quickstart.yaml, 1,000,000 agents in cohorts of 20,000, 110 and 10 ticks.
#   bench/scale-out.sh --sweep [--runs-set 'path=a,b,..'] [--replicas R] [--agents N] [--cohort-size N] [--ticks N] ...
#       a sweep on each cluster size (marketsim sweep --cluster; runs at a time = the cluster's silos): its wall time
#       (the client process, start to exit), the silos' and the client's CPU time, and the ratio. Defaults: funds[0].targetLeverage=1,2,4,8
#       x 2 replicas = 8 runs of 100,000 agents in cohorts of 10,000 over 100 ticks.
#
# Trace hashes must not depend on the silo count: the script says whether they match and exits 1 when they do not
# (2 for bad options). It stops the cluster and any client it started on exit, Ctrl-C included.
# The client runs unpinned: with 2 cores and 2 pinned silos it shares their cores.
# Environment: BENCH_DIR (work folder, kept: runs, logs) [a new temporary folder]; MARKETSIM_NO_BUILD=1 (use the builds there).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

scenario=scenarios/quickstart.yaml
agents=""
cohort=""
ticks=""
short_ticks=10
silo_counts="1 2"
sweep=0
runs_set='funds[0].targetLeverage=1,2,4,8'
replicas=2
# Off by default: a checkpoint every 50 ticks (the cluster default) lands in the long run and not in the short one.
checkpoint_every=0

usage() {
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

bad() {
    echo "scale-out: error: $*" >&2
    exit 2
}

whole() { [[ $2 =~ ^[1-9][0-9]*$ ]] || bad "$1: expected a whole number > 0, got '$2'"; }

while (( $# > 0 )); do
    [[ $1 == --sweep || $1 == --help || $1 == -h ]] || (( $# >= 2 )) || bad "$1: needs a value"
    case $1 in
        --agents) whole "$1" "$2"; agents=$2; shift 2 ;;
        --cohort-size) whole "$1" "$2"; cohort=$2; shift 2 ;;
        --ticks) whole "$1" "$2"; ticks=$2; shift 2 ;;
        --short-ticks) whole "$1" "$2"; short_ticks=$2; shift 2 ;;
        --scenario) [[ -f $2 ]] || bad "--scenario: no file '$2'"; scenario=$2; shift 2 ;;
        --silos) [[ $2 =~ ^[1-9][0-9]*( [1-9][0-9]*)+$ ]] || bad "--silos: expected two or more counts such as \"1 2\", got '$2'"; silo_counts=$2; shift 2 ;;
        --sweep) sweep=1; shift ;;
        --runs-set) [[ $2 == *=*,* ]] || bad "--runs-set: expected path=a,b,..., got '$2'"; runs_set=$2; shift 2 ;;
        --replicas) whole "$1" "$2"; replicas=$2; shift 2 ;;
        --checkpoint-every) [[ $2 =~ ^[0-9]+$ ]] || bad "--checkpoint-every: expected a whole number >= 0, got '$2'"; checkpoint_every=$2; shift 2 ;;
        -h | --help) usage ;;
        *) bad "unknown option '$1' (--help lists them)" ;;
    esac
done

if (( sweep )); then
    agents=${agents:-100000} cohort=${cohort:-10000} ticks=${ticks:-100}
else
    agents=${agents:-1000000} cohort=${cohort:-20000} ticks=${ticks:-110}
    (( ticks > short_ticks )) || bad "--ticks ($ticks) must be more than --short-ticks ($short_ticks)"
fi

work=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/marketsim-scale-out.XXXXXX")}
mkdir -p "$work"
client_dll=$root/client/bin/Release/net10.0/marketsim.dll
client_pid=""

say() { echo "scale-out: $*"; }

# A block of free loopback ports (Redis, then silo, gateway and no dashboard ports), so that a cluster someone else
# runs on this machine on the default ports is left alone.
free_base_port() {
    local need=$1 base port used
    used=$(ss -Htan 2>/dev/null | awk '{ n = split($4, a, ":"); print a[n] }' | sort -u)
    for base in $(seq 21000 100 29900); do
        for port in $(seq "$base" $((base + need - 1))); do
            grep -qx "$port" <<<"$used" && continue 2
        done
        echo "$base"
        return
    done
    echo "scale-out: error: no block of $need free ports in 21000-29999" >&2
    exit 1
}

max_silos=$(tr ' ' '\n' <<<"$silo_counts" | sort -n | tail -n 1)
base=$(free_base_port $((1 + 2 * max_silos)))
export MARKETSIM_CLUSTER_DIR=$work/cluster
export MARKETSIM_REDIS_PORT=$base MARKETSIM_SILO_PORT=$((base + 1)) MARKETSIM_GATEWAY_PORT=$((base + 1 + max_silos)) MARKETSIM_DASHBOARD_PORT=0
export MARKETSIM_SILO_CPUS=$(seq -s, 0 $(( $(nproc) - 1 )))
address=redis://127.0.0.1:$base

cluster() { bash "$root/deploy/local-cluster.sh" "$@"; }

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ -n $client_pid ]] && kill -0 "$client_pid" 2>/dev/null; then
        kill -TERM "$client_pid" 2>/dev/null || true
        wait "$client_pid" 2>/dev/null || true
    fi
    cluster stop >/dev/null 2>&1 || true
    say "work folder (runs, logs): $work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# CPU seconds (user + system) the running silos have used so far.
silo_cpu() {
    local total=0 file pid fields
    for file in "$MARKETSIM_CLUSTER_DIR"/silo-*.pid; do
        pid=$(<"$file")
        read -r -a fields <"/proc/$pid/stat"
        # Fields 14 and 15 (utime, stime) counted from 1, after the command name in parentheses (no spaces in it here).
        total=$(( total + fields[13] + fields[14] ))
    done
    awk -v t="$total" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.3f", t / hz }'
}

# Sets client_cpu_seconds: CPU seconds (user + system) of this script's finished children so far, the clients (the
# silos are not waited for). Not a $(...) and times goes to a file: in a subshell it would see no children.
client_cpu() {
    local user system
    times >"$work/times"
    read -r user system < <(tail -n 1 "$work/times")
    client_cpu_seconds=$(awk -v u="$user" -v s="$system" 'function sec(t, m) { m = t; sub(/m.*/, "", m); sub(/^[0-9]+m/, "", t); sub(/s$/, "", t); return m * 60 + t }
        BEGIN { printf "%.3f", sec(u) + sec(s) }')
}

# Runs the client in the background (so that Ctrl-C reaches the trap, which stops it) and waits for it.
client() {
    local log=$1
    shift
    dotnet "$client_dll" "$@" >"$log" 2>&1 &
    client_pid=$!
    if ! wait "$client_pid"; then
        client_pid=""
        tail -n 20 "$log" >&2
        echo "scale-out: error: marketsim $1 failed; its output is in $log" >&2
        exit 1
    fi
    client_pid=""
}

json_field() { grep -o "\"$2\": *\"[^\"]*\"" "$1" | head -n 1 | sed 's/.*: *"\(.*\)"/\1/'; }

# Seconds from a manifest's startedAt to its finishedAt.
manifest_seconds() {
    local start end
    start=$(date -d "$(json_field "$1" startedAt)" +%s.%N)
    end=$(date -d "$(json_field "$1" finishedAt)" +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}

# One run of $1 ticks on the running cluster: sets run_seconds, run_cpu, run_hash. Not in a subshell, so that the
# trap knows the client's pid.
timed_run() {
    local run_ticks=$1 silos=$2 out cpu_before cpu_after manifest
    out=$work/runs-$silos-silo-$run_ticks
    rm -rf "$out"
    client_cpu
    cpu_before=$(silo_cpu) client_before=$client_cpu_seconds
    client "$work/client-$silos-silo-$run_ticks.log" run "$scenario" --cluster "$address" --ticks "$run_ticks" \
        --set "retail.count=$agents" --cohort-size "$cohort" --checkpoint-every "$checkpoint_every" --quiet --out "$out"
    cpu_after=$(silo_cpu)
    manifest=$(echo "$out"/*/manifest.json)
    run_seconds=$(manifest_seconds "$manifest")
    run_cpu=$(awk -v a="$cpu_before" -v b="$cpu_after" 'BEGIN { printf "%.3f", b - a }')
    client_cpu
    run_client_cpu=$(awk -v a="$client_before" -v b="$client_cpu_seconds" 'BEGIN { printf "%.3f", b - a }')
    run_hash=$(json_field "$manifest" traceHash)
}

# A whole sweep on the running cluster: sets run_seconds (wall), run_cpu, run_hash (run=hash,... in run order).
timed_sweep() {
    local silos=$1 out cpu_before cpu_after started ended hashes manifest
    out=$work/sweep-$silos-silo
    rm -rf "$out"
    client_cpu
    cpu_before=$(silo_cpu) client_before=$client_cpu_seconds
    started=$(date +%s.%N)
    client "$work/client-sweep-$silos-silo.log" sweep "$scenario" --cluster "$address" --set "$runs_set" --replicas "$replicas" \
        --ticks "$ticks" --set "retail.count=$agents" --cohort-size "$cohort" --checkpoint-every "$checkpoint_every" --quiet --out "$out"
    ended=$(date +%s.%N)
    cpu_after=$(silo_cpu)
    hashes=""
    for manifest in $(ls "$out"/*/runs/*/manifest.json | sort); do
        hashes+="$(basename "$(dirname "$manifest")")=$(json_field "$manifest" traceHash),"
    done
    run_seconds=$(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.3f", b - a }')
    run_cpu=$(awk -v a="$cpu_before" -v b="$cpu_after" 'BEGIN { printf "%.3f", b - a }')
    client_cpu
    run_client_cpu=$(awk -v a="$client_before" -v b="$client_cpu_seconds" 'BEGIN { printf "%.3f", b - a }')
    run_hash=${hashes%,}
}

if [[ ${MARKETSIM_NO_BUILD:-} != 1 ]]; then
    say "building the client and the silo (Release)"
    dotnet build "$root/client" -c Release --nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
fi

say "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; silos pinned to cores $MARKETSIM_SILO_CPUS in turn"
if (( sweep )); then
    say "sweep of $scenario: --set '$runs_set' x $replicas replicas, $agents agents in cohorts of $cohort, $ticks ticks"
else
    say "$scenario: $agents agents in cohorts of $cohort, $ticks and $short_ticks ticks"
fi

declare -A measure cpu hash
first=1
for silos in $silo_counts; do
    if (( first )); then first=0; else export MARKETSIM_NO_BUILD=1; fi
    cluster start "$silos" >"$work/cluster-$silos.log" 2>&1 || { cat "$work/cluster-$silos.log" >&2; exit 1; }
    if (( sweep )); then
        timed_sweep "$silos"
        measure[$silos]=$run_seconds
        cpu[$silos]=$run_cpu
        hash[$silos]=$run_hash
        say "$silos silo(s): sweep wall time $run_seconds s, CPU: silos $run_cpu s, client $run_client_cpu s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    else
        # A fresh silo runs its first ticks unoptimised (JIT): a warm-up run, not measured, goes first.
        timed_run "$short_ticks" "$silos-warm-up"
        timed_run "$short_ticks" "$silos"
        short_s=$run_seconds short_cpu=$run_cpu short_hash=$run_hash short_client_cpu=$run_client_cpu
        timed_run "$ticks" "$silos"
        long_s=$run_seconds long_cpu=$run_cpu long_hash=$run_hash long_client_cpu=$run_client_cpu
        measure[$silos]=$(awk -v l="$long_s" -v s="$short_s" -v n=$((ticks - short_ticks)) 'BEGIN { printf "%.1f", 1000 * (l - s) / n }')
        cpu[$silos]=$(awk -v l="$long_cpu" -v s="$short_cpu" -v n=$((ticks - short_ticks)) 'BEGIN { printf "%.1f", 1000 * (l - s) / n }')
        hash[$silos]="$long_hash (and $short_hash for $short_ticks ticks)"
        client_per_tick=$(awk -v l="$long_client_cpu" -v s="$short_client_cpu" -v n=$((ticks - short_ticks)) 'BEGIN { printf "%.1f", 1000 * (l - s) / n }')
        say "$silos silo(s): ${measure[$silos]} ms/tick, CPU: silos ${cpu[$silos]} ms/tick, client $client_per_tick ms/tick (runs of $ticks ticks ${long_s} s, $short_ticks ticks ${short_s} s); trace hash ${hash[$silos]}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    fi
    cluster stop >/dev/null
done

first_count=${silo_counts%% *}
status=0
for silos in $silo_counts; do
    [[ $silos == "$first_count" ]] && continue
    if (( sweep )); then
        say "speed-up $first_count -> $silos silos: $(awk -v a="${measure[$first_count]}" -v b="${measure[$silos]}" 'BEGIN { printf "%.2f", a / b }')x in wall time"
    else
        say "speed-up $first_count -> $silos silos: $(awk -v a="${measure[$first_count]}" -v b="${measure[$silos]}" 'BEGIN { printf "%.2f", a / b }')x in ms/tick"
    fi
    if [[ ${hash[$silos]} == "${hash[$first_count]}" ]]; then
        say "trace hashes match on $first_count and $silos silos"
    else
        say "error: trace hashes differ: $first_count silo(s) ${hash[$first_count]}, $silos silos ${hash[$silos]}" >&2
        status=1
    fi
done
exit "$status"
