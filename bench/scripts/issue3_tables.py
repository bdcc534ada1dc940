#!/usr/bin/python3
"""Prints the Markdown tables of docs/benchmarks.md ("Search") from the JSON lines that issue3_search.sh and
issue3_latency_prune.sh wrote.

    /usr/bin/python3 bench/scripts/issue3_tables.py [OUT_DIR]     (default /tmp/bench2)

Reads OUT_DIR/search-default.jsonl, optuna-tpe.jsonl, search-subset.jsonl, prune.jsonl, and every latency.jsonl
under OUT_DIR (several latency runs: the table gives the median of their medians). Regret medians are over seeds.
"""
import glob
import json
import os
import statistics
import sys
from collections import defaultdict

BEST_FINAL_LOSS = 0.426  # best final loss of the prune learning curves (bench/README.md)
FUNCTIONS = ["branin", "hartmann3", "hartmann6", "six_hump_camel", "rosenbrock:4", "styblinski_tang:4", "ackley:4",
             "levy:4", "griewank:4", "mixed"]
SAMPLERS = ["default", "optuna-tpe", "gp", "tpe", "tpe-mv", "random"]


def lines(path):
    with open(path) as source:
        return [json.loads(raw) for raw in source if raw.startswith("{")]


def search_tables(out):
    regrets = defaultdict(list)
    for name in ("search-default.jsonl", "optuna-tpe.jsonl", "search-subset.jsonl"):
        for line in lines(os.path.join(out, name)):
            regrets[(line["function"], line["sampler"])].append(line["regret"])
    print("| function | " + " | ".join(SAMPLERS) + " |")
    print("| --- |" + " ---: |" * len(SAMPLERS))
    for function in FUNCTIONS:
        cells = []
        for sampler in SAMPLERS:
            values = regrets.get((function, sampler))
            cells.append(f"{statistics.median(values):.3g} ({len(values)})" if values else "")
        print(f"| `{function}` | " + " | ".join(cells) + " |")
    print()
    print("| function | default | Optuna 3.1 TPE | default ≤ Optuna |")
    print("| --- | ---: | ---: | --- |")
    for function in FUNCTIONS:
        ours, theirs = (statistics.median(regrets[(function, s)]) for s in ("default", "optuna-tpe"))
        print(f"| `{function}` | {ours:.3g} | {theirs:.3g} | {'met' if ours <= theirs else 'NOT met'} |")


def latency_table(out):
    runs = defaultdict(list)
    for path in sorted(glob.glob(os.path.join(out, "**", "latency.jsonl"), recursive=True)):
        for line in lines(path):
            runs[(line["sampler"], line["dims"], line["history"])].append(line["ask_ms_median"])
    print("| sampler | dims | history | ask ms, median of runs | per run |")
    print("| --- | ---: | ---: | ---: | --- |")
    for (sampler, dims, history), values in runs.items():
        print(f"| `{sampler}` | {dims} | {history} | {statistics.median(values):.1f} | "
              + ", ".join(f"{v:.1f}" for v in values) + " |")


def prune_table(out):
    groups = defaultdict(list)
    for line in lines(os.path.join(out, "prune.jsonl")):
        groups[line["pruner"]].append(line)
    print("| pruner | seeds | steps used / without pruning (median) | regret median | regret mean | regret max | median regret / best loss |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for pruner, rows in groups.items():
        fraction = statistics.median(r["steps_used"] / r["steps_without_pruning"] for r in rows)
        regret = [r["regret"] for r in rows]
        print(f"| `{pruner}` | {len(rows)} | {fraction:.1%} | {statistics.median(regret):.3g} | {statistics.mean(regret):.3g} | "
              f"{max(regret):.3g} | {statistics.median(regret) / BEST_FINAL_LOSS:.1%} |")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/bench2"
    search_tables(out)
    print()
    latency_table(out)
    print()
    prune_table(out)


if __name__ == "__main__":
    main()
