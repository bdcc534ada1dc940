#!/bin/bash
# Reproduces the latency and pruning figures of docs/benchmarks.md ("Search").
#   bench/scripts/issue3_latency_prune.sh latency|prune [OUT_DIR]   (run from the repository root; default OUT_DIR /tmp/bench2)
# Run latency on an otherwise idle machine: it measures wall-clock ask time.
set -euo pipefail
part=${1:?latency or prune}
out=${2:-/tmp/bench2}
mkdir -p "$out"
bench=bench/Tuner.Benchmarks/bin/Release/net10.0/Tuner.Benchmarks
[ -x "$bench" ] || dotnet build bench/Tuner.Benchmarks -c Release >&2
case $part in
  latency)
    for s in tpe tpe-mv; do for h in 1000 10000; do "$bench" latency --sampler "$s" --dims 10 --history "$h"; done; done \
      > "$out/latency.jsonl"
    "$bench" latency --sampler gp --dims 10 --history 300 >> "$out/latency.jsonl" ;;
  prune)
    : > "$out/prune.jsonl"
    for p in none median percentile asha hyperband patient threshold; do
      "$bench" prune --pruner "$p" --trials 100 --seeds 20 >> "$out/prune.jsonl" 2>> "$out/prune.err" \
        || echo "prune --pruner $p failed (exit $?), see $out/prune.err" >&2
    done ;;
  *) echo "part must be latency or prune, but got '$part'" >&2; exit 2 ;;
esac
