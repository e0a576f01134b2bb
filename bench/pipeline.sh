#!/usr/bin/env bash
# Throughput and peak memory of the dyade pipeline over OrangeSum, per stage, release build.
#
#   bash bench/pipeline.sh [LIMIT]
#
# Runs `dyade bench` (reads, annotates, stores nothing) on one thread and on all threads, and
# with two corpus sizes to show that peak RSS does not grow with the corpus (streaming).
# Figures go to BENCHMARKS.md by hand, with this command and the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=../shared/data/corpus/orangesum/orangesum.jsonl
LIMIT=${1:-}
cargo build --release -p dyade
BIN=target/release/dyade
echo "machine: $(nproc) cores, $(grep MemTotal /proc/meminfo | awk '{print $2/1048576 " GiB"}'), $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg)"
args=()
[ -n "$LIMIT" ] && args=(--limit "$LIMIT")
echo "== one thread"
"$BIN" bench "$CORPUS" -j 1 "${args[@]}" || [ $? -eq 3 ]
echo "== all threads ($(nproc))"
"$BIN" bench "$CORPUS" "${args[@]}" || [ $? -eq 3 ]
echo "== streaming: peak RSS at 2,000 articles vs the run above"
"$BIN" bench "$CORPUS" --limit 2000 | grep "peak RSS" || true
