#!/usr/bin/python3
"""Summarises JSON lines of `Tuner.Benchmarks search|prune` or bench/optuna/run_optuna.py read from stdin (or files).

    dotnet run -c Release --project bench/Tuner.Benchmarks -- search --function branin --sampler tpe --trials 100 --seeds 20 \\
        | /usr/bin/python3 bench/summarize.py

prints one line per (function, sampler) or pruner: the number of seeds and the medians over seeds of regret, best and
ask time (search), or of the fraction of steps used and regret (prune). Medians as the issue's targets are stated.
"""
import fileinput
import json
import statistics
from collections import defaultdict


def main():
    groups = defaultdict(list)
    for raw in fileinput.input():
        raw = raw.strip()
        if raw.startswith("{"):
            line = json.loads(raw)
            key = (line["function"], line["sampler"], line["trials"]) if "function" in line else (line["pruner"],)
            groups[key].append(line)
    for key, lines in groups.items():
        median = lambda field: statistics.median(l[field] for l in lines)  # noqa: E731
        if "function" in lines[0]:
            print(f"{key[0]:<20} {key[1]:<14} trials={key[2]:<5} seeds={len(lines):<3} regret_median={median('regret'):.6g} "
                  f"best_median={median('best'):.6g} ask_ms_median={median('ask_ms_median'):.4g} ask_ms_p99_median={median('ask_ms_p99'):.4g}")
        else:
            fraction = statistics.median(l["steps_used"] / l["steps_without_pruning"] for l in lines)
            print(f"{key[0]:<12} seeds={len(lines):<3} steps_fraction_median={fraction:.3f} regret_median={median('regret'):.6g} "
                  f"regret_max={max(l['regret'] for l in lines):.6g}")


if __name__ == "__main__":
    main()
