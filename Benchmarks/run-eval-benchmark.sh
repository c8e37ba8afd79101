#!/usr/bin/env bash
# The policy evaluation benchmark: iamconsole against Principal Mapper on the same requests, in one run.
#
# Usage: bash Benchmarks/run-eval-benchmark.sh [--principals N] [--requests-per-principal K] [--repeat R]
#
# Builds `iamconsole` in release mode, generates the requests file (deterministic), runs
# `iamconsole policy evaluate --requests FILE --repeat R` (single thread; parsing not timed), then runs the
# same requests through Principal Mapper (installed with pip when missing) and prints the figures.
set -euo pipefail
cd "$(dirname "$0")/.."

principals=1000
per_principal=5
repeat=20
while [ $# -gt 0 ]; do
    case "$1" in
        --principals) principals="$2"; shift 2 ;;
        --requests-per-principal) per_principal="$2"; shift 2 ;;
        --repeat) repeat="$2"; shift 2 ;;
        *) echo "usage: $0 [--principals N] [--requests-per-principal K] [--repeat R]" >&2; exit 252 ;;
    esac
done

python3 -c 'import principalmapper' 2>/dev/null || python3 -m pip install --quiet principalmapper

swift build -c release --product iamconsole >&2
binary="$(swift build -c release --show-bin-path)/iamconsole"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
requests="$work/requests.jsonl"
count=$(python3 Benchmarks/EvaluationBenchmark/generate_requests.py "$requests" \
    --principals "$principals" --requests-per-principal "$per_principal")

"$binary" policy evaluate --requests "$requests" --repeat "$repeat" >"$work/ours.jsonl" 2>"$work/ours.err" || {
    cat "$work/ours.err" >&2
    exit 1
}
ours=$(sed -n 's/^decisions\/s: //p' "$work/ours.err")
peer_json=$(python3 Benchmarks/eval_peer.py "$requests" "$work/ours.jsonl" \
    --disagreements "${DISAGREEMENTS:-$work/disagreements.jsonl}")

python3 - "$count" "$ours" "$peer_json" "$work/ours.jsonl" <<'PY'
import collections, json, sys
count, ours, peer = int(sys.argv[1]), int(sys.argv[2]), json.loads(sys.argv[3])
decisions = collections.Counter(json.loads(line)["decision"] for line in open(sys.argv[4]))
print("requests:           %d" % count)
print("decisions (ours):   %s" % ", ".join("%s %d" % item for item in sorted(decisions.items())))
print("ours decisions/s:   %d" % ours)
print("peer decisions/s:   %d  (principalmapper local_check_authorization_full)" % peer["peerDecisionsPerSecond"])
print("ratio:              %.1f" % (ours / peer["peerDecisionsPerSecond"]))
print("agreement:          %.2f%% (%d of %d; disagreements %s; peer errors %d)" % (
    100 * peer["agreement"], peer["agreed"], count, json.dumps(peer["disagreements"]), peer["peerErrors"]))
PY
