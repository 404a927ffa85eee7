#!/usr/bin/env bash
# A MarketSim cluster on this machine: one private Redis (membership table and checkpoint storage)
# and N silo processes, all on loopback.
#
#   deploy/local-cluster.sh start N   build the silo, start Redis and N silos, wait until every silo is active and places grains on all N
#   deploy/local-cluster.sh stop      SIGTERM the silos (SIGKILL after a timeout), then Redis
#   deploy/local-cluster.sh status    what runs, on which ports; exit 0 only if everything runs
#
# Then: marketsim run scenarios/quickstart.yaml --cluster redis://127.0.0.1:6390
#
# Environment (defaults in brackets); silo i (1..N) uses base port + i - 1:
#   MARKETSIM_CLUSTER_DIR     state: pid files, logs, Redis data [deploy/.local-cluster]
#   MARKETSIM_REDIS_PORT      [6390]
#   MARKETSIM_SILO_PORT       first silo-to-silo port [11111]
#   MARKETSIM_GATEWAY_PORT    first client gateway port [30000]
#   MARKETSIM_DASHBOARD_PORT  first dashboard port, 0 = no dashboard [8080]
#   MARKETSIM_CLUSTER_ID, MARKETSIM_SERVICE_ID  [marketsim]
#   MARKETSIM_CONFIGURATION   build configuration [Release]
#   MARKETSIM_NO_BUILD=1      use the silo already built
#   MARKETSIM_START_TIMEOUT   seconds to wait for the silos [90]
#   MARKETSIM_STOP_TIMEOUT    seconds between SIGTERM and SIGKILL [30]
#   MARKETSIM_SILO_CPUS       pin silo i to the i-th core of this comma list with taskset (0,1: silo 1 on core 0,
#                             silo 2 on core 1; the list repeats for more silos) [not pinned]
# Any Orleans__* or Telemetry__* variable (e.g. Orleans__Membership__ProbeTimeout=00:00:02) reaches every silo.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state=${MARKETSIM_CLUSTER_DIR:-$root/deploy/.local-cluster}
redis_port=${MARKETSIM_REDIS_PORT:-6390}
silo_port=${MARKETSIM_SILO_PORT:-11111}
gateway_port=${MARKETSIM_GATEWAY_PORT:-30000}
dashboard_port=${MARKETSIM_DASHBOARD_PORT:-8080}
cluster_id=${MARKETSIM_CLUSTER_ID:-marketsim}
service_id=${MARKETSIM_SERVICE_ID:-marketsim}
configuration=${MARKETSIM_CONFIGURATION:-Release}
start_timeout=${MARKETSIM_START_TIMEOUT:-90}
stop_timeout=${MARKETSIM_STOP_TIMEOUT:-30}
silo_dll=$root/silo/bin/$configuration/net10.0/marketsim-silo.dll
silo_cpus=${MARKETSIM_SILO_CPUS:-}

say() { echo "local-cluster: $*"; }
fail() { echo "local-cluster: error: $*" >&2; exit 1; }

usage() {
    echo "usage: $0 start N | stop | status" >&2
    exit 2
}

# The pid in a pid file, if that process still runs the program we started (pids get reused).
live_pid() {
    local file=$1 program=$2 pid
    [[ -f $file ]] || return 1
    pid=$(<"$file")
    [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$program" || return 1
    echo "$pid"
}

# Whether a process we just started still runs. Not live_pid: for a moment after `cmd &` the child
# is still a copy of this shell, not yet the program.
started_alive() { kill -0 "$(<"$1")" 2>/dev/null; }

silo_files() { compgen -G "$state/silo-*.pid" | sort -V || true; }

redis_ping() {
    # Plain RESP over bash's /dev/tcp: no redis-cli needed.
    local reply
    { exec 3<>"/dev/tcp/127.0.0.1/$redis_port"; } 2>/dev/null || return 1
    printf 'PING\r\n' >&3
    read -r -t 2 reply <&3 || true
    exec 3>&-
    [[ $reply == +PONG* ]]
}

ensure_redis_installed() {
    command -v redis-server >/dev/null && return
    say "redis-server is not installed; installing it with apt-get"
    local sudo=()
    [[ $(id -u) == 0 ]] || sudo=(sudo)
    # The lock timeout lets two runs that both found Redis missing install one after the other.
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq redis-server >/dev/null
    command -v redis-server >/dev/null || fail "apt-get installed no redis-server"
}

build_silo() {
    if [[ ${MARKETSIM_NO_BUILD:-} == 1 ]]; then
        [[ -f $silo_dll ]] || fail "$silo_dll is missing; build it or unset MARKETSIM_NO_BUILD"
        return
    fi
    say "building the silo ($configuration)"
    dotnet build "$root/silo" -c "$configuration" --nologo -v quiet >"$state/build.log" 2>&1 \
        || { cat "$state/build.log" >&2; fail "the silo did not build"; }
}

start_redis() {
    mkdir -p "$state/redis"
    # No persistence: the membership table describes processes that die with this cluster.
    redis-server --port "$redis_port" --bind 127.0.0.1 --protected-mode yes --dir "$state/redis" \
        --save "" --appendonly no --daemonize no --logfile "$state/redis.log" </dev/null >/dev/null 2>&1 &
    echo $! >"$state/redis.pid"
    for _ in $(seq 50); do
        redis_ping && return
        started_alive "$state/redis.pid" || break
        sleep 0.2
    done
    tail -n 5 "$state/redis.log" >&2 2>/dev/null || true
    fail "Redis did not start on 127.0.0.1:$redis_port"
}

# The taskset prefix that pins silo i, or nothing.
silo_pinning() {
    local i=$1 cpus
    [[ -n $silo_cpus ]] || return 0
    IFS=, read -r -a cpus <<<"$silo_cpus"
    echo taskset -c "${cpus[$(( (i - 1) % ${#cpus[@]} ))]}"
}

start_silo() {
    local i=$1 dashboard=0
    (( dashboard_port > 0 )) && dashboard=$((dashboard_port + i - 1))
    # taskset execs the silo, so the pid below is the silo's own.
    $(silo_pinning "$i") env Orleans__ClusterId="$cluster_id" \
        Orleans__ServiceId="$service_id" \
        Orleans__Clustering__ProviderType=Redis \
        Orleans__Clustering__ConnectionString="127.0.0.1:$redis_port" \
        Orleans__Endpoints__AdvertisedIP=127.0.0.1 \
        Orleans__Endpoints__SiloPort=$((silo_port + i - 1)) \
        Orleans__Endpoints__GatewayPort=$((gateway_port + i - 1)) \
        Orleans__Dashboard__Port=$dashboard \
        OTEL_SERVICE_NAME="marketsim-silo-$i" \
        dotnet "$silo_dll" </dev/null >"$state/silo-$i.log" 2>&1 &
    echo $! >"$state/silo-$i.pid"
}

# Waits for SiloStatusLog's "is active" line in each silo's log, then until each places grains on all of
# them: a silo that has not yet learnt another's grain types would put a whole run on the silos it knows.
wait_for_silos() {
    local count=$1 deadline=$((SECONDS + start_timeout)) i
    for i in $(seq "$count"); do
        until grep -q "is active in cluster" "$state/silo-$i.log" 2>/dev/null \
            && [[ $(grep -o "places grains on [0-9]* silo" "$state/silo-$i.log" | tail -n 1) == "places grains on $count silo" ]]; do
            if ! started_alive "$state/silo-$i.pid"; then
                echo "silo $i exited; the end of its log:" >&2
                tail -n 20 "$state/silo-$i.log" >&2 || true
                return 1
            fi
            if (( SECONDS >= deadline )); then
                echo "silo $i is not active, or does not place grains on all $count silos, after ${start_timeout}s" >&2
                return 1
            fi
            sleep 0.5
        done
    done
}

start() {
    local count=${1:-}
    [[ $count =~ ^[1-9][0-9]*$ ]] || usage
    if [[ -n $silo_cpus ]]; then
        [[ $silo_cpus =~ ^[0-9]+(,[0-9]+)*$ ]] || fail "MARKETSIM_SILO_CPUS: expected core numbers such as 0,1, got '$silo_cpus'"
        command -v taskset >/dev/null || fail "MARKETSIM_SILO_CPUS needs taskset (util-linux), which is not on PATH"
    fi
    mkdir -p "$state"
    if live_pid "$state/redis.pid" redis-server >/dev/null || [[ -n $(running_silos) ]]; then
        fail "a cluster already runs from $state; stop it first ($0 stop)"
    fi
    rm -f "$state"/*.pid "$state"/silo-*.log

    # status reads the ports back from here, whatever the environment it is called with.
    printf 'redis_port=%s\nsilo_port=%s\ngateway_port=%s\ndashboard_port=%s\n' \
        "$redis_port" "$silo_port" "$gateway_port" "$dashboard_port" >"$state/ports"

    ensure_redis_installed
    build_silo
    start_redis
    say "Redis on 127.0.0.1:$redis_port"
    for i in $(seq "$count"); do
        start_silo "$i"
    done
    if ! wait_for_silos "$count"; then
        stop >/dev/null
        fail "the silos did not come up; logs in $state"
    fi
    say "$count silo(s) active in cluster $cluster_id${silo_cpus:+ (pinned to cores $silo_cpus)}"
    (( dashboard_port > 0 )) && say "dashboard: http://localhost:$dashboard_port/"
    say "run on it: marketsim run scenarios/quickstart.yaml --cluster redis://127.0.0.1:$redis_port"
}

running_silos() {
    local file
    for file in $(silo_files); do
        live_pid "$file" marketsim-silo || true
    done
}

stop() {
    local pids pid deadline
    pids=$(running_silos)
    if [[ -n $pids ]]; then
        say "stopping silos: $(echo $pids)"
        # SIGTERM lets each silo leave the membership table cleanly; SIGKILL only if one hangs.
        kill -TERM $pids 2>/dev/null || true
        deadline=$((SECONDS + stop_timeout))
        while [[ -n $(running_silos) ]] && (( SECONDS < deadline )); do
            sleep 0.5
        done
        for pid in $(running_silos); do
            say "silo $pid did not stop in ${stop_timeout}s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
        done
    fi
    if pid=$(live_pid "$state/redis.pid" redis-server); then
        say "stopping Redis ($pid)"
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$state"/*.pid 2>/dev/null || true
    say "stopped"
}

status() {
    local ok=0 file i pid
    # shellcheck source=/dev/null
    [[ -f $state/ports ]] && source "$state/ports"
    if pid=$(live_pid "$state/redis.pid" redis-server); then
        say "Redis     running  pid $pid  127.0.0.1:$redis_port"
    else
        say "Redis     stopped"
        ok=1
    fi
    for file in $(silo_files); do
        i=${file##*/silo-}
        i=${i%.pid}
        if pid=$(live_pid "$file" marketsim-silo); then
            local dashboard=""
            (( dashboard_port > 0 )) && dashboard="  dashboard http://localhost:$((dashboard_port + i - 1))/"
            say "silo $i    running  pid $pid  silo $((silo_port + i - 1))  gateway $((gateway_port + i - 1))$dashboard"
        else
            say "silo $i    stopped  (log: $state/silo-$i.log)"
            ok=1
        fi
    done
    [[ -n $(silo_files) ]] || { say "no silos"; ok=1; }
    return $ok
}

case ${1:-} in
    start) start "${2:-}" ;;
    stop) stop ;;
    status) status ;;
    *) usage ;;
esac
