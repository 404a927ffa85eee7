#!/usr/bin/env bash
# Does memory grow with run length? Runs one scenario for a short and a long run (2,000 and 20,000 ticks by default)
# and prints the peak resident memory of each and their ratio (issue 14: at most 1.2x):
#   - on the embedded silo with checkpoints off and with a checkpoint every 50 ticks (the client's peak RSS),
#   - with --cluster, on a local 1-silo cluster (deploy/local-cluster.sh, own ports) with checkpoints off and on: the
#     client's peak and the silo's (VmHWM), the cluster restarted for each run so each peak is that run's alone.
#
#   bench/memory.sh [--scenario FILE] [--short N] [--long N] [--cluster]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
scenario=$root/scenarios/baseline.yaml
short=2000
long=20000
cluster=0
while (($#)); do
    case $1 in
        --scenario) scenario=$(realpath "$2"); shift 2 ;;
        --short) short=$2; shift 2 ;;
        --long) long=$2; shift 2 ;;
        --cluster) cluster=1; shift ;;
        *) echo "usage: $0 [--scenario FILE] [--short N] [--long N] [--cluster]" >&2; exit 2 ;;
    esac
done

client=$root/client/bin/Release/net10.0/marketsim.dll
dotnet build "$root/client" -c Release -v q -nologo >/dev/null
work=$(mktemp -d)

# The cluster gets ports of its own, so that it does not meet a cluster someone else runs on this machine.
export MARKETSIM_CLUSTER_DIR=$work/cluster MARKETSIM_REDIS_PORT=6397 MARKETSIM_SILO_PORT=11311 MARKETSIM_GATEWAY_PORT=30311 MARKETSIM_DASHBOARD_PORT=0
cleanup() {
    ((cluster)) && "$root/deploy/local-cluster.sh" stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Peak RSS in MB of the client running the scenario for $1 ticks, with the remaining arguments.
client_peak() {
    local ticks=$1
    shift
    rm -rf "$work/out" && mkdir -p "$work/out"
    /usr/bin/time -f %M -o "$work/rss" dotnet "$client" run "$scenario" --ticks "$ticks" --quiet --out "$work/out" "$@" >/dev/null
    echo $(($(<"$work/rss") / 1024))
}

silo_peak() {
    local pid
    pid=$(<"$(compgen -G "$MARKETSIM_CLUSTER_DIR/silo-*.pid" | head -1)")
    echo $(($(awk '/VmHWM/ {print $2}' "/proc/$pid/status") / 1024))
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b / a }'; }

echo "scenario $(basename "$scenario"): peak resident memory, $short against $long ticks"
for every in 0 50; do
    a=$(client_peak "$short" --engine orleans --checkpoint-every "$every")
    b=$(client_peak "$long" --engine orleans --checkpoint-every "$every")
    printf 'embedded silo, checkpoint every %-3s  %5s MB  %5s MB  x%s\n' "$every" "$a" "$b" "$(ratio "$a" "$b")"
done

if ((cluster)); then
    "$root/deploy/local-cluster.sh" stop >/dev/null 2>&1 || true
    for every in 0 50; do
        peaks=()
        for ticks in "$short" "$long"; do
            "$root/deploy/local-cluster.sh" start 1 >/dev/null
            peaks+=("$(client_peak "$ticks" --cluster "redis://127.0.0.1:$MARKETSIM_REDIS_PORT" --checkpoint-every "$every")" "$(silo_peak)")
            "$root/deploy/local-cluster.sh" stop >/dev/null
        done
        printf 'cluster client,  checkpoint every %-3s  %5s MB  %5s MB  x%s\n' "$every" "${peaks[0]}" "${peaks[2]}" "$(ratio "${peaks[0]}" "${peaks[2]}")"
        printf 'cluster silo,    checkpoint every %-3s  %5s MB  %5s MB  x%s\n' "$every" "${peaks[1]}" "${peaks[3]}" "$(ratio "${peaks[1]}" "${peaks[3]}")"
    done
fi
