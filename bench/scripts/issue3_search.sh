#!/bin/bash
# Reproduces the search figures of docs/benchmarks.md ("Search"): Tuner's default sampler and Optuna 3.1's TPE on the
# whole catalogue (D = 4 for the scalable functions), and random, tpe, tpe-mv, gp on a subset.
#   bench/scripts/issue3_search.sh tuner|optuna|subset [OUT_DIR]    (run from the repository root; default OUT_DIR /tmp/bench2)
# Writes JSON lines to OUT_DIR/search-default.jsonl, optuna-tpe.jsonl or search-subset.jsonl.
set -euo pipefail
part=${1:?tuner, optuna or subset}
out=${2:-/tmp/bench2}
seeds_default=${SEEDS_DEFAULT:-20}
seeds_optuna=${SEEDS_OPTUNA:-20}
seeds_subset=${SEEDS_SUBSET:-10}
mkdir -p "$out"
bench=bench/Tuner.Benchmarks/bin/Release/net10.0/Tuner.Benchmarks
[ -x "$bench" ] || dotnet build bench/Tuner.Benchmarks -c Release >&2
catalogue="branin hartmann3 hartmann6 six_hump_camel rosenbrock:4 styblinski_tang:4 ackley:4 levy:4 griewank:4 mixed"
subset="branin hartmann6 rosenbrock:4 mixed"
case $part in
  tuner)
    for f in $catalogue; do "$bench" search --function "$f" --sampler default --trials 100 --seeds "$seeds_default"; done \
      > "$out/search-default.jsonl" ;;
  optuna)
    for f in $catalogue; do /usr/bin/python3 bench/optuna/run_optuna.py --function "$f" --trials 100 --seeds "$seeds_optuna"; done \
      > "$out/optuna-tpe.jsonl" ;;
  subset)
    for s in random tpe tpe-mv gp; do for f in $subset; do
      "$bench" search --function "$f" --sampler "$s" --trials 100 --seeds "$seeds_subset"
    done; done > "$out/search-subset.jsonl" ;;
  *) echo "part must be tuner, optuna or subset, but got '$part'" >&2; exit 2 ;;
esac
